import AuditModel
import Rules
import Testing

@Suite struct RulesetLoaderTests {
    func problems(_ rules: String) -> [String] {
        let (_, diagnostics) = RulesetLoader(environment: testEnvironment()).lint(text: header + rules, file: "r.yaml")
        return diagnostics.map { $0.formatted(in: .en) }
    }

    @Test func aValidRulesetLoadsWithoutProblems() {
        #expect(problems(goalsRule + "\n" + emailRule) == [])
    }

    @Test func everyProblemOfAFileIsReportedWithItsPlace() {
        let rules = """
              - id: BAD-1
                area: nowhere
                severity: huge
                title: {ru: Плохо}
                when: "answer.no_such_question == 1"
                recommendation: {ru: Да, en: Yes}
              - id: BAD-2
                area: goals
                severity: low
                title: {ru: Т, en: T}
                when: "answer.success_criteria == 'typo'"
                recommendation: {ru: Да, en: Yes}
                sample: {}
            """
        let found = problems(rules)
        #expect(found.contains { $0.hasPrefix("r.yaml:7:11: error: unknown area 'nowhere'") })
        #expect(found.contains { $0.hasPrefix("r.yaml:8:15: error: 'severity': 'huge' is not one of") })
        #expect(found.contains { $0.hasPrefix("r.yaml:9:12: error: rule BAD-1, 'title': the 'en' translation is missing") })
        #expect(found.contains { $0.contains("r.yaml:10:") && $0.contains("no_such_question") })
        #expect(found.contains { $0.contains("r.yaml:16:") && $0.contains("typo") })
        #expect(found.contains { $0.hasPrefix("r.yaml:18:5: error: rule BAD-2: unknown key 'sample'; did you mean 'samples'?") })
    }

    @Test func evidencePlaceholdersAreChecked() {
        let rule = emailRule.replacingOccurrences(of: "{{observed|percent}} have no email", with: "{{observd|percent}} have no email")
            .replacingOccurrences(of: "({{count}} из", with: "({{count|procent}} из")
        let found = problems(rule)
        #expect(found.contains { $0.contains("'{{observd}}' in evidence: unknown name") })
        #expect(found.contains { $0.contains("'{{count|procent}}' in evidence: unknown format") })
    }

    @Test func duplicateRuleIDsAreReported() {
        let found = problems(goalsRule + "\n" + goalsRule)
        #expect(found.contains { $0.contains("rule 'GOALS-001' is already defined on line 6") })
    }

    @Test func aYAMLSyntaxErrorPointsAtItsLine() {
        let found = problems("  - id: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("r.yaml:") == true)
    }

    @Test func laterLayersOverrideAndDisableRulesByID() throws {
        let core = try RulesetLoader(environment: testEnvironment()).load(text: header + goalsRule + "\n" + emailRule, file: "core.yaml")
        let own = try RulesetLoader(environment: testEnvironment()).load(
            text: """
                schema: crm-audit/ruleset/1
                id: own
                version: 1.0.0
                title: {ru: Своё, en: Own}
                disable: [DQ-EMAIL-001]
                rules:
                \(goalsRule.replacingOccurrences(of: "severity: critical", with: "severity: low"))
                """, file: "own.yaml")
        let stack = RulesetStack([core, own])
        #expect(stack.rules.map(\.id) == ["GOALS-001"])
        #expect(stack.rules.first?.severity == .low)
        #expect(stack.references == "test@1.0.0,own@1.0.0")
    }
}
