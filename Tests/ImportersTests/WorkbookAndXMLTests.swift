import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

@Suite struct XLSXTests {
    @Test func anOpenpyxlWorkbookWithATitleBlockImports() throws {
        let report = try Importer.dryRun(try fixture("openpyxl_sales.xlsx"), options: ImportOptions(kind: .sales))
        #expect(report.format == "xlsx")
        #expect(report.mapping.headerLine == 4)
        #expect(report.rowsRead == 4 && report.rowsRejected == 0)
        func column(_ field: String) -> [String] { report.preview.map { row in row.first { $0.field == field }?.value ?? "-" } }
        #expect(column("date") == ["2026-11-02", "2026-11-03", "2026-02-28", "2026-11-20"])
        #expect(column("amount") == ["12345.6", "990.5", "-150", "300"])
        #expect(column("cost") == ["9000", "", "-100", "200"])
        #expect(column("product") == ["Кабель ВВГ 3×2,5", "Fitting & <tag> Müller", "", "Труба PP-R 20"])
        #expect(report.notes.first?.en == "sheet 'Отчёт о продажах' of 2")
    }

    @Test func sheetsAreChosenByNameOrNumber() throws {
        var options = ImportOptions(kind: .customers)
        options.sheet = "клиенты"
        let byName = try Importer.dryRun(try fixture("openpyxl_sales.xlsx"), options: options)
        options.sheet = "2"
        let byNumber = try Importer.dryRun(try fixture("openpyxl_sales.xlsx"), options: options)
        #expect(byName.preview.map { $0.map(\.value) } == byNumber.preview.map { $0.map(\.value) })
        // Numbers stored as numbers come back as their digits; booleans as 0/1; date cells as days.
        #expect(
            byName.preview.first?.map { "\($0.field)=\($0.value)" } == [
                "customer_id=К-001", "name=ООО «Ромашка»", "tax_id=7701234567", "phone=79121234567", "birth_date=", "email_consent=1",
            ])
        #expect(byName.preview.last?.first { $0.field == "birth_date" }?.value == "1980-05-17")
        options.sheet = "Итоги 2025"
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(try fixture("openpyxl_sales.xlsx"), options: options) }
        #expect(
            error
                == .sheetNotFound(
                    path: try fixture("openpyxl_sales.xlsx"), requested: "Итоги 2025", available: ["Отчёт о продажах", "Клиенты"]))
    }

    @Test func anXlsxwriterWorkbookWithInlineStringsAndCachedFormulas() throws {
        var options = ImportOptions(kind: .sales)
        options.sheet = "Данные"
        let report = try Importer.dryRun(try fixture("xlsxwriter_sales.xlsx"), options: options)
        #expect(report.rowsRead == 3 && report.rowsRejected == 0)
        #expect(report.preview.map { row in row.first { $0.field == "date" }?.value } == ["2024-01-31", "1900-03-01", "2026-11-20"])
        #expect(report.preview.map { row in row.first { $0.field == "amount" }?.value } == ["100.25", "200", "350"])
        #expect(report.mapping.ignored == ["Paid"])
    }

    @Test func the1904DateSystemIsHonoured() throws {
        let report = try Importer.dryRun(try fixture("xlsxwriter_1904.xlsx"), options: ImportOptions(kind: .sales))
        #expect(report.preview.first?.first { $0.field == "date" }?.value == "2026-11-20")
        #expect(report.notes.first?.en.contains("1904") == true)
    }

    @Test func theSheetWhoseHeaderMapsIsReadWhenTheFirstHasNone() throws {
        // xlsxwriter_sales.xlsx opens on its summary sheet, which has no sales columns.
        let report = try Importer.dryRun(try fixture("xlsxwriter_sales.xlsx"), options: ImportOptions(kind: .sales))
        #expect(report.notes.first?.en.hasPrefix("sheet 'Данные' of 2") == true)
        #expect(report.rowsRead == 3)
    }

    @Test func aWorkbookWithoutAMatchingSheetListsItsSheetsAndWhatTheyHold() throws {
        let error = try #require(throws: ImportError.self) {
            try Importer.dryRun(try fixture("xlsxwriter_sales.xlsx"), options: ImportOptions(kind: .managers))
        }
        guard case .malformed(_, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(text.en.contains("no sheet of the workbook (2) has a header row for managers"))
        #expect(
            text.en.contains("'Сводка' — row 1: Итоги")
                && text.en.contains("'Данные' — row 1: Order date | Order ID | Customer ID | Product"))
        #expect(text.ru.contains("--sheet"))
    }

    @Test(arguments: ["not_a_workbook.xlsx", "truncated.xlsx", "zip_without_workbook.xlsx"])
    func damagedWorkbooksAreReportedNotCrashedOn(name: String) throws {
        let path = try fixture(name)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
        guard case .malformed(let location, let text) = error else {
            Issue.record("\(name): \(error)")
            return
        }
        #expect(location.file == path)
        #expect(!text.ru.isEmpty && !text.en.isEmpty)
    }

    @Test func cellReferencesBecomeColumnIndexes() {
        #expect(XLSXRowSource.columnIndex("A1") == 0)
        #expect(XLSXRowSource.columnIndex("Z9") == 25)
        #expect(XLSXRowSource.columnIndex("AA10") == 26)
        #expect(XLSXRowSource.columnIndex("XFD1048576") == 16_383)
        #expect(XLSXRowSource.columnIndex("12") == nil)
    }

    @Test(arguments: [
        ("dd.mm.yyyy", true), ("yyyy-mm-dd h:mm", true), ("[$-419]d mmmm yyyy", true), ("#,##0.00", false),
        ("General", false), ("0%", false), ("\"day\" 0", false), ("h:mm:ss", false), ("ДД.ММ.ГГГГ", true),
    ])
    func dateFormatsAreRecognised(code: String, isDate: Bool) {
        #expect(XLSXWorkbook.isDateFormat(code) == isDate)
    }
}

