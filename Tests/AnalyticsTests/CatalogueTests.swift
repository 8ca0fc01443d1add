import AuditModel
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Analytics

@Suite struct CatalogueTests {
    static let docsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/metrics.md").path

    /// `docs/metrics.md` is the catalogue rendered; regenerate with `CRM_AUDIT_RECORD_DOCS=1`.
    @Test func docsMatchTheCatalogue() throws {
        let rendered = MetricCatalogue.markdown()
        if ProcessInfo.processInfo.environment["CRM_AUDIT_RECORD_DOCS"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (Self.docsPath as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try rendered.write(toFile: Self.docsPath, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOfFile: Self.docsPath, encoding: .utf8)
        #expect(stored == rendered, "docs/metrics.md is out of date: run CRM_AUDIT_RECORD_DOCS=1 swift test --filter CatalogueTests")
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = MetricCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "_" }, "\(id)")
        }
    }

    @Test func everyMetricIsDocumentedInBothLanguagesAndNeedsData() {
        for metric in MetricCatalogue.all {
            #expect(
                !metric.title.ru.isEmpty && !metric.title.en.isEmpty && metric.title.ru != metric.title.en || metric.id.hasPrefix("rfm."),
                "\(metric.id)")
            #expect(!metric.definition.ru.isEmpty && !metric.definition.en.isEmpty, "\(metric.id)")
            #expect(!metric.datasets.isEmpty, "\(metric.id)")
        }
    }

    @Test(arguments: [
        "sales.revenue_last_12m", "sales.revenue.all_history", "pareto.top20_share", "retention.rate_12m",
        "customers.lost_12m", "sales.first_date",
    ])
    func issueIDsArePresent(id: String) {
        #expect(MetricCatalogue.definition(of: id) != nil)
    }

    @Test func datesAreStringsEverythingElseNumbers() {
        #expect(MetricCatalogue.definition(of: "sales.last_date")?.valueType == .string)
        #expect(MetricCatalogue.definition(of: "sales.revenue_last_12m")?.valueType == .number)
        #expect(MetricCatalogue.definition(of: "sales.revenue_last_12m")?.unit == .money)
    }

    /// The naming rule: a whole-history twin is its headline metric's id + `.all_history`, with the
    /// same unit, and every id ending so is over all history.
    @Test func wholeHistoryTwinsFollowTheNamingRule() {
        let twins = MetricCatalogue.all.filter { $0.id.hasSuffix(MetricCatalogue.allHistorySuffix) }
        #expect(twins.count >= 20)
        for twin in twins {
            #expect(twin.period == .allHistory, "\(twin.id)")
            let base = String(twin.id.dropLast(MetricCatalogue.allHistorySuffix.count))
            if let headline = MetricCatalogue.definition(of: base) {
                #expect(headline.period == .last12m && headline.unit == twin.unit, "\(base)")
            }
        }
        for id in ["pareto.top20_share", "abc.customers.a_count", "managers.dependency", "managers.top_share"] {
            #expect(MetricCatalogue.definition(of: id)?.period == .last12m, "\(id)")
            #expect(MetricCatalogue.definition(of: id + MetricCatalogue.allHistorySuffix) != nil, "\(id)")
        }
        // No plain sales total is left to be read as either window.
        for id in [
            "sales.revenue", "sales.orders", "sales.customers", "sales.avg_order_value", "sales.gross_margin", "customers.lost_share",
        ] {
            #expect(MetricCatalogue.definition(of: id) == nil, "\(id)")
        }
    }

    /// Units and periods: every metric has both, and the ones the summary and the findings quote
    /// are what a CFO expects.
    @Test(arguments: [
        ("sales.growth_12m", MetricUnit.change, MetricPeriod.change12m), ("sales.gross_margin_change_12m", .points, .change12m),
        ("customers.median_purchase_interval_days", .days, .allHistory), ("customers.active_12m", .customers, .last12m),
        ("customers.lost_12m", .customers, .change12m), ("retention.churn_12m", .share, .change12m),
        ("pareto.hhi", .ratio, .last12m), ("sales.revenue_last_12m", .money, .last12m),
    ])
    func unitsAndPeriodsAreStated(id: String, unit: MetricUnit, period: MetricPeriod) throws {
        let definition = try #require(MetricCatalogue.definition(of: id))
        #expect(definition.unit == unit && definition.period == period)
    }

    @Test func reasonsReadInBothLanguages() {
        let reason = UnavailableReason(code: "no_rows:deals")
        #expect(reason.text.en == "the round has no deals rows; import them")
        #expect(reason.text.ru.contains("сделки"))
    }
}

