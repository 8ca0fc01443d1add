import Analytics
import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Warehouse

/// A round whose sale lines stay in PostgreSQL or a two-shard ClickHouse (`crm-audit connect`) is
/// checked as the same company imported from files is: every metric and every finding comes out
/// the same. In PostgreSQL the customer list and the managers are tables too, read through the
/// importer; with ClickHouse they are files.
@Suite(.serialized) struct DatabaseRoundTests {
    /// The sample company's sale lines, as a client's database holds them: ISO dates, plain numbers.
    struct Line {
        var order, date, customer: String
        var amount, cost: String?
        var product, manager, channel, campaign: String
    }

    static func lines(of file: String) throws -> [Line] {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let fields = Self.fields(String(line))
            guard fields.count >= 9, let day = Self.day(fields[1]) else { throw CocoaError(.fileReadCorruptFile) }
            return Line(
                order: fields[0], date: day, customer: fields[2], amount: Self.number(fields[6]), cost: Self.number(fields[7]),
                product: fields[3], manager: fields[8], channel: fields.count > 9 ? fields[9] : "",
                campaign: fields.count > 10 ? fields[10] : "")
        }
    }

    @Test(arguments: ["postgresql", "clickhouse"])
    func aConnectedRoundGivesTheFindingsOfTheSameLinesFromFiles(engine: String) throws {
        guard CLI.isBuilt else { return }
        let folder = TemporaryDirectory("database-round")
        defer { folder.remove() }
        let data = folder.file("data")
        try expectSuccess(CLI.run(["sample-data", "--out", data, "--customers", "600", "--orders", "8000", "--seed", "7"]))
        // Two customers' lines name them as some exports do, by tax id and by name: the import
        // finds them in the customer list, and so must the database round.
        let listed = try String(contentsOfFile: data + "/customers.csv", encoding: .utf8).split(separator: "\n").dropFirst().prefix(2)
            .map { Self.fields(String($0)) }
        var export = try String(contentsOfFile: data + "/sales.csv", encoding: .utf8)
        let name = "\"" + listed[0][1].replacingOccurrences(of: "\"", with: "\"\"") + "\""
        export = export.replacingOccurrences(of: ";\(listed[0][0]);", with: ";\(name);")
            .replacingOccurrences(of: ";\(listed[1][0]);", with: ";\(listed[1][3]);")
        try export.write(toFile: data + "/sales.csv", atomically: true, encoding: .utf8)
        let lines = try Self.lines(of: data + "/sales.csv")
        #expect(lines.contains { $0.customer == listed[0][1] } && lines.contains { $0.customer == listed[1][3] })

        // The sale lines in a table under the export's own (Russian) column names: in PostgreSQL,
        // or in ClickHouse spread over two shards.
        let url: String, password: String
        var stop: () -> Void = {}
        defer { stop() }
        if engine == "postgresql" {
            guard let cluster = try PostgresCluster.start() else { return }
            (url, password, stop) = (cluster.url, cluster.password, cluster.stop)
            let writer = try PostgresConnection(cluster.source(table: "sales"), password: cluster.password, readOnly: false)
            _ = try writer.rows(
                "CREATE TABLE \"продажи\" (\"Номер заказа\" text, \"Дата\" date, \"Код клиента\" text, \"Сумма\" numeric(14,2), "
                    + "\"Себестоимость\" numeric(14,2), \"Товар\" text, \"Менеджер\" text, \"Канал\" text, \"Кампания\" text)")
            for chunk in stride(from: 0, to: lines.count, by: 1_000) {
                let values = lines.dropFirst(chunk).prefix(1_000).map { line in
                    "(\(writer.literal(line.order)), DATE '\(line.date)', \(writer.literal(line.customer)), \(line.amount ?? "NULL"), "
                        + "\(line.cost ?? "NULL"), "
                        + [line.product, line.manager, line.channel, line.campaign].map(writer.literal).joined(separator: ", ") + ")"
                }
                _ = try writer.rows("INSERT INTO \"продажи\" VALUES " + values.joined(separator: ", "))
            }
            // The customer list and the managers in tables of their own, under the export's
            // column names (the managers' dates as dates).
            for (kind, table) in [("customers", "клиенты"), ("managers", "сотрудники")] {
                let rows = try String(contentsOfFile: data + "/\(kind).csv", encoding: .utf8).split(separator: "\n")
                    .map { Self.fields(String($0)) }
                guard let header = rows.first else { continue }
                let columns = header.map { "\"\($0)\" " + ($0.hasPrefix("Дата ") && kind == "managers" ? "date" : "text") }
                _ = try writer.rows("CREATE TABLE \"\(table)\" (\(columns.joined(separator: ", ")))")
                let values = rows.dropFirst().map { row in
                    "(" + row.map { $0.isEmpty ? "NULL" : writer.literal(Self.day($0) ?? $0) }.joined(separator: ", ") + ")"
                }
                _ = try writer.rows("INSERT INTO \"\(table)\" VALUES " + values.joined(separator: ", "))
            }
        } else {
            guard let cluster = try ClickHouseCluster.start(shards: 2) else { return }
            (url, password, stop) = (cluster.url, cluster.password, cluster.stop)
            for port in cluster.httpPorts {
                let shard = try ClickHouseConnection(cluster.source(table: "t", port: port), password: cluster.password, readOnly: false)
                try shard.execute(
                    "CREATE TABLE `продажи_local` (`Номер заказа` String, `Дата` Date, `Код клиента` String, `Сумма` Nullable(Decimal(14, 2)), "
                        + "`Себестоимость` Nullable(Decimal(14, 2)), `Товар` String, `Менеджер` String, `Канал` String, `Кампания` String) ENGINE = MergeTree ORDER BY (`Код клиента`, `Дата`)"
                )
                try shard.execute(
                    "CREATE TABLE `продажи` AS `продажи_local` ENGINE = Distributed(crm_audit, default, `продажи_local`, cityHash64(`Код клиента`))"
                )
            }
            let writer = try ClickHouseConnection(cluster.source(table: "t"), password: cluster.password, readOnly: false)
            func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let csv = lines.map { (line: Line) -> String in
                let numbers: [String] = [line.amount ?? "\\N", line.cost ?? "\\N"]
                let names: [String] = [line.product, line.manager, line.channel, line.campaign].map(quoted)
                return ([quoted(line.order), line.date, quoted(line.customer)] + numbers + names)
                    .joined(separator: ",") + "\n"
            }.joined()
            try writer.execute("INSERT INTO `продажи` FORMAT CSV", data: Array(csv.utf8), settings: ["insert_distributed_sync": "1"])
        }
        let files = folder.file("files.crmaudit"), connected = folder.file("connected.crmaudit")
        let secret = ["CRM_AUDIT_DB_PASSWORD": password]
        for workspace in [files, connected] {
            try expectSuccess(CLI.run(["init", workspace, "--client", "Test", "--industry", "wholesale", "--date", "2026-11-30"]))
            for (kind, table) in [("customers", "клиенты"), ("managers", "сотрудники")] {
                if workspace == connected && engine == "postgresql" {
                    // Read from the client's tables, through the importer as an export is.
                    let read = try CLI.run(["import", workspace, url, "--table", table, "--as", kind], environment: secret)
                    try expectSuccess(read)
                    #expect(read.stdout.contains("of table \(table) from \(url)"), "\(read.stdout)")
                } else {
                    try expectSuccess(CLI.run(["import", workspace, data + "/\(kind).csv", "--as", kind]))
                }
            }
        }
        try expectSuccess(CLI.run(["import", files, data + "/sales.csv", "--as", "sales"]))
        // Sale lines never come in through a table import: they stay in the database.
        let refusedSales = try CLI.run(["import", connected, url, "--table", "продажи", "--as", "sales"], environment: secret)
        #expect(refusedSales.status != 0 && refusedSales.stderr.contains("connect"))
        let columns = [
            "customer_id=Код клиента", "date=Дата", "amount=Сумма", "cost=Себестоимость", "order_id=Номер заказа", "product=Товар",
            "manager=Менеджер", "channel=Канал", "campaign=Кампания",
        ].flatMap { ["--column", $0] }
        let connect = try CLI.run(["connect", connected, "--source", url, "--sales-table", "продажи"] + columns, environment: secret)
        try expectSuccess(connect)
        #expect(connect.stdout.contains("Round 1 reads its sale lines from \(url)"))

        // The password is nowhere in the workspace.
        let stored = try Data(contentsOf: URL(fileURLWithPath: connected))
        #expect(stored.range(of: Data(password.utf8)) == nil)

        let expected = try Self.findings(CLI.run(["check", files, "--format", "json"]))
        let checked = try CLI.run(["check", connected, "--format", "json"], environment: secret)
        try expectSuccess(checked)
        let found = try Self.findings(checked)
        #expect(found.count == expected.count)
        var same = 0
        for (id, status) in expected {
            guard let other = found[id] else {
                Issue.record("\(id) missing")
                continue
            }
            if other.status == status.status {
                same += 1
            } else {
                // Only a finding whose metric the database does not compute yet may differ, and it says so.
                #expect(other.status == "not_evaluable" && other.missing.contains("stayed in the client's database"), "\(id)")
            }
        }
        #expect(same == expected.count && expected.count > 100, "\(same) of \(expected.count) findings as from files")

        // Every metric of the catalogue is the files round's: money to the kopeck, the rest to 1e-9.
        let fromFiles = try Self.metrics(CLI.run(["metrics", files, "--format", "json"]))
        let fromDatabase = try Self.metrics(CLI.run(["metrics", connected, "--format", "json"], environment: secret))
        #expect(fromFiles.count > 180 && fromDatabase.count == fromFiles.count)
        for (id, wanted) in fromFiles {
            let value = fromDatabase[id] ?? nil
            switch (value, wanted) {
            case (let value as Double, let wanted as Double):
                #expect(abs(value - wanted) <= max(0.005, 1e-9 * abs(wanted)), "\(id): \(value) vs \(wanted)")
            default:
                #expect("\(value ?? "null")" == "\(wanted ?? "null")", "\(id)")
            }
        }

        // The records the findings show: the same customers in the same order, with the same
        // figures; the same lines (a table has no line order: they are compared as sets when all
        // of them fit). A record's line in its export (`source_line`) is not compared: a table's
        // rows have none of the file's.
        let filesStore = try Workspace.open(at: files), connectedStore = try Workspace.open(at: connected)
        let fileAnalysis = try Analytics.analyse(filesStore, round: filesStore.round())
        let connectedRound = try connectedStore.round()
        let source = try #require(try DatabaseRounds.source(of: connectedRound, in: connectedStore))
        let databaseAnalysis = try DatabaseRounds.analysis(
            connectedStore, round: connectedRound, source: source, asOf: nil, password: password, refresh: true)
        for set in DatabaseSamples.customerSets + [.customersWithoutSales, .managersIdle] {
            let found = databaseAnalysis.sample(set, limit: 100), wanted = fileAnalysis.sample(set, limit: 100)
            #expect(found.total == wanted.total && found.columns == wanted.columns, "\(set): \(found.total) vs \(wanted.total)")
            #expect(found.rows.count == wanted.rows.count, "\(set)")
            let line = wanted.columns.firstIndex(of: "source_line")
            for (row, wantedRow) in zip(found.rows, wanted.rows) {
                #expect(Self.sameRow(Self.dropping(line, row), Self.dropping(line, wantedRow)), "\(set): \(row) vs \(wantedRow)")
            }
        }
        #expect(fileAnalysis.sample(.customersAtRisk, limit: 100).total > 10 && fileAnalysis.sample(.customersTop, limit: 100).total > 100)
        for set in DatabaseSamples.lineSets {
            let found = databaseAnalysis.sample(set, limit: 100), wanted = fileAnalysis.sample(set, limit: 100)
            #expect(found.total == wanted.total, "\(set): \(found.total) vs \(wanted.total)")
            if wanted.total <= 100 {
                #expect(Set(found.rows.map { Array($0.dropFirst()) }) == Set(wanted.rows.map { Array($0.dropFirst()) }), "\(set)")
            }
        }

        // The per-item tables `export` writes: the per-customer rows read from the database in
        // pages (of 50 here, to turn several), row for row as from files.
        for table in ExportTable.allCases {
            let wanted = fileAnalysis.exportTable(table)
            let found = try DatabaseAnalysis.exportTable(
                table, source: source, on: source.connect(password: password), asOf: databaseAnalysis.asOfDay,
                local: Analytics.analyse(connectedStore, round: connectedRound, asOf: databaseAnalysis.asOfDay),
                managers: databaseAnalysis.document.tables.managers, pageSize: 50)
            #expect(
                found.columns == wanted.columns && found.rows.count == wanted.rows.count,
                "\(table): \(found.rows.count) vs \(wanted.rows.count)")
            #expect(![.rfm, .abc].contains(table) || wanted.rows.count > 100, "\(table)")
            for (row, wantedRow) in zip(found.rows, wanted.rows) {
                #expect(Self.sameRow(row, wantedRow), "\(table): \(row) vs \(wantedRow)")
            }
        }
        let exported = folder.file("rfm.csv")
        let exporting = try CLI.run(["export", connected, "rfm", "--out", exported], environment: secret)
        try expectSuccess(exporting)
        #expect(
            try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").count == fileAnalysis.exportTable(.rfm).rows.count
                + 1)

        // The buyers' portrait and the typical A customer: counted in the database per value.
        let portrait = databaseAnalysis.document.tables.portrait, wantedPortrait = fileAnalysis.document.tables.portrait
        #expect(portrait.map(\.field) == wantedPortrait.map(\.field) && wantedPortrait.count >= 4)
        for (field, wanted) in zip(portrait, wantedPortrait) {
            #expect(field.values.map(\.value) == wanted.values.map(\.value), "\(field.field)")
            for (value, wantedValue) in zip(field.values, wanted.values) {
                #expect(
                    value.customers == wantedValue.customers && value.buyers == wantedValue.buyers
                        && abs(value.revenue - wantedValue.revenue) <= 0.005
                        && abs((value.revenueShare ?? -1) - (wantedValue.revenueShare ?? -1)) <= 1e-9,
                    "\(field.field) \(value.value): \(value) vs \(wantedValue)")
            }
        }
        let typical = databaseAnalysis.document.tables.typicalACustomer, wantedTypical = fileAnalysis.document.tables.typicalACustomer
        #expect(typical.map(\.value) == wantedTypical.map(\.value) && !wantedTypical.isEmpty)
        #expect(zip(typical, wantedTypical).allSatisfy { abs($0.share - $1.share) <= 1e-9 })

        // The consultant's report is the files round's, line for line, but for the data sources
        // (the database and the table files instead of the export files) and the sentences that
        // say where the lines stayed.
        var reports: [String] = []
        for workspace in [files, connected] {
            let out = folder.file((workspace as NSString).lastPathComponent + ".md")
            try expectSuccess(
                CLI.run(
                    ["report", workspace, "--out", out, "--format", "md", "--lang", "en", "--audience", "consultant"], environment: secret))
            reports.append(try String(contentsOfFile: out, encoding: .utf8))
        }
        let fileLines = reports[0].split(separator: "\n").map(String.init),
            databaseLines = reports[1].split(separator: "\n").map(String.init)
        let onlyFiles = Set(fileLines).subtracting(databaseLines), onlyDatabase = Set(databaseLines).subtracting(fileLines)
        #expect(onlyFiles.allSatisfy { $0.contains(".csv |") }, "\(onlyFiles)")
        #expect(
            onlyDatabase.allSatisfy { $0.contains(".csv |") || $0.contains(source.engine.title) || $0.contains("client's database") },
            "\(onlyDatabase)")
        #expect(onlyDatabase.contains { $0.contains("Every check could be made") })

        // The report is written from the database round.
        let report = folder.file("report.html")
        try expectSuccess(CLI.run(["report", connected, "--out", report], environment: secret))
        #expect(FileManager.default.fileExists(atPath: report))

        // `check` and the report reuse the stored reading (no password needed, no load on the
        // database); `metrics` reads the database again, and without the password says what is wrong.
        try expectSuccess(CLI.run(["check", connected, "--format", "json"]))
        let refused = try CLI.run(["metrics", connected])
        #expect(refused.status != 0 && refused.stderr.contains("cannot connect to \(url)"))
        // Sale lines come from one place.
        let twice = try CLI.run(["import", connected, data + "/sales.csv", "--as", "sales"])
        #expect(twice.status != 0 && twice.stderr.contains("reads its sale lines from the client's database"))
        let already = try CLI.run(["connect", files, "--source", url, "--sales-table", "продажи"] + columns, environment: secret)
        #expect(already.status != 0 && already.stderr.contains("already has sales imported"))
        // A column that is not there is named.
        let missing = try CLI.run(["connect", connected, "--source", url, "--sales-table", "продажи"], environment: secret)
        #expect(missing.status != 0 && missing.stderr.contains("has no columns 'customer_id', 'date', 'amount'"), "\(missing.stderr)")
    }

    private func expectSuccess(_ run: CLI.Run, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        if run.status != 0 { throw CocoaError(.executableLoad) }
    }

    /// Two sample rows hold the same values: numbers to 1e-9 (sums made in another order), the rest exactly.
    static func sameRow(_ row: [String?], _ wanted: [String?]) -> Bool {
        row.count == wanted.count
            && zip(row, wanted).allSatisfy { value, wanted in
                if value == wanted { return true }
                guard let value, let wanted, let a = Double(value), let b = Double(wanted) else { return false }
                return abs(a - b) <= 1e-9 * max(1, abs(b))
            }
    }

    /// `row` without its value in column `index`.
    static func dropping(_ index: Int?, _ row: [String?]) -> [String?] {
        guard let index, row.indices.contains(index) else { return row }
        var copy = row
        copy.remove(at: index)
        return copy
    }

    /// The metric document's values by id (nil for null).
    private static func metrics(_ run: CLI.Run) throws -> [String: Any?] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let metrics = object?["metrics"] as? [String: Any] ?? [:]
        return metrics.mapValues { $0 is NSNull ? nil : $0 }
    }

    /// Each finding's status and what it says is missing, by rule id.
    private static func findings(_ run: CLI.Run) throws -> [String: (status: String, missing: String)] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return Dictionary(
            findings.compactMap { finding in
                guard let id = finding["id"] as? String, let status = finding["status"] as? String else { return nil }
                let missing = (finding["missing"] as? [String])?.joined(separator: " ") ?? ""
                return (id, (status, missing))
            }, uniquingKeysWith: { first, _ in first })
    }

    /// The fields of a `;`-separated line, quotes undone (`""` inside quotes is a quote).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "\"" where quoted && index < characters.count && characters[index] == "\"":
                field.append("\"")
                index += 1
            case "\"" where quoted: quoted = false
            case "\"" where field.isEmpty: quoted = true
            case ";" where !quoted:
                fields.append(field)
                field = ""
            default: field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// `3 060,00` → `3060.00`; nil for an empty field.
    static func number(_ text: String) -> String? {
        let plain = text.filter { !$0.isWhitespace }.replacingOccurrences(of: ",", with: ".")
        return plain.isEmpty ? nil : plain
    }

    /// `19.10.2025` → `2025-10-19`.
    static func day(_ text: String) -> String? {
        let parts = text.split(separator: ".")
        return parts.count == 3 ? "\(parts[2])-\(parts[1])-\(parts[0])" : nil
    }
}
