import AuditModel
import Expressions
import Rules
import Testing

private let causesHeader = """
    schema: crm-audit/ruleset/1
    id: test
    version: 1.0.0
    title: {ru: Тест, en: Test}
    causes:
      - id: no-frame
        title: {ru: Нет рамки проекта, en: No project frame}
        explanation: {ru: Нет целей и владельца., en: No goals and no owner.}
        recommendation: {ru: Утвердите цели., en: Approve goals.}
    rules:

    """

private func rule(_ id: String, severity: String, cause: String?, when: String = "answer.success_criteria == 'none'") -> String {
    """
      - id: \(id)
        area: goals
        severity: \(severity)
    \(cause.map { "    cause: \($0)\n" } ?? "")    title: {ru: Правило \(id), en: Rule \(id)}
        when: "\(when)"
        recommendation: {ru: Сделайте \(id)., en: Do \(id).}

    """
}

@Suite struct RootCauses {
    let day = Day(year: 2026, month: 11, day: 29)!

    func lint(_ rules: String) -> (Ruleset?, [String]) {
        let (ruleset, diagnostics) = RulesetLoader(environment: testEnvironment()).lint(text: causesHeader + rules, file: "c.yaml")
        return (ruleset, diagnostics.map { $0.formatted(in: .en) })
    }

    @Test func aRuleNamesTheCauseItIsASymptomOf() throws {
        let (ruleset, problems) = lint(rule("G-1", severity: "high", cause: "no-frame"))
        #expect(problems == [])
        let loaded = try #require(ruleset)
        #expect(loaded.causes.map(\.id) == ["no-frame"])
        #expect(loaded.rules.first?.cause == "no-frame")
    }

    @Test func aCauseNoLayerDefinesIsAnErrorWithItsPlace() {
        let (_, problems) = lint(rule("G-1", severity: "high", cause: "no-fram"))
        #expect(problems.contains { $0.hasPrefix("c.yaml:") && $0.contains("no cause 'no-fram' is defined; did you mean 'no-frame'?") })
    }

    @Test func aLayerMayNameTheCausesOfTheLayersBelow() {
        var environment = testEnvironment()
        environment.knownCauseIDs = ["bundled-cause"]
        let (_, diagnostics) = RulesetLoader(environment: environment).lint(
            text: causesHeader + rule("G-1", severity: "high", cause: "bundled-cause"), file: "c.yaml")
        #expect(diagnostics.isEmpty)
    }

    @Test func aRepeatedCauseIDIsAnError() {
        let text =
            causesHeader.replacingOccurrences(
                of: "rules:\n",
                with: """
                      - id: no-frame
                        title: {ru: Снова, en: Again}
                        explanation: {ru: Снова, en: Again}
                        recommendation: {ru: Снова, en: Again}
                    rules:

                    """) + rule("G-1", severity: "high", cause: "no-frame")
        let (_, diagnostics) = RulesetLoader(environment: testEnvironment()).lint(text: text, file: "c.yaml")
        #expect(diagnostics.map { $0.formatted(in: .en) }.contains { $0.contains("cause 'no-frame' is already defined on line 6") })
    }

    @Test func symptomsGroupUnderTheirCauseAndCausesRankBySeverity() throws {
        let text =
            causesHeader + rule("G-1", severity: "medium", cause: "no-frame") + rule("G-2", severity: "critical", cause: "no-frame")
            + rule("G-3", severity: "high", cause: nil)
            + rule("G-4", severity: "low", cause: "no-frame", when: "answer.success_criteria != 'none'")
        let ruleset = try RulesetLoader(environment: testEnvironment()).load(text: text, file: "c.yaml")
        let findings = RuleEvaluator(policy: .standard).evaluate(
            ruleset.rules, in: FixedContext(answers: ["success_criteria": .option("none")], metrics: [:], roundDate: day))
        let causes = CauseRanking.rank(findings, causes: RulesetStack([ruleset]).causes)
        #expect(causes.map(\.cause.id) == ["no-frame", "G-3"])
        #expect(causes.first?.ruleIDs == ["G-2", "G-1"])  // worst first; G-4 holds no gap
        #expect(causes.first?.severity == .critical)
        #expect(causes.first?.declared == true)
        #expect(causes.last?.declared == false)  // a rule without a cause is its own
        #expect(causes.last?.cause.recommendation.en == "Do G-3.")
    }

    @Test func atEqualSeverityTheCauseWithMoreMoneyComesFirstCountingOverlapsOnce() {
        let rate = Assumption(
            id: "all", title: LocalizedText(both: "All"), low: 1, high: 1, source: LocalizedText(both: "test"), ruleset: "t@1")
        func gap(_ id: String, cause: String?, money: Double?) -> Finding {
            var finding = Finding(
                ruleID: id, ruleset: "t@1", area: "goals", title: LocalizedText(both: id), severity: .high, blocking: false,
                status: .finding, observed: nil, observedText: nil, expected: nil, count: nil, denominator: nil, samples: nil,
                pointsPossible: 5, pointsLost: 5, impact: .medium, effort: .medium,
                money: money.map { MoneyEstimate(kind: .loss, period: .last12m, exposed: $0, customers: nil, assumption: rate) },
                evidence: nil,
                recommendation: LocalizedText(both: id), missing: [], waiver: nil, previousStatus: nil)
            finding.cause = cause
            return finding
        }
        let cause = RootCause(
            id: "c", title: LocalizedText(both: "C"), explanation: LocalizedText(both: "C"), recommendation: LocalizedText(both: "C"))
        let ranked = CauseRanking.rank(
            [gap("A", cause: nil, money: 500), gap("B", cause: "c", money: 300), gap("D", cause: "c", money: 400)],
            causes: ["c": cause])
        #expect(ranked.map(\.cause.id) == ["A", "c"])
        #expect(ranked.last?.money?.high == 400)  // the largest symptom, not the sum: they overlap
    }
}
