import AuditModel

extension DecisionText.Key {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [DecisionText.Key: String] = [
        .title: "Three decisions for the executive",
        .owner: "Owner",
        .due: "Due",
        .cost: "Cost of the work",
        .effect: "Effect",
    ]
}
