import AuditModel
import Foundation
import GRDB
import Importers
import TestSupport
import Testing
import Workspace

@testable import Analytics

/// The importer writes a columnar copy of each sales dataset beside its rows; the analytics reads
/// the copy. These tests hold the two readings to the same results, and check that a copy which
/// no longer matches its rows (rows added, deleted or edited by hand), or is damaged, is not used.
@Suite struct ColumnarCopyTests {
    /// Two sales files of one round sharing orders and customers, with the quirks of real
    /// exports: blank order ids, costs and managers, padded values, a return, an unknown customer.
    static let quirkySales = [
        """
        order_id;customer_id;date;amount;cost;product;manager;channel;campaign
        A-1;C1;2025-01-10;1000;600;Pipe;Anna;web;spring
        A-1;C1;2025-01-10;500;;Valve;Anna;web;spring
        ;C2;2025-02-01;300;100;Pipe;;shop;
        A-2; C3 ;2025-03-05;-50;;Pipe;Boris;;
        A-3;X9;2025-04-01;70;20;Tap;Boris;web;autumn
        """,
        """
        order_id;customer_id;date;amount;cost;product;manager;channel;campaign
        A-2;C3;2025-03-05;400;250;Valve;Boris;;
        B-1;C1;2025-05-20;900;;Tap;Vera;email;autumn
        ;C4;2025-06-01;0;;;;;
        B-2;X8;2025-06-02;120;60;Pipe;Anna;shop;
        """,
    ]

    static let quirkyCustomers = """
        customer_id;name;email;phone
        C1;Альфа;a@alpha.ru;+7 912 000-00-01
        C2;Бета;beta@beta.ru;
        C3;Гамма;;8-912-345-67-89
        C4;Дельта;;
        """

    /// Imports the files into a new workspace; returns it with the directory to remove.
    static func imported(customers: String, sales: [String]) throws -> (Workspace, TemporaryDirectory, [ImportReport]) {
        let (workspace, directory) = try makeTestWorkspace()
        let round = try workspace.round()
        _ = try Importer.importFile(
            try directory.write(customers, to: "customers.csv"), into: workspace, round: round,
            options: ImportOptions(kind: .customers))
        var reports: [ImportReport] = []
        for (index, text) in sales.enumerated() {
            let path = try directory.write(text, to: "sales-\(index + 1).csv")
            reports.append(try Importer.importFile(path, into: workspace, round: round, options: ImportOptions(kind: .sales)))
        }
        return (workspace, directory, reports)
    }

