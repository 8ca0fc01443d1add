import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

@Suite struct AnswerFiles {
    func answer(_ id: String, _ value: AnswerValue, note: String? = nil) -> Answer {
        Answer(questionID: id, value: value, note: note, source: .interview, answeredAt: "2026-11-29T10:00:00Z")
    }

    var sample: [Answer] {
        [
            answer("criteria", .option("some"), note: "Владелец: «рост на 20 %»; \"quoted\"\nsecond line"),
            answer("baseline", .bool(false)), answer("where", .options([])), answer("managers", .number(12.5)),
            answer("comment", .text("Текст; с точкой с запятой, и \"кавычками\"")),
        ]
    }

    @Test(arguments: AnswersFile.Format.allCases)
    func exportThenReadGivesTheSameAnswers(format: AnswersFile.Format) throws {
        let questionnaire = try small()
        let text = AnswersFile.export(sample, questionnaire: questionnaire, format: format, language: .ru, heading: "ООО «Тест»")
        let (answers, diagnostics, _) = AnswersFile.read(
            text: text, file: "a.\(format.rawValue)", format: format,
            questionnaire: questionnaire, answeredAt: "2026-12-01T00:00:00Z")
        // The comment breaks the fixture's "letters only" pattern: a note, which does not block.
        #expect(diagnostics.map(\.severity) == [.note])
        let original = Dictionary(uniqueKeysWithValues: sample.map { ($0.questionID, $0) })
        #expect(answers.count == sample.count)
        for read in answers {
            #expect(read.value == original[read.questionID]?.value, "\(read.questionID)")
            #expect(read.note == original[read.questionID]?.note, "\(read.questionID)")
            #expect(read.source == .file)
        }
    }

    @Test func theCSVOpensInExcelAndListsEveryQuestion() throws {
        let text = AnswersFile.export([], questionnaire: try small(), format: .csv, language: .en)
        #expect(text.hasPrefix("\u{FEFF}question_id;section;question;options;answer;note;respondent;role\r\n"))
        // The Russian copy's header is Russian throughout (the reader takes either).
        let russian = AnswersFile.export([], questionnaire: try small(), format: .csv, language: .ru)
        #expect(russian.hasPrefix("\u{FEFF}id_вопроса;раздел;вопрос;варианты;ответ;примечание;респондент;должность\r\n"))
        #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 7)
        #expect(text.contains("criteria;Goals;Criteria?;none = None | some = Some | all = All;;"))
    }

    @Test func everyBadAnswerIsReportedWithItsLine() throws {
        let text = """
            schema: crm-audit/answers/1
            questionnaire: small
            version: 2.0.0
            answers:
              criteria: partial
              baseline: maybe
              where: [crm, fax]
              managers: 900
              comment: ~
              nonsense: 3
              baseline_date: 2026-02-30
            """
        let (_, diagnostics, _) = AnswersFile.read(text: text, file: "a.yaml", format: .yaml, questionnaire: try small(), answeredAt: "t")
        #expect(diagnostics.map(\.location?.line) == [5, 6, 7, 8, 10, 11])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[0].text.en.contains("«criteria»: no option 'partial'"))
        #expect(diagnostics[3].text.en.contains("0 to 500"))
        #expect(diagnostics[4].text.en == "questionnaire 'small' has no question 'nonsense'")
    }

    @Test func csvErrorsNameTheRecordLine() throws {
        let text = "question_id,answer,note\ncriteria,all,\"multi\nline note\"\nmanagers,много,\nwhere,\"1, 2\",\n"
        let (answers, diagnostics, _) = AnswersFile.read(
            text: text, file: "a.csv", format: .csv, questionnaire: try small(), answeredAt: "t")
        #expect(diagnostics.map(\.location?.line) == [4])
        #expect(answers.map(\.questionID) == ["criteria", "where"])
        #expect(answers.first?.note == "multi\nline note")
    }

