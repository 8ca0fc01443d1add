import AuditModel
import Foundation

@testable import Questionnaire

/// The package's root folder (for the bundled content).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func bundledQuestionnaire() throws -> Questionnaire {
    try Questionnaire.load(path: packageRoot + "/questionnaires/crm-readiness.yaml")
}

/// A small questionnaire to test the engine with; `extra` is appended to the last section.
func smallQuestionnaire(_ extra: String = "") -> String {
    """
    schema: crm-audit/questionnaire/1
    id: small
    version: 2.0.0
    title: {ru: "Малая", en: "Small"}
    areas:
      - {id: goals, weight: 2, title: {ru: "Цели", en: "Goals"}}
      - {id: tools, title: {ru: "Инструменты", en: "Tools"}}
    sections:
      - id: goals
        title: {ru: "Цели", en: "Goals"}
        questions:
          - id: criteria
            type: single
            area: goals
            weight: 2
            allow: [dont_know]
            text: {ru: "Критерии?", en: "Criteria?"}
            help: {ru: "Помощь", en: "Help"}
            options:
              - {id: none, score: 0, label: {ru: "Нет", en: "None"}}
              - {id: some, score: 2, label: {ru: "Некоторые", en: "Some"}}
              - {id: all, score: 4, label: {ru: "Все", en: "All"}}
          - id: baseline
            type: yes_no
            area: goals
            allow: [not_applicable]
            relevant: "answer.criteria in ['some', 'all']"
            scores: {yes: 4, no: 0}
            text: {ru: "Базовая линия?", en: "Baseline?"}
            help: {ru: "Помощь", en: "Help"}
          - id: baseline_date
            type: date
            relevant: "answer.baseline == true"
            text: {ru: "Когда?", en: "When?"}
            help: {ru: "Помощь", en: "Help"}
      - id: tools
        title: {ru: "Инструменты", en: "Tools"}
        relevant: "answer.criteria != 'none'"
        questions:
          - id: where
            type: multi
            area: tools
            scoring: min
            text: {ru: "Где?", en: "Where?"}
            help: {ru: "Помощь", en: "Help"}
            options:
              - {id: crm, score: 4, label: {ru: "CRM", en: "CRM"}}
              - {id: excel, score: 1, label: {ru: "Эксель", en: "Excel"}}
              - {id: heads, score: 0, label: {ru: "В головах", en: "In heads"}}
          - id: managers
            type: number
            area: tools
            prefill: "metric.managers.with_sales_12m"
            bands: [{from: 0, score: 0}, {from: 5, score: 2}, {from: 10, score: 4}]
            text: {ru: "Менеджеров?", en: "Managers?"}
            help: {ru: "Помощь", en: "Help"}
            validate:
              - {min: 0, max: 500, message: {ru: "От 0 до 500", en: "0 to 500"}}
              - check: "(value <= 2 * metric.managers.with_sales_12m) ?? true"
                severity: warning
                message: {ru: "Больше, чем в данных", en: "More than in the data"}
          - id: comment
            type: text
            text: {ru: "Комментарий", en: "Comment"}
            help: {ru: "Помощь", en: "Help"}
            validate:
              - {pattern: "[A-Za-zА-Яа-яЁё ,.]+", severity: note, message: {ru: "Только буквы", en: "Letters only"}}
    \(extra)
    """
}
