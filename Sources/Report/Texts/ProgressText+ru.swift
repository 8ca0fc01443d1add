import AuditModel

extension ProgressText {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [ProgressText: String] = [
        .title: "Динамика с прошлого аудита",
        .titleSince: "Динамика с",
        .lead: "Раунд {to} ({toDate}) в сравнении с раундом {from} ({fromDate})",
        .overall: "Итоговая оценка",
        .level: "уровень",
        .trendCaption: "Итоговая оценка и оценки по направлениям по раундам",
        .areasTitle: "Оценки по направлениям",
        .area: "Направление",
        .change: "Изменение",
        .methodAffectedNote:
            "* в направлении добавлены, удалены или перевзвешены правила: часть изменения вызвана методикой, а не работой клиента",
        .findingsTitle: "Проблемы",
        .resolved: "Решены",
        .new: "Новые",
        .persisting: "Остались",
        .noLongerChecked: "Больше не оцениваются (правило удалено, нет данных или риск принят)",
        .newRule: "новое правило методики",
        .notAssessableBefore: "прежде не оценивалось",
        .none: "нет",
        .metricsTitle: "Показатели",
        .metricsLead: "Показатели, у которых есть направление «лучше/хуже» и которые изменились.",
        .metricsPeriods:
            "Каждый раунд — за свой основной период ({from}; {to}). Показатели за всю историю данных не сравниваются: выгрузки раундов охватывают разные сроки.",
        .metricsNotCompared:
            "Показатели не сравниваются: метрики раунда {round} сохранены до введения основного периода и смешивают периоды.",
        .metric: "Показатель",
        .improved: "лучше",
        .worsened: "хуже",
        .changed: "изменился",
        .unchanged: "без изменений",
        .otherMetrics: "Изменились также показатели без направления: {count}.",
        .answersTitle: "Изменившиеся ответы",
        .question: "Вопрос",
        .before: "Было",
        .after: "Стало",
        .notAnswered: "нет ответа",
        .unconfirmed: "Ответов прошлого раунда ещё не подтверждено: {count}. Они учтены как есть.",
        .methodTitle: "Изменения методики",
        .methodLead: "Между раундами изменилась методика: часть разницы вызвана ею, а не прогрессом.",
        .questionnaireChanged: "Анкета",
        .rulesetsAdded: "Добавлены наборы правил",
        .rulesetsRemoved: "Убраны наборы правил",
        .rulesAdded: "Новые правила",
        .rulesRemoved: "Удалённые правила",
        .rulesReweighted: "Изменён вес или критичность",
        .round: "Раунд",
        .noChanges: "Методика не менялась.",
    ]
}
