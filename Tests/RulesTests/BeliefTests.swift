import AuditModel
import Expressions
import Rules
import Testing

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

let activeCustomersRule = """
    rules:
      - id: BASE-010
        area: customer_base
        severity: medium
        title: {ru: Активные клиенты, en: Active customers}
        value: "abs(answer.customers_count - metric.customers.active_12m) / metric.customers.active_12m"
        warn: "> 0.1"
        fail: "> 0.25"
        unit: percent
        recommendation: {ru: Смотрите отчёт., en: Watch the report.}
        belief:
          label: {ru: Активные клиенты, en: Active customers}
          stated: "answer.customers_count"
          measured: "metric.customers.active_12m"
          unit: count
          noun: {ru: "клиент|клиента|клиентов", en: "customer|customers"}
          period: last_12_months
          note: {ru: "покупали за период; расхождение {{observed|percent}}", en: "bought in the period; a gap of {{observed|percent}}"}
    """

let starRule = """
    rules:
      - id: KEY-006
        area: key_accounts
        severity: high
        title: {ru: Не тот лучший менеджер, en: Not the star}
        when: "rank(metric.managers.revenue_share_12m, answer.star_name) != 1"
        observed: "lookup(metric.managers.revenue_share_12m, top(metric.managers.revenue_share_12m))"
        evidence: {ru: "Назван {{stated}}, по данным — {{measured}} ({{observed|percent}})", en: "Named {{stated}}; the data: {{measured}} ({{observed|percent}})"}
        recommendation: {ru: Смотрите доли., en: Watch the shares.}
        belief:
          label: {ru: Лучший менеджер, en: The star manager}
          stated: "answer.star_name"
          measured: "top(metric.managers.revenue_share_12m)"
          unit: text
          period: last_12_months
    """

@Suite struct BeliefEvaluation {
    let day = Day(year: 2026, month: 11, day: 29)!

    func finding(_ text: String, answers: [String: AnswerValue], metrics: [String: Value]) throws -> Finding {
        let ruleset = try RulesetLoader(environment: beliefEnvironment()).load(text: beliefRuleset(text), file: "b.yaml")
        let rule = try #require(ruleset.rules.first)
        return RuleEvaluator(policy: .standard).evaluate(rule, in: FixedContext(answers: answers, metrics: metrics, roundDate: day))
    }

    @Test func aBeliefFindingCarriesBothValuesWithTheirUnitAndPeriod() throws {
        let result = try finding(
            activeCustomersRule, answers: ["customers_count": .number(1200)], metrics: ["customers.active_12m": .number(844)])
        #expect(result.status == .finding, "1 200 stated against 844 measured is 42 % apart, past the 25 % fail band")
        let belief = try #require(result.belief)
        #expect(belief.stated == 1200)
        #expect(belief.measured == 844)
        #expect(belief.unit == "count")
        #expect(belief.period == .last12Months)
        #expect(belief.comparison == .difference)
        #expect(belief.questions == ["customers_count"])
        #expect(belief.note?.en == "bought in the period; a gap of 42.2%")
    }

    @Test func insideTheToleranceTheBeliefIsConfirmed() throws {
        let result = try finding(
            activeCustomersRule, answers: ["customers_count": .number(850)], metrics: ["customers.active_12m": .number(844)])
        #expect(result.status == .ok)
        #expect(result.belief?.stated == 850)
    }

    @Test func aDontKnowIsKeptInWordsSoTheTableCanSaySo() throws {
        let result = try finding(
            activeCustomersRule, answers: ["customers_count": .dontKnow], metrics: ["customers.active_12m": .number(844)])
        #expect(result.status == .notEvaluable)
        #expect(result.belief?.stated == nil)
        #expect(result.belief?.statedText?.en == "dont_know")
        #expect(result.belief?.measured == 844, "the data's side is still shown")
    }

