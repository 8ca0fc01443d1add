import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// Past the first rows (which are read to find the header), the text fields of a stored CSV
/// import go from the file's bytes into the workspace without a Swift string per cell. These
/// rows must be read exactly as the first rows are.
@Suite struct DirectTextTests {
    static let header = "Дата;Клиент;Сумма;Товар;Менеджер\n"
    /// Rows whose text fields need trimming, quoting or unescaping.
    static let tricky = [
        "01.11.2026;  К-1  ;100;\u{A0}Профиль ПП 60х27 (3 м)\u{A0};Кумар\n",
        "02.11.2026;\tК-2;200;\"Труба; 110\";\u{2003}Сидоров\u{2003}\n",
        "03.11.2026;К-3;300;\"ООО \"\"Ромашка\"\"\";\n",
        "04.11.2026;К-4;400;  ;Петр\n",
        "05.11.2026;\"К-5\";500;Ящер \u{3000};  Иванов И. И.  \n",
    ]
    static let filler = (0..<40).map { "06.11.2026;К-\($0 + 10);1;Товар \($0);Менеджер\n" }

    @Test func textFieldsPastTheFirstRowsAreStoredAsTheFirstRowsAre() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.header + Self.tricky.joined() + Self.filler.joined() + Self.tricky.joined(), to: "sales.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        #expect(report.rowsStored == 50 && report.rowsRejected == 0)
        let stored = try rows(workspace, "SELECT customer_id, product, manager FROM sale ORDER BY row_id")
        let expected: [[String: String]] = [
            ["customer_id": "К-1", "product": "Профиль ПП 60х27 (3 м)", "manager": "Кумар"],
            ["customer_id": "К-2", "product": "Труба; 110", "manager": "Сидоров"],
            ["customer_id": "К-3", "product": "ООО \"Ромашка\""],
            ["customer_id": "К-4", "manager": "Петр"],
            ["customer_id": "К-5", "product": "Ящер", "manager": "Иванов И. И."],
        ]
        #expect(Array(stored.prefix(5)) == expected)
        #expect(Array(stored.suffix(5)) == expected)
    }

    @Test func badTextPastTheFirstRowsIsReportedAtItsPlace() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        var bytes = Array((Self.header + Self.filler.joined()).utf8)
        bytes += Array("07.11.2026;   ;10;Товар;М\n".utf8)  // line 42: no customer
        bytes += Array("08.11.2026;К-9;10;".utf8) + [0xCF, 0xF0] + Array(";М\n".utf8)  // line 43: Windows-1251 bytes
        bytes += Array("09.11.2026;\u{2003};10;Товар;М\n".utf8)  // line 44: only a wide space
        let path = try writeBytes(bytes, to: "sales.csv", in: directory)
        var options = ImportOptions(kind: .sales)
        options.encoding = .utf8
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        }
        guard case .badRows(_, let problems, let total, let read) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(total == 3 && read == 43)
        #expect(
            problems.map(\.location) == [
                SourceLocation(file: path, line: 42, column: 2), SourceLocation(file: path, line: 43, column: 4),
                SourceLocation(file: path, line: 44, column: 2),
            ])
        #expect(problems.map(\.field) == ["customer_id", "product", "customer_id"])
        #expect(problems.map(\.value) == [nil, "\u{FFFD}", nil])
        #expect(problems[1].reason.en.contains("not valid UTF-8") && problems[1].reason.en.contains("--encoding windows-1251"))
        #expect(try rows(workspace, "SELECT * FROM sale").isEmpty)
    }

    @Test func aRejectedRowPastTheFirstRowsKeepsEveryCellInTheRejectsFile() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(
            Self.header + Self.filler.joined() + "31.11.2026;К-77;10;\"Кран; шаровой\";Ли Вэй\n"
                + ";;;  ;\n" + "10.11.2026;К-78;20;Кран;Ли\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        // The blank line 43 is no row at all.
        #expect(report.rowsRead == 42 && report.rowsStored == 41 && report.rowsRejected == 1)
        let rejects = try String(contentsOfFile: try #require(report.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("42;"))
        #expect(rejects.contains("31.11.2026;К-77;10;\"Кран; шаровой\";Ли Вэй"))
        #expect(
            try rows(workspace, "SELECT customer_id, product, manager FROM sale WHERE source_line = 44")
                == [["customer_id": "К-78", "product": "Кран", "manager": "Ли"]])
    }

    /// Numbers and dates written the plain way and otherwise.
    static let numbers = [
        "04.11.2026;К-1;16 228,80;Товар;М\n",
        "2026-11-05;К-2;(1 234,00);Товар;М\n",
        "45322;К-3;1,5E+03;Товар;М\n",
        "06/11/2026;К-4;-12,30;Товар;М\n",
        "07.11.2026;К-5;\u{A0}408.50 ₽;Товар;М\n",
        "08.11.26;К-6;7;Товар;М\n",
    ]

    @Test func numbersAndDatesPastTheFirstRowsAreReadAsTheFirstRowsAre() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.header + Self.numbers.joined() + Self.filler.joined() + Self.numbers.joined(), to: "sales.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        #expect(report.rowsStored == 52 && report.rowsRejected == 0)
        let stored = try rows(workspace, "SELECT date, amount FROM sale ORDER BY row_id")
        #expect(Array(stored.prefix(6)) == Array(stored.suffix(6)))
        #expect(stored.prefix(6).map { $0["amount"] ?? "" } == ["16228.8", "-1234.0", "1500.0", "-12.3", "408.5", "7.0"])
        #expect(stored.first?["date"] == "2026-11-04" && stored[3]["date"] == "2026-11-06")
    }

    @Test func monthFirstDatesPastTheFirstRowsTurnTheColumnMonthFirst() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let head = "01/02/2026;К-1;1;Товар;М\n"
        let path = try directory.write(
            Self.header + head + Self.filler.map { $0.replacingOccurrences(of: "06.11.2026", with: "03/04/2026") }.joined()
                + "03/25/2026;К-2;2;Товар;М\n" + "12/31/2026;К-3;3;Товар;М\n", to: "sales.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        #expect(report.rowsRejected == 0)
        #expect(report.dateOrders.first?.order == .monthFirst)
        #expect(report.dateOrders.first?.monthFirstOnly == 2)
        let dates = try rows(workspace, "SELECT date FROM sale ORDER BY row_id").map { $0["date"] ?? "" }
        #expect(dates.first == "2026-01-02" && dates[1] == "2026-03-04" && dates.suffix(2) == ["2026-03-25", "2026-12-31"])
    }

    @Test func dayChecksPastTheFirstRowsAreTheCalendars() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let tail = [
            "29.02.2024;К-1;1;Товар;М\n", "2000-02-29;К-2;2;Товар;М\n", "31.12.9999;К-3;3;Товар;М\n",
            "29.02.2025;К-4;4;Товар;М\n", "1900-02-29;К-5;5;Товар;М\n", "31.04.2026;К-6;6;Товар;М\n",
            "01.01.0000;К-7;7;Товар;М\n", "00.01.2026;К-8;8;Товар;М\n",
        ]
        let path = try directory.write(Self.header + Self.filler.joined() + tail.joined(), to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsRejected == 5)
        #expect(report.problems.map(\.location.line) == [45, 46, 47, 48, 49])
        let dates = try rows(workspace, "SELECT date FROM sale ORDER BY row_id").map { $0["date"] ?? "" }
        #expect(dates.suffix(3) == ["2024-02-29", "2000-02-29", "9999-12-31"])
    }

    @Test func badNumbersAndDatesPastTheFirstRowsAreReportedAtTheirPlace() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.header + Self.filler.joined() + "31.11.2026;К-1;12 34,5,6;Товар;М\n", to: "sales.csv")
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        guard case .badRows(_, let problems, _, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(
            problems.map(\.location) == [SourceLocation(file: path, line: 42, column: 1), SourceLocation(file: path, line: 42, column: 3)])
        #expect(problems.map(\.value) == ["31.11.2026", "12 34,5,6"])
    }
}
