import AuditModel

extension ConsultantText.Key {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [ConsultantText.Key: String] = [
        .summary: "Слово консультанта",
        .comment: "Комментарий консультанта",
        .scope: "Объём работ",
        .interviewees: "С кем говорили",
        .limitations: "Ограничения",
        .hidden: "Не включено в отчёт по решению консультанта",
        .signOff: "Подпись",
        .consultant: "Консультант",
        .client: "Со стороны клиента",
        .configurationCommand: "То же содержание выгружается командой `crm-audit config` в YAML и JSON.",
        .signatureLine: "подпись, дата",
    ]
}
