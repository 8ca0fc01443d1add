import Analytics
import AuditModel
import Report
import Testing

@testable import Audit

/// `compare` compares like with like: each round's own headline period.
@Suite struct ComparisonPeriodTests {
    static func document(asOf: String, revenue: Double, wholeHistory: Double, stamped: Bool = true) -> MetricDocument {
        let day = Day(iso: asOf)!
        return MetricDocument(
            asOf: day,
            metrics: [
                "sales.revenue_last_12m": .number(revenue), "sales.revenue.all_history": .number(wholeHistory),
                "quality.fill.email": .number(0.5),
            ],
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

    @Test func aChangeSmallerThanTheComparisonShowsIsNoChange() {
        // 0.01 pp of margin change is printed "±0 pp": calling it "worse" names a direction the figures do not show.
        let day = Day(iso: "2026-11-30")!
        func document(_ margin: Double, _ revenue: Double) -> MetricDocument {
            MetricDocument(
                asOf: day, metrics: ["sales.gross_margin_change_12m": .number(margin), "sales.revenue_last_12m": .number(revenue)],
                unavailable: [:], series: MonthlySeries(), tables: MetricTables(),
                periods: HeadlinePeriods(asOf: day, previousCovered: true))
        }
        let deltas = RoundComparer.metricDeltas(before: document(0.0002, 100.2), after: document(0.0001, 100.6))
        #expect(deltas.first { $0.id == "sales.gross_margin_change_12m" }?.trend == .unchanged)
        #expect(deltas.first { $0.id == "sales.revenue_last_12m" }?.trend == .unchanged, "40 kopecks are below the whole roubles shown")
        let real = RoundComparer.metricDeltas(before: document(0.0002, 100), after: document(0.0102, 90))
        #expect(real.first { $0.id == "sales.gross_margin_change_12m" }?.trend == .improved)
    }

    @Test func everyComparedMetricNamesItsPeriod() {
        let before = Self.document(asOf: "2026-05-31", revenue: 100, wholeHistory: 250)
        var after = Self.document(asOf: "2026-11-30", revenue: 90, wholeHistory: 300)
        after.metrics["quality.fill.email"] = .number(0.7)
        func side(_ number: Int, _ day: String) -> RoundComparison.Side {
            .init(number: number, date: Day(iso: day)!, overall: nil, level: nil, questionnaire: nil, rulesets: [])
        }
        let comparison = RoundComparison(
            from: side(1, "2026-05-31"), to: side(2, "2026-11-30"), areas: [], resolved: [], new: [], persisting: [],
            noLongerChecked: [], metrics: RoundComparer.metricDeltas(before: before, after: after), answers: [],
            unconfirmedAnswers: 0,
            method: .init(
                questionnaire: nil, rulesetsRemoved: [], rulesetsAdded: [], rulesAdded: [],
                rulesRemoved: [], rulesReweighted: []))
        let table = ComparisonRenderer.table(comparison, language: .en)
        #expect(table.contains("Revenue, last 12 months"))
        #expect(table.contains("Fill rate: Email (as of the as-of date)"))
        let russian = ComparisonRenderer.table(comparison, language: .ru)
        #expect(russian.contains("Email (на дату среза)"))
    }
}
