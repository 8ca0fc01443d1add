import AuditModel
import Expressions
import Rules
import Testing

/// Bands whose thresholds are worked out from the company's data: what counts as a gap moves
/// with team size, cycle or business model instead of one constant for every company.
@Suite struct ExpressionBandTests {
    /// The share of customers without an e-mail is a gap past 10 % per hundred customers, at least 20 %.
    static let scaledRule = """
          - id: DQ-SCALED
            area: customer_base
            severity: high
            title: {ru: Нет email, en: No email}
            value: "metric.dq.email_missing_share"
            warn: "> max(0.2, metric.customers.count / 1000)"
            fail: ">= 2 * max(0.2, metric.customers.count / 1000)"
            recommendation: {ru: Сделайте email обязательным., en: Make email required.}
        """

    func outcome(share: Double, customers: Double?) throws -> Finding {
        let ruleset = try load(Self.scaledRule)
        var metrics: [String: Value] = ["dq.email_missing_share": .number(share)]
        if let customers { metrics["customers.count"] = .number(customers) }
        let context = FixedContext(answers: [:], metrics: metrics, roundDate: Day(year: 2026, month: 12, day: 3)!)
        return RuleEvaluator(policy: .standard, waivers: []).evaluate(try #require(ruleset.rules.first), in: context)
    }

    @Test(arguments: [
        (0.3, 100.0, FindingStatus.warn), (0.45, 100.0, .finding), (0.1, 100.0, .ok),
        (0.3, 500.0, .ok), (0.6, 500.0, .warn), (1.0, 500.0, .finding),
    ])
    func theThresholdIsWorkedOutForEachCompany(share: Double, customers: Double, status: FindingStatus) throws {
        #expect(try outcome(share: share, customers: customers).status == status)
    }

    @Test func theExpectationShowsTheThresholdsWorkedOut() throws {
        let finding = try outcome(share: 0.6, customers: 500)
        #expect(finding.expected?.en == "warn > 0.5, fail >= 1")
    }

    @Test func aThresholdThatCannotBeWorkedOutLeavesTheRuleNotEvaluable() throws {
        let finding = try outcome(share: 0.6, customers: nil)
        #expect(finding.status == .notEvaluable)
        #expect(finding.missing.map(\.id) == ["customers.count"])
    }

    @Test func aBadThresholdExpressionIsReportedWhereItIsWritten() {
        let rule = Self.scaledRule.replacingOccurrences(of: "metric.customers.count / 1000", with: "metric.customers.cuont / 1000")
        let (_, diagnostics) = RulesetLoader(environment: testEnvironment()).lint(text: header + rule, file: "r.yaml")
        let messages = diagnostics.map { $0.formatted(in: .en) }
        #expect(messages.contains { $0.hasPrefix("r.yaml:11:23:") && $0.contains("customers.cuont") }, "\(messages)")
    }
}
