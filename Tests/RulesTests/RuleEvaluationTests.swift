import AuditModel
import Expressions
import Rules
import Testing

/// A small environment: three questions and two metrics.
func testEnvironment() -> RuleEnvironment {
    var types = TypeEnvironment()
    types.answers["success_criteria"] = ReferenceType(.string, options: ["none", "partial", "full"])
    types.answers["uses_email"] = ReferenceType(.bool)
    types.answers["tools"] = ReferenceType(.set, options: ["crm", "excel", "notebooks"])
    types.metrics["dq.email_missing_share"] = ReferenceType(.number)
    types.metrics["customers.count"] = ReferenceType(.number)
    return RuleEnvironment(types: types, areas: ["goals", "customer_base"], sampleSets: ["customers.missing_email"])
}

let header = """
    schema: crm-audit/ruleset/1
    id: test
    version: 1.0.0
    title: {ru: Тест, en: Test}
    rules:

    """

func load(_ rules: String) throws -> Ruleset {
    try RulesetLoader(environment: testEnvironment()).load(text: header + rules, file: "test.yaml")
}

let goalsRule = """
      - id: GOALS-001
        area: goals
        severity: critical
        blocking: true
        title: {ru: Нет критериев успеха, en: No success criteria}
        when: "answer.success_criteria == 'none'"
        recommendation: {ru: Сформулируйте цели., en: Set goals.}
    """

let emailRule = """
      - id: DQ-EMAIL-001
        area: customer_base
        severity: high
        title: {ru: Нет email, en: No email}
        applies_if: "answer.uses_email"
        value: "metric.dq.email_missing_share"
        warn: "> 0.10"
        fail: "> 0.30"
        count: "metric.dq.email_missing_share * metric.customers.count"
        denominator: "metric.customers.count"
        evidence: {ru: "Нет email у {{observed|percent}} ({{count}} из {{denominator}}).", en: "{{observed|percent}} have no email ({{count}} of {{denominator}})."}
        recommendation: {ru: Сделайте email обязательным., en: Make email required.}
    """

@Suite struct RuleEvaluationTests {
    let day = Day(year: 2026, month: 11, day: 29)!

    func outcome(
        _ rule: String, answers: [String: AnswerValue] = [:], metrics: [String: Value] = [:],
        waivers: [Waiver] = []
    ) throws -> Finding {
        let ruleset = try load(rule)
        let evaluator = RuleEvaluator(policy: .standard, waivers: waivers)
        return evaluator.evaluate(try #require(ruleset.rules.first), in: FixedContext(answers: answers, metrics: metrics, roundDate: day))
    }

    @Test func aConditionOnAnswersOnlyIsAFindingThatScoresNothing() throws {
        // The questionnaire's maturity already counts the answer: the rule finds and explains, and
        // the answer is counted once.
        let finding = try outcome(goalsRule, answers: ["success_criteria": .option("none")])
        #expect(finding.status == .finding)
        #expect(finding.pointsPossible == 0)
        #expect(finding.pointsLost == 0)
        #expect(finding.blocking)
    }

    @Test func aConditionOnTheDataThatHoldsLosesAllItsPoints() throws {
        let rule = goalsRule.replacingOccurrences(of: "answer.success_criteria == 'none'", with: "metric.customers.count < 10")
        let finding = try outcome(rule, metrics: ["customers.count": .number(3)])
        #expect(finding.status == .finding)
        #expect(finding.pointsPossible == 10)
        #expect(finding.pointsLost == 10)
    }

    @Test func anUnknownAnswerMakesTheRuleNotEvaluableAndSaysWhatIsMissing() throws {
        let finding = try outcome(goalsRule, answers: ["success_criteria": .dontKnow])
        #expect(finding.status == .notEvaluable)
        #expect(finding.pointsPossible == 0)
        #expect(finding.missing.map(\.id) == ["success_criteria"])
        let unanswered = try outcome(goalsRule)
        #expect(unanswered.status == .notEvaluable)
    }

    @Test(arguments: [(0.35, FindingStatus.finding, 5.0), (0.12, .warn, 2.5), (0.05, .ok, 0)])
    func metricBandsGiveFindingWarnOrOk(share: Double, status: FindingStatus, lost: Double) throws {
        let finding = try outcome(
            emailRule, answers: ["uses_email": .bool(true)],
            metrics: ["dq.email_missing_share": .number(share), "customers.count": .number(200)])
        #expect(finding.status == status)
        #expect(finding.pointsLost == lost)
        #expect(finding.observed == share)
        #expect(finding.denominator == 200)
    }

    @Test func evidenceIsRenderedInBothLanguages() throws {
        let finding = try outcome(
            emailRule, answers: ["uses_email": .bool(true)],
            metrics: ["dq.email_missing_share": .number(0.35), "customers.count": .number(1200)])
        #expect(finding.evidence?.en == "35% have no email (420 of 1,200).")
        #expect(finding.evidence?.ru == "Нет email у 35\u{00A0}% (420 из 1\u{00A0}200).")
    }

    @Test func aClauseInDoubleBracketsIsLeftOutWhenOneOfItsValuesIsUnknown() throws {
        let rule = emailRule.replacingOccurrences(
            of: "en: \"{{observed|percent}} have no email ({{count}} of {{denominator}}).\"",
            with: "en: \"{{observed|percent}} have no email.[[ Of {{metric.customers.count|count}} customers.]] Known: {{answer.tools}}.\"")
        let known = try outcome(
            rule, answers: ["uses_email": .bool(true)],
            metrics: ["dq.email_missing_share": .number(0.35), "customers.count": .number(1200)])
        #expect(known.evidence?.en == "35% have no email. Of 1,200 customers. Known: —.")
        let unknown = try outcome(
            rule, answers: ["uses_email": .bool(true)],
            metrics: ["dq.email_missing_share": .number(0.35), "customers.count": .null])
        #expect(unknown.evidence?.en == "35% have no email. Known: —.")
    }

    @Test func appliesIfFalseIsNotApplicable() throws {
        let finding = try outcome(emailRule, answers: ["uses_email": .bool(false)], metrics: ["dq.email_missing_share": .number(0.9)])
        #expect(finding.status == .notApplicable)
    }

    @Test func aMissingMetricIsNotEvaluableNeverZero() throws {
        let finding = try outcome(emailRule, answers: ["uses_email": .bool(true)], metrics: ["dq.email_missing_share": .null])
        #expect(finding.status == .notEvaluable)
        #expect(finding.missing.map(\.id) == ["dq.email_missing_share"])
    }

    @Test func aWaiverInForceIsListedAndNotScored() throws {
        let waiver = Waiver(rule: "GOALS-001", reason: LocalizedText(both: "pilot"), acceptedBy: "CEO", until: day.adding(days: 30))
        let finding = try outcome(goalsRule, answers: ["success_criteria": .option("none")], waivers: [waiver])
        #expect(finding.status == .waived)
        #expect(finding.pointsPossible == 0)
        let expired = Waiver(rule: "GOALS-001", reason: LocalizedText(both: "pilot"), acceptedBy: "CEO", until: day.adding(days: -1))
        #expect(try outcome(goalsRule, answers: ["success_criteria": .option("none")], waivers: [expired]).status == .finding)
    }
}