@Suite struct XMLTests {
    @Test func a1CExportImportsThroughItsMappingFile() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        var options = ImportOptions(kind: .sales)
        options.mapping = try MappingFile.load(path: try fixture("1c_sales.mapping.yaml"), kind: .sales)
        let report = try Importer.importFile(try fixture("1c_sales.xml"), into: workspace, round: try workspace.round(), options: options)
        #expect(report.format == "xml" && report.rowsStored == 3)
        let stored = try rows(workspace, "SELECT order_id, customer_id, date, amount, manager, source_line FROM sale ORDER BY row_id")
        #expect(stored.map { $0["order_id"] } == ["ТСН-000001", "ТСН-000002", "ТСН-000003"])
        #expect(stored.map { $0["customer_id"] } == ["ТС-000001", "ТС-000002", "ТС-000001"])
        #expect(stored.map { $0["amount"] } == ["12345.6", "990.5", "1000.0"])
        #expect(stored.map { $0["manager"] } == ["Соколов Андрей", nil, "Морозова Елена"])
        #expect(stored.map { $0["source_line"] } == ["4", "9", "14"])
    }

    @Test func flatXMLRecordsAndNamesAreFoundWithoutAMapping() throws {
        let report = try Importer.dryRun(try fixture("customers_flat.xml"), options: ImportOptions(kind: .customers))
        #expect(report.notes.first?.en.contains("/customers/customer") == true)
        #expect(
            report.preview.map { $0.map { "\($0.field)=\($0.value)" } } == [
                ["customer_id=C-1", "name=Acme & Co", "email=info@acme.example", "city=Berlin"],
                ["customer_id=C-2", "name=Müller GmbH", "email=", "city=Wien"],
            ])
    }

    @Test(arguments: ["xxe.xml", "billion_laughs.xml", "param_entities.xml"])
    func entityAttacksAreRefusedBeforeAnythingIsExpanded(name: String) throws {
        let path = try fixture(name)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .customers)) }
        guard case .unsafeXML(let location, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(location.file == path && location.line == 2)
        #expect(text.en.contains("DOCTYPE"))
    }

    @Test(arguments: ["xxe.xml", "billion_laughs.xml", "param_entities.xml"])
    func libxml2ItselfRefusesThemWithoutThePrologScan(name: String) throws {
        // The second line of defence: the reader never substitutes entities or loads DTDs.
        let stream = try XMLStream(path: try fixture(name), checkProlog: false)
        var texts: [String] = []
        let error = try #require(throws: ImportError.self) {
            while try stream.read() {
                if stream.kind == .text { texts.append(stream.value) }
            }
        }
        switch error {
        case .unsafeXML, .malformed: break
        default: Issue.record("\(error)")
        }
        #expect(!texts.joined().contains("root:"))
        #expect(texts.joined().count < 1_000)
    }

    @Test func brokenXMLNamesItsLine() throws {
        let path = try fixture("broken.xml")
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .customers)) }
        guard case .malformed(let location, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(location.file == path && location.line == 4)
        #expect(text.en.hasPrefix("malformed XML"))
    }
}
