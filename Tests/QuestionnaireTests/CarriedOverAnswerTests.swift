import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

/// A repeated audit: the previous round's answers are carried over "to confirm", and the
/// interview asks each of them again, Enter confirming it and a typed answer replacing it.
@Suite struct CarriedOverAnswers {
    /// Round 1 answered in full, round 2 started: every answer carried over, none confirmed.
    static func secondRound() throws -> InterviewFixture {
        let fixture = try InterviewFixture()
        _ = try fixture.run(["2", "yes", "2026-03-01", "1,2", "7", "All good"])
        try fixture.workspace.startRound(date: Day(year: 2027, month: 3, day: 1)!)
        return fixture
    }

    @Test func startingARoundCarriesEveryAnswerOverAsUnconfirmed() throws {
        let fixture = try Self.secondRound()
        defer { fixture.directory.remove() }
        let rounds = try fixture.workspace.rounds()
        #expect(rounds.map(\.number) == [1, 2])
        #expect(rounds.map(\.status) == [.closed, .open])
        let carried = try fixture.stored()
        #expect(carried.count == 6)
        #expect(carried.values.allSatisfy { $0.source == .carriedOver && !$0.confirmed })
        #expect(carried["managers"]?.value == .number(7))
        #expect(try fixture.workspace.unconfirmedAnswerCount(round: try fixture.workspace.round()) == 6)
        // The first round's answers are untouched.
        let first = try fixture.workspace.answers(round: fixture.workspace.round(number: 1))
        #expect(first.allSatisfy { $0.confirmed && $0.source == .interview })
    }

    @Test func enterConfirmsACarriedAnswerAndTypingReplacesIt() throws {
        let fixture = try Self.secondRound()
        defer { fixture.directory.remove() }
        // Confirm the first three, change the number of managers, confirm the rest.
        let (outcome, console) = try fixture.run(["", "", "", "", "12", ""])
        #expect(outcome == .finished)
        let stored = try fixture.stored()
        #expect(stored.values.allSatisfy { $0.confirmed })
        #expect(stored["managers"]?.value == .number(12))
        #expect(stored["managers"]?.source == .interview)
        #expect(stored["criteria"]?.value == .option("some"))
        #expect(stored["criteria"]?.source == .carriedOver, "a confirmed answer still says where it came from")
        #expect(console.output.contains("Last round's answer: 7"))
        #expect(console.output.contains("Press Enter to confirm it, or type the new answer."))
        #expect(console.output.contains("Interview complete: 6 of 6 questions answered."))
        #expect(try fixture.workspace.unconfirmedAnswerCount(round: try fixture.workspace.round()) == 0)
    }

    @Test func quittingLeavesTheRestToConfirmAndTheNextRunResumesThere() throws {
        let fixture = try Self.secondRound()
        defer { fixture.directory.remove() }
        let (first, _) = try fixture.run(["", "q"], language: .ru)
        #expect(first == .quit)
        #expect(try fixture.workspace.unconfirmedAnswerCount(round: try fixture.workspace.round()) == 5)
        let (_, console) = try fixture.run([], language: .ru)
        #expect(console.output.contains("вопрос 2 из 6"), "resumes at the first answer still to confirm")
        #expect(console.output.contains("Ответ прошлого раунда"))
    }

    @Test func aNewRoundCannotBeDatedBeforeTheLatestOne() throws {
        let fixture = try Self.secondRound()
        defer { fixture.directory.remove() }
        #expect(
            throws: WorkspaceError.roundDateBeforePrevious(
                path: fixture.workspace.path, date: Day(year: 2027, month: 2, day: 1)!,
                previous: Day(year: 2027, month: 3, day: 1)!)
        ) {
            try fixture.workspace.startRound(date: Day(year: 2027, month: 2, day: 1)!)
        }
        #expect(try fixture.workspace.rounds().count == 2, "nothing is written")
        // The same day is allowed (a second visit on the day of the last one).
        let third = try fixture.workspace.startRound(date: Day(year: 2027, month: 3, day: 1)!)
        #expect(third.round.number == 3)
        #expect(third.carriedOver == 6)
    }
}

