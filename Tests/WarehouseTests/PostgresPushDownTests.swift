import Analytics
import AuditModel
import Foundation
import Importers
import TestSupport
import Testing
import Workspace

@testable import Warehouse

/// A database source's address: no password ever, and a clear word for what is wrong.
@Suite struct DatabaseSourceTests {
    @Test func anAddressGivesTheServerTheDatabaseAndTheUser() throws {
        let source = try DatabaseSource(url: "postgresql://audit@db.example.ru:6432/sales", salesTable: "crm.sales")
        #expect(source.host == "db.example.ru" && source.port == 6432 && source.database == "sales" && source.user == "audit")
        #expect(source.url == "postgresql://audit@db.example.ru:6432/sales")
        #expect(try DatabaseSource(url: "postgres://audit@db/sales", salesTable: "s").port == 5432)
    }

    @Test func aPasswordInTheAddressIsRefusedNotStored() {
        #expect(throws: WarehouseError.passwordInURL) {
            try DatabaseSource(url: "postgresql://audit:secret@db/sales", salesTable: "sales")
        }
        let message = WarehouseError.passwordInURL.message(in: .en)
        #expect(message.contains("CRM_AUDIT_DB_PASSWORD") && !message.contains("secret"))
        #expect(WarehouseError.passwordInURL.message(in: .ru).contains("CRM_AUDIT_DB_PASSWORD"))
    }

    @Test func otherAddressesAndFieldsAreNamed() {
        #expect(throws: WarehouseError.unsupportedEngine("mysql")) { try DatabaseSource(url: "mysql://a@b/c", salesTable: "s") }
        #expect(throws: WarehouseError.badURL("postgresql://db/sales")) {
            try DatabaseSource(url: "postgresql://db/sales", salesTable: "s")
        }
        #expect(throws: WarehouseError.unknownField("client")) {
            try DatabaseSource(url: "postgresql://a@b/c", salesTable: "s", columns: ["client": "code"])
        }
    }

    @Test func tableNamesAreQuotedIdentifiers() {
        #expect(SalesQueries.identifier("crm.sales") == "\"crm\".\"sales\"")
        #expect(SalesQueries.identifier("we\"ird") == "\"we\"\"ird\"")
    }
}

/// The same sale lines in a file and in PostgreSQL give the same metrics, value for value: the
/// database computes the aggregates, the formulas are the in-memory ones.
@Suite(.serialized) struct PostgresPushDownTests {
    /// One sale line of the tests.
    struct Line {
        var customer: String
        var date: Day
        var amount: Double
        var cost: Double?
        var order: String?
        var manager, channel, campaign, product: String?
    }

    /// Sale lines with what real exports hold: returns, zero amounts, lines without a cost or an
    /// order id, ids with spaces around them, lines after as_of, three years of history; managers
    /// (one who stopped selling a year ago), channels, campaigns and products, each sometimes missing.
    static func lines() -> [Line] {
        var random = SeededGenerator(state: 21)
        let asOf = Day(iso: "2026-11-30")!
        var result: [Line] = []
        for index in 0..<1_500 {
            let customer = "C-\(Int.random(in: 1...80, using: &random))" + (index % 97 == 0 ? "  " : "")
            let date = Day(ordinal: asOf.ordinal - Int.random(in: -20...1_100, using: &random))
            var amount = (Double(Int.random(in: -2_000...250_000, using: &random)) / 100).rounded(toPlaces: 2)
            if index % 53 == 0 { amount = 0 }
            let cost: Double? = index % 4 == 0 ? nil : (amount * 0.7).rounded(toPlaces: 2)
            let order: String? = index % 7 == 0 ? nil : "O-\(index / 3)"
            var manager: String? = index % 11 == 0 ? nil : "Manager \(Int.random(in: 1...4, using: &random))"
            if manager == "Manager 4" && date.ordinal > asOf.ordinal - 400 { manager = "Manager 3" }
            let channel: String? = index % 3 == 0 ? nil : ["Site", "Call", "Fair"][Int.random(in: 0...2, using: &random)]
            let campaign: String? = index % 5 == 0 ? "Spring \(Int.random(in: 2024...2026, using: &random))" : nil
            let product: String? = index % 13 == 0 ? nil : "P-\(Int.random(in: 1...30, using: &random))"
            result.append(
                Line(
                    customer: customer, date: date, amount: amount, cost: cost, order: order, manager: manager, channel: channel,
                    campaign: campaign, product: product))
        }
        return result
    }

