import AuditModel

extension DecisionText.Key {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [DecisionText.Key: String] = [
        .title: "Три решения для руководителя",
        .owner: "Отвечает",
        .due: "Срок",
        .cost: "Стоимость работ",
        .effect: "Эффект",
    ]
}
