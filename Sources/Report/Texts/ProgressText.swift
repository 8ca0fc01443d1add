import AuditModel

/// The fixed texts of the progress section and of `crm-audit compare`, in each language.
package enum ProgressText: String, TextCatalogue {
    case title, titleSince, lead, overall, level, trendCaption, areasTitle, area, change, methodAffectedNote
    case findingsTitle, resolved, new, persisting, noLongerChecked, newRule, notAssessableBefore, none
    case metricsTitle, metricsLead, metricsPeriods, metricsNotCompared, metric, improved, worsened, changed, unchanged, otherMetrics
    case answersTitle, question, before, after, notAnswered, unconfirmed
    case methodTitle, methodLead, questionnaireChanged, rulesetsAdded, rulesetsRemoved, rulesAdded, rulesRemoved, rulesReweighted
    case round, noChanges

    /// The text in both languages, from the catalogue files `ProgressText+ru.swift` and `ProgressText+en.swift`.
    package var text: LocalizedText { LocalizedText(ru: render(in: .ru), en: render(in: .en)) }

    package static func texts(in language: Language) -> [ProgressText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }

    package subscript(language: Language) -> String { text[language] }
}