    @Test func theDatabaseGivesTheMetricsOfTheFileValueForValue() throws {
        guard let cluster = try PostgresCluster.start() else { return }
        defer { cluster.stop() }
        let lines = Self.lines()
        let asOf = Day(iso: "2026-11-30")!

        let file = try Self.fileAnalysis(lines, asOf: asOf)
        let expected = file.document

        // The database path: the same lines in a table whose columns are named otherwise.
        let writer = try PostgresConnection(cluster.source(table: "sales"), password: cluster.password, readOnly: false)
        _ = try writer.rows(
            "CREATE TABLE sales (client_code text, sold_on date, total numeric(14,2), cost numeric(14,2), order_id text, "
                + "seller text, source text, promo text, item text)")
        for chunk in stride(from: 0, to: lines.count, by: 500) {
            let values = lines[chunk..<min(chunk + 500, lines.count)].map { line in
                "(\(writer.literal(line.customer)), DATE '\(line.date.iso)', \(line.amount), \(line.cost.map { String($0) } ?? "NULL"), "
                    + "\(line.order.map(writer.literal) ?? "NULL"), "
                    + [line.manager, line.channel, line.campaign, line.product].map { $0.map(writer.literal) ?? "NULL" }
                    .joined(separator: ", ") + ")"
            }
            _ = try writer.rows("INSERT INTO sales VALUES " + values.joined(separator: ", "))
        }
        let source = try cluster.source(table: "public.sales", columns: Self.columns)
        let reader = try PostgresConnection(source, password: cluster.password)
        let result = try DatabaseAnalysis.analyse(source, on: reader, asOf: asOf)
        let document = result.document

        expectSameMetrics(document, expected)
        #expect(document.metrics["sales.rows"] == .number(Double(lines.filter { $0.date <= asOf }.count)))
        // Only aggregates came back, and at most 100 records of each sample set a finding shows.
        expectSameCurve(result.paretoCurve, file.paretoCurve)
        expectSameSeries(document, expected)
        #expect(result.bytesReceived < 64_000, "\(result.bytesReceived) bytes")

        // An account that may only read that table (what a client's DBA grants) reads the same.
        _ = try writer.rows("CREATE ROLE auditor LOGIN PASSWORD \(writer.literal(cluster.password)); GRANT SELECT ON sales TO auditor")
        var auditor = source
        auditor.user = "auditor"
        let granted = try DatabaseAnalysis.analyse(auditor, on: PostgresConnection(auditor, password: cluster.password), asOf: asOf)
        expectSameMetrics(granted.document, document)
        // A table that is not there is named as such.
        var elsewhere = source
        elsewhere.salesTable = "public.orders"
        #expect(throws: WarehouseError.tableNotFound("public.orders")) { try DatabaseAnalysis.analyse(elsewhere, on: reader, asOf: asOf) }
        // Dates kept as text read day first, as the importer reads them.
        #expect(try reader.rows("SELECT CAST('01.02.2025' AS date)").first?.first == "2025-02-01")

        // The audit's connection reads and never writes.
        #expect(throws: WarehouseError.self) { try reader.rows("CREATE TABLE written (x int)") }
        // A statement past its time limit stops with the database's reason.
        let impatient = try PostgresConnection(source, password: cluster.password, timeout: .milliseconds(50))
        #expect(throws: WarehouseError.self) { try impatient.rows("SELECT pg_sleep(2)") }
    }

    @Test func aWrongPasswordIsACleanErrorNamingTheServer() throws {
        guard let cluster = try PostgresCluster.start() else { return }
        defer { cluster.stop() }
        do {
            _ = try PostgresConnection(cluster.source(table: "sales"), password: "wrong")
            Issue.record("connected with a wrong password")
        } catch let error as WarehouseError {
            #expect(error.message(in: .en).contains("127.0.0.1"))
            #expect(error.message(in: .ru).contains("не удалось подключиться"))
        } catch {
            Issue.record("an untyped error: \(error)")
        }
    }
}

extension PostgresPushDownTests {
    /// The file path: `lines` written to a CSV, imported into a workspace and analysed in memory.
    /// The test tables' columns of the canonical fields named otherwise.
    static let columns = [
        "customer_id": "client_code", "date": "sold_on", "amount": "total", "manager": "seller", "channel": "source",
        "campaign": "promo", "product": "item",
    ]

