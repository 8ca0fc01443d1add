// Ruleset files (YAML, `schema: crm-audit/ruleset/1`): `lint` against the bundled questionnaire
// and the metric catalogue, then, for a ruleset without errors, `rules test` (each rule's own
// test cases) and an evaluation over a round with no answers and no metrics.
import Audit
import AuditModel
import FuzzSupport
import Questionnaire
import Rules

private let loader: RulesetLoader = {
    useRepositoryContent()
    do {
        return RulesetLoader(environment: AuditSetup.ruleEnvironment(for: try Questionnaire.bundled()))
    } catch {
        finding("cannot load the bundled questionnaire: \(error)")
    }
}()

private let roundDay = Day(ordinal: 20_786)  // 2026-11-29

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = "input.yaml"
    // As RulesetLoader.load(path:) reads a file.
    let text = String(decoding: inputBytes(data, size), as: UTF8.self)
    let (ruleset, diagnostics) = loader.lint(text: text, file: file)
    requireLocated(diagnostics, in: file)
    guard let ruleset, !diagnostics.contains(where: { $0.severity == .error }) else { return 0 }
    let policy = ruleset.scoring ?? .standard
    _ = RuleTestRunner.run(ruleset.rules, policy: policy, on: roundDay)
    let context = FixedContext(answers: [:], metrics: [:], roundDate: roundDay)
    _ = RuleEvaluator(policy: policy, waivers: ruleset.waivers).evaluate(ruleset.rules, in: context)
    return 0
}
