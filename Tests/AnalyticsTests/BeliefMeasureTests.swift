import AuditModel
import Testing

@testable import Analytics

/// The measures the owner's beliefs are checked against, computed by hand from ``Fixture``.
/// as_of = 2025-06-30; the last 12 months are (2024-06-30, 2025-06-30]: O1 (C1, 1000 + 500,
/// Anna, web), O2 (C1, 800, Anna, web), O3 (C2, 700, Boris, shop), O6 (C3, −100, Boris, no
/// channel), O7 (X9, 100, Anna, web). O9 falls on the boundary day 2024-06-30, O8 after as_of.
@Suite struct BeliefMeasureTests {
    @Test func activeCustomersAndManagersWithSalesCountTheLast12Months() throws {
        let document = try Fixture.analysis().document
        #expect(document["customers.active_12m"] == .number(4), "C1, C2, C3, X9")
        #expect(document["managers.with_sales_12m"] == .number(2), "Anna and Boris; Vera sold after as_of only")
    }

    @Test func eachManagersShareIsOfThe12MonthRevenueWithAManager() throws {
        let shares = try #require(try Fixture.analysis().document.breakdowns?["managers.revenue_share_12m"])
        // Anna 1000 + 500 + 800 + 100 = 2400, Boris 700 − 100 = 600, of 3000.
        #expect(shares == ["Anna": 0.8, "Boris": 0.2])
    }

    @Test func eachChannelsShareIsOfAllThe12MonthRevenue() throws {
        let shares = try #require(try Fixture.analysis().document.breakdowns?["channels.revenue_share_12m"])
        // web 2400, shop 700; O6 (−100) has no channel; all lines of the window: 3000.
        #expect(shares == ["web": 0.8, "shop": 700.0 / 3000])
    }

    @Test func withoutSalesThereAreNoBreakdownsAndTheCountsSayWhy() throws {
        let document = try Fixture.analysis(only: [.customers]).document
        #expect(document.breakdowns?.isEmpty ?? true)
        #expect(document["customers.active_12m"] == .null)
        #expect(document.unavailable["customers.active_12m"] == "no_rows:sales")
    }

    @Test func everyPerItemMetricIsDocumented() {
        let markdown = MetricCatalogue.markdown()
        for metric in MetricCatalogue.breakdowns { #expect(markdown.contains("`\(metric.id)`")) }
        #expect(MetricCatalogue.breakdowns.allSatisfy { MetricCatalogue.definition(of: $0.id) == nil }, "not scalar metrics")
    }
}
