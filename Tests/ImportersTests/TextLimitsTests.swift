import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Importers

/// All records of `path` read with `limits`, as field counts.
private func fieldCounts(_ path: String, limits: RowLimits) throws -> [Int] {
    let reader = try CSVReader(path: path, limits: limits)
    var counts: [Int] = []
    while try reader.nextRecord() { counts.append(reader.fieldCount) }
    return counts
}

private func limits(field: Int = 1 << 20, record: Int = 16 << 20, fields: Int = 16_384) -> RowLimits {
    var limits = RowLimits()
    limits.fieldBytes = field
    limits.recordBytes = record
    limits.fields = fields
    return limits
}

@Suite struct CSVLimitsTests {
    @Test func aFieldPastTheLimitIsRefusedNamingItsLineAndColumn() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("a;b;c\n1;\"two\nlines\";3\n4;5;" + String(repeating: "x", count: 11) + "\n", to: "f.csv")
        #expect(try fieldCounts(path, limits: limits(field: 11)) == [3, 3, 3])
        let (location, text) = try malformed { _ = try fieldCounts(path, limits: limits(field: 10)) }
        #expect(location == SourceLocation(file: path, line: 4, column: 3))
        #expect(text.en.contains("a field is longer than 10 bytes (the limit for a field"))
        #expect(text.ru.contains("поле длиннее 10 байт"))
    }

    @Test func aRecordPastTheLimitIsRefusedNamingTheLineItStartsOn() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("a;b\n1;2\n" + String(repeating: "x;", count: 60) + "\n", to: "r.csv")
        #expect(try fieldCounts(path, limits: limits(field: 10, record: 121)) == [2, 2, 61])
        let (location, text) = try malformed { _ = try fieldCounts(path, limits: limits(field: 10, record: 100)) }
        #expect(location == SourceLocation(file: path, line: 3))
        #expect(text.en.contains("the record starting on this line is longer than 100 bytes"))
        #expect(text.en.contains("a quote is left open, or the file has no line breaks"))
    }

    @Test func aRecordLongerThanTheLimitIsRefusedBeforeItIsWhollyRead() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // 3 MiB with no line break: refused once 1 MiB is pending, not after reading it all.
        let path = try writeBytes(Array("a;b\n".utf8) + [UInt8](repeating: 0x78, count: 3 << 20), to: "line.csv", in: directory)
        let (location, text) = try malformed { _ = try fieldCounts(path, limits: limits(field: 1 << 20, record: 1 << 20)) }
        #expect(location.line == 2)
        #expect(text.en.contains("longer than 1 MiB"))
    }

    @Test func moreFieldsThanTheLimitAreRefusedWithoutKeepingThem() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("a;b;c;d;e\n" + String(repeating: ";", count: 5) + "\n", to: "n.csv")
        #expect(try fieldCounts(path, limits: limits(fields: 6)) == [5, 6])
        let (location, text) = try malformed { _ = try fieldCounts(path, limits: limits(fields: 5)) }
        #expect(location == SourceLocation(file: path, line: 2, column: 6))
        #expect(text.en.contains("more than 5 fields"))
        var bounds = FieldBounds(capacity: 64, limit: 5)
        defer { bounds.deallocate() }
        for index in 0..<1000 { bounds.append(index, index, escaped: false) }
        #expect(bounds.count == 5 && bounds.capacity == 5 && bounds.overflowed)
    }

    @Test func longRecordsAcrossManyChunksAreReadWhole() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Three fields of 900 KB: a record of 2.7 MB, read across chunks of 1 MiB.
        let field = String(repeating: "ж", count: 450_000)
        let path = try directory.write("a;b;c\n\(field);\"\(field)\";\(field)\n1;2;3\n", to: "long.csv")
        let reader = try CSVReader(path: path)
        var lengths: [[Int]] = []
        while try reader.nextRecord() { lengths.append((0..<reader.fieldCount).map { reader.field($0)?.utf8.count ?? -1 }) }
        #expect(lengths == [[1, 1, 1], [900_000, 900_000, 900_000], [1, 1, 1]])
    }

    @Test func theHeaderIsLookedForInTheFirst16MiBOnly() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Seventeen lines of 1 MiB, then the header: past the 16 MiB searched.
        let filler = String(repeating: "x", count: (1 << 20) - 2) + ";\n"
        let late = try directory.write(
            String(repeating: filler, count: 17) + "date;customer_id;amount\n2026-01-15;C1;100\n", to: "late.csv")
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(late, options: ImportOptions(kind: .sales)) }
        guard case .noHeader = error else {
            Issue.record("\(error)")
            return
        }
        let early = try directory.write(
            String(repeating: filler, count: 15) + "date;customer_id;amount\n2026-01-15;C1;100\n", to: "early.csv")
        #expect(try Importer.dryRun(early, options: ImportOptions(kind: .sales)).mapping.headerLine == 16)
    }

    @Test func anImportOfAFieldPastTheStandardLimitStopsWithTheLimitNamed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "date;customer_id;amount\n2026-01-15;C1;100\n2026-01-16;" + String(repeating: "x", count: (1 << 20) + 1) + ";5\n",
            to: "big.csv")
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
        #expect(error.location == SourceLocation(file: path, line: 3, column: 2))
        #expect(error.message(in: .en).contains("longer than 1 MiB"))
        #expect(error.message(in: .ru).contains("длиннее 1 МиБ"))
    }
}

