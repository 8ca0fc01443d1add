import AuditModel
import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import Importers

/// A sheet's cells are decoded from the XML's bytes (issue 18): element names, a cell's `r`, `t`
/// and `s`, and its `<v>` are read without a `String` each. These pin what each kind of cell reads as.
@Suite struct WorkbookDecodingTests {
    @Test func everyCellTypeReadsAsItDidFromStrings() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let cells = [
            "<c r=\"A1\" t=\"s\"><v>1</v></c>",  // shared string
            "<c r=\"B1\" t=\"inlineStr\"><is><t>inline</t></is></c>",  // inline string
            "<c r=\"C1\" t=\"str\"><v>formula text</v></c>",  // a formula's text
            "<c r=\"D1\" t=\"e\"><v>#N/A</v></c>",  // an error, as text
            "<c r=\"E1\" t=\"b\"><v>1</v></c>",  // boolean
            "<c r=\"F1\" s=\"0\" cm=\"1\"><v> 12.5 </v></c>",  // a number with blanks, other attributes
            "<c r=\"G1\" t=\"x-unknown\"><v>3</v></c>",  // an unknown type reads as a number
            "<c><v>-4e2</v></c>",  // no reference: the next column
            "<c r=\"J1\"><v>0x1p3</v></c>",  // not a decimal number: text
            "<c r=\"K1\" t=\"s\"/>",  // empty
        ].joined()
        let path = try makeWorkbook(
            sheet: "<sheetData><row r=\"1\">\(cells)</row></sheetData>",
            sharedStrings: "<si><t>zero</t></si><si><t>one</t></si>", in: directory)
        let rows = try readRows(path)
        #expect(rows.count == 1)
        #expect(
            rows.first?.cells == [
                .text("one"), .text("inline"), .text("formula text"), .text("#N/A"), .bool(true),
                .number(12.5), .number(3), .number(-400), .empty, .text("0x1p3"),
            ])
    }

    @Test func aSharedStringIndexThatIsNotANumberIsAnErrorNamingTheCell() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(
            sheet: "<sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>1x</v></c></row></sheetData>",
            sharedStrings: "<si><t>zero</t></si><si><t>one</t></si>", in: directory)
        let (_, text) = try malformed { _ = try readRows(path) }
        #expect(text.en.contains("B3"))
        #expect(text.en.contains("1x"))
    }

    @Test func aSheetWhoseChecksumDoesNotMatchIsRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(sheet: "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>", in: directory)
        // The stored CRC-32 of the sheet part, changed where the archive records it.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let stored = try #require(archive["xl/worksheets/sheet1.xml"]).checksum
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let old = withUnsafeBytes(of: stored.littleEndian, Array.init)
        let new = withUnsafeBytes(of: (stored ^ 0x5A5A).littleEndian, Array.init)
        var replaced = 0
        for index in 0..<(bytes.count - 3) where Array(bytes[index..<index + 4]) == old {
            bytes.replaceSubrange(index..<index + 4, with: new)
            replaced += 1
        }
        #expect(replaced >= 2)  // the local header and the central directory
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (_, text) = try malformed { _ = try readRows(path) }
        #expect(text.en.contains("CRC-32"))
        #expect(text.en.contains("sheet1.xml"))
        #expect(text.ru.contains("CRC-32"))
    }

    @Test func theChecksumIsTheZIPOnesWhateverTheChunks() {
        // The standard check value of CRC-32: "123456789" → CBF43926.
        let text = Array("123456789".utf8)
        var whole = ZIPChecksum()
        text.withUnsafeBytes { whole.update($0) }
        #expect(whole.value == 0xCBF4_3926)
        // Any split into chunks (shorter and longer than 8 bytes) gives the same value.
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var once = ZIPChecksum()
        long.withUnsafeBytes { once.update($0) }
        for size in [1, 3, 8, 13, 64] {
            var chunked = ZIPChecksum()
            for start in stride(from: 0, to: long.count, by: size) {
                long[start..<min(start + size, long.count)].withUnsafeBytes { chunked.update($0) }
            }
            #expect(chunked.value == once.value, "chunks of \(size)")
        }
    }
}
