import AuditModel
import Foundation
import Testing
import TestSupport
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
        #expect(throws: WorkspaceError.roundDateBeforePrevious(path: fixture.workspace.path, date: Day(year: 2027, month: 2, day: 1)!,
                                                               previous: Day(year: 2027, month: 3, day: 1)!)) {
            try fixture.workspace.startRound(date: Day(year: 2027, month: 2, day: 1)!)
        }
        #expect(try fixture.workspace.rounds().count == 2, "nothing is written")
        // The same day is allowed (a second visit on the day of the last one).
        let third = try fixture.workspace.startRound(date: Day(year: 2027, month: 3, day: 1)!)
        #expect(third.round.number == 3)
        #expect(third.carriedOver == 6)
    }
}
