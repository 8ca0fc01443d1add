import ArgumentParser
import Audit
import AuditModel
import Foundation
import Questionnaire
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rulesets. / Наборы правил.",
        subcommands: [RulesTestCommand.self])
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests every rule carries (given answers and metrics, the expected status). / Тесты правил.")

    @Argument(help: "Ruleset files (default: the bundled rulesets).")
    var paths: [String] = []

    @ArgumentParser.Option(help: "The questionnaire the rules refer to (default: crm-readiness).")
    var questionnaire: String?

    func run() throws {
        let language = CLILanguage.current
        let questionnaireModel = try Questionnaire.resolve(questionnaire ?? "crm-readiness")
        var environment = AuditSetup.ruleEnvironment(for: questionnaireModel)
        environment.knownCauseIDs = AuditSetup.bundledCauseIDs(environment: environment)
        let loader = RulesetLoader(environment: environment)
        var files = paths
        if files.isEmpty {
            guard let folder = ContentLocator.folder("rulesets") else { throw ContentLocator.NotFound(folder: "rulesets") }
            files = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".yaml") }.sorted().map {
                folder + "/" + $0
            }
        }
        var passed = 0, failed = 0, untested: [String] = []
        for file in files {
            let ruleset = try loader.load(path: file)
            untested += ruleset.rules.filter { $0.tests.isEmpty }.map(\.id)
            for result in RuleTestRunner.run(ruleset.rules, policy: ruleset.scoring ?? .standard, on: Timestamp.today()) {
                if result.passed {
                    passed += 1
                } else {
                    failed += 1
                    let text = CLIText.testOfRuleFailedExpectedGot.text([
                        "location": .value(result.location), "ruleID": .value(result.ruleID), "expected": .value(result.expected.rawValue),
                        "actual": .value(result.actual.rawValue),
                    ])[language]
                    Terminal.printError(text)
                }
            }
        }
        if !untested.isEmpty {
            say(.rulesUntested, ["rules": .text(untested.joined(separator: ", "))])
        }
        say(.rulesTally, ["passed": .count(passed), "failed": .count(failed)])
        if failed > 0 || !untested.isEmpty { throw ExitCode(1) }
    }
}
