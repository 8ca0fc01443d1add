import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Analytics

/// The headline period in the analytics: key accounts, ABC classes and partial months.
@Suite struct HeadlinePeriodTests {
    /// as_of 2026-11-20. BIG bought 1 000 000 on 2025-04-15 — 19 months before — and nothing since;
    /// A1…A4 bought in the last 12 months.
    static func silentBigCustomer() throws -> Analysis {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                Fixture.sale("O1", "BIG", "2025-04-15", "1000000", manager: "Silent"),
                Fixture.sale("O2", "A1", "2026-03-01", "50000", manager: "Anna"),
                Fixture.sale("O3", "A2", "2026-06-01", "30000", manager: "Anna"),
                Fixture.sale("O4", "A3", "2026-09-01", "15000", manager: "Boris"),
                Fixture.sale("O5", "A4", "2026-11-20", "5000", manager: "Boris"),
            ], kind: .sales, into: workspace)
        return try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-11-20"))
    }

    @Test func aCustomerSilentForNineteenMonthsIsNotClassANorAKeyAccount() throws {
        let analysis = try Self.silentBigCustomer()
        let big = try #require(analysis.data.customerKeys.key("BIG"))
        #expect(analysis.customerClass[Int(big)] == -1, "no class: nothing bought in the last 12 months")
        let abc = analysis.exportTable(.abc).records.filter { $0["kind"] == "customer" }
        #expect(abc.map { $0["id"] ?? nil } == ["A1", "A2", "A3", "A4"])
        #expect(abc.first?["class"] == "A")
        let top = analysis.sample(.customersTop, limit: 10)
        #expect(!top.records.contains { $0["customer_id"] == "BIG" })
        #expect(top.total == 4)
        // On all history the same customer holds 91 % of revenue and stays visible under its own id.
        let document = analysis.document
        #expect(document["abc.customers.a_count"] == .number(2), "A1, A2: 80 000 of 100 000")
        #expect(close(document["pareto.top_customer_share"], 0.5))
        #expect(close(document["pareto.top_customer_share.all_history"], 1_000_000.0 / 1_100_000))
        // A manager whose customers bought nothing in the 12 months holds no share of them.
        #expect(close(document["managers.dependency"], 0.8), "Anna: 80 000 of 100 000")
        #expect(close(document["managers.dependency.all_history"], 1_000_000.0 / 1_100_000))
        #expect(document.tables.managers.first { $0.manager == "Silent" }?.revenue == 0)
    }

    @Test func theSilentCustomerIsLostOnlyIfTheyBoughtInThePreviousTwelveMonths() throws {
        // 2025-04-15 is in the previous 12 months (2024-11-21 … 2025-11-20): BIG is lost, once.
        let document = try Self.silentBigCustomer().document
        #expect(document["customers.lost_12m"] == .number(1))
        #expect(document["customers.active_prev_12m"] == .number(1))
        #expect(document["retention.churn_12m"] == .number(1))
    }

    @Test func theLostCustomersRevenueIsTheirPreviousYearAndEachManagerHasTheirCustomersShare() throws {
        let analysis = try Self.silentBigCustomer()
        let document = analysis.document
        // What RET-001 prices: the lost customers' revenue in the 12 months before the headline period.
        #expect(document["customers.lost_revenue_prev_12m"] == .number(1_000_000))
        // One manager measure: each manager's customers' share of the 12 months' revenue, whose
        // largest is the dependency; the silent manager's customers bought nothing in the window.
        let shares = try #require(document.breakdowns?["managers.customers_revenue_share_12m"])
        #expect(abs((shares["Anna"] ?? 0) - 0.8) < 1e-9 && abs((shares["Boris"] ?? 0) - 0.2) < 1e-9)
        #expect(shares["Silent"] == nil)
        #expect(close(document["channels.unknown_source_revenue_share_12m"], 1), "no line has a channel or campaign")
    }

    @Test func partialFirstAndLastMonthsAreFlagged() throws {
        // The fixture's data begin on 2023-05-05 (after the 1st); as_of 2025-06-30 is June's last day.
        let whole = try Fixture.analysis().document.series
        #expect(whole.partial.first == true)
        #expect(whole.partial.last == false)
        #expect(whole.partial.dropFirst().allSatisfy { !$0 })
        // As of the 15th, June is covered only in part.
        let midMonth = try Fixture.analysis(asOf: Day(iso: "2025-06-15")).document.series
        #expect(midMonth.months.last == "2025-06")
        #expect(midMonth.partial.last == true)
        #expect(midMonth.partial.filter { $0 }.count == 2)
    }

    @Test func snapshotsWithoutPartialFlagsStillDecode() throws {
        let json = #"{"months": ["2025-01"], "revenue": [1], "orders": [1], "customers": [1], "new_customers": [1]}"#
        let series = try JSONDecoder().decode(MonthlySeries.self, from: Data(json.utf8))
        #expect(series.partial == [false])
    }
}
