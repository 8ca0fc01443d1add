import AuditModel
import Expressions
import Rules
import TestSupport
import Testing

/// Damaged copies of a ruleset, and random bytes: each gives diagnostics that point at their
/// file and line in both languages, never a crash; a ruleset that loads runs its own tests and
/// evaluates over a round without answers or metrics.
@Suite struct HostileRulesetInputTests {
    @Test func damagedRulesetsGiveLocatedDiagnostics() {
        let loader = RulesetLoader(environment: testEnvironment())
        let seed = Array((header + goalsRule + "\n" + emailRule + "\n").utf8)
        let day = Day(ordinal: 20_786)
        var mutator = ByteMutator(seed: 17_201)
        var failures: [String] = []
        for index in 0..<200 {
            let bytes = index < 170 ? mutator.mutate(seed) : mutator.randomBytes(length: Int.random(in: 0...400, using: &mutator.generator))
            let (ruleset, diagnostics) = loader.lint(text: String(decoding: bytes, as: UTF8.self), file: "r.yaml")
            if let problem = unlocatedDiagnostics(diagnostics, file: "r.yaml") { failures.append("#\(index): \(problem)") }
            guard let ruleset, !diagnostics.contains(where: { $0.severity == .error }) else { continue }
            let policy = ruleset.scoring ?? .standard
            _ = RuleTestRunner.run(ruleset.rules, policy: policy, on: day)
            _ = RuleEvaluator(policy: policy, waivers: ruleset.waivers)
                .evaluate(ruleset.rules, in: FixedContext(answers: [:], metrics: [:], roundDate: day))
        }
        #expect(failures == [])
    }
}
