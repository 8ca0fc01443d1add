import AuditModel
import Testing

@testable import Analytics

/// Every definition of the issue, checked against values computed by hand from ``Fixture``.
/// as_of = 2025-06-30: last 12 months (the headline period) = (2024-06-30, 2025-06-30], previous =
/// (2023-07-01, 2024-06-30]. Included lines: all but O8 (2025-07-15, after as_of).
/// Headline lines: O1 (C1 1500), O2 (C1 800), O3 (C2 700), O6 (C3 −100), O7 (X9 100) = 3000.
/// Previous lines: O4 (C2 300), O5 (C3 400), O9 (C5 0, on the boundary day) = 700. The data begin
/// on 2023-05-05, before the previous window: changes are defined.
@Suite struct DefinitionTests {
    static let analysis = Result { try Fixture.analysis() }

    static let expected: [(String, Double)] = [
        ("sales.rows", 10),
        // Whole history: 1000 + 500 + 800 + 700 + 300 + 400 − 100 + 200 + 100 + 0
        ("sales.revenue.all_history", 3900),
        // O1…O7, O9 and the line without an order id
        ("sales.orders.all_history", 9),
        // C1, C2, C3, C4, X9, C5
        ("sales.customers.all_history", 6),
        ("sales.avg_order_value.all_history", 3900.0 / 9),
        ("sales.avg_revenue_per_customer.all_history", 3900.0 / 6),
        // 2023-05 … 2025-06
        ("sales.months", 26),
        ("sales.revenue_last_12m", 3000),
        ("sales.revenue_prev_12m", 700),
        ("sales.growth_12m", 3000.0 / 700 - 1),
        // O1, O2, O3, O6, O7 against O4, O5, O9
        ("sales.orders_last_12m", 5), ("sales.orders_prev_12m", 3), ("sales.orders_growth_12m", 5.0 / 3 - 1),
        ("sales.avg_order_value_last_12m", 600), ("sales.avg_order_value_prev_12m", 700.0 / 3),
        ("sales.avg_order_value_growth_12m", 600 / (700.0 / 3) - 1),
        // C1, C2, C3, X9 bought in the last 12 months
        ("sales.avg_revenue_per_customer_last_12m", 750),
        // lines with a cost: 1000/600, 500/300, 700/400 in the last 12 months; 300/200 (O4) before
        ("sales.gross_margin_last_12m", (2200.0 - 1300) / 2200), ("sales.gross_margin_prev_12m", 100.0 / 300),
        ("sales.gross_margin_change_12m", (2200.0 - 1300) / 2200 - 100.0 / 300),
        ("sales.gross_margin.all_history", (2500.0 - 1500) / 2500),
        ("sales.cost_coverage", 0.4),
        // The headline period ranks the customers who bought in it by their revenue there:
        // C1 2300, C2 700, X9 100, C3 −100 (of 3000); ⌈0.2·4⌉ = 1. C4 and C5 bought nothing.
        ("pareto.top20_share", 2300.0 / 3000),
        ("pareto.customers_for_80", 2),
        ("pareto.customers_for_80_share", 2.0 / 4),
        ("pareto.top_customer_share", 2300.0 / 3000),
        ("pareto.hhi", (2300.0 * 2300 + 700 * 700 + 100 * 100 + 100 * 100) / (3000.0 * 3000)),
        // All history: C1 2300, C2 1000, C3 300, C4 200, X9 100, C5 0; ⌈0.2·6⌉ = 2
        ("pareto.top20_share.all_history", 3300.0 / 3900),
        ("pareto.customers_for_80.all_history", 2),
        ("pareto.customers_for_80_share.all_history", 2.0 / 6),
        ("pareto.top_customer_share.all_history", 2300.0 / 3900),
        ("pareto.hhi.all_history", (2300.0 * 2300 + 1000 * 1000 + 300 * 300 + 200 * 200 + 100 * 100) / (3900.0 * 3900)),
        ("customers.count", 7),
        // C5 is the one private person (C1 a company, the rest unknown); C5 has a birth date.
        ("customers.person_share", 1.0 / 7), ("quality.birth_date_persons_fill", 1),
        // two distinct days: C1, C2, C3
        ("customers.repeat_rate", 0.5),
        // active: C1, C2, C3, X9; in the previous 12 months: C2, C3, C5
        ("customers.active_12m", 4), ("customers.active_prev_12m", 3), ("customers.active_growth_12m", 4.0 / 3 - 1),
        ("customers.active_12m_share", 4.0 / 6),
        // new: C1 (first purchase 2025-03-01), X9; retained: C2, C3; lost: C5; reactivated: none
        ("customers.new_12m", 2), ("customers.returning_12m", 2), ("customers.retained_12m", 2),
        ("customers.reactivated_12m", 0), ("customers.lost_12m", 1),
        ("retention.rate_12m", 2.0 / 3),
        ("retention.churn_12m", 1.0 / 3),
        // Champions C1, C2; Loyal C3; New X9 (one purchase day, R 5); Hibernating C5; Long inactive C4
        ("rfm.champions", 2), ("rfm.loyal", 1), ("rfm.potential_loyalists", 0), ("rfm.new", 1), ("rfm.at_risk", 0),
        ("rfm.cant_lose", 0), ("rfm.hibernating", 1), ("rfm.long_inactive", 1), ("rfm.revenue_at_risk", 0),
        ("rfm.revenue_at_risk_share", 0), ("rfm.at_risk_customers", 0),
        // Headline: 80% = 2400, 95% = 2850: A = C1, C2 (3000, crossing 80% with C2); C = X9, C3 (0)
        ("abc.customers.a_count", 2), ("abc.customers.a_revenue_share", 1),
        ("abc.customers.b_count", 0), ("abc.customers.b_revenue_share", 0),
        ("abc.customers.c_count", 2), ("abc.customers.c_revenue_share", 0),
        // All history: 80% = 3120, 95% = 3705: A = C1, C2 (3300); B = C3, C4 (500); C = X9, C5 (100)
        ("abc.customers.a_count.all_history", 2), ("abc.customers.a_revenue_share.all_history", 3300.0 / 3900),
        ("abc.customers.b_count.all_history", 2), ("abc.customers.b_revenue_share.all_history", 500.0 / 3900),
        ("abc.customers.c_count.all_history", 2), ("abc.customers.c_revenue_share.all_history", 100.0 / 3900),
        // Headline: P1 1700, P2 1300 (P3 sold nothing in the 12 months): A = P1, P2
        ("abc.products.a_count", 2), ("abc.products.a_revenue_share", 1),
        ("abc.products.b_count", 0), ("abc.products.c_count", 0), ("abc.products.c_revenue_share", 0),
        // All history: P1 2100, P2 1300, P3 500: A = P1, P2; B = P3 (crosses 95%); C empty
        ("abc.products.a_count.all_history", 2), ("abc.products.a_revenue_share.all_history", 3400.0 / 3900),
        ("abc.products.b_count.all_history", 1), ("abc.products.c_count.all_history", 0),
        ("abc.products.c_revenue_share.all_history", 0),
        // Headline: Anna 2400 (O1, O2, O7), Boris 600 (O3, O6) of 3000: Anna A (reaches 80%), Boris B
        ("abc.managers.a_count", 1), ("abc.managers.a_revenue_share", 0.8), ("abc.managers.b_count", 1),
        // All history: Anna 2400, Boris 1000, Gleb 300 (O4) of 3700: Anna and Boris (who crosses 80%) A
        ("abc.managers.a_count.all_history", 2), ("abc.managers.a_revenue_share.all_history", 3400.0 / 3700),
        ("abc.managers.b_count.all_history", 1),
        ("managers.with_sales", 3),
        ("managers.top20_share", 0.8), ("managers.top_share", 0.8),
        ("managers.top20_share.all_history", 2400.0 / 3700), ("managers.top_share.all_history", 2400.0 / 3700),
        // Headline: Anna's customers C1 2300 + X9 100 (latest sale); Boris's C2 700 + C3 −100 (latest sale)
        ("managers.dependency", 2400.0 / 3000),
        // All history: Anna: C1 2300 + X9 100; Boris: C2 1000 + C3 300; Vera: C5 0
        ("managers.dependency.all_history", 2400.0 / 3900),
        ("managers.idle", 1),
        // Of the headline revenue of Anna's customers (C1 2300, X9 100), all on Anna's own lines
        ("managers.dependency_own_lines_share_12m", 1),
        // Gleb left on 2024-06-01 and sold to C2 in the year before (O4 300); over the 365 days
        // after, C2 bought O3 700 from Boris: +133 %.
        ("managers.departed_customers", 1), ("managers.departed_customers_revenue_change", 700.0 / 300 - 1),
        ("managers.customers_without_manager", 2), ("managers.customers_without_manager_share", 2.0 / 7),
        // cohorts ≤ 2025-05 for m1: C4, C3, C2, C5, C1, none returned the next month
        ("cohorts.retention_m1", 0),
        // cohorts ≤ 2025-03 for m3: C1 bought again in 2025-06
        ("cohorts.retention_m3", 1.0 / 5),
        ("cohorts.retention_m12", 0),
        // web 2400, shop 1000, (none) 500
        ("channels.count", 2), ("channels.top_share", 2400.0 / 3400),
        ("channels.unknown_source_share", 0.3), ("channels.unknown_source_revenue_share", 500.0 / 3900),
        ("campaigns.count", 1), ("campaigns.revenue_share", 1500.0 / 3900),
        // spring 1500 revenue / 500 cost, autumn 0 / 200
        ("campaigns.roi", (1500.0 - 700) / 700),
        ("deals.count", 5), ("deals.open", 2), ("deals.win_rate", 2.0 / 3), ("deals.avg_cycle_days", 30),
        ("deals.pipeline_amount", 800), ("deals.stale_open", 1),
        ("activities.count", 3), ("activities.last_90d", 2),
        // active customers C1, C2, C3, X9; touched: C1
        ("activities.active_customers_touched_share", 0.25),
        ("quality.fill.email", 4.0 / 7), ("quality.fill.phone", 5.0 / 7), ("quality.fill.manager", 5.0 / 7),
        ("quality.fill.birth_date", 2.0 / 7), ("quality.fill.email_consent", 2.0 / 7),
        ("quality.email_valid_share", 0.75), ("quality.emails_invalid", 1),
        ("quality.phone_valid_share", 0.8), ("quality.phones_invalid", 1),
        ("quality.email_consent_share", 1.0 / 7),
        // C2 + C3 (same phone), C6 + C7 (same name without ООО)
        ("quality.duplicate_groups", 2), ("quality.duplicate_customers", 4), ("quality.duplicate_share", 4.0 / 7),
        ("quality.orphan_sales_rows", 1), ("quality.orphan_sales_share", 0.1), ("quality.orphan_revenue", 100),
        ("quality.customers_without_sales", 2), ("quality.customers_without_sales_share", 2.0 / 7),
        // C5's birth date 2030-01-01 is after the round's date 2026-11-29
        ("quality.future_dates", 1),
        ("quality.zero_amount_rows", 1), ("quality.negative_amount_rows", 1), ("quality.sales_after_as_of", 1),
        ("quality.invalid_sale_dates", 0),
    ]

