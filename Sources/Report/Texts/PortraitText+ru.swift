import AuditModel

extension PortraitText.Key {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [PortraitText.Key: String] = [
        .customersShare: "Доля клиентов в базе (на дату среза)",
        .revenueShare: "Доля выручки за 12 мес.",
        .buyersShare: "Доля покупавших за 12 мес.",
    ]
}
