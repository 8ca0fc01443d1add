import AuditModel
import Expressions
import Foundation
import Rules
import Testing

/// Weights, thresholds and constants of a ruleset are finite and bounded, refused by `lint` with
/// their place; arithmetic that overflows at evaluation makes the rule not evaluable with a reason.
@Suite struct NumberLimitsTests {
    func problems(_ rules: String, environment: RuleEnvironment = testEnvironment()) -> [String] {
        let (_, diagnostics) = RulesetLoader(environment: environment).lint(text: header + rules, file: "r.yaml")
        return diagnostics.map { $0.formatted(in: .en) }
    }

    func rule(_ extra: String, check: String = "when: \"answer.uses_email\"") -> String {
        """
          - id: R-1
            area: goals
            severity: high
            title: {ru: Т, en: T}
            \(check)
            recommendation: {ru: Да, en: Yes}
        \(extra)
        """
    }

    @Test(arguments: ["1e308", "101", "-1", ".inf", "1e400"])
    func aWeightOutsideZeroToAHundredIsRefusedWithItsPlace(weight: String) {
        let found = problems(rule("    weight: \(weight)"))
        #expect(found.contains { $0.hasPrefix("r.yaml:12:13: error:") }, "\(found)")
    }

    @Test func aWeightOfAHundredIsAccepted() {
        #expect(problems(rule("    weight: 100")) == [])
    }

    @Test(arguments: ["> 1e400", "< nan", ">= 1e16", "> inf"])
    func aThresholdThatIsNotAFiniteAmountIsRefused(band: String) {
        let found = problems(rule("    fail: \"\(band)\"", check: "value: \"metric.customers.count\""))
        #expect(
            found.contains { $0.hasPrefix("r.yaml:12:11: error: 'fail': the threshold must be a finite number within ±10^15") },
            "\(found)")
        #expect(found.count == 1, "a refused band is not also a missing one: \(found)")
    }

    @Test func aConstantThatOverflowsIsRefusedWhereItStands() {
        let found = problems(rule("", check: "value: \"metric.customers.count * (1e308 * 10)\"") + "\n    fail: \"> 1\"")
        #expect(found.contains { $0.hasPrefix("r.yaml:10:38: error: 'value': the arithmetic overflows") }, "\(found)")
    }

    @Test func testValuesMustBeFinite() {
        let tests = """
                tests:
                  - given: {metrics: {customers.count: 1e400}, answers: {uses_email: true}}
                    expect: finding
            """
        let found = problems(rule(tests))
        #expect(found.contains { $0.hasPrefix("r.yaml:13:44: error: expected a finite number") }, "\(found)")
    }

    @Test func severityPointsAreBounded() {
        let ruleset = """
            schema: crm-audit/ruleset/1
            id: test
            version: 1.0.0
            title: {ru: Т, en: T}
            scoring:
              severity_points: {critical: 1e308}
            rules: []
            """
        let (_, diagnostics) = RulesetLoader(environment: testEnvironment()).lint(text: ruleset, file: "s.yaml")
        #expect(diagnostics.map { $0.formatted(in: .en) }.contains { $0.hasPrefix("s.yaml:6:31: error: expected a number from 0 to 1000") })
    }

    @Test func arithmeticThatOverflowsAtEvaluationMakesTheRuleNotEvaluableWithAReason() throws {
        let text = rule(
            "    fail: \"> 1\"\n    count: \"metric.customers.count\"",
            check: "value: \"metric.customers.count * metric.dq.email_missing_share\"")
        let ruleset = try RulesetLoader(environment: testEnvironment()).load(text: header + text, file: "r.yaml")
        let context = FixedContext(
            answers: [:], metrics: ["customers.count": .number(1e200), "dq.email_missing_share": .number(1e200)],
            roundDate: Day(year: 2026, month: 11, day: 29)!)
        let finding = RuleEvaluator(policy: .standard).evaluate(try #require(ruleset.rules.first), in: context)
        #expect(finding.status == .notEvaluable)
        #expect(finding.pointsPossible == 0 && finding.observed == nil)
        #expect(finding.missing.map(\.kind) == [.computation])
        #expect(finding.missing.first?.reason.en.contains("'value' overflows") == true)
        // …and it encodes, so it can be stored with the round.
        let data = try JSONEncoder().encode(finding)
        #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
    }

    @Test func anOverflowingCountAlsoMakesTheRuleNotEvaluable() throws {
        let text = rule("    fail: \"> 1\"\n    count: \"metric.customers.count * 1e300\"", check: "value: \"metric.customers.count\"")
        let ruleset = try RulesetLoader(environment: testEnvironment()).load(text: header + text, file: "r.yaml")
        let context = FixedContext(
            answers: [:], metrics: ["customers.count": .number(1e10)], roundDate: Day(year: 2026, month: 11, day: 29)!)
        let finding = RuleEvaluator(policy: .standard).evaluate(try #require(ruleset.rules.first), in: context)
        #expect(finding.status == .notEvaluable && finding.missing.map(\.id) == ["count"])
    }

    @Test func disablingAnUnknownRuleIsAWarningWhenTheLayersBelowAreKnown() {
        var environment = testEnvironment()
        environment.knownRuleIDs = ["CORE-1", "CORE-2"]
        let ruleset = """
            schema: crm-audit/ruleset/1
            id: mine
            version: 1.0.0
            title: {ru: Т, en: T}
            disable: [CORE-1, CORE-9]
            rules: []
            """
        let (_, diagnostics) = RulesetLoader(environment: environment).lint(text: ruleset, file: "d.yaml")
        #expect(
            diagnostics.map { $0.formatted(in: .en) } == [
                "d.yaml:5:19: warning: 'disable': no bundled ruleset has a rule 'CORE-9', so nothing is switched off; check the spelling (the bundled rules are in rulesets/*.yaml)"
            ])
        let (_, unchecked) = RulesetLoader(environment: testEnvironment()).lint(text: ruleset, file: "d.yaml")
        #expect(unchecked.isEmpty)
    }

    @Test func theStackListsDisabledIdsThatNoEarlierLayerDefines() throws {
        let core = try load(goalsRule)
        let mine = try RulesetLoader(environment: testEnvironment()).load(
            text: """
                schema: crm-audit/ruleset/1
                id: mine
                version: 2.0.0
                title: {ru: Т, en: T}
                disable: [GOALS-001, GOALS-999]
                rules: []
                """, file: "mine.yaml")
        let stack = RulesetStack([core, mine])
        #expect(stack.unknownDisabled.map(\.rule) == ["GOALS-999"])
        #expect(stack.unknownDisabled.map(\.by) == ["mine@2.0.0"])
        #expect(stack.rules.isEmpty)
    }
}
