import AuditModel
import Expressions
import Foundation
import Testing

@testable import Questionnaire

@Suite struct BundledQuestionnaire {
    @Test func loadsWithoutAnyDiagnostic() {
        let result = QuestionnaireLoader.lint(path: packageRoot + "/questionnaires/crm-readiness.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.questionnaire != nil)
    }

    @Test func isLargeEnoughAndCoversEveryArea() throws {
        let questionnaire = try bundledQuestionnaire()
        #expect(questionnaire.questions.count >= 60)
        #expect(questionnaire.sections.count >= 9)
        let required = [
            "goals", "tools", "customer_base", "sales_process", "reporting", "key_accounts", "retention",
            "segmentation", "marketing", "service", "integration", "adoption", "data_protection",
        ]
        for area in required {
            #expect(questionnaire.questions.contains { $0.area == area && $0.isScored }, "area \(area) is scored")
        }
    }

    @Test func everyQuestionHasConsultantHelpInBothLanguages() throws {
        for question in try bundledQuestionnaire().questions {
            #expect(!question.help.ru.isEmpty && !question.help.en.isEmpty && question.help.ru != question.help.en, "\(question.id)")
            #expect(question.text.ru != question.text.en, "\(question.id)")
        }
    }

    @Test func isFoundByIdThroughCRMAuditHome() throws {
        let candidates = ContentLocator.candidates(
            for: "questionnaires", environment: ["CRM_AUDIT_HOME": packageRoot], currentDirectory: "/", executable: nil)
        #expect(candidates.first == packageRoot + "/questionnaires")
        #expect(candidates.contains("/questionnaires"))
    }

    @Test func searchesTheInstalledShareThenTheCurrentDirectoryAndItsParentsThenTheExecutables() {
        let candidates = ContentLocator.candidates(
            for: "rulesets", environment: [:], currentDirectory: "/a/b", executable: "/opt/tool/bin/crm-audit")
        #expect(
            candidates == [
                "/opt/tool/share/crm-audit/rulesets", "/a/b/rulesets", "/a/rulesets", "/rulesets",
                "/opt/tool/bin/rulesets", "/opt/tool/rulesets", "/opt/rulesets",
            ])
    }
}

@Suite struct FormatErrors {
    /// Each broken questionnaire (a replacement in the small one) and the line:column and message it must give.
    @Test(arguments: [
        (
            "type: multi\n        area: tools\n        scoring: min", "type: multi\n        area: toolz\n        scoring: min", 42, 15,
            "unknown area 'toolz'; did you mean 'tools'?"
        ),
        ("{id: heads, score: 0,", "{id: heads, score: 7,", 49, 32, "option score 7 is out of range 0–4"),
        ("{id: heads, score: 0,", "{id: excel, score: 0,", 49, 18, "duplicate option 'excel'"),
        (
            "relevant: \"answer.criteria in ['some', 'all']\"", "relevant: \"answer.criteria in ['some', 'al']\"", 27, 48,
            "the question has no option 'al'"
        ),
        (
            "relevant: \"answer.baseline == true\"", "relevant: \"answer.baselin == true\"", 33, 20,
            "unknown question 'baselin'; did you mean 'baseline'?"
        ),
        (
            "relevant: \"answer.baseline == true\"", "relevant: \"answer.where contains 'crm'\"", 33, 20,
            "refers to the later question 'where'"
        ),
        ("relevant: \"answer.baseline == true\"", "relevant: \"answer.baseline = true\"", 33, 36, "write '==' to compare"),
        (
            "relevant: \"answer.baseline == true\"", "relevent: \"answer.baseline == true\"", 33, 9,
            "unknown key 'relevent'; did you mean 'relevant'?"
        ),
        ("text: {ru: \"Когда?\", en: \"When?\"}", "text: {ru: \"Когда?\"}", 34, 15, "the 'en' translation is missing"),
        ("text: {ru: \"Когда?\", en: \"When?\"}", "text: {ru: \"Когда?\", en: \"\"}", 34, 34, "the 'en' text is empty"),
        ("id: managers", "id: criteria", 50, 9, "question 'criteria' is already declared on line 12"),
        ("type: date", "type: datetime", 32, 15, "unknown question type 'datetime'"),
        ("{min: 0, max: 500,", "{min: 600, max: 500,", 58, 13, "min is above max"),
        (
            "check: \"(value <= 2 * metric.managers.with_sales_12m) ?? true\"", "check: \"value + 1\"", 59, 21,
            "the expression gives a number, but a bool (yes/no) is needed"
        ),
        (
            "prefill: \"metric.managers.with_sales_12m\"", "prefill: \"answer.criteria\"", 53, 19,
            "the expression gives a string, but a number is needed"
        ),
        ("version: 2.0.0", "version: two", 3, 10, "version 'two' must look like 1.2.0"),
        ("schema: crm-audit/questionnaire/1", "schema: crm-audit/questionnaire/9", 1, 9, "unknown format"),
        ("{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", "{pattern: \"[A-Z\"", 67, 24, "is not a valid regular expression"),
        // Constructs the linear-time engine refuses, at their own column: after YAML's escapes
        // (`\\` is one backslash, `''` one quote) and in a plain scalar.
        ("{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", "{pattern: \"(a)\\\\1\"", 67, 27, "backreferences (\\1, \\k<…>) are not supported"),
        ("{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", "{pattern: \"\\\\d+(?=x)\"", 67, 28, "lookahead and lookbehind"),
        ("{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", "{pattern: 'a''(?<n>x)'", 67, 27, "named groups are not supported"),
        ("{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", "{pattern: a*+b", 67, 25, "possessive quantifiers"),
        ("{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", "{pattern: \"a{5000}\"", 67, 26, "a count above 1000"),
    ])
    func areReportedAtTheirLine(original: String, broken: String, line: Int, column: Int, message: String) {
        let text = smallQuestionnaire()
        #expect(text.contains(original), "fixture has \(original)")
        let result = QuestionnaireLoader.lint(text: text.replacingOccurrences(of: original, with: broken), file: "q.yaml")
        #expect(result.questionnaire == nil)
        let match = result.errors.first { $0.text.en.contains(message) }
        #expect(match != nil, "\(message) not in \(result.errors.map(\.description))")
        #expect(match?.location == SourceLocation(file: "q.yaml", line: line, column: column), "\(match?.description ?? "")")
        #expect(match.map { !$0.text.ru.isEmpty && $0.text.ru != $0.text.en } ?? false)
    }

