import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

@Suite struct ImportTests {
    @Test func aRussianExcelExportImportsWithoutHandEditing() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let report = try Importer.importFile(
            try fixture("excel_1251.csv"), into: workspace, round: try workspace.round(),
            options: ImportOptions(kind: .sales))
        #expect(report.mapping.headerLine == 3)
        #expect(report.mapping.assignments.map(\.field) == ["customer_id", "date", "amount", "cost", "quantity"])
        #expect(report.notes.first?.en.contains("windows-1251 (detected)") == true)
        #expect(report.rowsRead == 3 && report.rowsStored == 3 && report.rowsRejected == 0)
        let stored = try rows(workspace, "SELECT customer_id, date, amount, cost, quantity, source_line FROM sale ORDER BY row_id")
        #expect(
            stored == [
                [
                    "customer_id": "ООО \"Ромашка\"", "date": "2026-11-01", "amount": "12345.6", "cost": "9000.0", "quantity": "10.0",
                    "source_line": "4",
                ],
                [
                    "customer_id": "ИП Петров", "date": "2026-11-02", "amount": "-1500.0", "cost": "-1000.0", "quantity": "1.0",
                    "source_line": "5",
                ],
                [
                    "customer_id": "Сидоров; С.", "date": "2026-11-03", "amount": "1234567.89", "cost": "0.0", "quantity": "2.0",
                    "source_line": "6",
                ],
            ])
        let dataset = try #require(try workspace.datasets(round: try workspace.round()).first)
        #expect(dataset.kind == .sales && dataset.format == "csv" && dataset.rowsStored == 3)
        // As `sha256sum` prints it.
        #expect(dataset.sha256 == "b056ecc0655a4ae49afd9ab325449a06a3a5e5b8328240fd11143e1076e4b3b9")
        #expect(dataset.mapping?.contains("\"amount\":\"Сумма, руб.\"") == true)
    }

    @Test func excelUnicodeTextIsReadAsUTF16() throws {
        let report = try Importer.dryRun(try fixture("excel_unicode.txt"), options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 1 && report.rowsRejected == 0)
        #expect(report.preview.first?.first { $0.field == "amount" }?.value == "12345.6")
    }

    @Test func anyBadRowStoresNothingAndListsTheProblemsWithTheirPlaces() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(
            """
            Дата;Клиент;Сумма
            01.11.2026;A;100
            31.11.2026;B;200
            02.11.2026;;12 34,5,6
            03.11.2026;D;300
            """, to: "sales.csv")
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        guard case .badRows(_, let problems, let total, let read) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(total == 2 && read == 4)
        #expect(
            problems.map(\.location) == [
                SourceLocation(file: path, line: 3, column: 1), SourceLocation(file: path, line: 4, column: 2),
                SourceLocation(file: path, line: 4, column: 3),
            ])
        #expect(
            problems[0].formatted(in: .en)
                == "\(path):3:1: error: cannot be read as a date (expected dd.mm.yyyy, yyyy-mm-dd or dd/mm/yyyy) (column 'Дата', → date, value \"31.11.2026\")"
        )
        #expect(problems[2].formatted(in: .ru).contains("не читается как число"))
        #expect(error.message(in: .en).contains("nothing was stored"))
        #expect(try rows(workspace, "SELECT * FROM sale").isEmpty)
        #expect(try workspace.datasets(round: try workspace.round()).isEmpty)
        #expect(try writerEnforcesForeignKeys(workspace))
    }

    @Test func skippingBadRowsStoresTheRestAndWritesAPrivateRejectsFile() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(
            "Дата;Клиент;Сумма\n01.11.2026;A;100\nвчера;B;200\n03.11.2026;C;\"1;5\"\n04.11.2026;D;400\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsRead == 4 && report.rowsStored == 2 && report.rowsRejected == 2)
        let rejects = try #require(report.rejectsFile)
        #expect(rejects == directory.file("sales.rejects.csv"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: rejects))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Строка / line;Причина / reason;Дата;Клиент;Сумма\r\n"))
        #expect(text.contains("3;Дата: не читается как дата"))
        #expect(text.contains("4;Сумма: не читается как число") && text.contains("\"1;5\""))
        let mode = (try FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        #expect(mode & 0o077 == 0)
        #expect(try rows(workspace, "SELECT customer_id FROM sale ORDER BY row_id").map { $0["customer_id"] } == ["A", "D"])
        #expect(try workspace.datasets(round: try workspace.round()).first?.rowsRejected == 2)
    }

    @Test func theSameFileIsRefusedInTheSameRoundUnlessReplaced() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write("Код;Наименование\n1;A\n2;B\n", to: "customers.csv")
        let round = try workspace.round()
        _ = try Importer.importFile(path, into: workspace, round: round, options: ImportOptions(kind: .customers))
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(path, into: workspace, round: round, options: ImportOptions(kind: .customers))
        }
        guard case .alreadyImported(_, _, let previous, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(previous == "customers.csv")
        #expect(try rows(workspace, "SELECT * FROM customer").count == 2)
        var options = ImportOptions(kind: .customers)
        options.replace = true
        let report = try Importer.importFile(path, into: workspace, round: round, options: options)
        #expect(report.replacedDataset)
        #expect(try writerEnforcesForeignKeys(workspace))
        #expect(try rows(workspace, "SELECT * FROM customer").count == 2)
        #expect(try workspace.datasets(round: round).count == 1)
    }

    @Test func aDryRunShowsTheMappingAndRowsAndWritesNothing() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write("Order ID,Customer,Date,Amount,Notes\nA-1,C-1,2026-11-01,\"1,234.50\",x\n", to: "s.csv")
        var options = ImportOptions(kind: .sales)
        options.dryRun = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.dryRun && report.rowsStored == 0)
        #expect(report.mapping.ignored == ["Notes"])
        #expect(report.mapping.missing.contains("cost"))
        #expect(report.preview.first?.map(\.value) == ["A-1", "C-1", "2026-11-01", "1234.5"])
        #expect(try workspace.datasets(round: try workspace.round()).isEmpty)
    }

    @Test func monthFirstDatesAreDecidedFromTheWholeColumn() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Only the last row shows that the first number is the month.
        let path = try directory.write("Date,Customer,Amount\n03/04/2026,A,1\n05/06/2026,B,2\n11/25/2026,C,3\n", to: "us.csv")
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRejected == 0)
        #expect(report.preview.map { $0.first { $0.field == "date" }?.value } == ["2026-03-04", "2026-05-06", "2026-11-25"])
        #expect(
            report.dateOrders == [
                DateOrderDecision(
                    field: "date", header: "Date", order: .monthFirst, dayFirstOnly: 0,
                    monthFirstOnly: 1, ambiguous: 2, forced: false)
            ])
    }

    @Test func salesOfCustomersMissingFromTheListAreKeptAndCounted() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let round = try workspace.round()
        let customers = try directory.write("Код;Наименование\nC-1;A\nC-2;B\n", to: "c.csv")
        let sales = try directory.write("Дата;Код клиента;Сумма\n01.11.2026;C-1;100\n02.11.2026;C-9;50\n03.11.2026;C-9;50\n", to: "s.csv")
        _ = try Importer.importFile(customers, into: workspace, round: round, options: ImportOptions(kind: .customers))
        let report = try Importer.importFile(sales, into: workspace, round: round, options: ImportOptions(kind: .sales))
        #expect(report.rowsStored == 3)
        #expect(report.unknownCustomers == ImportReport.UnknownCustomers(rows: 2, distinctCustomers: 1, amount: 100, totalAmount: 200))
    }

    @Test func aCustomerListWithoutCodesIsKeyedByName() throws {
        let report = try Importer.dryRun(try fixture("excel_1251.csv"), options: ImportOptions(kind: .customers))
        let key = try #require(report.mapping.assignment(of: "customer_id"))
        #expect(key.origin == .derived && key.header == "Покупатель")
    }

    @Test(arguments: [
        ("", "empty"), ("\n\n;;\n", "empty"), ("Foo;Bar\n1;2\n", "no header"), ("Наименование;Город\nA;B\n", "no header"),
    ])
    func filesWithoutUsableDataSaySo(text: String, expected: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(text, to: "x.csv")
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
        switch (error, expected) {
        case (.empty, "empty"), (.noHeader, "no header"), (.missingRequiredColumns, "no header"): break
        default: Issue.record("\(text): \(error)")
        }
        #expect(!error.message(in: .ru).isEmpty && !error.message(in: .en).isEmpty)
    }

    @Test func requiredColumnsMissingAreNamed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("Дата;Клиент;Количество\n01.11.2026;A;1\n", to: "x.csv")
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
        #expect(error == .missingRequiredColumns(path: path, kind: .sales, fields: ["amount"], headers: ["Дата", "Клиент", "Количество"]))
        #expect(error.message(in: .en).contains("amount"))
    }

    @Test func aMappingFileOverridesHeadersByNameOrPosition() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("x;y;z;w\nC-1;7;01.02.2026;да\n", to: "odd.csv")
        let mapping = try MappingFile.parse(
            text: """
                columns:
                  customer_id: x
                  amount: 2
                  date: "z"
                  quantity: ~
                date_order: dd.mm
                """, path: "m.yaml", kind: .sales)
        var options = ImportOptions(kind: .sales)
        options.mapping = mapping
        let report = try Importer.dryRun(path, options: options)
        #expect(report.mapping.assignments.map { "\($0.field)=\($0.header)" } == ["customer_id=x", "date=z", "amount=y"])
        #expect(report.mapping.assignments.allSatisfy { $0.origin == .mappingFile })
        #expect(report.preview.first?.map(\.value) == ["C-1", "2026-02-01", "7"])
    }

    @Test func aFileWithoutAHeaderIsMappedByPosition() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("C-1;01.02.2026;10\nC-2;02.02.2026;20\n", to: "bare.csv")
        var options = ImportOptions(kind: .sales)
        options.mapping = try MappingFile.parse(
            text: "header_row: 0\ncolumns: {customer_id: 1, date: 2, amount: 3}\n", path: "m.yaml", kind: .sales)
        let report = try Importer.dryRun(path, options: options)
        #expect(report.rowsRead == 2 && report.rowsRejected == 0)
        #expect(report.mapping.headerLine == nil)
    }

    @Test(arguments: [
        ("columns:\n  amout: Сумма\n", 2, "unknown field 'amout'"),
        ("colums: {}\n", 1, "unknown key 'colums'"),
        ("date_order: ymd\n", 1, "date_order: expected dd.mm or mm.dd"),
        ("columns: [a, b]\n", 1, "columns: expected a mapping"),
        ("header_row: -1\n", 1, "header_row: expected a row number"),
    ])
    func mistakesInAMappingFilePointAtTheirLine(text: String, line: Int, message: String) {
        do {
            _ = try MappingFile.parse(text: text, path: "m.yaml", kind: .sales)
            Issue.record("accepted: \(text)")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location?.line == line)
            #expect(diagnostic.text.en.contains(message), "\(diagnostic.text.en)")
            #expect(!diagnostic.text.ru.isEmpty)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: [
        (
            DatasetKind.customers,
            ["Код клиента", "Контрагент", "ИНН", "Эл. почта", "Телефон", "Дата рождения", "Ответственный", "Согласие на рассылку"],
            ["customer_id", "name", "tax_id", "email", "phone", "birth_date", "manager", "email_consent"]
        ),
        (
            .sales, ["Дата документа", "Покупатель", "Сумма, руб.", "Кол-во", "Номенклатура", "Менеджер"],
            ["date", "customer_id", "amount", "quantity", "product", "manager"]
        ),
        (.sales, ["ORDER_DATE", "customer-id", "Revenue", "Qty"], ["date", "customer_id", "amount", "quantity"]),
        (
            .sales, ["Период", "Контрагент.Код", "Сумма (руб.)", "Сумма с НДС, руб.", "Кол-во, шт"],
            ["date", "customer_id", "amount", "-", "quantity"]
        ),
        (.managers, ["ФИО", "Отдел", "Дата приёма", "Дата увольнения"], ["manager", "department", "hired_at", "left_at"]),
        (
            .deals, ["Номер сделки", "Клиент", "Дата создания", "Этап", "Статус", "Бюджет"],
            ["deal_id", "customer_id", "created_at", "stage", "status", "amount"]
        ),
        (.activities, ["Дата", "Тип", "Клиент", "Ответственный"], ["date", "type", "customer_id", "manager"]),
        (
            .campaigns, ["Кампания", "Канал", "Бюджет", "Дата начала", "Дата окончания"],
            ["campaign", "channel", "cost", "start_date", "end_date"]
        ),
    ])
    func headersAreRecognisedInRussianAndEnglish(kind: DatasetKind, headers: [String], fields: [String]) throws {
        let mapping = try ColumnMapper.map(headers: headers, headerLine: 1, kind: kind, mapping: nil, path: "x.csv")
        let byColumn = Dictionary(uniqueKeysWithValues: mapping.assignments.map { ($0.column, $0.field) })
        #expect(headers.indices.map { byColumn[$0] ?? "-" } == fields)
    }

    @Test func theCodeColumnWinsOverTheNameColumnForTheCustomerKey() throws {
        let mapping = try ColumnMapper.map(
            headers: ["Клиент", "Дата", "Код клиента", "Сумма"], headerLine: 1, kind: .sales, mapping: nil, path: "x")
        #expect(mapping.assignment(of: "customer_id")?.header == "Код клиента")
        #expect(mapping.ignored == ["Клиент"])
    }
}

