import AuditModel

extension SummaryText.Key {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [SummaryText.Key: String] = [
        .positionTitle: "Where the company stands",
        .readinessTitle: "Readiness for the CRM project",
        .maturityTitle: "Maturity of today's customer work",
        .revenueText: "Revenue over the last 12 months: {revenue}",
        .growthText: " ({growth} on the 12 months before)",
        .marginText: ", gross margin {margin}",
        .lostText: "{lost} of the {before} who bought the year before were lost this year ({share})",
        .lostRevenueText: "; the year before they had bought {revenue}",
    ]
}