@Suite struct ContractTests {
    @Test func documentRoundTripsThroughJSON() throws {
        let document = try Fixture.analysis().document
        let json = try document.jsonString()
        let decoded = try MetricDocument.decode(json: json)
        #expect(decoded == document)
        #expect(try decoded.jsonString() == json)
    }

    @Test func jsonHasTheContractShape() throws {
        let json = try Fixture.analysis(only: [.sales]).document.jsonString()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["as_of", "metrics", "unavailable", "series", "tables", "periods", "breakdowns"])
        #expect(object["as_of"] as? String == "2025-06-30")
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(metrics["sales.revenue.all_history"] as? Double == 3900)
        #expect(metrics["sales.revenue_last_12m"] as? Double == 3000)
        let periods = try #require(object["periods"] as? [String: Any])
        #expect((periods["last_12m"] as? [String: String]) == ["from": "2024-07-01", "to": "2025-06-30"])
        #expect((periods["prev_12m"] as? [String: String]) == ["from": "2023-07-02", "to": "2024-06-30"])
        #expect(metrics["sales.last_date"] as? String == "2025-06-30")
        #expect(metrics["deals.win_rate"] is NSNull)
        #expect(json.contains("\"deals.win_rate\":null"))
        let unavailable = try #require(object["unavailable"] as? [String: String])
        #expect(unavailable["deals.win_rate"] == "no_rows:deals")
    }

    @Test func twoThreadedAndSequentialComputationsAgree() throws {
        let (workspace, directory) = try Fixture.workspace()
        defer { directory.remove() }
        let round = try workspace.round()
        let threaded = try Analytics.analyse(workspace, round: round, asOf: Fixture.asOf).document
        let sequential = Analytics.analyse(data: try RoundData.load(from: workspace, round: round), asOf: Fixture.asOf).document
        #expect(threaded == sequential)
    }

    @Test func salesReadInTwoHalvesGiveTheSameDocument() throws {
        let (workspace, directory) = try Fixture.workspace()
        defer { directory.remove() }
        let round = try workspace.round()
        let halves = try #require(try RoundData.salesSplit(from: workspace, round: round, minimum: 1))
        #expect(halves.count == 2)
        var sales = try RoundData.loadSalesSide(from: workspace, round: round, rows: halves[0])
        sales.append(sales: try RoundData.loadSalesSide(from: workspace, round: round, rows: halves[1]))
        var data = try RoundData.loadCustomerSide(from: workspace, round: round)
        data.adopt(sales: sales)
        let split = Analytics.analyse(data: data, asOf: Fixture.asOf).document
        let whole = Analytics.analyse(data: try RoundData.load(from: workspace, round: round), asOf: Fixture.asOf).document
        #expect(split == whole)
        #expect(split["sales.orders.all_history"] == .number(9))
    }

    @Test func onlyTheAssessedRoundIsRead() throws {
        let (workspace, directory) = try Fixture.workspace()
        defer { directory.remove() }
        try workspace.write { db in
            try db.execute(sql: "INSERT INTO round(number, date, status, created_at) VALUES (2, '2027-05-01', 'open', 'now')")
        }
        let second = try workspace.round(number: 2)
        try insertCanonicalRows(
            [Fixture.sale("Z1", "C1", "2027-04-01", "10"), Fixture.sale("Z2", "C2", "2027-04-02", "5")],
            kind: .sales, into: workspace, round: second)
        // Round 2 holds few of the lines (read through the index), round 1 most (one pass over the table).
        let later = try Analytics.analyse(workspace, round: second).document
        #expect(later["sales.revenue.all_history"] == .number(15))
        #expect(later["sales.orders.all_history"] == .number(2))
        #expect(later.unavailable["customers.count"] == "no_rows:customers")
        let first = try Analytics.analyse(workspace, round: try workspace.round(number: 1), asOf: Fixture.asOf).document
        #expect(first["sales.revenue.all_history"] == .number(3900))
        #expect(first["customers.count"] == .number(7))
    }

    @Test func storedSnapshotIsReadBack() throws {
        let (workspace, directory) = try Fixture.workspace()
        defer { directory.remove() }
        let round = try workspace.round()
        #expect(try Analytics.storedDocument(workspace, round: round) == nil)
        let analysis = try Analytics.computeAndStore(workspace, round: round, asOf: Fixture.asOf)
        #expect(try Analytics.storedDocument(workspace, round: round) == analysis.document)
    }
}