@Suite struct EncodingMessageTests {
    static let header = "Дата;Клиент;Сумма;Товар\n"

    @Test func aFewBadBytesInAUTF8FileAreRowProblemsAtTheirPlaceNotAMissingHeader() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array((Self.header + "01.11.2026;ООО «Ромашка»;100;Кабель\n").utf8)
        bytes += Array("02.11.2026;ИП Петров;200;".utf8) + [0xC3, 0x28, 0xFF] + Array("\n".utf8)  // line 3: not UTF-8
        bytes += Array("03.11.2026;Сидоров;300;Труба\n".utf8)
        let path = try writeBytes(bytes, to: "sales.csv", in: directory)
        let reader = try CSVReader(path: path)
        #expect(reader.encoding == .utf8)
        guard case .mostlyUTF8(let valid, let invalid) = reader.encodingDetection.evidence else {
            Issue.record("\(reader.encodingDetection)")
            return
        }
        #expect(invalid == 2 && valid >= 40)
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 3 && report.rowsRejected == 1)
        let problems = report.problems
        #expect(problems.first?.location == SourceLocation(file: path, line: 3, column: 4))
        let reason = try #require(problems.first?.reason)
        #expect(reason.en.contains("not valid UTF-8") && reason.en.contains("read as Windows-1251"))
        #expect(reason.ru.contains("не читаются как UTF-8") && reason.ru.contains("Windows-1251"))
    }

    @Test func badBytesInTheHeaderNameTheirLineAndColumnAndTheEncodingsTried() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array("Дата;Клиент;".utf8) + [0xD0, 0x41] + Array("\n".utf8)  // "Дата;Клиент;" and D0 41, not UTF-8
        bytes += Array("01.11.2026;ООО «Ромашка»;100\n02.11.2026;ИП Петров;200\n03.11.2026;Сидоров;300\n".utf8)
        let path = try writeBytes(bytes, to: "sales.csv", in: directory)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .sales)) }
        #expect(error.location == SourceLocation(file: path, line: 1, column: 3))
        let message = error.message(in: .en)
        #expect(message.contains("not valid UTF-8") && message.contains("Windows-1251"), "\(message)")
        #expect(!message.contains("no header row for"))
    }

    @Test func aForcedEncodingIsNamedAsGiven() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try writeBytes(Array((Self.header + "01.11.2026;A;100;").utf8) + [0xFF] + Array("\n".utf8), to: "f.csv", in: directory)
        var options = ImportOptions(kind: .sales)
        options.encoding = .utf8
        let report = try Importer.dryRun(path, options: options)
        #expect(report.problems.first?.reason.en.contains("was given with --encoding") == true)
    }

    static let samples: [(label: String, bytes: [UInt8], encoding: TextEncoding, evidence: String)] = [
        ("ASCII", Array("a;b\n1;2\n".utf8), .utf8, "valid"),
        ("Cyrillic UTF-8", Array("Дата;Сумма\nЁлка;2\n".utf8), .utf8, "valid"),
        ("Windows-1251", Transcoder.windows1251("Дата;Сумма\nЁлка «Север»;2\nВСЁ\n"), .windows1251, "not"),
        ("UTF-8 with two bad bytes", Array(String(repeating: "Ромашка;", count: 10).utf8) + [0xFF, 0xFE], .utf8, "mostly"),
        ("UTF-16LE, no BOM", littleEndian("a;b\n"), .utf16LE, "pattern"),
        ("UTF-16BE, no BOM", bigEndian("Д;b\n"), .utf16BE, "pattern"),
        ("UTF-16LE, BOM", [0xFF, 0xFE, 0x41, 0x00], .utf16LE, "bom"),
    ]

    static func littleEndian(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    static func bigEndian(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

    @Test(arguments: samples)
    func encodingsAreDetectedWithTheirEvidence(label: String, bytes: [UInt8], encoding: TextEncoding, evidence: String) {
        let detection = TextEncoding.detect(bytes, isWholeFile: true)
        #expect(detection.encoding == encoding, "\(label)")
        let found: String
        switch detection.evidence {
        case .validUTF8: found = "valid"
        case .notUTF8: found = "not"
        case .mostlyUTF8: found = "mostly"
        case .utf16Pattern: found = "pattern"
        case .byteOrderMark: found = "bom"
        }
        #expect(found == evidence, "\(label)")
    }

    @Test func aUTF16CSVWithoutAByteOrderMarkImports() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let text = "date;customer_id;amount\r\n2026-01-15;Ромашка;100\r\n"
        let path = try writeBytes(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: "u16.csv", in: directory)
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 1 && report.rowsRejected == 0)
        #expect(report.preview.first?.first { $0.field == "customer_id" }?.value == "Ромашка")
    }

    /// `customers_flat.xml` in UTF-16 with the XML declaration saying so.
    static func utf16XML(bigEndian: Bool, bom: Bool) throws -> [UInt8] {
        var text = try String(contentsOfFile: try fixture("customers_flat.xml"), encoding: .utf8)
        if let range = text.range(of: "encoding=\"UTF-8\"", options: .caseInsensitive) {
            text.replaceSubrange(range, with: "encoding=\"UTF-16\"")
        }
        let units = (bom ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test(arguments: [(false, true), (true, true), (false, false)])
    func aUTF16XMLFileImportsAsItsUTF8Twin(bigEndian: Bool, bom: Bool) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try writeBytes(try Self.utf16XML(bigEndian: bigEndian, bom: bom), to: "customers.xml", in: directory)
        let utf16 = try Importer.dryRun(path, options: ImportOptions(kind: .customers))
        let utf8 = try Importer.dryRun(try fixture("customers_flat.xml"), options: ImportOptions(kind: .customers))
        #expect(utf16.format == "xml")
        #expect(utf16.rowsRead == utf8.rowsRead && utf16.rowsRead > 0)
        #expect(utf16.preview.map { $0.map(\.value) } == utf8.preview.map { $0.map(\.value) })
    }

    @Test func aUTF16XMLFileDeclaringADoctypeIsRefusedBeforeParsing() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r [<!ENTITY x \"y\">]>\n<r><c><id>&x;</id></c></r>\n"
        let path = try writeBytes([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: "d.xml", in: directory)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(path, options: ImportOptions(kind: .customers)) }
        guard case .unsafeXML(let location, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(location == SourceLocation(file: path, line: 2))
    }
}

@Suite struct StreamedRejectsTests {
    static let header = "date;customer_id;amount\n2026-01-15;C1;100\n"

    /// The names in `directory`, hidden ones included.
    static func names(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func rejectedRowsGoToTheirFileAndOnlyTheFirstProblemsAreKept() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let bad = (0..<3000).map { "2026-01-16;C\($0);\"not; a number \($0)\"\n" }.joined()
        let path = try directory.write(Self.header + bad, to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsStored == 1 && report.rowsRejected == 3000)
        #expect(report.problems.count == options.problemLimit && report.problemCount == 3000)
        let rejectsPath = try #require(report.rejectsFile)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: rejectsPath))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.count == 3002)  // header, 3000 rows, and the empty string after the last CRLF
        #expect(lines[0] == "Строка / line;Причина / reason;date;customer_id;amount")
        #expect(lines[3000].hasPrefix("3002;") && lines[3000].hasSuffix(";2026-01-16;C2999;\"not; a number 2999\""))
        let attributes = try FileManager.default.attributesOfItem(atPath: rejectsPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try Self.names(directory).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func aFailedImportLeavesNoRejectsFileBehind() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        // Bad rows, then a field past the 1 MiB limit: the import stops after rows were rejected.
        let long = String(repeating: "x", count: RowLimits.standard.fieldBytes + 1)
        let path = try directory.write(Self.header + "2026-01-16;C2;x\n2026-01-17;C3;\(long)\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        #expect(throws: ImportError.self) { try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options) }
        #expect(!FileManager.default.fileExists(atPath: Importer.rejectsPath(for: path)))
        #expect(try Self.names(directory).filter { $0.contains("rejects") }.isEmpty)
    }

    @Test func aDryRunWritesNoRejectsFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Self.header + "2026-01-16;C2;x\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        options.dryRun = true
        let report = try Importer.dryRun(path, options: options)
        #expect(report.rowsRejected == 1 && report.rejectsFile == nil)
        #expect(try Self.names(directory) == ["sales.csv"])
    }
}

@Suite struct XMLLimitsTests {
    @Test func recordsWithMoreDistinctFieldsThanTheLimitAreRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let wide = (0...XMLRowSource.columnLimit).map { "<f\($0)>1</f\($0)>" }.joined()
        let path = try directory.write("<root><r>\(wide)</r><r><f1>2</f1></r></root>", to: "wide.xml")
        let (_, text) = try malformed { _ = try XMLRowSource(path: path, recordPath: "/root/r", fieldPaths: []) }
        #expect(text.en.contains("more than 16384 distinct fields"))
    }

    @Test func aValueOrRecordPastTheLimitIsRefusedAtTheRecordsLine() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("<root>\n<r><a>12345</a><b x=\"123\">6</b></r>\n<r><a>1</a><b>123456</b></r>\n</root>", to: "r.xml")
        var limits = RowLimits()
        limits.fieldBytes = 6
        limits.recordBytes = 100
        #expect(throws: Never.self) { _ = try XMLRowSource(path: path, recordPath: "/root/r", fieldPaths: [], limits: limits) }
        limits.fieldBytes = 5
        let (location, value) = try malformed {
            let source = try XMLRowSource(path: path, recordPath: "/root/r", fieldPaths: [], limits: limits)
            while try source.nextRow() != nil {}
        }
        #expect(location == SourceLocation(file: path, line: 3))
        #expect(value.en.contains("the record's value 'b' is longer than 5 bytes"))
        limits.recordBytes = 12  // "a" 12345 "b/@x" 123 "b" 6: 1 + 5 + 4 + 3 + 1 + 1 = 15
        let (_, record) = try malformed { _ = try XMLRowSource(path: path, recordPath: "/root/r", fieldPaths: [], limits: limits) }
        #expect(record.en.contains("the record is longer than 12 bytes"))
    }

    @Test func aSmallRecordAfterWideOnesHoldsOnlyItsOwnCells() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let wide = (0..<100).map { "<f\($0)>1</f\($0)>" }.joined()
        let path = try directory.write("<root><r>\(wide)</r><r><f0>2</f0></r><r/></root>", to: "w.xml")
        let source = try XMLRowSource(path: path, recordPath: "/root/r", fieldPaths: [])
        var widths: [Int] = []
        while let row = try source.nextRow() { widths.append(row.cells.count) }
        #expect(widths == [100, 100, 1, 0])
    }
}
