import Analytics
import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Warehouse

/// ClickHouse's dialect and wire: quoted names, the HTTP query string, `TabSeparated` values.
@Suite struct ClickHouseWireTests {
    @Test func namesAndTextsAreQuotedForClickHouse() {
        #expect(ClickHouseSalesQueries.identifier("crm.sales") == "`crm`.`sales`")
        #expect(ClickHouseSalesQueries.identifier("we`ird") == "`we\\`ird`")
        #expect(ClickHouseSalesQueries.literal("O'Neil\\") == "'O\\'Neil\\\\'")
    }

    @Test func aClickHouseAddressTakesTheHTTPPortByDefault() throws {
        let source = try DatabaseSource(url: "clickhouse://audit@ch.example.ru/sales", salesTable: "sales_all")
        #expect(source.engine == .clickhouse && source.port == 8123 && source.database == "sales")
        #expect(source.url == "clickhouse://audit@ch.example.ru:8123/sales")
        #expect(throws: WarehouseError.passwordInURL) { try DatabaseSource(url: "clickhouse://a:b@c/d", salesTable: "s") }
    }

    @Test func queryTextIsPercentEncoded() {
        #expect(ClickHouseConnection.percentEncoded("SELECT 1 AS `я`&x=1") == "SELECT%201%20AS%20%60%D1%8F%60%26x%3D1")
    }

    @Test func tabSeparatedValuesAreUnescapedAndNullsKept() {
        let body = Array("1\t\\N\ta\\tb\\\\c\n2024-01-01\t\t\\N\n".utf8)
        #expect(ClickHouseConnection.tabSeparated(body) == [["1", nil, "a\tb\\c"], ["2024-01-01", "", nil]])
        #expect(ClickHouseConnection.tabSeparated([]) == [])
    }
}

/// The same sale lines in a file and in a ClickHouse table spread over two shards give the same
/// metrics, value for value: each shard aggregates its own lines.
@Suite(.serialized) struct ClickHousePushDownTests {
    @Test func aTwoShardTableGivesTheMetricsOfTheFileValueForValue() throws {
        guard let cluster = try ClickHouseCluster.start(shards: 2) else { return }
        defer { cluster.stop() }
        let lines = PostgresPushDownTests.lines()
        let asOf = Day(iso: "2026-11-30")!
        let file = try PostgresPushDownTests.fileAnalysis(lines, asOf: asOf)
        let expected = file.document

        // The lines in a Distributed table over both shards, under other column names and types
        // (a numeric customer code would be read as text; here the ids keep their spaces).
        for port in cluster.httpPorts {
            let shard = try ClickHouseConnection(cluster.source(table: "sales", port: port), password: cluster.password, readOnly: false)
            try shard.execute(
                "CREATE TABLE sales_local (client_code String, sold_on Date, total Decimal(14, 2), cost Nullable(Float64), "
                    + "order_id Nullable(String), seller Nullable(String), source Nullable(String), promo Nullable(String), "
                    + "item Nullable(String)) ENGINE = MergeTree ORDER BY (client_code, sold_on)")
            try shard.execute(
                "CREATE TABLE sales AS sales_local ENGINE = Distributed(crm_audit, default, sales_local, cityHash64(client_code))")
        }
        let writer = try ClickHouseConnection(cluster.source(table: "sales"), password: cluster.password, readOnly: false)
        var csv = ""
        for line in lines {
            csv += "\"\(line.customer)\",\(line.date.iso),\(line.amount),\(line.cost.map { String($0) } ?? "\\N"),\(line.order ?? "\\N"),"
            csv += [line.manager, line.channel, line.campaign, line.product].map { $0.map { "\"\($0)\"" } ?? "\\N" }.joined(separator: ",")
            csv += "\n"
        }
        // Written through the Distributed table, synchronously: every line is on its shard before the audit reads.
        try writer.execute("INSERT INTO sales FORMAT CSV", data: Array(csv.utf8), settings: ["insert_distributed_sync": "1"])
        for port in cluster.httpPorts {
            let shard = try ClickHouseConnection(cluster.source(table: "sales_local", port: port), password: cluster.password)
            let count = try shard.rows("SELECT count() FROM sales_local").first?.first ?? nil
            #expect(Int(count ?? "") ?? 0 > 100, "each shard holds part of the lines")
        }

        let source = try cluster.source(table: "sales", columns: PostgresPushDownTests.columns)
        let reader = try ClickHouseConnection(source, password: cluster.password)
        let result = try DatabaseAnalysis.analyse(source, on: reader, asOf: asOf)
        expectSameMetrics(result.document, expected)
        #expect(result.document.metrics["sales.rows"] == expected.metrics["sales.rows"])
        expectSameCurve(result.paretoCurve, file.paretoCurve)
        expectSameSeries(result.document, expected)
        #expect(result.bytesReceived < 64_000, "\(result.bytesReceived) bytes")

        // An account a DBA made read-only (its profile says `readonly=1`, so it may set nothing)
        // reads the same.
        var restricted = source
        restricted.user = "crm_audit_reader"
        let restrictedResult = try DatabaseAnalysis.analyse(
            restricted, on: ClickHouseConnection(restricted, password: cluster.password), asOf: asOf)
        #expect(restrictedResult.document == result.document)

        // Without as_of, the latest sale date (lines after the audit's day included).
        let latest = try DatabaseAnalysis.analyse(source, on: reader, asOf: nil)
        #expect(latest.document.asOf == lines.map(\.date).max())

        // The audit's connection reads and never writes; a statement past its limit stops.
        #expect(throws: WarehouseError.self) { try reader.rows("CREATE TABLE written (x UInt8) ENGINE = Memory") }
        let impatient = try ClickHouseConnection(source, password: cluster.password, timeout: .seconds(1))
        #expect(throws: WarehouseError.self) { try impatient.rows("SELECT sleep(2)") }
    }

