import ArgumentParser
import AuditModel
import Foundation
import Questionnaire
import Workspace

/// `crm-audit interview WORKSPACE`: walks the questionnaire in the terminal (or over piped
/// standard input), saving every answer at once.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Interview the client with the questionnaire; every answer is saved at once. / Провести интервью по анкете.",
        discussion: """
            Keys: an option number or the answer, Enter to accept a proposed or current answer, ? help, b back, \
            d don't know, x not applicable, s skip for now, n note, q quit. Run again to resume.
            Клавиши: номер варианта или ответ, Enter — принять, ? справка, b назад, d не знаю, x неприменимо, \
            s пропустить, n заметка, q выйти. Повторный запуск продолжает с места остановки.
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "A bundled questionnaire id or a questionnaire file (default: the round's, else crm-readiness).")
    var questionnaire: String?

    @Option(help: "The interview language: ru or en (default: from the locale).")
    var lang: Language?

    @Option(help: "Ask only the questions of this section.")
    var section: String?

    @Option(help: "Ask (or change) only this question.")
    var question: String?

    @Option(help: "The round number (default: the latest).")
    var round: Int?

    @Option(help: "Who is answering (their answers are kept beside other people's; the questions they have not answered are asked).")
    var respondent: String?

    @Option(help: "The respondent's position, with --respondent.")
    var role: String?

    func run() throws {
        let language = lang ?? CLILanguage.current
        let store = try openWorkspace(workspace)
        var auditRound = try store.round(number: round)
        let chosen = try Questionnaire.resolve(questionnaire ?? auditRound.questionnaireID ?? "crm-readiness")
        let report = try chosen.attach(to: store, round: auditRound)
        for line in report.lines(in: language) { Terminal.print("· " + line) }
        auditRound = try store.round(number: auditRound.number)
        let person = respondent.flatMap { Respondent(name: $0, role: role) }
        var interview = try Interview(
            questionnaire: chosen, store: store, round: auditRound, language: language, sectionID: section,
            respondent: person)
        var resume = "crm-audit interview \(workspace)"
        if let respondent { resume += " --respondent \"\(respondent)\"" }
        if let section { resume += " --section \(section)" }
        let command = resume
        var console = StandardConsole { question, sectionTitle in
            Terminal.installInterruptNotice(
                CLIText.interviewInterruptedAt.render(
                    ["question": .text(question.id), "section": .text(sectionTitle), "command": .text(command)], in: language))
        }
        Terminal.installInterruptNotice(CLIText.interviewInterrupted.render(["command": .text(command)], in: language))
        if console.isTerminal {
            let client = (try? store.engagement().client) ?? ""
            Terminal.print(
                CLIText.roundOf.text([
                    "title": .localized(chosen.title), "version": .value(chosen.version), "client": .value(client),
                    "number": .value(auditRound.number), "iso": .value(auditRound.date.iso),
                ])[language])
        }
        let outcome: InterviewOutcome
        if let question {
            outcome = try interview.edit(questionID: question, console: &console)
        } else {
            outcome = try interview.run(console: &console)
        }
        if outcome == .endOfInput {
            Terminal.print(CLIText.interviewEndOfInput.render(in: language))
        }
    }
}

/// Standard input and output; colours only when both are a terminal.
struct StandardConsole: InterviewConsole {
    let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    /// Called before each question (the Ctrl-C notice names it).
    var asking: (Question, String) -> Void = { _, _ in }

    mutating func willAsk(_ question: Question, section: String) { asking(question, section) }

    /// The terminal's columns (minus one, so a full line does not wrap by itself); 0 when piped.
    var width: Int {
        guard isTerminal else { return 0 }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 0 }
        return Int(size.ws_col) - 1
    }

    mutating func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    /// The interview sanitises every text it writes and adds its own colour codes.
    mutating func write(_ text: String) {
        Terminal.writeStyled(text)
    }
}