    @Test func theStarManagerNamedIsComparedWithTheTopOneByName() throws {
        let shares = Value.table(["Козлов Сергей": 0.064, "Соколов Андрей": 0.348])
        let wrong = try finding(starRule, answers: ["star_name": .text("Сергей")], metrics: ["managers.revenue_share_12m": shares])
        #expect(wrong.status == .finding)
        #expect(wrong.belief?.statedText?.en == "Сергей")
        #expect(wrong.belief?.measuredText?.en == "Соколов Андрей")
        #expect(wrong.belief?.comparison == .match, "a text belief is confirmed or not")
        #expect(wrong.observed == 0.348)
        #expect(
            wrong.evidence?.en == "Named Сергей; the data: Соколов Андрей (34.8%)", "{{stated}} and {{measured}} fill in a belief's values")
        let right = try finding(starRule, answers: ["star_name": .text("Андрей Соколов")], metrics: ["managers.revenue_share_12m": shares])
        #expect(right.status == .ok)
    }

    @Test func aTableMeasuredIsListedLargestFirst() throws {
        let rule = starRule.replacingOccurrences(
            of: "measured: \"top(metric.managers.revenue_share_12m)\"",
            with: "measured: \"metric.managers.revenue_share_12m\"")
        let shares = Value.table(["Козлов Сергей": 0.064, "Соколов Андрей": 0.348])
        let result = try finding(rule, answers: ["star_name": .text("Козлов")], metrics: ["managers.revenue_share_12m": shares])
        #expect(result.belief?.measuredText?.ru == "Соколов Андрей 34,8\u{00A0}%, Козлов Сергей 6,4\u{00A0}%")
        #expect(result.belief?.measuredText?.en == "Соколов Андрей 34.8%, Козлов Сергей 6.4%")
    }

    @Test func aRuleThatDoesNotApplyHasNoBeliefRow() throws {
        let rule = activeCustomersRule.replacingOccurrences(of: "\n    value:", with: "\n    applies_if: \"1 > 2\"\n    value:")
        let result = try finding(rule, answers: ["customers_count": .number(1200)], metrics: ["customers.active_12m": .number(844)])
        #expect(result.status == .notApplicable)
        #expect(result.belief == nil)
    }
}

@Suite struct BeliefLoading {
    func problems(_ text: String) -> [String] {
        RulesetLoader(environment: beliefEnvironment()).lint(text: beliefRuleset(text), file: "b.yaml").1.map { $0.formatted(in: .en) }
    }

    @Test func aValidBeliefLoads() {
        #expect(problems(activeCustomersRule).isEmpty)
        #expect(problems(starRule).isEmpty)
    }

    @Test func aBeliefNamesKnownUnitsPeriodsAndThreeRussianForms() {
        let broken =
            activeCustomersRule
            .replacingOccurrences(of: "unit: count", with: "unit: pieces")
            .replacingOccurrences(of: "period: last_12_months", with: "period: last_year")
            .replacingOccurrences(of: "клиент|клиента|клиентов", with: "клиент|клиентов")
        let found = problems(broken)
        #expect(found.contains { $0.contains("'unit': expected one of: percent, count, days, years, money, number, text") })
        #expect(found.contains { $0.contains("'period': 'last_year' is not one of: last_12_months, whole_history, as_of") })
        #expect(found.contains { $0.contains("'noun': ru takes three forms") })
    }

    @Test func anUnknownMetricInABeliefIsAnErrorWithAHint() {
        let found = problems(
            activeCustomersRule.replacingOccurrences(
                of: "measured: \"metric.customers.active_12m\"",
                with: "measured: \"metric.customers.active\""))
        #expect(found.contains { $0.contains("unknown metric 'customers.active'; did you mean 'customers.active_12m'?") })
    }

    @Test func aTestAnswerNamingAnOptionTheQuestionLacksIsAnError() {
        let rule = """
            rules:
              - id: BASE-013
                area: customer_base
                severity: medium
                title: {ru: ИНН, en: Tax id}
                when: "answer.model == 'b2b'"
                recommendation: {ru: Да, en: Yes}
                tests:
                  - {given: {answers: {model: b2bb}}, expect: finding}
                  - {given: {answers: {goals: [grow_sale]}}, expect: ok}
            """
        let found = problems(rule)
        #expect(found.contains { $0.contains("b.yaml:13:") && $0.contains("question 'model' has no option 'b2bb'; did you mean 'b2b'?") })
        #expect(
            found.contains {
                $0.contains("b.yaml:14:") && $0.contains("question 'goals' has no option 'grow_sale'; did you mean 'grow_sales'?")
            })
    }
}
