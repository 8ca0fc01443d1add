import AuditModel

extension Formatter {
    /// A metric's value from a document, in its unit; nil when the metric is null or unknown.
    package func metric(_ id: String, in document: MetricDocument) -> String? {
        guard let definition = MetricCatalogue.definition(of: id) else { return nil }
        switch document[id] {
        case .number(let value): return metric(value, unit: definition.unit)
        case .text(let text): return Day(iso: text).map(date) ?? text
        case .null: return nil
        }
    }

    /// The headline period as words with its dates: `12 мес. по 20.11.2026 (21.11.2025–20.11.2026)`
    /// / `12 months to 2026-11-20 (2025-11-21 – 2026-11-20)`.
    package func headlinePeriod(_ periods: HeadlinePeriods) -> String {
        let range = periods.last12m
        return AnalyticsText.monthsTo.text(["date": .value(date(range.to)), "date2": .value(date(range.from))])[language]
    }

    /// The 12 months before the headline period, with their dates.
    package func previousPeriod(_ periods: HeadlinePeriods) -> String {
        let range = periods.previous12m
        return AnalyticsText.thePreviousMonths.text(["date": .value(date(range.from)), "date2": .value(date(range.to))])[language]
    }

    /// The headline period against the one before, as one phrase for a heading:
    /// `12 мес. по 20.11.2026 (…) в сравнении с предыдущими 12 мес. (…)`.
    package func headlineComparison(_ periods: HeadlinePeriods) -> String {
        let previous = periods.previous12m
        return headlinePeriod(periods)
            + AnalyticsText.comparedWithThePreviousMonths.text(["date": .value(date(previous.from)), "date2": .value(date(previous.to))])[
                language]
    }
}
