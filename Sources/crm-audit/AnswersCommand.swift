import ArgumentParser
import Audit
import AuditModel
import Foundation
import Questionnaire
import Workspace

/// `crm-audit answers WORKSPACE export|import|list|choose …`: a round's answers as a workbook,
/// YAML or CSV, and who gave them.
struct AnswersCommand: ParsableCommand {
    enum Action: String, ExpressibleByArgument, CaseIterable { case export, `import`, list, choose }

    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract:
            "A round's answers: a workbook for the client (.xlsx), YAML or CSV; who said what. / Ответы анкеты: книга Excel для клиента, YAML или CSV; кто что ответил.",
        discussion: """
            export FILE.xlsx writes the questionnaire as a workbook a respondent fills in Excel or LibreOffice (drop-down \
            lists, checked numbers and dates, "don't know", the respondent's name at the top); with --respondent it holds \
            that person's earlier answers. export FILE.yaml|.csv writes the answers that count (empty where unanswered). \
            import reads any of them back, checks every answer and stores all of them, or none when any is wrong; each \
            answer keeps its respondent, and several people's answers to one question are all kept. \
            list [QUESTION] shows every respondent's answer and where they disagree; \
            choose QUESTION --respondent NAME makes that person's answer the one that counts.
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "export, import, list or choose.")
    var action: Action

    @Argument(help: "export/import: the answers file (.xlsx, .yaml/.yml or .csv); list/choose: a question id.")
    var file: String?

    @Option(
        help:
            "Who answered (import: for answers the file does not attribute; export: whose answers the workbook holds; choose: whose answer counts)."
    )
    var respondent: String?

    @Option(help: "The respondent's position, with --respondent.")
    var role: String?

    @Option(help: "A bundled questionnaire id or a questionnaire file (default: the round's, else crm-readiness).")
    var questionnaire: String?

    @Option(help: "The language of question texts in an exported file: ru or en.")
    var lang: Language?

    @Option(help: "The round number (default: the latest).")
    var round: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if [.export, .import].contains(action), file == nil {
            throw ValidationError(CLIText.answersFileNeeded.render(in: CLILanguage.current))
        }
        if action == .choose, file == nil || respondent == nil {
            throw ValidationError(CLIText.answersChooseNeedsQuestionAndRespondent.render(in: CLILanguage.current))
        }
    }

    func run() throws {
        let language = lang ?? CLILanguage.current
        let file = self.file ?? ""
        let isWorkbook = file.lowercased().hasSuffix(".xlsx")
        if action == .export {
            try output.guarding(workspace).check(file, expecting: !isWorkbook && AnswersFile.Format(path: file) == .yaml ? .mark : nil)
        }
        let store = try openWorkspace(workspace)
        let auditRound = try store.round(number: round)
        let chosen = try Questionnaire.resolve(questionnaire ?? auditRound.questionnaireID ?? "crm-readiness")
        let person = respondent.flatMap { Respondent(name: $0, role: role) }
        switch action {
        case .list:
            try AnswersListing(store: store, round: auditRound, questionnaire: chosen, language: language).show(question: self.file)
        case .choose:
            try store.choose(questionID: file, respondent: respondent ?? "", round: auditRound)
            say(.answersChosen, ["question": .text(file), "respondent": .text(respondent ?? "")])
        case .export where isWorkbook:
            let own =
                try person.map { who in try store.respondentAnswers(round: auditRound).filter { $0.respondent?.name == who.name } } ?? []
            let client = (try? store.engagement().client) ?? ""
            let data = try AnswersWorkbook.data(questionnaire: chosen, answers: own, respondent: person, client: client, language: language)
            try PrivateFile.write(data, to: file, guard: output.guarding(workspace))
            say(.answersWorkbookWritten, ["file": .text(file), "count": .count(chosen.questions.count)])
        case .import where isWorkbook:
            let read = try AnswersWorkbook.read(path: file, questionnaire: chosen, answeredAt: Timestamp.now(), respondent: person)
            let summary = try AnswersFile.store(
                read.answers, diagnostics: read.diagnostics, migration: read.migration, into: store,
                round: auditRound, questionnaire: chosen)
            report(summary, file: file, language: language)
        case .export:
            let answers = try store.answers(round: auditRound)
            let (migrated, report) = chosen.migrate(answers, from: auditRound.questionnaireVersion ?? chosen.version)
            for line in report.lines(in: language) { Terminal.printError("· " + line) }
            let client = (try? store.engagement().client) ?? ""
            let heading = CLIText.answersRoundOf.text([
                "client": .value(client), "number": .value(auditRound.number), "iso": .value(auditRound.date.iso),
                "title": .localized(chosen.title), "version": .value(chosen.version),
            ])[
                language]
            let text = AnswersFile.export(
                migrated, questionnaire: chosen, format: AnswersFile.Format(path: file), language: language, heading: heading)
            try PrivateFile.write(text, to: file, guard: output.guarding(workspace))
            say(.answersExported, ["count": .count(answers.count), "file": .text(file)])
        case .import:
            let summary = try AnswersFile.importFile(file, into: store, round: auditRound, questionnaire: chosen, respondent: person)
            report(summary, file: file, language: language)
        }
    }

    private func report(_ summary: AnswersFile.ImportSummary, file: String, language: Language) {
        for diagnostic in summary.diagnostics {
            Terminal.printError(diagnostic.formatted(in: language))
        }
        for line in summary.migration.lines(in: language) { Terminal.print("· " + line) }
        say(.answersImported, ["count": .count(summary.stored), "file": .text(file)])
    }
}
