import AuditModel
import Expressions
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

/// A console fed from a script of lines, recording what the interview writes.
struct ScriptedConsole: InterviewConsole {
    var lines: [String]
    var output = ""
    var isTerminal = false

    init(_ lines: [String]) { self.lines = lines }

    mutating func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    mutating func write(_ text: String) { output += text }
}

struct InterviewFixture {
    let workspace: Workspace
    let directory: TemporaryDirectory
    var questionnaire: Questionnaire

    init(metrics: String? = nil) throws {
        (workspace, directory) = try makeTestWorkspace()
        questionnaire = try small()
        if let metrics { try workspace.saveMetrics(document: metrics, asOf: Day(ordinal: 0), round: try workspace.round()) }
    }

    func run(_ lines: [String], language: Language = .en, section: String? = nil) throws -> (InterviewOutcome, ScriptedConsole) {
        var interview = try Interview(
            questionnaire: questionnaire, store: workspace, round: try workspace.round(), language: language, sectionID: section)
        var console = ScriptedConsole(lines)
        let outcome = try interview.run(console: &console)
        return (outcome, console)
    }

    func stored() throws -> [String: Answer] {
        Dictionary(uniqueKeysWithValues: try workspace.answers(round: try workspace.round()).map { ($0.questionID, $0) })
    }
}