/// A metric whose inputs are missing is null with the reason, never 0.
@Suite struct MissingInputTests {
    @Test func emptyRoundMakesEveryMetricNullWithAReason() throws {
        let analysis = try Fixture.analysis(only: [], asOf: nil)
        let document = analysis.document
        #expect(document.asOf.iso == "2026-11-29")
        for metric in MetricCatalogue.all {
            #expect(document[metric.id] == .null, "\(metric.id)")
            #expect(document.unavailable[metric.id]?.hasPrefix("no_rows:") == true, "\(metric.id)")
        }
        #expect(document.series.months.isEmpty)
    }

    @Test(arguments: [
        ("deals.win_rate", "no_rows:deals"), ("activities.count", "no_rows:activities"),
        ("campaigns.roi", "no_rows:campaigns"), ("customers.count", "no_rows:customers"),
        ("quality.orphan_sales_rows", "no_rows:customers"), ("quality.fill.email", "no_rows:customers"),
    ])
    func salesOnlyRoundExplainsWhatIsMissing(id: String, reason: String) throws {
        let document = try Fixture.analysis(only: [.sales]).document
        #expect(document[id] == .null)
        #expect(document.unavailable[id] == reason)
        #expect(document["sales.revenue.all_history"] == .number(3900))
    }

    @Test func customersOnlyRoundStillMeasuresDataQuality() throws {
        let document = try Fixture.analysis(only: [.customers]).document
        #expect(document["sales.revenue_last_12m"] == .null)
        #expect(document.unavailable["sales.revenue_last_12m"] == "no_rows:sales")
        #expect(document["quality.duplicate_groups"] == .number(2))
        #expect(document["customers.count"] == .number(7))
    }

