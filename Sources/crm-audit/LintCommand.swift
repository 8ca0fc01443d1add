import ArgumentParser
import Audit
import AuditModel
import Foundation
import Questionnaire
import Rules

/// `crm-audit lint PATH...`: checks questionnaire and ruleset files and prints
/// every problem as `file:line:column: error: …`. Exit 1 when any file has an error.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check questionnaire and ruleset files; print every problem with file:line:column. / Проверить файлы анкет и правил.")

    @Argument(help: "Files or folders (every .yaml/.yml inside is checked).")
    var paths: [String]

    func run() throws {
        let language = CLILanguage.current
        var errors = 0, warnings = 0, files = 0
        let all = Linter.expand(paths)
        for file in all {
            files += 1
            for diagnostic in Linter.lint(file: file, alongside: all) {
                Terminal.printError(diagnostic.formatted(in: language))
                if diagnostic.severity == .error { errors += 1 } else if diagnostic.severity == .warning { warnings += 1 }
            }
        }
        say(.lintSummary, ["files": .count(files), "errors": .count(errors), "warnings": .count(warnings)])
        if errors > 0 { throw ExitCode(1) }
    }
}

/// The linting behind `crm-audit lint`, by document kind (the `schema:` line of a file).
/// Add a kind by adding a case to ``lint(file:)``.
enum Linter {
    /// Every diagnostic of one file. A questionnaire is checked against the metric catalogue,
    /// and its questions against the rulesets written for it (the bundled ones and those among
    /// `alongside`): a question nothing uses is a warning.
    static func lint(file: String, alongside: [String] = []) -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: file) else {
            return [Diagnostic(at: SourceLocation(file: file), CLIText.lintUnreadable.text(["file": .text(file)]))]
        }
        let text = String(decoding: data, as: UTF8.self)
        switch schema(of: text) {
        case let schema? where schema.hasPrefix("crm-audit/ruleset/"):
            return lintRuleset(text: text, file: file)
        default:
            // A questionnaire; a file without a known schema line is read as one too, and its loader names what is wrong.
            let result = QuestionnaireLoader.lint(text: text, file: file, metrics: AuditSetup.metricTypes)
            guard let questionnaire = result.questionnaire else { return result.diagnostics }
            return result.diagnostics
                + QuestionUsage.diagnostics(for: questionnaire, rulesets: rulesets(for: questionnaire, alongside: alongside))
        }
    }

    /// The rulesets that name `questionnaire` (`questionnaire:`, default crm-readiness): the
    /// bundled ones and those among `files`, each read once.
    static func rulesets(for questionnaire: Questionnaire, alongside files: [String]) -> [Ruleset] {
        var paths = files
        if let folder = ContentLocator.folder("rulesets") { paths += expand([folder]) }
        var seen = Set<String>()
        var environment = AuditSetup.ruleEnvironment(for: questionnaire)
        environment.knownCauseIDs = AuditSetup.bundledCauseIDs(environment: environment)
        let loader = RulesetLoader(environment: environment)
        var found: [Ruleset] = []
        for path in paths {
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard seen.insert(real).inserted, let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard schema(of: text)?.hasPrefix("crm-audit/ruleset/") == true,
                (topLevel("questionnaire", in: text) ?? "crm-readiness") == questionnaire.id,
                let ruleset = loader.lint(text: text, file: path).0
            else { continue }
            found.append(ruleset)
        }
        return found
    }

    /// A ruleset is checked against the questionnaire it names (`questionnaire:`, default the
    /// bundled crm-readiness) and the metric catalogue.
    static func lintRuleset(text: String, file: String) -> [Diagnostic] {
        let name = topLevel("questionnaire", in: text) ?? "crm-readiness"
        var diagnostics: [Diagnostic] = []
        let questionnaire: Questionnaire?
        do {
            questionnaire = try Questionnaire.resolve(name)
        } catch {
            questionnaire = nil
            diagnostics.append(
                Diagnostic(.warning, at: SourceLocation(file: file), CLIText.lintQuestionnaireNotFound.text(["name": .text(name)])))
        }
        var environment = AuditSetup.ruleEnvironment(for: questionnaire)
        if questionnaire == nil {
            environment.areas = nil
            environment.types.answers = [:]
        }
        environment.knownRuleIDs = AuditSetup.bundledRuleIDs(environment: environment)
        environment.knownAssumptionIDs = AuditSetup.bundledAssumptionIDs(environment: environment)
        environment.knownCauseIDs = AuditSetup.bundledCauseIDs(environment: environment)
        let (_, found) = RulesetLoader(environment: environment).lint(text: text, file: file)
        return diagnostics + found
    }

    static func topLevel(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(80) where line.hasPrefix(key + ":") {
            return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
        }
        return nil
    }

    /// The value of a top-level `schema:` line, if any.
    static func schema(of text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(50) where line.hasPrefix("schema:") {
            return line.dropFirst("schema:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
        }
        return nil
    }

    /// Files named directly, and the .yaml/.yml files inside folders (sorted).
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