    @Test func importIsAllOrNothing() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(
            "answers:\n  criteria: all\n  managers: -1\nschema: crm-audit/answers/1\nquestionnaire: small\n", to: "a.yaml")
        #expect(throws: DiagnosticList.self) {
            try AnswersFile.importFile(path, into: workspace, round: try workspace.round(), questionnaire: try small())
        }
        #expect(try workspace.answers(round: try workspace.round()).isEmpty)
        let good = try directory.write(
            "answers:\n  criteria: all\n  managers: 3\nschema: crm-audit/answers/1\nquestionnaire: small\n", to: "b.yaml")
        let summary = try AnswersFile.importFile(good, into: workspace, round: try workspace.round(), questionnaire: try small())
        #expect(summary.stored == 2)
        #expect(try workspace.answers(round: try workspace.round()).allSatisfy { $0.source == .file })
        #expect(try workspace.round().questionnaireVersion == "2.0.0")
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpensNotAtTheEndOfTheFile() throws {
        let text = "schema: crm-audit/answers/1\nquestionnaire: small\nanswers:\n  criteria: \"all\n  managers: 3\n  comment: x\n"
        let (_, diagnostics, _) = AnswersFile.read(text: text, file: "a.yaml", format: .yaml, questionnaire: try small(), answeredAt: "t")
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.location?.column == 13)
        #expect(diagnostics.first?.text.en.contains("never closed") == true)
    }

    @Test func aCSVSavedByRussianExcelInWindows1251IsRead() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let text = "question_id;раздел;answer;note\r\ncriteria;Цели;all;Со слов директора\r\nmanagers;Команда;3;\r\n"
        let bytes = Transcoder.windows1251(text)
        #expect(String(bytes: bytes, encoding: .utf8) == nil, "the fixture is not UTF-8")
        let path = directory.file("answers.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let summary = try AnswersFile.importFile(path, into: workspace, round: try workspace.round(), questionnaire: try small())
        #expect(summary.stored == 2)
        #expect(try workspace.answers(round: try workspace.round()).first { $0.questionID == "criteria" }?.note == "Со слов директора")
    }

    @Test func reimportingAnUnchangedAnswerKeepsWhereAndWhenItWasGiven() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let round = try workspace.round()
        try workspace.save([answer("criteria", .option("all")), answer("managers", .number(3))], round: round)
        let path = try directory.write(
            "schema: crm-audit/answers/1\nquestionnaire: small\nanswers:\n  criteria: all\n  managers: 4\n", to: "a.yaml")
        try AnswersFile.importFile(path, into: workspace, round: round, questionnaire: try small())
        let stored = Dictionary(uniqueKeysWithValues: try workspace.answers(round: round).map { ($0.questionID, $0) })
        #expect(stored["criteria"]?.source == .interview && stored["criteria"]?.answeredAt == "2026-11-29T10:00:00Z")
        #expect(stored["managers"]?.source == .file && stored["managers"]?.value == .number(4))
    }

    @Test func aFileOfAnOlderVersionIsMigratedAndRemovedAnswersAreKept() throws {
        let questionnaire = try Questionnaire.load(
            text: smallQuestionnaire(
                """
                migrations:
                  - from: "<2.0.0"
                    rename: {has_criteria: criteria}
                    recode: {criteria: {partial: some}}
                    removed: [old_budget]
                """), file: "q.yaml")
        let text = "schema: crm-audit/answers/1\nquestionnaire: small\nversion: 1.0.0\nanswers:\n  has_criteria: partial\n  old_budget: 5\n"
        let (answers, diagnostics, report) = AnswersFile.read(
            text: text, file: "a.yaml", format: .yaml, questionnaire: questionnaire, answeredAt: "t")
        #expect(Set(answers.map(\.questionID)) == ["criteria", "old_budget"])
        #expect(answers.first { $0.questionID == "criteria" }?.value == .option("some"))
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(report.renamed.count == 1 && report.recoded.count == 1 && report.orphaned == ["old_budget"])
    }

    @Test func theTechnoSnabExampleFitsTheBundledQuestionnaire() throws {
        let questionnaire = try bundledQuestionnaire()
        let path = packageRoot + "/examples/technosnab/answers.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (answers, diagnostics, _) = AnswersFile.read(
            text: text, file: path, format: .yaml, questionnaire: questionnaire, answeredAt: "t")
        #expect(diagnostics == [])
        let values = Dictionary(uniqueKeysWithValues: answers.map { ($0.questionID, $0.value) })
        #expect(values["goals_success_criteria"] == .option("none"))
        #expect(values["base_single"] == .option("one_base"))
        #expect(values["seg_does"] == .option("recorded"))
        #expect(values["mkt_birthdays"] == .option("key_customers"))
        #expect(values["mkt_campaign_effect"] == .option("sales"))
        #expect(values["company_managers_count"] == .number(9))
        #expect(values.values.filter { $0 == .dontKnow }.count >= 3)
        #expect(values.values.filter { $0 == .notApplicable }.count == 2)
        #expect(answers.filter { $0.note != nil }.count >= 4)
        // Every shown question is answered; only questions hidden by skip logic are empty.
        let shown = questionnaire.relevantQuestions(answers: values).map(\.id)
        #expect(shown.allSatisfy { values[$0] != nil })
        let maturity = questionnaire.maturity(answers: values)
        #expect(maturity.first { $0.area == "goals" }?.score ?? 100 < 40)
        #expect(maturity.first { $0.area == "retention" }?.score ?? 100 < 25)
        #expect(maturity.allSatisfy { $0.score != nil })
    }
}

