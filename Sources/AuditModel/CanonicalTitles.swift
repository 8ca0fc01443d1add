/// The customer list's fields in words, so that no report, catalogue title or message shows a
/// field id (`tax_id`, `email_consent`) to a reader.
extension CanonicalModel {
    public static let customerFieldTitles: [String: LocalizedText] = [
        "customer_id": LocalizedText(ru: "Код клиента", en: "Customer id"),
        "name": LocalizedText(ru: "Наименование", en: "Name"),
        "type": LocalizedText(ru: "Тип клиента", en: "Customer type"),
        "tax_id": LocalizedText(ru: "ИНН", en: "Tax id"),
        "email": LocalizedText(ru: "Email", en: "Email"),
        "phone": LocalizedText(ru: "Телефон", en: "Phone"),
        "birth_date": LocalizedText(ru: "Дата рождения", en: "Birth date"),
        "gender": LocalizedText(ru: "Пол", en: "Gender"),
        "city": LocalizedText(ru: "Город", en: "City"),
        "region": LocalizedText(ru: "Регион", en: "Region"),
        "industry": LocalizedText(ru: "Отрасль", en: "Industry"),
        "segment": LocalizedText(ru: "Сегмент", en: "Segment"),
        "source": LocalizedText(ru: "Источник", en: "Source"),
        "manager": LocalizedText(ru: "Менеджер", en: "Manager"),
        "created_at": LocalizedText(ru: "Дата создания", en: "Created"),
        "email_consent": LocalizedText(ru: "Согласие на рассылку", en: "Email consent"),
    ]
}