    @Test(arguments: expected)
    func metricHasItsHandComputedValue(id: String, value: Double) throws {
        let document = try Self.analysis.get().document
        #expect(close(document[id], value), "\(id) = \(document[id]), expected \(value)")
        #expect(document.unavailable[id] == nil)
    }

    @Test func datesAreISOStrings() throws {
        let document = try Self.analysis.get().document
        #expect(document["sales.first_date"] == .text("2023-05-05"))
        #expect(document["sales.last_date"] == .text("2025-06-30"))
        #expect(document.asOf == Fixture.asOf)
    }

    @Test func everyCatalogueMetricIsComputedFromTheFullFixture() throws {
        let document = try Self.analysis.get().document
        #expect(Set(document.metrics.keys) == Set(MetricCatalogue.all.map(\.id)))
        #expect(document.unavailable.isEmpty, "unavailable: \(document.unavailable)")
    }

    @Test func defaultAsOfIsTheLatestSaleDate() throws {
        let analysis = try Fixture.analysis(asOf: nil)
        #expect(analysis.document.asOf.iso == "2025-07-15")
        #expect(close(analysis.document["sales.revenue.all_history"], 3900 + 999))
        #expect(close(analysis.document["quality.sales_after_as_of"], 0))
    }

    @Test func monthlySeries() throws {
        let series = try Self.analysis.get().document.series
        #expect(series.months.count == 26)
        #expect(series.months.first == "2023-05")
        #expect(series.months.last == "2025-06")
        let june = try #require(series.months.firstIndex(of: "2025-06"))
        // O1 (1500) and O7 (100); customers C1 and X9; X9 is new
        #expect(series.revenue[june] == 1600)
        #expect(series.orders[june] == 2)
        #expect(series.customers[june] == 2)
        #expect(series.newCustomers[june] == 1)
        #expect(series.revenue.reduce(0, +) == 3900)
        #expect(series.newCustomers.reduce(0, +) == 6)
    }

