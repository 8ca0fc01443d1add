import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Analytics

/// The measures a senior consultant runs first, each worked out by hand on one small company.
///
/// as_of 2026-06-30; the last 12 months are (2025-06-30, 2026-06-30], the previous 12 before them.
/// * REG buys every two months (2025-07-10, 09-10, 11-10) and then stops: 232 days since, twice
///   its 61-day rhythm is 122 — overdue. Its manager Idle sold nothing after 2025-11-10.
/// * OK buys monthly up to 2026-06-01 (29 days ago): on rhythm. Manager Anna.
/// * BIG bought 1 000 last year (on its first day, so the previous 12 months are covered) and 200
///   this year, from Gone, who left on 2026-03-01.
/// * MID bought 500 last year and 600 this year, from Anna.
@Suite struct DiagnosticMetricTests {
    static func company() throws -> MetricDocument { try analysis().document }

    static func analysis() throws -> Analysis {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                ["customer_id": "BIG", "name": "Big", "tax_id": "7707083893", "manager": "Gone"],
                ["customer_id": "MID", "name": "Mid", "tax_id": "7707083894"],
                ["customer_id": "REG", "name": "Reg", "tax_id": "770708389"],
                ["customer_id": "OK", "name": "Ok"],
            ], kind: .customers, into: workspace)
        try insertCanonicalRows(
            [
                Fixture.sale("R1", "REG", "2025-07-10", "100", cost: "50", manager: "Idle"),
                Fixture.sale("R2", "REG", "2025-09-10", "100", cost: "50", manager: "Idle"),
                Fixture.sale("R3", "REG", "2025-11-10", "100", cost: "50", manager: "Idle"),
                Fixture.sale("K1", "OK", "2026-04-01", "100", cost: "60", manager: "Anna"),
                Fixture.sale("K2", "OK", "2026-05-01", "100", cost: "60", manager: "Anna"),
                Fixture.sale("K3", "OK", "2026-06-01", "100", cost: "60", manager: "Anna"),
                Fixture.sale("B1", "BIG", "2024-07-01", "1000", cost: "700", manager: "Gone"),
                Fixture.sale("B2", "BIG", "2026-01-10", "200", cost: "180", manager: "Gone"),
                Fixture.sale("M1", "MID", "2024-10-01", "500", cost: "300", manager: "Anna"),
                Fixture.sale("M2", "MID", "2026-02-01", "600", cost: "300", manager: "Anna"),
            ], kind: .sales, into: workspace)
        try insertCanonicalRows(
            [["manager": "Anna"], ["manager": "Idle"], ["manager": "Gone", "left_at": "2026-03-01"]],
            kind: .managers, into: workspace)
        try insertCanonicalRows(
            [
                ["deal_id": "D1", "created_at": "2026-06-20", "status": "open"],
                ["deal_id": "D2", "created_at": "2026-01-01", "status": "open"],
                ["deal_id": "D3", "created_at": "2026-05-01", "status": "open"],
                ["deal_id": "D4", "created_at": "2025-01-01", "closed_at": "2025-02-01", "status": "won"],
            ], kind: .deals, into: workspace)
        try insertCanonicalRows(
            [["customer_id": "MID", "date": "2026-06-15"], ["customer_id": "OK", "date": "2026-03-01"]],
            kind: .activities, into: workspace)
        return try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-06-30"))
    }

    @Test func aRegularCustomerIsOverdueAgainstTheirOwnRhythmNotOneThresholdForAll() throws {
        let document = try Self.company()
        #expect(document["customers.overdue_regulars"] == .number(1), "REG only: OK's 29 days are within its rhythm")
        #expect(close(document["customers.overdue_regulars_revenue_share_12m"], 300.0 / 1400))
    }

    @Test func customersOfAManagerWhoLeftOrWentSilentAreServedByNobody() throws {
        let document = try Self.company()
        // BIG's manager left; REG's sold nothing in the last 90 days. OK and MID are Anna's.
        #expect(document["managers.unserved_customers"] == .number(2))
        #expect(close(document["managers.unserved_revenue_share_12m"], (200.0 + 300) / 1400))
    }

    @Test func lastYearsLargestCustomerDownByMoreThanThirtyPercentIsCounted() throws {
        // Previous 12 months' buyers: BIG 1 000, MID 500; the top 20 % is BIG, now at 200 (−80 %).
        #expect(try Self.company()["key.top20_prev_down30_share"] == .number(1))
    }

    @Test func theListsBehindTheCountsNameExactlyTheCustomersCounted() throws {
        let analysis = try Self.analysis()
        // REG: (2025-11-10 − 2025-07-10) / 2 purchase gaps = 61.5 days, shown whole.
        let overdue = analysis.sample(.customersOverdueRegulars, limit: 10)
        #expect(overdue.total == 1)
        #expect(overdue.records.map { $0["customer_id"] ?? nil } == ["REG"])
        #expect(overdue.records.first?["purchase_interval_days"] == "62")
        // By the last 12 months' revenue: REG 300 (its last sale's manager Idle), BIG 200 (Gone, who left).
        let unserved = analysis.sample(.customersUnserved, limit: 10)
        #expect(unserved.records.map { [$0["customer_id"] ?? nil, $0["manager"] ?? nil] } == [["REG", "Idle"], ["BIG", "Gone"]])
        let decliners = analysis.sample(.customersKeyDecliners, limit: 10)
        #expect(decliners.records.map { [$0["customer_id"] ?? nil, $0["revenue_change_12m"] ?? nil] } == [["BIG", "-0.8"]])
    }

    @Test func revenueRetentionCountsCutsAndGrowthOfLastYearsBuyers() throws {
        // Previous 12 months' buyers: BIG 1 000 → 200, MID 500 → 600: 800 of 1 500.
        #expect(close(try Self.company()["retention.revenue_12m"], 800.0 / 1500))
    }

    @Test func marginSpreadIsBetweenManagersWithAMaterialShare() throws {
        // Idle 150/300 = 50 %, Anna 420/900 = 46.7 %, Gone 20/200 = 10 %: all above 5 % of 1 400.
        #expect(close(try Self.company()["managers.margin_spread_12m"], 0.4))
    }

    @Test func taxIdsWithWrongCheckDigitsOrALostLeadingZeroAreInvalid() throws {
        let document = try Self.company()
        // 7707083893 holds its check digit; 7707083894 does not; 770708389 lost a digit.
        #expect(document["quality.tax_ids_invalid"] == .number(2))
        #expect(close(document["quality.tax_ids_invalid_share"], 2.0 / 3))
    }

    @Test func openDealsAgeIsTheMedianDaysSinceCreation() throws {
        // Ages 10, 180 and 60 days: the median is 60. The won deal does not count.
        #expect(try Self.company()["deals.open_median_age_days"] == .number(60))
    }

    @Test func theStageWhereOpenDealsPileUpIsFound() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows([Fixture.sale("S1", "A", "2026-06-01", "100")], kind: .sales, into: workspace)
        // Won deals took 31 days: old means opened before 2026-06-30 − 62 days = 2026-04-29.
        var deals: [[String: String?]] = [["deal_id": "W", "created_at": "2026-01-01", "closed_at": "2026-02-01", "status": "won"]]
        for index in 0..<6 {
            deals.append(["deal_id": "P\(index)", "created_at": index < 4 ? "2026-03-01" : "2026-06-01", "status": "open", "stage": "КП"])
        }
        for index in 0..<5 {
            deals.append(["deal_id": "I\(index)", "created_at": index < 1 ? "2026-03-01" : "2026-06-20", "status": "open", "stage": "Счёт"])
        }
        deals.append(["deal_id": "X", "created_at": "2025-01-01", "status": "open", "stage": "Редкий"])  // under 5 deals: not judged
        try insertCanonicalRows(deals, kind: .deals, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-06-30")).document
        #expect(close(document["deals.worst_stage_stale_share"], 4.0 / 6))
        #expect(document.breakdowns?["deals.stage_stale_share"] == ["КП": 4.0 / 6, "Счёт": 0.2])
    }

    @Test func classACustomersWithoutAContactInSixtyDaysAreCounted() throws {
        // Class A by the 12 months' 1 400: MID 600, OK 300, REG 300 (reaches 80 %); BIG is B.
        // MID was contacted on 2026-06-15; OK's last contact is 2026-03-01; REG has none.
        #expect(close(try Self.company()["activities.a_class_untouched_60d_share"], 2.0 / 3))
    }

    /// Left (left on 2026-01-01) sold to C1 and C2 in the year before; Anna took them after.
    /// as_of 2026-06-30: 180 days since the stop, so the spans are (2025-07-05, 2026-01-01] and
    /// (2026-01-01, 2026-06-30]: before 100 + 300, after 50 + 100.
    static func departure() throws -> MetricDocument {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [["customer_id": "C1", "name": "One", "manager": "Left"], ["customer_id": "C2", "name": "Two"]],
            kind: .customers, into: workspace)
        try insertCanonicalRows(
            [
                Fixture.sale("S0", "C2", "2024-12-01", "10", manager: "Anna"),
                Fixture.sale("S1", "C1", "2025-05-01", "100", manager: "Left"),
                Fixture.sale("S2", "C1", "2025-12-01", "100", manager: "Left"),
                Fixture.sale("S3", "C1", "2026-03-01", "50", manager: "Anna"),
                Fixture.sale("S4", "C2", "2025-12-15", "300", manager: "Left"),
                Fixture.sale("S5", "C2", "2026-06-01", "100", manager: "Anna"),
            ], kind: .sales, into: workspace)
        try insertCanonicalRows([["manager": "Anna"], ["manager": "Left", "left_at": "2026-01-01"]], kind: .managers, into: workspace)
        return try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-06-30")).document
    }

    @Test func whatHappenedToTheCustomersOfAManagerWhoLeftIsMeasured() throws {
        let document = try Self.departure()
        #expect(document["managers.departed_customers"] == .number(2))
        #expect(close(document["managers.departed_customers_revenue_change"], 150.0 / 400 - 1))
        // In the small company: Idle went silent after 2025-11-10 (REG), Gone left on 2026-03-01
        // (BIG); neither customer bought after, so everything they bought before is gone.
        let small = try Self.company()
        #expect(small["managers.departed_customers"] == .number(2))
        #expect(small["managers.departed_customers_revenue_change"] == .number(-1))
    }

    @Test func theDependencySaysHowMuchOfItsCustomersRevenueTheManagerSoldHimself() throws {
        // C2's manager is Anna (its latest sale), and C2 is the larger customer: of its 400 in
        // the 12 months, Anna sold 100 and Left 300.
        #expect(close(try Self.departure()["managers.dependency_own_lines_share_12m"], 0.25))
    }

    @Test func noManagerWhoStoppedLeavesTheMeasureUnavailableWithItsReason() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                Fixture.sale("S1", "A", "2025-06-01", "100", manager: "Anna"),
                Fixture.sale("S2", "A", "2026-06-01", "100", manager: "Anna"),
            ], kind: .sales, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-06-30")).document
        #expect(document["managers.departed_customers_revenue_change"] == .null)
        #expect(document.unavailable["managers.departed_customers_revenue_change"] == "no_manager_stopped")
    }
}
