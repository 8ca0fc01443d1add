/// The window of sale lines (or the moment) a metric describes. The headline period of the
/// audit is the last 12 months to as_of, compared with the 12 months before.
package enum MetricPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// The headline period: sale lines dated in (as_of − 365, as_of].
    case last12m = "last_12m"
    /// The 12 months before it: (as_of − 730, as_of − 365].
    case previous12m = "prev_12m"
    /// The headline period against the 12 months before.
    case change12m = "change_12m"
    /// Every sale line up to as_of, however long the export is.
    case allHistory = "all_history"
    /// A state on the as_of day (the customer list, fill rates, open deals, RFM segments).
    case asOf = "as_of"
    /// The last 90 days to as_of.
    case last90d = "last_90d"
    /// Monthly acquisition cohorts, each followed from its first purchase month.
    case cohorts

    /// How the period is named next to a figure.
    package var title: LocalizedText {
        switch self {
        case .last12m: ModelText.lastMonths.text()
        case .previous12m: ModelText.previousMonths.text()
        case .change12m: ModelText.lastVsPreviousMonths.text()
        case .allHistory: ModelText.allHistory.text()
        case .asOf: ModelText.asOfTheAsOfDate.text()
        case .last90d: ModelText.lastDays.text()
        case .cohorts: ModelText.byFirstPurchaseCohort.text()
        }
    }

    /// True when the figure depends on how far back the export goes: two rounds whose exports
    /// span 30 and 36 months do not compare on it.
    package var dependsOnExportLength: Bool { self == .allHistory || self == .cohorts }
}

/// What another engine needs to know of a metric to check a rule on it and write its value:
/// its unit and the period it covers. The analytics' catalogue gives every metric's shape.
package struct MetricShape: Sendable, Hashable {
    package var unit: MetricUnit
    package var period: MetricPeriod

    package init(unit: MetricUnit, period: MetricPeriod) {
        self.unit = unit
        self.period = period
    }
}
