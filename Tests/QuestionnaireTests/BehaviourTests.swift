import AuditModel
import Expressions
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

func small() throws -> Questionnaire { try Questionnaire.load(text: smallQuestionnaire(), file: "q.yaml") }

@Suite struct SkipLogic {
    @Test func hidesWhatDoesNotApplyAndCascades() throws {
        let questionnaire = try small()
        let shown = { (answers: [String: AnswerValue]) in questionnaire.relevantQuestions(answers: answers).map(\.id) }
        #expect(shown([:]) == ["criteria", "baseline", "baseline_date", "where", "managers", "comment"])
        #expect(shown(["criteria": .option("none")]) == ["criteria"])
        #expect(
            shown(["criteria": .option("some"), "baseline": .bool(false)]) == ["criteria", "baseline", "where", "managers", "comment"])
        // The baseline answer stays stored but its question is hidden, so baseline_date hides too.
        #expect(shown(["criteria": .option("none"), "baseline": .bool(true)]) == ["criteria"])
    }

    @Test func unHidesWhenAnEarlierAnswerChanges() throws {
        let questionnaire = try small()
        var answers: [String: AnswerValue] = ["criteria": .option("none"), "baseline": .bool(true)]
        #expect(!questionnaire.isRelevant("baseline_date", answers: answers))
        answers["criteria"] = .option("all")
        #expect(questionnaire.isRelevant("baseline_date", answers: answers))
    }

    @Test func anUnknownEarlierAnswerShowsTheQuestion() throws {
        let questionnaire = try small()
        #expect(questionnaire.isRelevant("baseline", answers: ["criteria": .dontKnow]))
        #expect(questionnaire.isRelevant("where", answers: ["criteria": .dontKnow]))
    }
}

@Suite struct Scoring {
    @Test func areaMaturityFollowsTheDocumentedFormula() throws {
        let questionnaire = try small()
        let areas = questionnaire.maturity(answers: [
            "criteria": .option("some"),  // weight 2, score 2
            "baseline": .dontKnow,  // not allowed for this question, but scored 0 if stored
            "where": .options(["crm", "excel"]),  // min → 1
            "managers": .number(7),  // band from 5 → 2
        ])
        let goals = try #require(areas.first { $0.area == "goals" })
        // (2·2/4 + 1·0/4) / 3 × 100
        #expect(abs((goals.score ?? -1) - 100.0 / 3) < 1e-9)
        #expect((goals.answered, goals.dontKnow, goals.notApplicable, goals.unanswered, goals.hidden) == (1, 1, 0, 0, 0))
        let tools = try #require(areas.first { $0.area == "tools" })
        #expect(abs((tools.score ?? -1) - 100 * (1.0 / 4 + 2.0 / 4) / 2) < 1e-9)
        #expect(tools.completeness == 1)
    }

    @Test func notApplicableUnansweredAndHiddenAreLeftOutAndCounted() throws {
        let questionnaire = try small()
        let areas = questionnaire.maturity(answers: ["criteria": .option("all"), "baseline": .notApplicable])
        let goals = try #require(areas.first { $0.area == "goals" })
        #expect(goals.score == 100)
        #expect((goals.answered, goals.notApplicable) == (1, 1))
        let tools = try #require(areas.first { $0.area == "tools" })
        #expect(tools.score == nil)
        #expect(tools.unanswered == 2)
        let hidden = questionnaire.maturity(answers: ["criteria": .option("none")])
        #expect(hidden.first { $0.area == "tools" }?.hidden == 2)
        #expect(hidden.first { $0.area == "goals" }?.score == 0)
    }

    @Test(arguments: [
        (AnswerValue.option("all"), "criteria", 4.0),
        (.dontKnow, "criteria", 0.0),
        (.options([]), "where", 0.0),
        (.options(["crm", "heads"]), "where", 0.0),
        (.bool(true), "baseline", 4.0),
        (.number(4.9), "managers", 0.0),
        (.number(12), "managers", 4.0),
    ])
    func questionScores(value: AnswerValue, question: String, expected: Double) throws {
        #expect(try small().question(question)?.score(for: value) == expected)
    }