@Suite struct MalformedFileTests {
    @Test func anOldExcelFileIsNamedAsSuch() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try writeBytes(
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504), to: "old.xls", in: directory)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
        guard case .malformed(_, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(text.en.contains(".xls") && text.ru.contains(".xlsx"))
    }

    @Test func aBinaryFileIsNotReadAsText() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try writeBytes([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3B, 0x00], to: "a.csv", in: directory)
        #expect(throws: ImportError.unsupportedFormat(path: path)) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
    }

    @Test func aMissingFileOrAFolderSaySo() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: ImportError.fileNotFound(path: directory.file("nope.csv"))) {
            try Importer.dryRun(directory.file("nope.csv"), options: ImportOptions(kind: .sales))
        }
        #expect(throws: ImportError.notAFile(path: directory.path)) {
            try Importer.dryRun(directory.path, options: ImportOptions(kind: .sales))
        }
    }

    @Test func shortRowsLackTheirRequiredValuesAndLongRowsKeepTheirs() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("Дата;Клиент;Сумма\n01.11.2026;A\n02.11.2026;B;5;extra;cells\n", to: "ragged.csv")
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 2 && report.rowsRejected == 1)
        #expect(report.problems.first?.location == SourceLocation(file: path, line: 2, column: 3))
        #expect(report.problems.first?.reason.en == "the required field amount is empty")
    }

    @Test func aForcedEncodingOrDelimiterWins() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Windows-1251 bytes that happen to be valid UTF-8 are rare; forcing says what the file is.
        let path = try writeBytes(Transcoder.windows1251("Дата|Клиент|Сумма\n01.11.2026|Ёж|1,5\n"), to: "f.txt", in: directory)
        var options = ImportOptions(kind: .sales)
        options.encoding = .windows1251
        options.delimiter = UInt8(ascii: "|")
        let report = try Importer.dryRun(path, options: options)
        #expect(report.preview.first?.map(\.value) == ["Ёж", "2026-11-01", "1.5"])
        #expect(report.notes.first?.en == "encoding windows-1251 (given), delimiter «|» (given)")
    }

    @Test func aWrongForcedEncodingSaysWhatToTry() throws {
        var options = ImportOptions(kind: .sales)
        options.encoding = .utf8
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(try fixture("excel_1251.csv"), options: options) }
        guard case .malformed(let location, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(location.line == 1)
        #expect(text.en.contains("--encoding windows-1251"))
    }
}