@Suite struct PrintedForms {
    @Test(arguments: Language.allCases)
    func markdownFormsListEveryQuestionInTheLanguage(language: Language) throws {
        let questionnaire = try bundledQuestionnaire()
        let text = FormPrinter.render(questionnaire, format: .md, language: language)
        #expect(text.hasPrefix("# \(questionnaire.title[language])"))
        for (index, question) in questionnaire.questions.enumerated() {
            #expect(text.contains("**\(index + 1). \(question.text[language])**"))
        }
        #expect(text.contains(language == .ru ? "- [ ] Не знаю" : "- [ ] Don't know"))
        #expect(text.contains(language == .ru ? "Отвечать, только если" : "Answer only if"))
    }

    @Test func htmlEscapesEverythingFromTheFile() throws {
        let questionnaire = try Questionnaire.load(
            text: smallQuestionnaire().replacingOccurrences(
                of: "text: {ru: \"Где?\", en: \"Where?\"}", with: "text: {ru: \"<b>Где</b> & «что»?\", en: \"<script>alert('x')</script>\"}"
            ), file: "q.yaml")
        let en = FormPrinter.render(questionnaire, format: .html, language: .en)
        #expect(!en.contains("<script>"))
        #expect(en.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        let ru = FormPrinter.render(questionnaire, format: .html, language: .ru)
        #expect(ru.contains("&lt;b&gt;Где&lt;/b&gt; &amp; «что»?"))
        #expect(ru.contains("<html lang=\"ru\">"))
    }
}

/// Who said what: answers are compared for material differences only.
@Suite struct MaterialDisagreement {
    let questionnaire: Questionnaire
    init() throws { questionnaire = try Questionnaire.resolve("crm-readiness") }

    func differ(_ id: String, _ a: AnswerValue, _ b: AnswerValue) throws -> Bool {
        try #require(questionnaire.question(id)).differsMaterially(a, b)
    }

    @Test func choicesNumbersAndSetsDifferOnlyMaterially() throws {
        #expect(try differ("company_business_model", .option("b2b"), .option("b2c")))
        #expect(try !differ("company_business_model", .option("b2b"), .option("b2b")))
        #expect(try differ("company_customers_count", .number(800), .number(1200)))
        #expect(try !differ("company_customers_count", .number(1000), .number(1200)), "20 % apart is an estimate, not a dispute")
        #expect(try differ("company_customers_count", .number(0), .number(5)))
        #expect(try differ("base_share_recorded", .number(100), .number(70)))
        #expect(try !differ("base_share_recorded", .number(100), .number(90)))
        #expect(try differ("goals_main", .options(["grow_sales"]), .options(["control_managers", "reporting"])))
        #expect(
            try !differ(
                "goals_main", .options(["grow_sales", "retain_customers"]), .options(["grow_sales", "retain_customers", "reporting"])))
        #expect(try !differ("company_industry", .text("опт"), .text("розница")), "free text is never compared")
        #expect(try !differ("company_customers_count", .dontKnow, .number(5)), "not knowing disagrees with nothing")
    }

    @Test func aYAMLFileNamesItsRespondentAndACSVColumnNamesEachRow() throws {
        let yaml = """
            schema: crm-audit/answers/1
            questionnaire: crm-readiness
            respondent: {name: "И. И. Смирнов", role: "директор"}
            answers:
              company_managers_count: 9
              company_customers_count: {answer: 1200, respondent: "А. В. Соколов"}
            """
        let read = AnswersFile.read(text: yaml, file: "a.yaml", format: .yaml, questionnaire: questionnaire, answeredAt: "t")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(
            read.answers.first { $0.questionID == "company_managers_count" }?.respondent
                == Respondent(name: "И. И. Смирнов", role: "директор"))
        #expect(read.answers.first { $0.questionID == "company_customers_count" }?.respondent?.name == "А. В. Соколов")
        let csv =
            "question_id;answer;respondent;role\ncompany_customers_count;800;А. В. Соколов;РОП\ncompany_customers_count;1200;И. И. Смирнов;директор\n"
        let rows = AnswersFile.read(text: csv, file: "a.csv", format: .csv, questionnaire: questionnaire, answeredAt: "t")
        #expect(rows.diagnostics.isEmpty, "one question, two people: not a duplicate")
        #expect(questionnaire.disagreements(among: rows.answers).map(\.questionID) == ["company_customers_count"])
    }
}
