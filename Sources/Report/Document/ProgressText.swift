import AuditModel

/// The fixed texts of the progress section and of `crm-audit compare`, in each language.
public enum ProgressText: String, CaseIterable, Sendable {
    case title, titleSince, lead, overall, level, trendCaption, areasTitle, area, change, methodAffectedNote
    case findingsTitle, resolved, new, persisting, noLongerChecked, newRule, notAssessableBefore, none
    case metricsTitle, metricsLead, metricsPeriods, metricsNotCompared, metric, improved, worsened, changed, unchanged, otherMetrics
    case answersTitle, question, before, after, notAnswered, unconfirmed
    case methodTitle, methodLead, questionnaireChanged, rulesetsAdded, rulesetsRemoved, rulesAdded, rulesRemoved, rulesReweighted
    case round, noChanges

    public var text: LocalizedText {
        switch self {
        case .title: LocalizedText(ru: "Динамика с прошлого аудита", en: "Progress since the previous audit")
        case .titleSince: LocalizedText(ru: "Динамика с", en: "Progress since")
        case .lead: LocalizedText(ru: "Раунд {to} ({toDate}) в сравнении с раундом {from} ({fromDate})",
                                  en: "Round {to} ({toDate}) compared with round {from} ({fromDate})")
        case .overall: LocalizedText(ru: "Итоговая оценка", en: "Overall score")
        case .level: LocalizedText(ru: "уровень", en: "level")
        case .trendCaption: LocalizedText(ru: "Итоговая оценка и оценки по направлениям по раундам", en: "Overall and area scores by round")
        case .areasTitle: LocalizedText(ru: "Оценки по направлениям", en: "Scores by area")
        case .area: LocalizedText(ru: "Направление", en: "Area")
        case .change: LocalizedText(ru: "Изменение", en: "Change")
        case .methodAffectedNote: LocalizedText(
            ru: "* в направлении добавлены, удалены или перевзвешены правила: часть изменения вызвана методикой, а не работой клиента",
            en: "* rules of this area were added, removed or re-weighted: part of the change comes from the method, not from the client")
        case .findingsTitle: LocalizedText(ru: "Проблемы", en: "Findings")
        case .resolved: LocalizedText(ru: "Решены", en: "Resolved")
        case .new: LocalizedText(ru: "Новые", en: "New")
        case .persisting: LocalizedText(ru: "Остались", en: "Persisting")
        case .noLongerChecked: LocalizedText(ru: "Больше не оцениваются (правило удалено, нет данных или риск принят)",
                                             en: "No longer assessed (rule removed, not evaluable, or waived)")
        case .newRule: LocalizedText(ru: "новое правило методики", en: "a rule new to the method")
        case .notAssessableBefore: LocalizedText(ru: "прежде не оценивалось", en: "not assessable before")
        case .none: LocalizedText(ru: "нет", en: "none")
        case .metricsTitle: LocalizedText(ru: "Показатели", en: "Metrics")
        case .metricsLead: LocalizedText(ru: "Показатели, у которых есть направление «лучше/хуже» и которые изменились.",
                                         en: "Metrics with a better/worse direction that changed.")
        case .metricsPeriods: LocalizedText(
            ru: "Каждый раунд — за свой основной период ({from}; {to}). Показатели за всю историю данных не сравниваются: выгрузки раундов охватывают разные сроки.",
            en: "Each round on its own headline period ({from}; {to}). Whole-history figures are not compared: the rounds' exports span different lengths of time.")
        case .metricsNotCompared: LocalizedText(
            ru: "Показатели не сравниваются: метрики раунда {round} сохранены до введения основного периода и смешивают периоды.",
            en: "Metrics are not compared: round {round}'s metrics were stored before the headline period was introduced and mix periods.")
        case .metric: LocalizedText(ru: "Показатель", en: "Metric")
        case .improved: LocalizedText(ru: "лучше", en: "better")
        case .worsened: LocalizedText(ru: "хуже", en: "worse")
        case .changed: LocalizedText(ru: "изменился", en: "changed")
        case .unchanged: LocalizedText(ru: "без изменений", en: "unchanged")
        case .otherMetrics: LocalizedText(ru: "Изменились также показатели без направления: {count}.",
                                          en: "Metrics without a direction that also changed: {count}.")
        case .answersTitle: LocalizedText(ru: "Изменившиеся ответы", en: "Answers that changed")
        case .question: LocalizedText(ru: "Вопрос", en: "Question")
        case .before: LocalizedText(ru: "Было", en: "Before")
        case .after: LocalizedText(ru: "Стало", en: "After")
        case .notAnswered: LocalizedText(ru: "нет ответа", en: "not answered")
        case .unconfirmed: LocalizedText(ru: "Ответов прошлого раунда ещё не подтверждено: {count}. Они учтены как есть.",
                                         en: "Answers carried over from the last round and not yet confirmed: {count}. They are used as they stand.")
        case .methodTitle: LocalizedText(ru: "Изменения методики", en: "Method changes")
        case .methodLead: LocalizedText(ru: "Между раундами изменилась методика: часть разницы вызвана ею, а не прогрессом.",
                                        en: "The method changed between the rounds: part of the difference comes from it, not from progress.")
        case .questionnaireChanged: LocalizedText(ru: "Анкета", en: "Questionnaire")
        case .rulesetsAdded: LocalizedText(ru: "Добавлены наборы правил", en: "Rulesets added")
        case .rulesetsRemoved: LocalizedText(ru: "Убраны наборы правил", en: "Rulesets removed")
        case .rulesAdded: LocalizedText(ru: "Новые правила", en: "Rules added")
        case .rulesRemoved: LocalizedText(ru: "Удалённые правила", en: "Rules removed")
        case .rulesReweighted: LocalizedText(ru: "Изменён вес или критичность", en: "Severity or weight changed")
        case .round: LocalizedText(ru: "Раунд", en: "Round")
        case .noChanges: LocalizedText(ru: "Методика не менялась.", en: "The method did not change.")
        }
    }

    public subscript(language: Language) -> String { text[language] }
}
