import AuditModel
import Expressions
import Rules
import Testing

/// The readiness verdict for the CRM project: gates defined in the ruleset, each blocking,
/// asking for a condition or passing, apart from the maturity score.
@Suite struct ReadinessGates {
    static let header = """
        schema: crm-audit/ruleset/1
        id: test
        version: 1.0.0
        title: {ru: Тест, en: Test}

        """
    static let gates =
        header + """
            readiness:
              - id: goals
                title: {ru: Цели, en: Goals}
                blocked_if: "answer.success_criteria == 'none'"
                blocked: {ru: Целей нет, en: No goals}
                condition_if: "answer.success_criteria == 'partial'"
                condition: {ru: Уточните цели, en: Sharpen the goals}
                passed: {ru: Цели есть, en: Goals are set}
              - id: data
                title: {ru: Данные, en: Data}
                condition_if: "metric.customers.count < 100"
                condition: {ru: Данных мало, en: Little data}
                passed: {ru: Данных достаточно, en: Enough data}
            rules: []
            """

    func verdict(_ answers: [String: AnswerValue], _ metrics: [String: Value]) throws -> Readiness? {
        let ruleset = try RulesetLoader(environment: testEnvironment()).load(text: Self.gates, file: "g.yaml")
        return Readiness.assess(RulesetStack([ruleset]).readinessGates, bindings: Bindings(answers: answers, metrics: metrics))
    }

    @Test func aBlockedGateMeansNotYetAConditionGoWithConditionsAndAllPassedGo() throws {
        let blocked = try #require(try verdict(["success_criteria": .option("none")], ["customers.count": .number(500)]))
        #expect(blocked.verdict == .notYet)
        #expect(blocked.gates.map(\.status) == [.blocked, .passed])
        #expect(blocked.gates.first?.reason.en == "No goals")
        let conditional = try #require(try verdict(["success_criteria": .option("partial")], ["customers.count": .number(50)]))
        #expect(conditional.verdict == .goWithConditions && conditional.gates.map(\.status) == [.condition, .condition])
        let go = try #require(try verdict(["success_criteria": .option("full")], ["customers.count": .number(500)]))
        #expect(go.verdict == .go && go.gates.allSatisfy { $0.status == .passed })
    }

    @Test func aGateWhoseAnswerOrDataIsMissingIsNotAssessedAndCannotPass() throws {
        let unknown = try #require(try verdict([:], [:]))
        #expect(unknown.gates.map(\.status) == [.unknown, .unknown])
        #expect(unknown.verdict == .goWithConditions)
    }

    @Test func aGateWithoutAConditionOrWithoutItsWordsIsALintError() {
        let text =
            Self.header + """
                readiness:
                  - id: nothing
                    title: {ru: Ничего, en: Nothing}
                    passed: {ru: Да, en: Yes}
                  - id: wordless
                    title: {ru: Без слов, en: Wordless}
                    condition_if: "answer.success_criteria == 'partial'"
                    passed: {ru: Да, en: Yes}
                rules: []
                """
        let (_, diagnostics) = RulesetLoader(environment: testEnvironment()).lint(text: text, file: "g.yaml")
        let messages = diagnostics.map { $0.formatted(in: .en) }
        #expect(messages.contains { $0.hasPrefix("g.yaml:6:") && $0.contains("needs 'blocked_if' or 'condition_if'") }, "\(messages)")
        #expect(messages.contains { $0.contains("condition") && $0.hasPrefix("g.yaml:9:") || $0.hasPrefix("g.yaml:10:") }, "\(messages)")
    }

    @Test func aLaterLayerRedefinesAGateByItsID() throws {
        let base = try RulesetLoader(environment: testEnvironment()).load(text: Self.gates, file: "g.yaml")
        let consultant = try RulesetLoader(environment: testEnvironment()).load(
            text: Self.header.replacingOccurrences(of: "id: test", with: "id: mine") + """
                readiness:
                  - id: data
                    title: {ru: Данные, en: Data}
                    condition_if: "metric.customers.count < 10"
                    condition: {ru: Данных мало, en: Little data}
                    passed: {ru: Данных достаточно, en: Enough data}
                rules: []
                """, file: "mine.yaml")
        let gates = RulesetStack([base, consultant]).readinessGates
        #expect(gates.map(\.id) == ["goals", "data"])
        let result = Readiness.assess(
            gates, bindings: Bindings(answers: ["success_criteria": .option("full")], metrics: ["customers.count": .number(50)]))
        #expect(result?.verdict == .go)
    }
}
