import AuditModel
import Expressions
import Rules

/// An environment with the questions and metrics of the owner's beliefs.
func beliefEnvironment() -> RuleEnvironment {
    var types = TypeEnvironment()
    types.answers["customers_count"] = ReferenceType(.number)
    types.answers["star_name"] = ReferenceType(.string)
    types.answers["star_share"] = ReferenceType(.number)
    types.answers["goals"] = ReferenceType(.set, options: ["grow_sales", "retain_customers", "reporting"])
    types.answers["stages"] = ReferenceType(.string)
    types.answers["cycle_days"] = ReferenceType(.number)
    types.answers["model"] = ReferenceType(.string, options: ["b2b", "b2c", "mixed"])
    types.metrics["customers.active_12m"] = ReferenceType(.number)
    types.metrics["sales.growth_12m"] = ReferenceType(.number)
    types.metrics["retention.rate_12m"] = ReferenceType(.number)
    types.metrics["managers.revenue_share_12m"] = ReferenceType(.table)
    return RuleEnvironment(types: types, areas: ["customer_base", "key_accounts"], sampleSets: [])
}

func beliefRuleset(_ body: String) -> String {
    """
    schema: crm-audit/ruleset/1
    id: beliefs
    version: 1.0.0
    title: {ru: Убеждения, en: Beliefs}
    \(body)
    """
}
