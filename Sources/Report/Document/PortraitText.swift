import AuditModel

/// The customer portrait's field names, coded values and column headers in each language, so
/// that the Russian copy shows no English ids, and each share says what it is a share of.
enum PortraitText {
    /// The keys of this text's catalogue; the texts are in `PortraitText+ru.swift` and `PortraitText+en.swift`.
    enum Key: String, TextCatalogue {
        case customersShare, revenueShare, buyersShare

        static func texts(in language: Language) -> [Key: String] {
            switch language {
            case .ru: russian
            case .en: english
            }
        }
    }

    static let fields: [String: LocalizedText] = CanonicalModel.customerFieldTitles.merging(
        ["age_band": ReportText.ageBand.text()]) { first, _ in first }

    /// Values the importers store as codes (the customer type).
    static let values: [String: LocalizedText] = [
        "type=company": ReportText.company.text(),
        "type=person": ReportText.privatePerson.text(),
    ]

    /// The least share of the A customers a trait must have to be called typical of them.
    static let typicalShare = 0.25

    static func field(_ id: String, _ language: Language) -> String { fields[id]?[language] ?? id }

    static func value(_ value: String, field: String, _ language: Language) -> String { values["\(field)=\(value)"]?[language] ?? value }

    /// The two shares set side by side, each with what it is a share of and when.
    static let customersShare = Key.customersShare.text()
    static let revenueShare = Key.revenueShare.text()
    static let buyersShare = Key.buyersShare.text()
}
