import AuditModel

/// The fixed texts of the report's "What you believe / what the data shows" section.
enum BeliefText: String, TextCatalogue {
    case title, lead, tally, belief, period, stated, measured, verdict
    case last12Months, wholeHistory, wholeHistoryFrom, onDay
    case confirmed, consistent, notConfirmed, inconsistent, overstatedBy, understatedBy, percentagePoints
    case cannotCheckDirectly, cannotCheckUnrecorded, partlyRecorded, uncheckedTally
    case ownerDoesNotKnow, noDataToCompare, notAnswered, waived, noAnswer, noData, days, years, beliefForms

    /// The text in both languages, from the catalogue files `BeliefText+ru.swift` and `BeliefText+en.swift`.
    var text: LocalizedText { LocalizedText(ru: render(in: .ru), en: render(in: .en)) }

    static func texts(in language: Language) -> [BeliefText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
