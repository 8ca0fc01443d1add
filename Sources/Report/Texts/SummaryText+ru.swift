import AuditModel

extension SummaryText.Key {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [SummaryText.Key: String] = [
        .positionTitle: "Где компания сейчас",
        .readinessTitle: "Готовность к проекту CRM",
        .maturityTitle: "Зрелость нынешней работы с клиентами",
        .revenueText: "Выручка за 12 месяцев — {revenue}",
        .growthText: " ({growth} к предыдущим 12 месяцам)",
        .marginText: ", валовая маржа {margin}",
        .lostText: "За год потеряно {lost} из {before}, покупавших годом раньше ({share})",
        .lostRevenueText: "; годом раньше они купили на {revenue}",
    ]
}
