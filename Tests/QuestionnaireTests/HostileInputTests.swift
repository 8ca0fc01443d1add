import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Questionnaire

/// Damaged copies of a questionnaire and of answer files, and random bytes: each gives
/// diagnostics that point at their file and line in both languages, never a crash. What loads is
/// used as the tool uses it (relevance, maturity, the printed form, the blank answers file).
///
/// Answers are validated against the small fixture questionnaire only, whose one `pattern` is
/// linear: questionnaire patterns with nested repetition are being bounded on another branch, so
/// a damaged questionnaire is linted but no answer is validated against it.
@Suite struct HostileQuestionnaireInputTests {
    @Test func damagedQuestionnairesGiveLocatedDiagnostics() {
        var mutator = ByteMutator(seed: 17_101)
        let seed = Array(smallQuestionnaire().utf8)
        var failures: [String] = []
        for index in 0..<150 {
            let bytes = index < 120 ? mutator.mutate(seed) : mutator.randomBytes(length: Int.random(in: 0...400, using: &mutator.generator))
            let result = QuestionnaireLoader.lint(text: String(decoding: bytes, as: UTF8.self), file: "q.yaml")
            if let problem = unlocatedDiagnostics(result.diagnostics, file: "q.yaml") { failures.append("#\(index): \(problem)") }
            guard let questionnaire = result.questionnaire else { continue }
            _ = questionnaire.relevantQuestions(answers: [:])
            _ = questionnaire.overallMaturity(questionnaire.maturity(answers: [:]))
            for language in Language.allCases {
                _ = FormPrinter.render(questionnaire, format: .html, language: language)
                _ = AnswersFile.export([], questionnaire: questionnaire, format: .csv, language: language)
            }
        }
        #expect(failures == [])
    }

    @Test(arguments: AnswersFile.Format.allCases)
    func damagedAnswerFilesGiveLocatedDiagnostics(format: AnswersFile.Format) throws {
        let questionnaire = try small()
        let answers = [
            Answer(
                questionID: "criteria", value: .option("some"), note: "«рост»; \"quoted\"\nsecond line", source: .interview,
                answeredAt: "2026-11-29T10:00:00Z"),
            Answer(questionID: "baseline", value: .bool(true), note: nil, source: .interview, answeredAt: "2026-11-29T10:00:00Z"),
            Answer(
                questionID: "baseline_date", value: .date(Day(ordinal: 20_786)), note: nil, source: .interview,
                answeredAt: "2026-11-29T10:00:00Z"),
            Answer(questionID: "where", value: .options(["crm"]), note: nil, source: .interview, answeredAt: "2026-11-29T10:00:00Z"),
            Answer(questionID: "managers", value: .number(12.5), note: nil, source: .interview, answeredAt: "2026-11-29T10:00:00Z"),
        ]
        let seeds = Language.allCases.map {
            Array(AnswersFile.export(answers, questionnaire: questionnaire, format: format, language: $0).utf8)
        }
        var mutator = ByteMutator(seed: 17_102)
        let file = "answers.\(format.rawValue)"
        var failures: [String] = []
        for index in 0..<160 {
            let bytes =
                index < 140
                ? mutator.mutate(seeds[index % seeds.count])
                : mutator.randomBytes(length: Int.random(in: 0...400, using: &mutator.generator))
            // `answers import` refuses text that is not UTF-8 before reading it.
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            let (_, diagnostics, _) = AnswersFile.read(
                text: text, file: file, format: format, questionnaire: questionnaire,
                answeredAt: "2026-12-01T00:00:00Z")
            if let problem = unlocatedDiagnostics(diagnostics, file: file) { failures.append("#\(index): \(problem)") }
        }
        #expect(failures == [])
    }
}

/// YAML problems that Yams reports without a line of ours point at their line.
@Suite struct YAMLProblemLocationTests {
    @Test func aControlCharacterIsReportedAtItsLineAndColumn() throws {
        let text = smallQuestionnaire().replacingOccurrences(of: "id: small", with: "id: sm\u{1}all")
        let diagnostic = try #require(QuestionnaireLoader.lint(text: text, file: "q.yaml").diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: "q.yaml", line: 2, column: 7))
        #expect(diagnostic.text.en.hasPrefix("a character YAML does not allow (control characters are not allowed)"))
        #expect(diagnostic.text.ru.hasPrefix("YAML не допускает этот символ"))
    }

    @Test func aDuplicateKeyIsNamedAtItsLineWithoutTheDocument() throws {
        let text = "schema: crm-audit/answers/1\nquestionnaire: small\nanswers:\n  managers: 3\n  criteria: some\n  managers: 4\n"
        let (_, diagnostics, _) = AnswersFile.read(
            text: text, file: "a.yaml", format: .yaml, questionnaire: try small(),
            answeredAt: "2026-12-01T00:00:00Z")
        #expect(
            diagnostics.map { $0.formatted(in: .en) } == [
                "a.yaml:4:3: error: the key 'managers' appears more than once in one mapping; keep one"
            ])
        #expect(diagnostics.first?.text.ru == "ключ «managers» повторяется в одном словаре; оставьте один")
    }

    @Test func anAreaNoQuestionScoresIsReportedAtTheArea() throws {
        let text = smallQuestionnaire().replacingOccurrences(of: "area: goals\n", with: "area: tools\n")
        let warnings = QuestionnaireLoader.lint(text: text, file: "q.yaml").diagnostics.filter {
            $0.text.en == "no question scores area 'goals'"
        }
        #expect(warnings.map(\.location) == [SourceLocation(file: "q.yaml", line: 6, column: 5)])
    }
}

/// Answer files that fuzz-answers-csv showed losing answers, minimised.
@Suite struct AnswersFuzzRegressionTests {
    @Test func anAnswerWithACarriageReturnAndLineFeedSurvivesTheCSVRoundTrip() throws {
        // "\r\n" is one Character, equal to neither "\r" nor "\n": such a field went out unquoted
        // and the next import read its second line as another question.
        let questionnaire = try small()
        let answer = Answer(
            questionID: "comment", value: .text("Оптовая торговля\r\ncompany_b"), note: "две\r\nстроки",
            source: .interview, answeredAt: "2026-11-29T10:00:00Z")
        let text = AnswersFile.export([answer], questionnaire: questionnaire, format: .csv, language: .ru)
        let (answers, diagnostics, _) = AnswersFile.read(
            text: text, file: "a.csv", format: .csv, questionnaire: questionnaire,
            answeredAt: "2026-12-01T00:00:00Z")
        #expect(diagnostics.filter { $0.severity == .error } == [])
        #expect(answers.map(\.value) == [answer.value])
        #expect(answers.map(\.note) == [answer.note])
    }

    @Test func aQuoteThatIsNeverClosedIsAnErrorAtItsLine() throws {
        // The rest of the file was read as one answer, silently: every answer after it was lost.
        let text = "question_id;question;answer;note\r\nmanagers;;\"12\r\ncomment;;Текст;\r\n"
        let (answers, diagnostics, _) = AnswersFile.read(
            text: text, file: "a.csv", format: .csv, questionnaire: try small(),
            answeredAt: "2026-12-01T00:00:00Z")
        #expect(answers.isEmpty)
        #expect(
            diagnostics.map { $0.formatted(in: .en) } == [
                "a.csv:2: error: the quote opened on this line is never closed, so the rest of the file would read as one value; close it"
            ])
    }
}
