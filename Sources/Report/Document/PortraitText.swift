import AuditModel

/// The customer portrait's field names, coded values and column headers in each language, so
/// that the Russian copy shows no English ids, and each share says what it is a share of.
enum PortraitText {
    static let fields: [String: LocalizedText] = CanonicalModel.customerFieldTitles.merging(
        ["age_band": LocalizedText(ru: "Возраст", en: "Age band")]) { first, _ in first }

    /// Values the importers store as codes (the customer type).
    static let values: [String: LocalizedText] = [
        "type=company": LocalizedText(ru: "компания", en: "company"),
        "type=person": LocalizedText(ru: "частное лицо", en: "private person"),
    ]

    /// The least share of the A customers a trait must have to be called typical of them.
    static let typicalShare = 0.25

    static func field(_ id: String, _ language: Language) -> String { fields[id]?[language] ?? id }

    static func value(_ value: String, field: String, _ language: Language) -> String { values["\(field)=\(value)"]?[language] ?? value }

    /// The two shares set side by side, each with what it is a share of and when.
    static let customersShare = LocalizedText(ru: "Доля клиентов в базе (на дату среза)", en: "Share of the customer list (on the as-of date)")
    static let revenueShare = LocalizedText(ru: "Доля выручки за 12 мес.", en: "Share of revenue, last 12 months")
    static let buyersShare = LocalizedText(ru: "Доля покупавших за 12 мес.", en: "Share of buyers, last 12 months")
}
