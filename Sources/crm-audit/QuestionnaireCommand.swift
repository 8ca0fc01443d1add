import ArgumentParser
import AuditModel
import Foundation
import Questionnaire

/// `crm-audit questionnaire print ID`: a blank, printable form.
struct QuestionnaireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "Work with questionnaires. / Анкеты.",
        subcommands: [Print.self])

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: "Print a blank form of a questionnaire as Markdown or HTML. / Печатная форма анкеты.")

        @Argument(help: "A bundled questionnaire id (e.g. crm-readiness) or a questionnaire file.")
        var id: String

        @Option(help: "md or html.")
        var format: FormPrinter.Format = .md

        @Option(help: "ru or en.")
        var lang: Language?

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        func run() throws {
            let questionnaire = try Questionnaire.resolve(id)
            let text = FormPrinter.render(questionnaire, format: format, language: lang ?? CLILanguage.current)
            if let out {
                try PrivateFile.write(text, to: out)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

extension FormPrinter.Format: ExpressibleByArgument {}
