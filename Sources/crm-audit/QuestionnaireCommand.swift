import ArgumentParser
import AuditModel
import Foundation
import Questionnaire
import Workspace

/// `crm-audit questionnaire print ID`: a blank, printable form.
struct QuestionnaireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "Work with questionnaires. / Анкеты.",
        subcommands: [Print.self, Score.self])

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

        @OptionGroup var output: OutputOptions

        func run() throws {
            let questionnaire = try Questionnaire.resolve(id)
            let text = FormPrinter.render(questionnaire, format: format, language: lang ?? CLILanguage.current)
            if let out {
                try PrivateFile.write(text, to: out, guard: output.guarding(nil))
            } else {
                Terminal.printDocument(text)
            }
        }
    }
}

extension FormPrinter.Format: ExpressibleByArgument {}

extension QuestionnaireCommand {
    /// `crm-audit questionnaire score WORKSPACE`: questionnaire maturity per area (docs/scoring.md).
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Questionnaire maturity per area (0–100) with how complete the answers are. / Зрелость по областям.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The workspace file.")
        var workspace: String

        @Option(help: "A bundled questionnaire id or a questionnaire file (default: the round's, else crm-readiness).")
        var questionnaire: String?

        @Option(help: "The round number (default: the latest).")
        var round: Int?

        @Option(help: "text or json.")
        var format: Format = .text

        @Option(help: "ru or en.")
        var lang: Language?

        func run() throws {
            let language = lang ?? CLILanguage.current
            let store = try openWorkspace(workspace)
            let auditRound = try store.round(number: round)
            let chosen = try Questionnaire.resolve(questionnaire ?? auditRound.questionnaireID ?? "crm-readiness")
            let stored = try store.answers(round: auditRound)
            let (migrated, _) = chosen.migrate(stored, from: auditRound.questionnaireVersion ?? chosen.version)
            let areas = chosen.maturity(answers: chosen.usableAnswers(migrated))
            let overall = chosen.overallMaturity(areas)
            switch format {
            case .json:
                struct Document: Encodable {
                    var questionnaire: String
                    var version: String
                    var overall: Double?
                    var areas: [AreaMaturity]
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let data = try encoder.encode(Document(questionnaire: chosen.id, version: chosen.version, overall: overall, areas: areas))
                Terminal.printDocument(String(decoding: data, as: UTF8.self))
            case .text:
                let labels = CLIText.maturityColumns.items(separatedBy: "; ").map { $0[language] }
                let widths = [5, 5, 9, 7, 10, 6]
                Terminal.print(
                    labels[0].padding(toLength: 32, withPad: " ", startingAt: 0) + " "
                        + zip(labels.dropFirst(), widths).map { pad($0, $1) }.joined(separator: "  "))
                for area in areas {
                    let title = area.title[language]
                    let name = title.count > 32 ? String(title.prefix(31)) + "…" : title.padding(toLength: 32, withPad: " ", startingAt: 0)
                    let score = area.score.map { String(format: "%.0f", $0) } ?? "—"
                    let cells = [
                        score, String(area.answered), String(area.dontKnow), String(area.notApplicable),
                        String(area.unanswered), String(area.hidden),
                    ]
                    Terminal.print(name + " " + zip(cells, widths).map { pad($0, $1) }.joined(separator: "  "))
                }
                let total = overall.map { String(format: "%.0f", $0) } ?? "—"
                Terminal.print(
                    CLIText.overallWeightedByArea.text(["total": .value(total)])[language])
            }
        }

        private func pad(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
    }
}
