import AuditModel
import Expressions
import Questionnaire
import Testing

/// Lint checks what a questionnaire refers to against the metric catalogue, and knows the
/// questions asked for context on purpose.
@Suite struct MetricReferencesAndPurpose {
    /// A stand-in catalogue: what `crm-audit lint` passes is every catalogue metric.
    let catalogue: [String: ReferenceType] = [
        "managers.with_sales_12m": ReferenceType(.number), "managers.idle": ReferenceType(.number),
        "customers.count": ReferenceType(.number),
    ]

    func diagnostics(_ text: String, metrics: [String: ReferenceType]?) -> [String] {
        QuestionnaireLoader.lint(text: text, file: "q.yaml", metrics: metrics).diagnostics.map { $0.formatted(in: .en) }
    }

    @Test func aPrefillFromAMetricTheCatalogueLacksIsAnErrorWithAHint() {
        let text = smallQuestionnaire().replacingOccurrences(
            of: "prefill: \"metric.managers.with_sales_12m\"",
            with: "prefill: \"metric.managers.count\"")
        let found = diagnostics(text, metrics: catalogue)
        #expect(
            found.contains(
                "q.yaml:53:19: error: unknown metric 'managers.count'; the 'managers.' group has: managers.idle, managers.with_sales_12m"))
        #expect(diagnostics(text, metrics: nil).isEmpty, "without the catalogue metric names cannot be checked")
    }

    @Test func aValidationCheckIsCheckedToo() {
        let text = smallQuestionnaire().replacingOccurrences(
            of: "check: \"(value <= 2 * metric.managers.with_sales_12m) ?? true\"",
            with: "check: \"(value <= 2 * metric.manager.with_sales_12m) ?? true\"")
        let found = diagnostics(text, metrics: catalogue)
        #expect(
            found.contains {
                $0.hasPrefix("q.yaml:59:")
                    && $0.contains("unknown metric 'manager.with_sales_12m'; did you mean 'managers.with_sales_12m'?")
            })
    }

    @Test func theFixtureIsCleanAgainstTheCatalogue() {
        #expect(diagnostics(smallQuestionnaire(), metrics: catalogue).isEmpty)
    }

    @Test func purposeContextIsReadAndChecked() throws {
        let marked = smallQuestionnaire().replacingOccurrences(
            of: "      - id: comment\n        type: text\n",
            with: "      - id: comment\n        type: text\n        purpose: context\n")
        let questionnaire = try Questionnaire.load(text: marked, file: "q.yaml")
        #expect(questionnaire.question("comment")?.isContext == true)
        #expect(questionnaire.question("managers")?.isContext == false)
        let wrong = smallQuestionnaire().replacingOccurrences(
            of: "      - id: comment\n        type: text\n",
            with: "      - id: comment\n        type: text\n        purpose: decoration\n")
        #expect(diagnostics(wrong, metrics: nil).contains { $0.contains("purpose: the only value is context") })
    }
}

/// The business model decides which questions are asked.
@Suite struct BusinessModelSkipLogic {
    @Test(arguments: [("b2b", false), ("b2c", true), ("mixed", true)])
    func theQuestionAboutPrivateBuyersIsAskedOnlyWhenThereAreSome(model: String, asked: Bool) throws {
        let questionnaire = try bundledQuestionnaire()
        let answers: [String: AnswerValue] = ["company_business_model": .option(model)]
        #expect(questionnaire.isRelevant("base_b2c_identification", answers: answers) == asked)
    }

    @Test func theStarManagersNameIsAskedOnlyWhenThereIsOne() throws {
        let questionnaire = try bundledQuestionnaire()
        #expect(questionnaire.isRelevant("key_star_name", answers: ["key_star_manager": .bool(true)]))
        #expect(!questionnaire.isRelevant("key_star_name", answers: ["key_star_manager": .bool(false)]))
    }
}

/// A number answer reads with its unit in the form the number takes.
@Suite struct AnswerUnits {
    @Test func russianUnitsAgreeWithTheNumber() throws {
        let questionnaire = try bundledQuestionnaire()
        let years = try #require(questionnaire.question("company_history_years"))
        #expect(years.display(.number(3), in: .ru) == "3 года")
        #expect(years.display(.number(5), in: .ru) == "5 лет")
        #expect(years.display(.number(1), in: .en) == "1 year")
        let customers = try #require(questionnaire.question("company_customers_count"))
        #expect(customers.display(.number(1201), in: .ru) == "1201 клиент")
    }
}