    @Test func cohortMatrix() throws {
        let cohorts = try Self.analysis.get().document.tables.cohorts
        let march = try #require(cohorts.first { $0.cohort == "2025-03" })
        #expect(march.size == 1)
        #expect(march.active == [1, 0, 0, 1])
        #expect(cohorts.map(\.size).reduce(0, +) == 6)
    }

    /// The manager table is the headline period's; the last sale and the whole-history revenue
    /// are there for reference.
    @Test func managerTable() throws {
        let rows = try Self.analysis.get().document.tables.managers
        // Gleb sold only before the headline period (O4): a zero row among those who sold, before Vera who never did
        #expect(rows.map(\.manager) == ["Anna", "Boris", "Gleb", "Vera"])
        let anna = rows[0], boris = rows[1]
        #expect(anna.revenue == 2400 && anna.orders == 3 && anna.customers == 2 && anna.lastSaleDate == "2025-06-30")
        #expect(close(.number(anna.margin ?? -1), 0.4))
        // O3 (C2 700) and O6 (C3 −100); O5 and O9 are before the headline period (O4 is Gleb's)
        #expect(boris.revenue == 600 && boris.orders == 2 && boris.customers == 2 && boris.lastSaleDate == "2025-05-20")
        #expect(boris.revenueAllHistory == 1000)
        #expect(close(.number(boris.margin ?? -1), 300.0 / 700))
        #expect(rows.map(\.idle) == [false, false, false, true])
    }