    static func fileAnalysis(_ lines: [Line], asOf: Day) throws -> Analysis {
        let folder = TemporaryDirectory("warehouse")
        defer { folder.remove() }
        var csv = "customer_id;date;amount;cost;order_id;manager;channel;campaign;product\n"
        for line in lines {
            csv += "\(line.customer);\(line.date.iso);\(line.amount);\(line.cost.map { String($0) } ?? "");\(line.order ?? "");"
            csv += [line.manager, line.channel, line.campaign, line.product].map { $0 ?? "" }.joined(separator: ";") + "\n"
        }
        let file = try folder.write(csv, to: "sales.csv")
        let workspace = try Workspace.create(at: folder.file("ws.crmaudit"), client: "Test", roundDate: asOf)
        let round = try workspace.round()
        _ = try Importer.importFile(file, into: workspace, round: round, options: ImportOptions(kind: .sales))
        return try Analytics.analyse(workspace, round: round, asOf: asOf)
    }
}

/// Every metric a database computed equals the file path's (money to the kopeck, the others to
/// 1e-9), with the same reasons for those that are null; the sales, Pareto and retention metrics
/// are all among them.
func expectSameMetrics(_ document: MetricDocument, _ expected: MetricDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var compared = 0
    for metric in MetricCatalogue.all {
        let id = metric.id
        if document.unavailable[id] == PushedDownMetrics.notComputedInDatabase.code { continue }
        compared += 1
        #expect(document.unavailable[id] == expected.unavailable[id], "\(id)", sourceLocation: sourceLocation)
        switch (document.metrics[id], expected.metrics[id]) {
        case (.number(let value)?, .number(let wanted)?):
            let tolerance = metric.unit == .money ? 0.005 : 1e-9 * max(1, abs(wanted))
            #expect(abs(value - wanted) <= tolerance, "\(id): \(value) vs \(wanted)", sourceLocation: sourceLocation)
        case (let value, let wanted):
            #expect(value == wanted, "\(id)", sourceLocation: sourceLocation)
        }
    }
    let numbers = MetricCatalogue.all.filter { document.metrics[$0.id]?.number != nil }.map(\.id)
    #expect(
        compared >= 100 && numbers.count >= 50, "the sales, Pareto and retention metrics are computed in the database",
        sourceLocation: sourceLocation)
    #expect(
        numbers.contains("retention.rate_12m") && numbers.contains("customers.median_purchase_interval_days"),
        sourceLocation: sourceLocation)
    #expect(document.metrics["quality.sales_after_as_of"]?.number ?? 0 > 0, sourceLocation: sourceLocation)
    #expect(document.metrics["pareto.top20_share"]?.number != nil, sourceLocation: sourceLocation)
    #expect(
        [
            "rfm.revenue_at_risk", "rfm.champions", "abc.customers.a_count", "abc.customers.c_revenue_share.all_history",
            "abc.products.a_count", "managers.top20_share", "managers.idle", "managers.margin_spread_12m", "channels.top_share",
            "campaigns.revenue_share", "channels.unknown_source_share",
        ]
        .allSatisfy(numbers.contains), "the RFM segments and the customers' ABC classes are computed in the database",
        sourceLocation: sourceLocation)
    expectSameTables(document, expected, sourceLocation: sourceLocation)
}