@Suite struct InterviewFlow {
    @Test func asksInOrderAndSavesEveryAnswer() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (outcome, console) = try fixture.run(["2", "yes", "2026-03-01", "1,2", "7", "All good"])
        #expect(outcome == .finished)
        let stored = try fixture.stored()
        #expect(
            stored.mapValues(\.value) == [
                "criteria": .option("some"), "baseline": .bool(true), "baseline_date": .date(Day(year: 2026, month: 3, day: 1)!),
                "where": .options(["crm", "excel"]), "managers": .number(7), "comment": .text("All good"),
            ])
        #expect(stored.values.allSatisfy { $0.source == .interview })
        #expect(console.output.contains("question 1 of 6 · 0 % done"))
        #expect(console.output.contains("Interview complete: 6 of 6 questions answered."))
        #expect(!console.output.contains("\u{1B}["), "no colours when not on a terminal")
    }

    @Test func skipLogicReEvaluatesAfterEachAnswer() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (outcome, console) = try fixture.run(["1"])
        #expect(outcome == .finished)
        #expect(console.output.contains("Interview complete: 1 of 1 questions answered."))
        #expect(!console.output.contains("Baseline?"))
    }

    @Test func endOfInputKeepsWhatWasAnsweredAndTheNextRunResumes() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (first, _) = try fixture.run(["3", "no"])
        #expect(first == .endOfInput)
        #expect(try fixture.stored().count == 2)
        let (second, console) = try fixture.run(["q"])
        #expect(second == .quit)
        #expect(console.output.contains("Where?"))
        #expect(!console.output.contains("Criteria?"))
    }

    @Test func commandsHelpBackDontKnowNoteAndValidation() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let script = [
            "?",  // help of criteria
            "d",  // don't know
            "x",  // baseline: not applicable is allowed
            "b",  // back to baseline
            "b",  // back to criteria
            "3",  // criteria: all (replaces don't know)
            "",  // baseline: keep not applicable
            "s",  // baseline_date is hidden (baseline not true) → where: skip for now
            "600",  // managers: error, re-prompt
            "abc",  // not a number
            "n", "From the 2025 payroll",
            "12",
            "Fine",  // comment
            "3",  // where, asked again at the end
        ]
        let (outcome, console) = try fixture.run(script)
        #expect(outcome == .finished)
        let stored = try fixture.stored()
        #expect(stored["criteria"]?.value == .option("all"))
        #expect(stored["baseline"]?.value == .notApplicable)
        #expect(stored["managers"]?.value == .number(12))
        #expect(stored["managers"]?.note == "From the 2025 payroll")
        #expect(stored["where"]?.value == .options(["heads"]))
        #expect(console.output.contains("Help"))
        #expect(console.output.contains("0 to 500"))
        #expect(console.output.contains("'abc' is not a number"))
        #expect(console.output.contains("Current answer: don't know"))
    }

    @Test func helpShowsTheSectionsHelpToo() throws {
        var fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        // The goals section's title line, then the same indentation for its help.
        var lines = smallQuestionnaire().components(separatedBy: "\n")
        let title = try #require(lines.firstIndex { $0.hasSuffix("title: {ru: \"Цели\", en: \"Goals\"}") })
        let indent = String(lines[title].prefix { $0 == " " })
        lines.insert(
            indent + "help: {ru: \"Без целей проект не принять\", en: \"Without goals the project cannot be accepted\"}", at: title + 1)
        let text = lines.joined(separator: "\n")
        fixture.questionnaire = try Questionnaire.load(text: text, file: "q.yaml")
        let (_, console) = try fixture.run(["?", "q"])
        #expect(console.output.contains("Help"))
        #expect(console.output.contains("Section \"Goals\": Without goals the project cannot be accepted"))
    }

    @Test func aQuestionSkippedBeforeAQuitIsAskedAtTheEndAfterResumingNotFirst() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (first, _) = try fixture.run(["s", "q"])  // skip criteria, then quit at baseline
        #expect(first == .quit)
        let (_, console) = try fixture.run(["q"])
        let asked = console.output.components(separatedBy: "\n").first { $0.contains("[") && $0.contains("]") && !$0.contains("help") }
        #expect(asked?.contains("[baseline]") == true, "resumes where it stopped: \(asked ?? "")")
    }

    @Test func backAfterResumingGoesToThePreviousQuestion() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        _ = try fixture.run(["2", "no"])
        let (_, console) = try fixture.run(["b", "", "q"])
        let afterBack = console.output.components(separatedBy: "> b").last ?? ""
        #expect(afterBack.contains("Baseline?  [baseline]"))
        #expect(afterBack.contains("Current answer: no"))
    }

    @Test func aRefusedNonAnswerIsExplained() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (_, console) = try fixture.run(["x", "q"])
        #expect(console.output.contains("This question does not accept \"not applicable\"."))
        #expect(try fixture.stored().isEmpty)
    }

    @Test func prefillFromTheMetricSnapshotIsProposedAndWarningsDoNotBlock() throws {
        let snapshot =
            #"{"as_of": "2026-10-31", "metrics": {"managers.with_sales_12m": 4, "sales.revenue": 1.5e7}, "unavailable": {"deals.count": "no deals"}}"#
        let fixture = try InterviewFixture(metrics: snapshot)
        defer { fixture.directory.remove() }
        let (_, console) = try fixture.run(["2", "no", "1", ""])
        #expect(console.output.contains("Proposed from the data: 4 (press Enter to accept"))
        let stored = try fixture.stored()
        #expect(stored["managers"]?.value == .number(4))
        #expect(stored["managers"]?.source == .prefill)
        // 9 > 2 × 4 managers in the data: a warning, and the answer is saved anyway.
        var interview = try Interview(
            questionnaire: fixture.questionnaire, store: fixture.workspace, round: try fixture.workspace.round(), language: .ru)
        var console2 = ScriptedConsole(["9"])
        #expect(try interview.edit(questionID: "managers", console: &console2) == .finished)
        #expect(console2.output.contains("Больше, чем в данных"))
        #expect(try fixture.stored()["managers"]?.value == .number(9))
    }

    @Test func withoutASnapshotThereIsNoProposal() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (_, console) = try fixture.run(["2", "no", "1", "q"])
        #expect(!console.output.contains("Proposed"))
    }

    @Test func editingOneQuestionSaysWhenItIsHidden() throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        _ = try fixture.run(["1"])
        var interview = try Interview(
            questionnaire: fixture.questionnaire, store: fixture.workspace, round: try fixture.workspace.round(), language: .en)
        var console = ScriptedConsole(["yes"])
        #expect(try interview.edit(questionID: "baseline", console: &console) == .finished)
        #expect(console.output.contains("hidden by skip logic"))
        #expect(throws: QuestionnaireError.unknownQuestion(id: "nope", questionnaire: "small")) {
            try interview.edit(questionID: "nope", console: &console)
        }
    }

    @Test(arguments: Language.allCases)
    func speaksBothLanguages(language: Language) throws {
        let fixture = try InterviewFixture()
        defer { fixture.directory.remove() }
        let (_, console) = try fixture.run(["q"], language: language)
        switch language {
        case .ru:
            #expect(console.output.contains("Критерии?"))
            #expect(console.output.contains("вопрос 1 из 6"))
            #expect(console.output.contains("d не знаю"))
            #expect(console.output.contains("Ответы сохранены"))
        case .en:
            #expect(console.output.contains("Criteria?"))
            #expect(console.output.contains("d don't know"))
            #expect(console.output.contains("Answers are saved"))
        }
    }
}

@Suite struct Wrapping {
    @Test func longTextsWrapAtSpacesToTheTerminalWidth() {
        let text = "Считайте всех, кто ведёт клиентов, включая руководителя, если он продаёт сам."
        let wrapped = Interview.wrap(text, width: 30)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 30 })
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
        #expect(Interview.wrap(text, width: 0) == text)
    }
}