/// A second round goes at the pace of a conversation: last round's note and the data's word are
/// on screen, and a section whose answers still hold is confirmed in one key.
@Suite struct SecondRoundPace {
    @Test func oneKeyConfirmsTheRestOfTheSection() throws {
        let fixture = try CarriedOverAnswers.secondRound()
        defer { fixture.directory.remove() }
        let (outcome, console) = try fixture.run(["a", "q"])
        #expect(outcome == .quit)
        #expect(console.output.contains("a confirms all 3 carried-over answers of the section as they are."))
        let stored = try fixture.stored()
        #expect(["criteria", "baseline", "baseline_date"].allSatisfy { stored[$0]?.confirmed == true })
        #expect(["where", "managers", "comment"].allSatisfy { stored[$0]?.confirmed == false }, "the next section is still to confirm")
        #expect(stored["criteria"]?.value == .option("some"), "confirmed as it was")
    }

    @Test func lastRoundsNoteIsShownWithItsAnswer() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        _ = try fixture.run(["n", "ask the owner again", "2", "yes", "2026-03-01", "1,2", "7", "All good"])
        try fixture.workspace.startRound(date: Day(year: 2027, month: 3, day: 1)!)
        let (_, console) = try fixture.run(["q"], language: .ru)
        #expect(console.output.contains("Заметка прошлого раунда: ask the owner again"))
        #expect(console.output.contains("a — подтвердить без изменений все 3 перенесённых ответа раздела."))
    }
}

/// Several people answer: each answer is theirs, and each person is asked what they have not answered.
@Suite struct RespondentInterviews {
    func interview(_ fixture: InterviewFixture, _ lines: [String], as person: Respondent?) throws -> ScriptedConsole {
        var interview = try Interview(
            questionnaire: fixture.questionnaire, store: fixture.workspace, round: try fixture.workspace.round(),
            language: .en, respondent: person)
        var console = ScriptedConsole(lines)
        _ = try interview.run(console: &console)
        return console
    }

    @Test func eachPersonIsAskedEverythingAndBothAnswersAreKept() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let owner = Respondent(name: "И. И. Смирнов", role: "директор"), head = Respondent(name: "А. В. Соколов", role: "РОП")
        _ = try interview(fixture, ["2", "yes", "2026-03-01", "1,2", "7", "All good"], as: owner)
        let second = try interview(fixture, ["3", "q"], as: head)
        #expect(second.output.contains("Criteria?"), "answered by the owner, still asked of the head of sales")
        let given = try fixture.workspace.respondentAnswers(round: try fixture.workspace.round()).filter { $0.questionID == "criteria" }
        #expect(Set(given.compactMap(\.respondent?.name)) == ["И. И. Смирнов", "А. В. Соколов"])
        #expect(try fixture.stored()["criteria"]?.respondent == head, "the latest answer counts until the consultant chooses")
        let disagreements = fixture.questionnaire.disagreements(
            among: try fixture.workspace.respondentAnswers(round: try fixture.workspace.round()))
        #expect(disagreements.map(\.questionID) == ["criteria"])
        try fixture.workspace.choose(questionID: "criteria", respondent: "и. и. смирнов", round: try fixture.workspace.round())
        #expect(try fixture.stored()["criteria"]?.value == .option("some"))
        _ = try interview(fixture, ["3", "q"], as: head)
        #expect(try fixture.stored()["criteria"]?.respondent == owner, "a chosen answer stays chosen")
        #expect(throws: WorkspaceError.self) {
            try fixture.workspace.choose(questionID: "criteria", respondent: "Nobody", round: try fixture.workspace.round())
        }
    }

    @Test func typedControlCharactersAreTakenOut() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let console = try interview(fixture, ["\u{1B}[2J2\u{07}", "q"], as: nil)
        #expect(try fixture.stored()["criteria"]?.value == .option("some"))
        #expect(!console.output.contains("\u{1B}"))
    }
}
