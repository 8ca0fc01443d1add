import AuditModel

/// The customer portrait's field names, coded values and column headers in each language, so
/// that the Russian copy shows no English ids, and each share says what it is a share of.
enum PortraitText {
    static let fields: [String: LocalizedText] = [
        "type": LocalizedText(ru: "Тип клиента", en: "Customer type"),
        "gender": LocalizedText(ru: "Пол", en: "Gender"),
        "age_band": LocalizedText(ru: "Возраст", en: "Age band"),
        "city": LocalizedText(ru: "Город", en: "City"),
        "region": LocalizedText(ru: "Регион", en: "Region"),
        "industry": LocalizedText(ru: "Отрасль", en: "Industry"),
        "segment": LocalizedText(ru: "Сегмент", en: "Segment"),
        "source": LocalizedText(ru: "Источник", en: "Source"),
    ]

    /// Values the importers store as codes (the customer type).
    static let values: [String: LocalizedText] = [
        "type=company": LocalizedText(ru: "компания", en: "company"),
        "type=person": LocalizedText(ru: "частное лицо", en: "private person"),
    ]

    /// The customer-list fields the fill-rate chart shows, besides the portrait's.
    static let listFields: [String: LocalizedText] = [
        "name": LocalizedText(ru: "Наименование", en: "Name"),
        "tax_id": LocalizedText(ru: "ИНН", en: "Tax id"),
        "email": LocalizedText(ru: "Email", en: "Email"),
        "phone": LocalizedText(ru: "Телефон", en: "Phone"),
        "birth_date": LocalizedText(ru: "Дата рождения", en: "Birth date"),
        "manager": LocalizedText(ru: "Менеджер", en: "Manager"),
        "created_at": LocalizedText(ru: "Дата создания", en: "Created"),
        "email_consent": LocalizedText(ru: "Согласие на рассылку", en: "Email consent"),
    ]

    static func field(_ id: String, _ language: Language) -> String { (fields[id] ?? listFields[id])?[language] ?? id }

    static func value(_ value: String, field: String, _ language: Language) -> String { values["\(field)=\(value)"]?[language] ?? value }

    /// The two shares set side by side, each with what it is a share of and when.
    static let customersShare = LocalizedText(ru: "Доля клиентов в базе (на дату среза)", en: "Share of the customer list (on the as-of date)")
    static let revenueShare = LocalizedText(ru: "Доля выручки за 12 мес.", en: "Share of revenue, last 12 months")
    static let buyersShare = LocalizedText(ru: "Доля покупавших за 12 мес.", en: "Share of buyers, last 12 months")
}