/// The RFM segments' table and the customers' ABC classes are the file path's: the same counts,
/// the money to the kopeck, the shares to 1e-9.
func expectSameTables(_ document: MetricDocument, _ expected: MetricDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    func same(_ value: Double?, _ wanted: Double?, _ tolerance: Double) -> Bool {
        guard let value, let wanted else { return value == nil && wanted == nil }
        return abs(value - wanted) <= tolerance
    }
    let segments = document.tables.rfmSegments, wantedSegments = expected.tables.rfmSegments
    #expect(segments.map(\.segment) == wantedSegments.map(\.segment) && !segments.isEmpty, sourceLocation: sourceLocation)
    for (row, wanted) in zip(segments, wantedSegments) {
        #expect(
            row.customers == wanted.customers && same(row.revenue, wanted.revenue, 0.005)
                && same(row.revenueLast12m, wanted.revenueLast12m, 0.005) && same(row.revenueShare, wanted.revenueShare, 1e-9),
            "\(row) vs \(wanted)", sourceLocation: sourceLocation)
    }
    for subject in ["customers", "managers", "products"] {
        let classes = document.tables.abc[subject] ?? [], wantedClasses = expected.tables.abc[subject] ?? []
        #expect(classes.count == 3 && wantedClasses.count == 3, "\(subject)", sourceLocation: sourceLocation)
        for (row, wanted) in zip(classes, wantedClasses) {
            #expect(
                row.count == wanted.count && same(row.revenue, wanted.revenue, 0.005)
                    && same(row.minRevenue, wanted.minRevenue, 0.005) && same(row.revenueShare, wanted.revenueShare, 1e-9),
                "\(subject): \(row) vs \(wanted)", sourceLocation: sourceLocation)
        }
    }
    // The managers', channels' and campaigns' tables, row for row.
    let managers = document.tables.managers, wantedManagers = expected.tables.managers
    #expect(managers.map(\.manager) == wantedManagers.map(\.manager) && managers.count >= 4, sourceLocation: sourceLocation)
    for (row, wanted) in zip(managers, wantedManagers) {
        #expect(
            row.orders == wanted.orders && row.customers == wanted.customers && row.idle == wanted.idle
                && row.lastSaleDate == wanted.lastSaleDate && same(row.revenue, wanted.revenue, 0.005)
                && same(row.revenueAllHistory, wanted.revenueAllHistory, 0.005) && same(row.margin, wanted.margin, 1e-9)
                && same(row.share, wanted.share, 1e-9),
            "\(row) vs \(wanted)", sourceLocation: sourceLocation)
    }
    let channels = document.tables.channels, wantedChannels = expected.tables.channels
    #expect(channels.map(\.channel) == wantedChannels.map(\.channel) && channels.count == 4, sourceLocation: sourceLocation)
    for (row, wanted) in zip(channels, wantedChannels) {
        #expect(
            row.orders == wanted.orders && row.customers == wanted.customers && same(row.revenue, wanted.revenue, 0.005),
            "\(row) vs \(wanted)", sourceLocation: sourceLocation)
    }
    let campaigns = document.tables.campaigns, wantedCampaigns = expected.tables.campaigns
    #expect(campaigns.map(\.campaign) == wantedCampaigns.map(\.campaign) && campaigns.count == 3, sourceLocation: sourceLocation)
    #expect(zip(campaigns, wantedCampaigns).allSatisfy { $0.orders == $1.orders && same($0.revenue, $1.revenue, 0.005) })
}

/// The database's monthly series and cohorts are the file path's, month for month.
func expectSameSeries(_ document: MetricDocument, _ expected: MetricDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let series = document.series, wanted = expected.series
    #expect(series.months == wanted.months && series.months.count >= 30, sourceLocation: sourceLocation)
    #expect(series.orders == wanted.orders && series.customers == wanted.customers, sourceLocation: sourceLocation)
    #expect(series.newCustomers == wanted.newCustomers && series.partial == wanted.partial, sourceLocation: sourceLocation)
    #expect(series.revenue.count == wanted.revenue.count, sourceLocation: sourceLocation)
    for (value, revenue) in zip(series.revenue, wanted.revenue) {
        #expect(abs(value - revenue) <= 0.005, "\(value) vs \(revenue)", sourceLocation: sourceLocation)
    }
    #expect(document.tables.cohorts == expected.tables.cohorts && !expected.tables.cohorts.isEmpty, sourceLocation: sourceLocation)
}

/// The database's Pareto curve is the file path's, point for point.
func expectSameCurve(_ curve: [Double], _ expected: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(curve.count == 101 && expected.count == 101, sourceLocation: sourceLocation)
    for (point, wanted) in zip(curve, expected) {
        #expect(abs(point - wanted) <= 1e-9, "\(point) vs \(wanted)", sourceLocation: sourceLocation)
    }
}

/// A throw-away PostgreSQL cluster started by `scripts/pg-cluster.sh` (Debian's postgresql).
struct PostgresCluster {
    let servers: ThrowAwayServers
    var url: String { servers.url }
    var password: String { servers.password }

    /// The running cluster; nil (the test passes without it) when PostgreSQL is not installed,
    /// unless the run demands every end-to-end tool (`CRM_AUDIT_REQUIRE_BINARY=1`, as CI does).
    static func start() throws -> PostgresCluster? {
        try ThrowAwayServers.start(
            script: "scripts/pg-cluster.sh", installed: FileManager.default.fileExists(atPath: "/usr/lib/postgresql"),
            install: "PostgreSQL is not installed: sudo apt-get install postgresql (scripts/setup-test-tools.sh does)"
        ).map(PostgresCluster.init)
    }

    func source(table: String, columns: [String: String] = [:]) throws -> DatabaseSource {
        try DatabaseSource(url: url, salesTable: table, columns: columns)
    }

    func stop() { servers.stop() }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
