import Analytics
import AuditModel
import Testing

@testable import Audit

/// `compare` compares like with like: each round's own headline period.
@Suite struct ComparisonPeriodTests {
    static func document(asOf: String, revenue: Double, wholeHistory: Double, stamped: Bool = true) -> MetricDocument {
        let day = Day(iso: asOf)!
        return MetricDocument(asOf: day, metrics: ["sales.revenue_last_12m": .number(revenue), "sales.revenue.all_history": .number(wholeHistory),
                                                   "quality.fill.email": .number(0.5)],
                              unavailable: [:], series: MonthlySeries(), tables: MetricTables(),
                              periods: stamped ? HeadlinePeriods(asOf: day, previousCovered: true) : nil)
    }

    @Test func wholeHistorySumsAreNotComparedBetweenExportsOfDifferentLengths() {
        // A 30-month export and a 36-month one: the whole-history revenue "grows" by the 6 extra months.
        let before = Self.document(asOf: "2026-05-31", revenue: 100, wholeHistory: 250)
        let after = Self.document(asOf: "2026-11-30", revenue: 90, wholeHistory: 300)
        let deltas = RoundComparer.metricDeltas(before: before, after: after)
        #expect(deltas.map(\.id) == ["sales.revenue_last_12m", "quality.fill.email"])
        #expect(deltas.first?.trend == .worsened, "the 12 months to each round's as-of date fell from 100 to 90")
    }

    @Test func aSnapshotWithoutAHeadlinePeriodIsNotCompared() {
        let before = Self.document(asOf: "2026-05-31", revenue: 100, wholeHistory: 250, stamped: false)
        let after = Self.document(asOf: "2026-11-30", revenue: 90, wholeHistory: 300)
        #expect(RoundComparer.metricDeltas(before: before, after: after).isEmpty)
    }
}
