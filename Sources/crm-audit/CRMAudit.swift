import ArgumentParser
import AuditModel
import Foundation

/// The `crm-audit` command: a thin shell over the engines.
@main
struct CRMAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm-audit",
        abstract: "CRM audit toolkit: questionnaire, data import, analytics, rules and report. / Инструменты CRM-аудита.",
        version: VersionText.tool,
        subcommands: [
            InitCommand.self,
            LintCommand.self,
            InterviewCommand.self,
            AnswersCommand.self,
            QuestionnaireCommand.self,
            ImportCommand.self,
            SampleDataCommand.self,
            MetricsCommand.self,
            ConnectCommand.self,
            ExportCommand.self,
            CheckCommand.self,
            ConfigCommand.self,
            PlatformsCommand.self,
            PlanCommand.self,
            ReportCommand.self,
            RulesCommand.self,
            DemoCommand.self,
            RoundCommand.self,
            HistoryCommand.self,
            CompareCommand.self,
            RecoverCommand.self,
            ScanCSVCommand.self,
            ManualCommand.self,
        ]
    )

    /// Runs the command and turns any engine error into a message on standard error.
    static func main() {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Terminal.print(VersionText.render())
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any AuditError {
            Terminal.printError(error.rendered(in: CLILanguage.current))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// The language of CLI messages: `CRM_AUDIT_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
enum CLILanguage {
    static var current: Language {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CRM_AUDIT_LANG"], let language = Language(rawValue: explicit.lowercased()) {
            return language
        }
        let locale =
            environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"]
        return Language.fromLocale(locale)
    }
}

/// Prints a line on standard output.
func say(_ text: LocalizedText) {
    Terminal.print(text[CLILanguage.current])
}

extension Language: ExpressibleByArgument {}