    @Test func aWrongPasswordIsACleanErrorNamingTheServer() throws {
        guard let cluster = try ClickHouseCluster.start(shards: 1) else { return }
        defer { cluster.stop() }
        do {
            _ = try ClickHouseConnection(cluster.source(table: "sales"), password: "wrong")
            Issue.record("connected with a wrong password")
        } catch let error as WarehouseError {
            #expect(error.message(in: .en).contains("cannot connect to clickhouse://crm_audit@127.0.0.1"))
            #expect(error.message(in: .ru).contains("не удалось подключиться"))
        } catch {
            Issue.record("an untyped error: \(error)")
        }
        #expect(throws: WarehouseError.self) {
            try ClickHouseConnection(DatabaseSource(url: "clickhouse://crm_audit@127.0.0.1:1/default", salesTable: "s"), password: nil)
        }
    }
}

/// Throw-away ClickHouse servers started by `scripts/ch-cluster.sh` (Debian's clickhouse-server),
/// named as the shards of one cluster `crm_audit`.
struct ClickHouseCluster {
    let servers: ThrowAwayServers
    var url: String { servers.url }
    var password: String { servers.password }
    /// Each shard's HTTP port, the first one's in `url`.
    let httpPorts: [Int]

    /// The running servers; nil (the test passes without them) when ClickHouse is not installed,
    /// unless the run demands every end-to-end tool (`CRM_AUDIT_REQUIRE_BINARY=1`, as CI does).
    static func start(shards: Int) throws -> ClickHouseCluster? {
        let installed = ["/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"].contains {
            FileManager.default.fileExists(atPath: $0)
        }
        guard
            let servers = try ThrowAwayServers.start(
                script: "scripts/ch-cluster.sh", arguments: [String(shards)], installed: installed,
                install: "ClickHouse is not installed: sudo apt-get install clickhouse-server (scripts/setup-test-tools.sh does)")
        else { return nil }
        let ports = try (1...shards).map { shard in
            let line = try String(contentsOfFile: servers.file("shard\(shard)/ports"), encoding: .utf8)
            return line.split(separator: " ").first.flatMap { Int($0) } ?? 0
        }
        return ClickHouseCluster(servers: servers, httpPorts: ports)
    }

    func source(table: String, columns: [String: String] = [:], port: Int? = nil) throws -> DatabaseSource {
        var source = try DatabaseSource(url: url, salesTable: table, columns: columns)
        if let port { source.port = port }
        return source
    }

    func stop() { servers.stop() }
}