    /// Data that begin inside the previous 12 months cannot say how the year grew: a part-covered
    /// year compared with a whole one would overstate growth.
    @Test func growthIsNullWhenTheDataDoNotCoverThePreviousWindow() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [Fixture.sale("A", "C1", "2025-06-01", "100"), Fixture.sale("B", "C2", "2025-06-02", "50")],
            kind: .sales, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        #expect(document["sales.revenue_prev_12m"] == .number(0))
        for id in [
            "sales.growth_12m", "sales.orders_growth_12m", "sales.avg_order_value_growth_12m", "customers.active_growth_12m",
            "sales.gross_margin_change_12m",
        ] {
            #expect(document[id] == .null, "\(id)")
            #expect(document.unavailable[id] == "previous_window_not_covered", "\(id)")
        }
        #expect(document.periods?.previousCovered == false)
        #expect(document["retention.rate_12m"] == .null)
        #expect(document["sales.gross_margin_last_12m"] == .null)
        #expect(document.unavailable["sales.gross_margin_last_12m"] == "no_values:sales.cost")
        #expect(document.unavailable["abc.products.a_count"] == "no_values:sales.product")
        #expect(document.unavailable["managers.top20_share"] == "no_values:sales.manager")
    }

    @Test func growthIsNullWhenThePreviousWindowIsCoveredButEmpty() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        // The data begin in 2023: the previous 12 months (2023-06-03 … 2024-06-01) are covered, and empty.
        try insertCanonicalRows(
            [Fixture.sale("A", "C1", "2023-01-10", "70"), Fixture.sale("B", "C2", "2025-06-01", "100")],
            kind: .sales, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        #expect(document.periods?.previousCovered == true)
        #expect(document["sales.growth_12m"] == .null)
        #expect(document.unavailable["sales.growth_12m"] == "empty_previous_window")
    }

    @Test func unreadableDatesAndBlankIDsDoNotCrash() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                Fixture.sale("A", "  ", "2025-06-01", "100"), Fixture.sale("B", "C1", "31.12.2024", "50"),
                Fixture.sale("C", "C1", "2025-02-30", "5"), Fixture.sale(" ", "C1", "2025-06-02", "7"),
            ],
            kind: .sales, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        #expect(document["quality.invalid_sale_dates"] == .number(2))
        #expect(document["sales.revenue.all_history"] == .number(107))
        #expect(document["sales.orders.all_history"] == .number(2))
        #expect(document["sales.customers.all_history"] == .number(2))
    }

    @Test func repeatedCustomerIDsAndSharedKeysFormOneGroup() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                ["customer_id": "A", "name": "Альфа"], ["customer_id": "B", "email": "x@y.ru"], ["customer_id": "A", "name": "Бета"],
                ["customer_id": "C", "name": "ООО Бета", "email": "X@y.ru"], ["customer_id": "D", "name": "Гамма"],
            ], kind: .customers, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        // A (row 1) = A (row 3) by id; row 3 = C by name; C = B by email (case-insensitive).
        #expect(
            document.tables.duplicateGroups == [
                DuplicateGroup(group: 1, customerIDs: ["A", "B", "A", "C"], keys: ["customer_id", "email", "name"])
            ])
        #expect(document["customers.count"] == .number(4))
        #expect(document["quality.duplicate_share"] == .number(0.8))
    }

    @Test func sharedMailboxesAndDifferentValidTaxIDsDoNotMakeDuplicates() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                // Two companies with valid, different tax ids and one purchasing mailbox: not duplicates.
                ["customer_id": "S1", "name": "ООО Сбер", "tax_id": "7707083893", "email": "zakup@mail.ru"],
                ["customer_id": "S2", "name": "ООО Другое", "tax_id": "500100732259", "email": "zakup@mail.ru"],
                // A generic address on four customers is a shared mailbox, not a key.
                ["customer_id": "G1", "email": "info@yandex.ru"], ["customer_id": "G2", "email": "info@yandex.ru"],
                ["customer_id": "G3", "email": "info@yandex.ru"], ["customer_id": "G4", "email": "info@yandex.ru"],
                // The same company entered twice, once without its tax id: a duplicate.
                ["customer_id": "R1", "name": "ООО «Ромашка»", "tax_id": "7707083893", "phone": "+7 912 345-67-89"],
                ["customer_id": "R2", "name": "Ромашка", "phone": "8 (912) 345-67-89"],
            ], kind: .customers, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        // S1 and R1 share a tax id (one legal entity); R2 is R1 without it, found by the phone.
        #expect(document.tables.duplicateGroups.map(\.customerIDs) == [["S1", "R1", "R2"]])
        #expect(!document.tables.duplicateGroups.flatMap(\.customerIDs).contains("S2"))
        #expect(!document.tables.duplicateGroups.flatMap(\.customerIDs).contains("G1"))
    }

    @Test func medianPurchaseIntervalOverRepeatCustomers() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        func sale(_ customer: String, _ date: String) -> [String: String?] { ["customer_id": customer, "date": date, "amount": "100"] }
        try insertCanonicalRows(
            [
                // A: 3 purchase days over 30 days → 15; B: 2 days 40 apart → 40; C: one day, left out;
                // D: 4 days over 30 days, two lines on one day → 10. Median of 10, 15, 40 = 15.
                sale("A", "2026-01-01"), sale("A", "2026-01-11"), sale("A", "2026-01-31"),
                sale("B", "2026-02-01"), sale("B", "2026-03-13"),
                sale("C", "2026-03-01"),
                sale("D", "2026-01-01"), sale("D", "2026-01-11"), sale("D", "2026-01-11"), sale("D", "2026-01-21"), sale("D", "2026-01-31"),
            ], kind: .sales, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        #expect(document["customers.median_purchase_interval_days"] == .number(15))
    }

    @Test func abcClassesCarryTheirRevenueCutOff() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [("A", "100"), ("B", "50"), ("C", "30"), ("D", "20")].map { customer, amount in
                ["customer_id": customer, "date": "2026-01-10", "amount": amount]
            }, kind: .sales, into: workspace)
        let rows = try #require(try Analytics.analyse(workspace, round: try workspace.round()).document.tables.abc["customers"])
        // A runs up to and including C, which crosses 80 % (180 of 200); D crosses 95 %.
        #expect(rows.map(\.count) == [3, 1, 0])
        #expect(rows.map(\.minRevenue) == [30, 20, nil])
    }

    @Test func onlyReturnsMakeParetoNull() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows([Fixture.sale("A", "C1", "2025-06-01", "-100")], kind: .sales, into: workspace)
        let document = try Analytics.analyse(workspace, round: try workspace.round()).document
        #expect(document["sales.revenue_last_12m"] == .number(-100))
        #expect(document["pareto.top20_share"] == .null)
        #expect(document.unavailable["pareto.top20_share"] == "zero_total")
    }
}