    @Test func overallIsWeightedByArea() throws {
        let questionnaire = try small()
        let areas = questionnaire.maturity(answers: [
            "criteria": .option("all"), "baseline": .bool(true), "where": .options(["heads"]), "managers": .number(1),
        ])
        #expect(questionnaire.overallMaturity(areas) == 200.0 / 3)
    }

    @Test func theBundledQuestionnaireScoresEveryArea() throws {
        let questionnaire = try bundledQuestionnaire()
        var answers: [String: AnswerValue] = [:]
        for question in questionnaire.questions where question.isScored {
            switch question.type {
            case .single: answers[question.id] = .option(question.options.last?.id ?? "")
            case .multi: answers[question.id] = .options(question.options.map(\.id))
            case .yesNo: answers[question.id] = .bool((question.yesScore ?? 0) >= (question.noScore ?? 0))
            case .scale: answers[question.id] = .number(5)
            default: answers[question.id] = .number(100)
            }
        }
        for area in questionnaire.maturity(answers: answers) {
            #expect(area.score != nil, "\(area.area)")
            #expect((area.score ?? 0) > 50, "\(area.area)")
        }
    }
}

@Suite struct AnswerInput {
    @Test(arguments: [
        ("criteria", "2", AnswerValue.option("some")),
        ("criteria", "all", .option("all")),
        ("criteria", "Некоторые", .option("some")),
        ("criteria", "none", .option("none")),
        ("criteria", "не знаю", .dontKnow),
        ("criteria", "dont_know", .dontKnow),
        ("where", "1, 3", .options(["crm", "heads"])),
        ("where", "3 1", .options(["crm", "heads"])),
        ("where", "Эксель; CRM", .options(["crm", "excel"])),
        ("where", "0", .options([])),
        ("baseline", "да", .bool(true)),
        ("baseline", "No", .bool(false)),
        ("baseline", "2", .bool(false)),
        ("baseline", "n/a", .notApplicable),
        ("managers", "1 200,5", .number(1200.5)),
        ("baseline_date", "31.01.2026", .date(Day(year: 2026, month: 1, day: 31)!)),
        ("baseline_date", "2026-01-31", .date(Day(year: 2026, month: 1, day: 31)!)),
        ("comment", "  Как есть  ", .text("Как есть")),
    ])
    func readsTypedAnswersInBothLanguages(question: String, input: String, expected: AnswerValue) throws {
        let found = try #require(try small().question(question))
        #expect(try found.parseAnswer(input).get() == expected)
    }

    @Test(arguments: [
        ("criteria", "4", "no option '4'"),
        ("criteria", "n/a", "does not accept \"not applicable\""),
        ("baseline", "maybe", "answer yes or no"),
        ("managers", "много", "'много' is not a number"),
        ("baseline_date", "31/01/2026", "enter a date"),
        ("where", "crm, fax", "no option 'fax'"),
    ])
    func refusesWhatDoesNotFit(question: String, input: String, message: String) throws {
        let found = try #require(try small().question(question))
        guard case .failure(let problem) = found.parseAnswer(input) else {
            Issue.record("accepted \(input)")
            return
        }
        #expect(problem.message.en.contains(message), "\(problem.message.en)")
        #expect(!problem.message.ru.isEmpty)
    }

    @Test func validationErrorsBlockAndWarningsDoNot() throws {
        let managers = try #require(try small().question("managers"))
        #expect(managers.validate(.number(600)).map(\.severity) == [.error])
        let metrics = Bindings(metrics: ["managers.with_sales_12m": .number(3)])
        #expect(managers.validate(.number(9), bindings: metrics).map(\.severity) == [.warning])
        #expect(managers.validate(.number(9), bindings: metrics).first?.message.ru == "Больше, чем в данных")
        #expect(managers.validate(.number(9)) == [], "no metric: the check is null and passes")
        let comment = try #require(try small().question("comment"))
        #expect(comment.validate(.text("ok 123")).map(\.severity) == [.note])
    }

    @Test func answersDisplayInEachLanguage() throws {
        let questionnaire = try small()
        #expect(questionnaire.question("where")?.display(.options(["crm", "heads"]), in: .ru) == "CRM; В головах")
        #expect(questionnaire.question("baseline")?.display(.bool(true), in: .en) == "yes")
        #expect(questionnaire.question("criteria")?.display(.dontKnow, in: .ru) == "не знаю")
    }
}