    /// Everything the analysis gives: the metric document, every sample set and export table.
    static func everything(_ workspace: Workspace, asOf: Day? = nil) throws -> String {
        let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: asOf)
        var text = try analysis.document.jsonString(pretty: true)
        for set in SampleSet.allCases { text += "\n\(analysis.sample(set, limit: 1_000))" }
        for table in ExportTable.allCases { text += "\n" + analysis.exportTable(table).csv() }
        return text
    }

    static func copies(_ workspace: Workspace) throws -> [SaleColumns]? {
        let round = try workspace.round()
        return try workspace.read { db in try SaleColumns.load(round: round.id, in: db) }
    }

    static func dropCopies(_ workspace: Workspace) throws {
        try workspace.write { db in try db.execute(sql: "DELETE FROM sale_columns") }
    }

    @Test func importingSalesWritesACopyLineForLineWithTheRows() throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        let copies = try #require(try Self.copies(workspace))
        #expect(copies.map(\.count) == [5, 4])
        let first = copies[0]
        #expect((0..<first.count).map { first.customerIDs.name(Int(first.lines.customer[$0])) } == ["C1", "C1", "C2", "C3", "X9"])
        #expect(first.lines.order.map { $0 < 0 ? nil : first.orderIDs.name(Int($0)) } == ["A-1", "A-1", nil, "A-2", "A-3"])
        #expect(first.lines.amount == [1000, 500, 300, -50, 70])
        #expect(first.lines.cost.map { $0.isNaN ? nil : $0 } == [600, nil, 100, nil, 20])
        #expect(
            first.lines.day.map { Day(ordinal: Int($0)).iso } == ["2025-01-10", "2025-01-10", "2025-02-01", "2025-03-05", "2025-04-01"])
        #expect(first.lines.manager.map { $0 < 0 ? nil : first.managers.name(Int($0)) } == ["Anna", "Anna", nil, "Boris", "Boris"])
        #expect(first.lines.sourceLine == [2, 3, 4, 5, 6])
    }

    @Test func theCopyAndTheRowsGiveTheSameAnalysis() throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        #expect(try Self.copies(workspace) != nil)
        let fromCopies = try Self.everything(workspace)
        try Self.dropCopies(workspace)
        #expect(try Self.copies(workspace) == nil)
        let fromRows = try Self.everything(workspace)
        #expect(fromCopies == fromRows)
        // Revenue of both files, the return included: 1000 + 500 + 300 − 50 + 70 + 400 + 900 + 0 + 120.
        let analysis = try Analytics.analyse(workspace, round: try workspace.round())
        #expect(close(analysis.document.metrics["sales.revenue.all_history"] ?? .null, 3_240))
        // A-1, A-2 (in both files), A-3, B-1, B-2, and the two lines without an order id.
        #expect(close(analysis.document.metrics["sales.orders.all_history"] ?? .null, 7))
    }

    @Test func theExampleCompanyGivesTheSameAnalysisEitherWay() throws {
        let example = repositoryPath("examples/technosnab")
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        for kind in [DatasetKind.customers, .sales, .managers] {
            _ = try Importer.importFile(
                "\(example)/\(kind.rawValue).csv", into: workspace, round: try workspace.round(),
                options: ImportOptions(kind: kind))
        }
        let asOf = Day(iso: "2026-11-29")
        let fromCopies = try Self.everything(workspace, asOf: asOf)
        try Self.dropCopies(workspace)
        #expect(try Self.everything(workspace, asOf: asOf) == fromCopies)
    }

    @Test func aCopyThatNoLongerMatchesItsRowsIsNotUsed() throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        // Someone deletes the 900 line with sqlite3: the copy still holds it, the rows do not.
        try workspace.write { db in try db.execute(sql: "DELETE FROM sale WHERE amount = 900") }
        #expect(try Self.copies(workspace) == nil)
        let analysis = try Analytics.analyse(workspace, round: try workspace.round())
        #expect(close(analysis.document.metrics["sales.revenue.all_history"] ?? .null, 2_340))
    }

    @Test func aSaleRowAddedByHandIsNotMissed() throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        try workspace.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sale(round_id, dataset_id, source_line, customer_id, date, amount)
                    SELECT round_id, dataset_id, 99, 'C2', '2025-06-03', 1000 FROM sale WHERE amount = 900
                    """)
        }
        #expect(try Self.copies(workspace) == nil)
        let analysis = try Analytics.analyse(workspace, round: try workspace.round())
        #expect(close(analysis.document.metrics["sales.revenue.all_history"] ?? .null, 4_240))
    }

    @Test func aSaleRowEditedByHandDropsItsCopy() throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        try workspace.write { db in try db.execute(sql: "UPDATE sale SET amount = 1000 WHERE amount = 900") }
        #expect(try Self.copies(workspace) == nil)
        let stored = try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sale_columns") }
        #expect(stored == 1)  // the other file's copy stays
        let analysis = try Analytics.analyse(workspace, round: try workspace.round())
        #expect(close(analysis.document.metrics["sales.revenue.all_history"] ?? .null, 3_340))
    }

    @Test(arguments: ["amount", "customer", "customer_ids_starts", "order_key"])
    func aDamagedCopyIsNotUsed(column: String) throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        let expected = try Self.everything(workspace)
        // A blob cut short, or (order keys) of the right size but pointing past their dictionary.
        try workspace.write { db in
            for row in try Row.fetchAll(db, sql: "SELECT dataset_id, line_count FROM sale_columns") {
                let lines: Int = row["line_count"]
                let damage = column == "order_key" ? Data(repeating: 0x66, count: lines * 4) : Data([1, 2])
                try db.execute(sql: "UPDATE sale_columns SET \(column) = ? WHERE dataset_id = ?", arguments: [damage, row["dataset_id"]])
            }
        }
        #expect(try Self.copies(workspace) == nil)
        #expect(try Self.everything(workspace) == expected)
    }

    @Test(arguments: [("amount", Double.infinity), ("amount", Double.nan), ("amount", 1e300), ("cost", -Double.infinity), ("cost", 1e16)])
    func aCopyHoldingAnAmountNoImportStoresIsNotUsedAndTheRowsAreRead(column: String, value: Double) throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        let expected = try Self.everything(workspace)
        try workspace.write { db in
            for row in try Row.fetchAll(db, sql: "SELECT dataset_id, line_count FROM sale_columns") {
                let lines: Int = row["line_count"]
                var values = [Double](repeating: 1, count: lines)
                values[lines - 1] = value
                let blob = values.withUnsafeBytes { Data($0) }
                try db.execute(sql: "UPDATE sale_columns SET \(column) = ? WHERE dataset_id = ?", arguments: [blob, row["dataset_id"]])
            }
        }
        #expect(try Self.copies(workspace) == nil)
        #expect(try Self.everything(workspace) == expected)
    }

    @Test func replacingADatasetReplacesItsCopy() throws {
        let (workspace, directory, _) = try Self.imported(customers: Self.quirkyCustomers, sales: [Self.quirkySales[0]])
        defer { directory.remove() }
        var options = ImportOptions(kind: .sales)
        options.replace = true
        _ = try Importer.importFile(directory.file("sales-1.csv"), into: workspace, round: try workspace.round(), options: options)
        let stored = try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sale_columns") }
        #expect(stored == 1)
        #expect(try Self.copies(workspace)?.map(\.count) == [5])
    }

    @Test func salesOfCustomersMissingFromTheListAreCountedFromTheCopy() throws {
        let (_, directory, reports) = try Self.imported(customers: Self.quirkyCustomers, sales: Self.quirkySales)
        defer { directory.remove() }
        // File 1: X9's 70 of 1820. File 2: X8's 120 of 1420.
        let unknown = reports.compactMap(\.unknownCustomers)
        #expect(unknown.map(\.rows) == [1, 1])
        #expect(unknown.map(\.distinctCustomers) == [1, 1])
        #expect(unknown.map(\.amount) == [70, 120])
        #expect(unknown.map(\.totalAmount) == [1_820, 1_420])
    }
}
