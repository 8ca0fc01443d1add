import Audit
import AuditModel
import Questionnaire
import Rules
import Testing

/// Every question feeds something: a score, skip logic, a rule or the configuration — or is
/// marked as context on purpose.
@Suite struct QuestionUsageTests {
    let questionnaireText = """
        schema: crm-audit/questionnaire/1
        id: tiny
        version: 1.0.0
        title: {ru: Мини, en: Tiny}
        areas:
          - {id: goals, title: {ru: Цели, en: Goals}}
        sections:
          - id: main
            title: {ru: Главное, en: Main}
            questions:
              - id: scored
                type: yes_no
                area: goals
                scores: {yes: 4, no: 0}
                text: {ru: Оценивается?, en: Scored?}
                help: {ru: Да, en: Yes}
              - id: gate
                type: yes_no
                text: {ru: Ворота?, en: Gate?}
                help: {ru: Да, en: Yes}
              - id: behind_gate
                type: text
                relevant: "answer.gate == true"
                purpose: context
                text: {ru: За воротами?, en: Behind the gate?}
                help: {ru: Да, en: Yes}
              - id: in_a_rule
                type: number
                text: {ru: В правиле?, en: In a rule?}
                help: {ru: Да, en: Yes}
              - id: in_evidence
                type: text
                text: {ru: В тексте?, en: In evidence?}
                help: {ru: Да, en: Yes}
              - id: stages
                type: text
                text: {ru: Этапы?, en: Stages?}
                help: {ru: Да, en: Yes}
              - id: forgotten
                type: number
                text: {ru: Забытый?, en: Forgotten?}
                help: {ru: Да, en: Yes}
        """

    let rulesetText = """
        schema: crm-audit/ruleset/1
        id: tiny-rules
        version: 1.0.0
        title: {ru: Правила, en: Rules}
        questionnaire: tiny
        configuration:
          pipeline_stages: "answer.stages"
        rules:
          - id: GOALS-001
            area: goals
            severity: low
            title: {ru: Правило, en: Rule}
            when: "answer.in_a_rule > 3"
            evidence: {ru: "Ответ: {{answer.in_evidence}}", en: "Answer: {{answer.in_evidence}}"}
            recommendation: {ru: Да, en: Yes}
        """

    func setup() throws -> (Questionnaire, Ruleset) {
        let questionnaire = try Questionnaire.load(text: questionnaireText, file: "q.yaml")
        var types = questionnaire.typeEnvironment()
        types.acceptsUnknownMetrics = true
        let environment = RuleEnvironment(types: types, areas: ["goals"], sampleSets: nil, checksMetrics: false)
        return (questionnaire, try RulesetLoader(environment: environment).load(text: rulesetText, file: "r.yaml"))
    }

    @Test func everyKindOfUseIsFound() throws {
        let (questionnaire, ruleset) = try setup()
        let uses = QuestionUsage.uses(of: questionnaire, rulesets: [ruleset])
        #expect(uses["scored"] == [.score(area: "goals")])
        #expect(uses["gate"] == [.skipLogic(question: "behind_gate")])
        #expect(uses["behind_gate"] == [.context])
        #expect(uses["in_a_rule"] == [.rule(id: "GOALS-001")])
        #expect(uses["in_evidence"] == [.rule(id: "GOALS-001")])
        #expect(uses["stages"] == [.configuration])
        #expect(uses["forgotten"] == nil)
    }

    @Test func aQuestionNothingUsesIsAWarningAtItsLine() throws {
        let (questionnaire, ruleset) = try setup()
        let warnings = QuestionUsage.diagnostics(for: questionnaire, rulesets: [ruleset]).map { $0.formatted(in: .en) }
        #expect(
            warnings == [
                "q.yaml:39:9: warning: question 'forgotten' feeds nothing: no area scores it, and no rule (tiny-rules), skip logic, readiness gate or configuration item reads it; use the answer, or mark the question 'purpose: context'"
            ])
    }

    @Test func withoutItsRulesetsARuleOnlyQuestionIsUnused() throws {
        let (questionnaire, _) = try setup()
        let unused = QuestionUsage.unused(in: questionnaire, rulesets: []).map(\.id)
        #expect(unused == ["in_a_rule", "in_evidence", "stages", "forgotten"])
    }
}
