import ArgumentParser
import AuditModel
import Foundation
import Questionnaire
import Workspace

/// `crm-audit answers WORKSPACE export|import FILE`: a round's answers as YAML or CSV.
struct AnswersCommand: ParsableCommand {
    enum Action: String, ExpressibleByArgument, CaseIterable { case export, `import` }

    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Export or import a round's answers as YAML or CSV (.csv). / Выгрузить или загрузить ответы анкеты.",
        discussion: """
            Export writes every question (empty where unanswered), so a client can fill the file in Excel beforehand. \
            Import checks every answer against the questionnaire and stores all of them, or none when any is wrong.
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "export or import.")
    var action: Action

    @Argument(help: "The answers file: .yaml/.yml or .csv.")
    var file: String

    @Option(help: "A bundled questionnaire id or a questionnaire file (default: the round's, else crm-readiness).")
    var questionnaire: String?

    @Option(help: "The language of question texts in an exported file: ru or en.")
    var lang: Language?

    @Option(help: "The round number (default: the latest).")
    var round: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let language = lang ?? CLILanguage.current
        if action == .export {
            try output.guarding(workspace).check(file, expecting: AnswersFile.Format(path: file) == .yaml ? .mark : nil)
        }
        let store = try openWorkspace(workspace)
        let auditRound = try store.round(number: round)
        let chosen = try Questionnaire.resolve(questionnaire ?? auditRound.questionnaireID ?? "crm-readiness")
        switch action {
        case .export:
            let answers = try store.answers(round: auditRound)
            let (migrated, report) = chosen.migrate(answers, from: auditRound.questionnaireVersion ?? chosen.version)
            for line in report.lines(in: language) { Terminal.printError("· " + line) }
            let client = (try? store.engagement().client) ?? ""
            let heading = language == .ru
                ? "Ответы: \(client), раунд \(auditRound.number) от \(auditRound.date.iso); \(chosen.title.ru) \(chosen.version)"
                : "Answers: \(client), round \(auditRound.number) of \(auditRound.date.iso); \(chosen.title.en) \(chosen.version)"
            let text = AnswersFile.export(migrated, questionnaire: chosen, format: AnswersFile.Format(path: file), language: language, heading: heading)
            try PrivateFile.write(text, to: file, guard: output.guarding(workspace))
            say(LocalizedText(ru: "Выгружено ответов: \(answers.count) в \(file).", en: "Exported \(answers.count) answer(s) to \(file)."))
        case .import:
            let summary = try AnswersFile.importFile(file, into: store, round: auditRound, questionnaire: chosen)
            for diagnostic in summary.diagnostics {
                Terminal.printError(diagnostic.formatted(in: language))
            }
            for line in summary.migration.lines(in: language) { Terminal.print("· " + line) }
            say(LocalizedText(ru: "Загружено ответов: \(summary.stored) из \(file).", en: "Imported \(summary.stored) answer(s) from \(file)."))
        }
    }
}
