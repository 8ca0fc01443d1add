import AuditModel

extension CauseText.Key {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [CauseText.Key: String] = [
        .title: "Root causes",
        .lead:
            "The findings grouped by the cause they are symptoms of; causes ranked by severity, then by money at stake. Each finding is still described below under its id.",
        .symptoms: "Symptoms",
    ]
}
