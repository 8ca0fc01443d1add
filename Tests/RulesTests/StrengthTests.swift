import AuditModel
import Expressions
import Rules
import TestSupport
import Testing

/// A passed check reads as a strength in the rule's own words; when the check reads only the
/// answers, the strength is what the company says.
@Suite struct Strengths {
    static let text = """
        schema: crm-audit/ruleset/1
        id: test
        version: 1.0.0
        title: {ru: Тест, en: Test}
        rules:
          - id: G-1
            area: goals
            severity: high
            title: {ru: Нет критериев успеха, en: No success criteria}
            strength: {ru: У проекта есть критерии успеха, en: The project has success criteria}
            when: "answer.success_criteria == 'none'"
            recommendation: {ru: Задайте критерии., en: Set criteria.}
          - id: D-1
            area: goals
            severity: medium
            title: {ru: Много дублей, en: Many duplicates}
            strength: {ru: Дублей почти нет, en: There are hardly any duplicates}
            value: "metric.customers.count"
            fail: "> 100"
            recommendation: {ru: Объедините дубли., en: Merge duplicates.}
        """

    @Test func aPassedCheckCarriesItsStrengthAndAnAnswerOnlyOneSaysWhoSaysSo() throws {
        let ruleset = try RulesetLoader(environment: testEnvironment()).load(text: Self.text, file: "s.yaml")
        let findings = RuleEvaluator(policy: .standard).evaluate(
            ruleset.rules,
            in: FixedContext(
                answers: ["success_criteria": .option("all")], metrics: ["customers.count": .number(10)],
                roundDate: Day(year: 2026, month: 11, day: 29)!))
        let byID = Dictionary(uniqueKeysWithValues: findings.map { ($0.ruleID, $0) })
        #expect(byID["G-1"]?.status == .ok && byID["D-1"]?.status == .ok)
        #expect(byID["G-1"]?.strength?.ru == "По словам компании: у проекта есть критерии успеха")
        #expect(byID["G-1"]?.strength?.en == "As the company says: the project has success criteria")
        #expect(byID["D-1"]?.strength?.en == "There are hardly any duplicates")
    }
}
