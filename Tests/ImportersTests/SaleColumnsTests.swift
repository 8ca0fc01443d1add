import AuditModel
import Foundation
import GRDB
import TestSupport
import Testing
import Workspace

@testable import Importers

/// Every sales import writes a columnar copy of its lines beside the `sale` rows; whatever the
/// file's format, the copy must say line for line what the rows say.
@Suite struct SaleColumnsTests {
    /// (fixture, sheet, mapping file) of each kind of sales file the importer reads.
    static let files: [(String, String?, String?)] = [
        ("excel_1251.csv", nil, nil), ("openpyxl_sales.xlsx", nil, nil), ("xlsxwriter_sales.xlsx", "Данные", nil),
        ("xlsxwriter_1904.xlsx", nil, nil), ("1c_sales.xml", nil, "1c_sales.mapping.yaml"),
    ]

    @Test(arguments: files.indices)
    func theCopyAgreesWithTheRows(file: Int) throws {
        let (name, sheet, mapping) = Self.files[file]
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        var options = ImportOptions(kind: .sales)
        options.sheet = sheet
        if let mapping { options.mapping = try MappingFile.load(path: try fixture(mapping), kind: .sales) }
        let report = try Importer.importFile(try fixture(name), into: workspace, round: try workspace.round(), options: options)
        let round = try workspace.round()
        let copy = try #require(try workspace.read { db in try SaleColumns.load(round: round.id, in: db) }?.first)
        let rows = try workspace.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT customer_id, date, amount, cost, order_id, product, manager, channel, campaign, source_line
                    FROM sale ORDER BY row_id
                    """)
        }
        #expect(copy.count == rows.count && rows.count == report.rowsStored && !rows.isEmpty)
        func value(_ dictionary: Interner, _ key: Int32) -> String? { key < 0 ? nil : dictionary.name(Int(key)) }
        func text(_ row: Row, _ column: String) -> String? {
            let value: String? = row[column]
            let trimmed = value?.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            return trimmed?.isEmpty == false ? trimmed : nil
        }
        for (line, row) in rows.enumerated() {
            #expect(value(copy.customerIDs, copy.lines.customer[line]) == text(row, "customer_id") ?? "")
            #expect(Day(ordinal: Int(copy.lines.day[line])).iso == row["date"] as String)
            #expect(copy.lines.amount[line] == row["amount"] as Double)
            let cost: Double? = row["cost"]
            #expect(copy.lines.cost[line].isNaN ? cost == nil : copy.lines.cost[line] == cost)
            #expect(value(copy.orderIDs, copy.lines.order[line]) == text(row, "order_id"))
            #expect(value(copy.products, copy.lines.product[line]) == text(row, "product"))
            #expect(value(copy.managers, copy.lines.manager[line]) == text(row, "manager"))
            #expect(value(copy.channels, copy.lines.channel[line]) == text(row, "channel"))
            #expect(value(copy.campaigns, copy.lines.campaign[line]) == text(row, "campaign"))
            #expect(Int(copy.lines.sourceLine[line]) == row["source_line"] as Int)
        }
    }

    /// 1C's sales reports print the counterparty's name where the customer list has its code.
    @Test func salesThatNameTheirCustomersInsteadOfCodingThemAreRecognised() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let customers = try directory.write(
            """
            Код;Наименование
            К-1;ООО «Ромашка»
            К-2;ИП Петров
            К-3;АО Вектор
            """, to: "customers.csv")
        let sales = try directory.write(
            """
            Дата;Контрагент;Сумма
            01.10.2026;ООО «Ромашка»;100
            02.10.2026;ип  петров;200
            03.10.2026;К-3;300
            04.10.2026;Неизвестный;50
            """, to: "sales.csv")
        _ = try Importer.importFile(customers, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .customers))
        let report = try Importer.importFile(sales, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        let unknown = try #require(report.unknownCustomers)
        #expect(unknown.rows == 3 && unknown.distinctCustomers == 3)
        #expect(unknown.matchingNames == 2)
    }

    @Test func otherKindsOfDataHaveNoCopy() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        _ = try Importer.importFile(
            try fixture("excel_1251.csv"), into: workspace, round: try workspace.round(),
            options: ImportOptions(kind: .customers))
        let copies = try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sale_columns") }
        #expect(copies == 0)
    }
}
