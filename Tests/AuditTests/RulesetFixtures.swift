import Audit
import AuditModel
import Expressions
import Rules

/// The tool's own rule environment (every catalogue metric with its unit and period) with the
/// few answers the configuration tests' rulesets read.
func configurationEnvironment() -> RuleEnvironment {
    var environment = AuditSetup.ruleEnvironment(for: nil)
    let goals = ["grow_sales", "retain_customers", "reporting"]
    environment.types.answers = [
        "stages": ReferenceType(.string), "cycle_days": ReferenceType(.number), "goals": ReferenceType(.set, options: goals),
    ]
    environment.areas = ["customer_base"]
    return environment
}

/// A ruleset file around `body`.
func configurationRuleset(_ body: String) -> String {
    "schema: crm-audit/ruleset/1\nid: configuration\nversion: 1.0.0\ntitle: {ru: Конфигурация, en: Configuration}\n" + body
}