    @Test func portraitComparesCustomerAndRevenueShares() throws {
        let portrait = try Self.analysis.get().document.tables.portrait
        let city = try #require(portrait.first { $0.field == "city" })
        let moscow = try #require(city.values.first { $0.value == "Москва" })
        // listed customers' revenue over the last 12 months: 3000 − X9's 100; Moscow: C1 2300 + C2 700
        #expect(moscow.customers == 2)
        #expect(close(.number(moscow.customerShare), 2.0 / 7))
        #expect(close(.number(moscow.revenueShare ?? -1), 3000.0 / 2900))
        // the list's buyers in the last 12 months: C1, C2, C3 (X9 is not listed); Moscow's: C1, C2
        #expect(moscow.buyers == 2)
        #expect(close(.number(moscow.buyerShare ?? -1), 2.0 / 3))
        #expect(close(.number(moscow.overIndex ?? -1), (3000.0 / 2900) / (2.0 / 3)))
        #expect(city.values.map(\.customers).reduce(0, +) == 7)
        let typical = try Self.analysis.get().document.tables.typicalACustomer
        #expect(typical.first { $0.field == "city" } == TypicalTrait(field: "city", value: "Москва", share: 1))
    }

    @Test func channelAndCampaignTables() throws {
        let tables = try Self.analysis.get().document.tables
        #expect(tables.channels.map(\.channel) == ["web", "shop", "(none)"])
        #expect(tables.channels.map(\.revenue) == [2400, 1000, 500])
        #expect(tables.campaigns.map(\.campaign) == ["spring", "autumn"])
        #expect(tables.campaigns[0].roi == 2)
        #expect(tables.campaigns[1].roi == -1)
        #expect(tables.dealStages.first { $0.stage == "Proposal" }?.amount == 800)
    }

    @Test func duplicateGroupsNameTheirKeys() throws {
        let groups = try Self.analysis.get().document.tables.duplicateGroups
        #expect(
            groups == [
                DuplicateGroup(group: 1, customerIDs: ["C2", "C3"], keys: ["phone"]),
                DuplicateGroup(group: 2, customerIDs: ["C6", "C7"], keys: ["name"]),
            ])
    }

    /// Managers' and products' ABC classes come with the customers' (each item in one class).
    @Test func abcClassesCoverCustomersManagersAndProducts() throws {
        let document = try Fixture.analysis().document
        #expect(document.tables.abc.keys.sorted() == ["customers", "managers", "products"])
        let managers = try #require(document.tables.abc["managers"])
        #expect(managers.map(\.count).reduce(0, +) == 2)  // Anna, Boris (both sold in the last 12 months)
        let products = try #require(document.tables.abc["products"])
        #expect(products.map(\.count).reduce(0, +) == 2)  // P1, P2 (P3 sold nothing in the last 12 months)
        #expect(document.tables.managers.isEmpty == false && document.tables.channels.isEmpty == false)
    }
}
