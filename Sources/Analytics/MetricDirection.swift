import AuditModel

/// Which way a metric should move for the client to be better off; used when rounds are
/// compared, so that a change is marked good or bad.
package enum MetricDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// More is better (revenue, retention, valid contacts, fill rates).
    case higherIsBetter = "higher_is_better"
    /// Less is better (churn, concentration, duplicates, invalid records).
    case lowerIsBetter = "lower_is_better"
    /// Neither: a size or a description of the data (row counts, months of data, class sizes).
    case neutral

    package var title: LocalizedText {
        switch self {
        case .higherIsBetter: AnalyticsText.higherIsBetter.text()
        case .lowerIsBetter: AnalyticsText.lowerIsBetter.text()
        case .neutral: AnalyticsText.neutral.text()
        }
    }

    /// The direction of catalogue metric `id`; nil for an id the catalogue does not have.
    package static func of(_ id: String) -> MetricDirection? { MetricCatalogue.definition(of: id)?.direction }
}
