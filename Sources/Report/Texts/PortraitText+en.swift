import AuditModel

extension PortraitText.Key {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [PortraitText.Key: String] = [
        .customersShare: "Share of the customer list (on the as-of date)",
        .revenueShare: "Share of revenue, last 12 months",
        .buyersShare: "Share of buyers, last 12 months",
    ]
}