@Suite struct Migrations {
    let text = smallQuestionnaire(
        """
        migrations:
          - from: "<2.0.0"
            rename: {has_criteria: criteria, tools_where: where}
            recode: {criteria: {partial: some, full: all}}
            removed: [old_budget]
        """)

    func answer(_ id: String, _ value: AnswerValue) -> Answer {
        Answer(questionID: id, value: value, source: .interview, answeredAt: "2026-01-01T10:00:00Z")
    }

    @Test func renamedAndRecodedAnswersMoveAndNothingIsDropped() throws {
        let questionnaire = try Questionnaire.load(text: text, file: "q.yaml")
        let old = [
            answer("has_criteria", .option("partial")), answer("tools_where", .options(["excel"])),
            answer("old_budget", .number(5)), answer("managers", .text("nine")),
        ]
        let (migrated, report) = questionnaire.migrate(old, from: "1.3.0")
        #expect(migrated.map(\.questionID) == ["criteria", "where", "old_budget", "managers"])
        #expect(migrated[0].value == .option("some"))
        #expect(report.renamed == [.init(from: "has_criteria", to: "criteria"), .init(from: "tools_where", to: "where")])
        #expect(report.recoded == [.init(question: "criteria", from: "partial", to: "some")])
        #expect(report.orphaned == ["old_budget"])
        #expect(report.invalid == ["managers"])
        #expect(report.lines(in: .ru).count == 5)
        #expect(questionnaire.usableAnswers(migrated).keys.sorted() == ["criteria", "where"])
    }

    @Test func stepsForOtherVersionsDoNotApply() throws {
        let questionnaire = try Questionnaire.load(text: text, file: "q.yaml")
        let (migrated, report) = questionnaire.migrate([answer("has_criteria", .option("partial"))], from: "2.0.0")
        #expect(migrated.first?.questionID == "has_criteria")
        #expect(report.orphaned == ["has_criteria"])
    }

    @Test func attachingToARoundStoresMovedAnswersAndKeepsTheOriginals() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        var round = try workspace.round()
        try workspace.recordMethod(round: round, questionnaireID: "small", questionnaireVersion: "1.0.0", rulesets: nil)
        try workspace.save([answer("has_criteria", .option("full")), answer("old_budget", .number(1))], round: round)
        round = try workspace.round()
        let questionnaire = try Questionnaire.load(text: text, file: "q.yaml")
        let report = try questionnaire.attach(to: workspace, round: round)
        #expect(report.renamed.count == 1 && report.orphaned == ["old_budget"])
        let stored = try workspace.answers(round: round).map(\.questionID).sorted()
        #expect(stored == ["criteria", "has_criteria", "old_budget"])
        #expect(try workspace.round().questionnaireVersion == "2.0.0")
        // A second attach has nothing left to move.
        #expect(try questionnaire.attach(to: workspace, round: try workspace.round()).renamed.isEmpty)
    }

    @Test func aRoundOfAnotherQuestionnaireIsRefused() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let round = try workspace.round()
        try workspace.recordMethod(round: round, questionnaireID: "other", questionnaireVersion: "1.0.0", rulesets: nil)
        #expect(throws: QuestionnaireError.otherQuestionnaire(round: 1, recorded: "other", wanted: "small")) {
            try Questionnaire.load(text: text, file: "q.yaml").attach(to: workspace, round: try workspace.round())
        }
    }
}

@Suite struct ClosedRounds {
    @Test func aClosedRoundsAnswersCannotChange() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try workspace.write { db in try db.execute(sql: "UPDATE round SET status = 'closed'") }
        #expect(throws: QuestionnaireError.roundClosed(round: 1)) {
            try small().attach(to: workspace, round: try workspace.round())
        }
        let path = try directory.write("schema: crm-audit/answers/1\nquestionnaire: small\nanswers:\n  criteria: all\n", to: "a.yaml")
        #expect(throws: QuestionnaireError.roundClosed(round: 1)) {
            try AnswersFile.importFile(path, into: workspace, round: try workspace.round(), questionnaire: try small())
        }
        #expect(try workspace.answers(round: try workspace.round()).isEmpty)
    }
}