    @Test func theSmallQuestionnaireIsValid() {
        #expect(QuestionnaireLoader.lint(text: smallQuestionnaire(), file: "q.yaml").diagnostics.map(\.description) == [])
    }

    @Test func reportsEveryProblemOfTheFileInOneRun() {
        var text = smallQuestionnaire()
        text = text.replacingOccurrences(of: "{id: heads, score: 0,", with: "{id: heads, score: 9,")
        text = text.replacingOccurrences(of: "area: tools\n        scoring", with: "area: nowhere\n        scoring")
        text = text.replacingOccurrences(
            of: "help: {ru: \"Помощь\", en: \"Help\"}\n        validate:\n          - {pattern",
            with: "help: {ru: \"Помощь\"}\n        validate:\n          - {pattern")
        let errors = QuestionnaireLoader.lint(text: text, file: "q.yaml").errors
        #expect(errors.count == 3)
        #expect(errors.map(\.location?.line) == [42, 49, 65])
    }

    @Test func aYAMLSyntaxErrorHasItsPosition() {
        let result = QuestionnaireLoader.lint(text: "schema: x\nareas: [1, 2\nid: q\n", file: "q.yaml")
        #expect(result.errors.count == 1)
        // The bracket opened on line 2 and never closed: the error is where it opens.
        #expect(result.errors.first?.location?.line == 2)
        #expect(result.errors.first?.text.en.hasPrefix("YAML syntax error") == true)
    }

    @Test func aCycleInSkipLogicIsNamed() {
        let text = smallQuestionnaire().replacingOccurrences(
            of: "relevant: \"answer.criteria in ['some', 'all']\"", with: "relevant: \"answer.baseline_date == date('2026-01-01')\"")
        let errors = QuestionnaireLoader.lint(text: text, file: "q.yaml").errors
        #expect(errors.contains { $0.text.en.contains("a cycle in skip logic: baseline → baseline_date → baseline") })
        #expect(errors.contains { $0.text.en.contains("refers to the later question 'baseline_date'") })
    }

    @Test func migrationsMustPointAtQuestionsThatExist() {
        let text = smallQuestionnaire(
            """
            migrations:
              - from: "<2.0.0"
                rename: {old_criteria: criterion, managers: where}
                recode: {criteria: {partial: sum}}
                removed: [comment]
            """)
        let messages = QuestionnaireLoader.lint(text: text, file: "q.yaml").errors.map(\.text.en)
        #expect(messages.contains("migration: question 'old_criteria' is renamed to 'criterion', which this version does not have"))
        #expect(messages.contains("migration: the old id 'managers' is still used by a question of this version; ids must not be reused"))
        #expect(messages.contains("migration: question 'criteria' has no option 'sum'"))
        #expect(messages.contains("migration: question 'comment' is listed as removed but this version has it"))
    }

    @Test func anAreaNoQuestionScoresIsAWarning() {
        let text = smallQuestionnaire().replacingOccurrences(
            of: "  - {id: tools, title:", with: "  - {id: spare, title: {ru: \"З\", en: \"S\"}}\n  - {id: tools, title:")
        let result = QuestionnaireLoader.lint(text: text, file: "q.yaml")
        #expect(result.questionnaire != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.text.en == "no question scores area 'spare'")
    }
}

@Suite struct TypeEnvironmentForRules {
    @Test func answersHaveTheTypesTheRulesEngineSees() throws {
        let questionnaire = try Questionnaire.load(text: smallQuestionnaire(), file: "q.yaml")
        let environment = questionnaire.typeEnvironment()
        #expect(environment.answers["criteria"] == ReferenceType(.string, options: ["none", "some", "all"]))
        #expect(environment.answers["where"] == ReferenceType(.set, options: ["crm", "excel", "heads"]))
        #expect(environment.answers["baseline"] == ReferenceType(.bool))
        #expect(environment.answers["managers"] == ReferenceType(.number))
        #expect(environment.answers["baseline_date"] == ReferenceType(.date))
        #expect(environment.answers["comment"] == ReferenceType(.string))
        #expect(questionnaire.question("where")?.valueType == .set)
        #expect(questionnaire.section(containing: "where")?.id == "tools")
    }
}
