import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Importers

@Suite struct CSVReaderTests {
    @Test func quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("id;name;note\r\n1;\"ООО \"\"Ромашка\"\"\";\"two\nlines; and ;\"\r\n2;plain;\r\n", to: "q.csv")
        let records = try readAll(path)
        #expect(records.map(\.fields) == [["id", "name", "note"], ["1", "ООО \"Ромашка\"", "two\nlines; and ;"], ["2", "plain", ""]])
        // The record after a quoted line break starts on line 4.
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test(arguments: [
        ("LF", "a,b\n1,2\n"), ("CRLF", "a,b\r\n1,2\r\n"), ("CR", "a,b\r1,2\r"), ("no final newline", "a,b\n1,2"),
    ])
    func everyLineEndingEndsARecord(label: String, text: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let records = try readAll(try directory.write(text, to: "e.csv"))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]], "\(label)")
    }

    @Test func aRecordWiderThanAnyBeforeItKeepsEveryField() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // 300 fields, some quoted with doubled quotes, after a narrow record and before one.
        let wide = (0..<300).map { $0 % 7 == 0 ? "\"q\"\"\($0)\"" : "f\($0)" }
        let path = try directory.write("a;b\n" + wide.joined(separator: ";") + "\n1;2\n", to: "w.csv")
        let records = try readAll(path)
        #expect(records.map(\.fields.count) == [2, 300, 2])
        #expect(records[1].fields == (0..<300).map { $0 % 7 == 0 ? "q\"\($0)" : "f\($0)" })
        #expect(records[2].fields == ["1", "2"])
    }

    @Test func aStrayQuoteInsideAQuotedFieldIsKeptAsACharacter() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // 1C writes names like this: the inner quotes are not doubled.
        let records = try readAll(try directory.write("name;x\n\"ООО \"Ромашка\"\";1\n", to: "s.csv"))
        #expect(records[1].fields == ["ООО \"Ромашка\"", "1"])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("a;b\n1;2\n3;\"never closed\n4;5\n", to: "u.csv")
        let error = try #require(throws: ImportError.self) { _ = try readAll(path) }
        guard case .malformed(let location, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(location == SourceLocation(file: path, line: 3, column: 3))
        #expect(text.en.contains("never closed"))
        #expect(text.ru.contains("кавычка"))
    }

    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n4;5,5;6\n", UInt8(ascii: ";")),
        ("a,b,c\n1,2.5,3\n4,5.5,6\n", UInt8(ascii: ",")),
        ("a\tb\tc\n1\t2,5\t3\n", UInt8(0x09)),
        ("a|b|c\n1|2|3\n", UInt8(ascii: "|")),
        ("Выгрузка на 20.11.2026;;;\n;;;\nКод;Имя;Сумма;Дата\n1;\"x;y\";1,5;01.01.2026\n", UInt8(ascii: ";")),
        ("\"a,b\";c\n\"1,2\";3\n\"4,5\";6\n", UInt8(ascii: ";")),
    ])
    func theDelimiterIsSniffedFromTheLines(text: String, expected: UInt8) {
        #expect(CSVReader.sniffDelimiter(Array(text.utf8), isWhole: true) == expected)
    }

    @Test func encodingsAreToldApart() throws {
        let text = "Код;Наименование\n1;Ёлка «Север»\n"
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let utf8 = try directory.write(text, to: "u8.csv")
        let bom = try writeBytes([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "bom.csv", in: directory)
        let cp1251 = try writeBytes(Transcoder.windows1251(text), to: "1251.csv", in: directory)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let unicode = try writeBytes(utf16, to: "u16.txt", in: directory)
        for path in [utf8, bom, cp1251, unicode] {
            #expect(try readAll(path).map(\.fields) == [["Код", "Наименование"], ["1", "Ёлка «Север»"]], "\(path)")
        }
        #expect(try CSVReader(path: cp1251).encoding == .windows1251)
        #expect(try CSVReader(path: bom).encoding == .utf8)
        #expect(try CSVReader(path: unicode).encoding == .utf16LE)
    }

    @Test func windows1251DecodesEveryByteLikePython() throws {
        // Python: bytes(range(0xC0, 0x100)).decode('cp1251') and a few specials.
        var output: [UInt8] = []
        var transcoder = Transcoder(.windows1251)
        let input: [UInt8] = [0xA8, 0xB8, 0xB9, 0xAB, 0xBB, 0x96, 0xA0, 0xC0, 0xFF]
        input.withUnsafeBufferPointer { transcoder.transcode($0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "Ёё№«»–\u{00A0}Ая")
    }

    @Test func recordsSpanningChunkBoundariesAreWhole() throws {
        // Over 2 MiB so that records (some with quoted line breaks) straddle the 1 MiB chunks.
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var text = "id;text;amount\n"
        for index in 0..<40_000 {
            text += "\(index);\"line one\nline \"\"two\"\" \(index)\";\(index),50\n"
        }
        let path = try directory.write(text, to: "big.csv")
        let records = try readAll(path)
        #expect(records.count == 40_001)
        for index in [0, 1, 9_999, 23_456, 39_999] {
            #expect(records[index + 1].fields == ["\(index)", "line one\nline \"two\" \(index)", "\(index),50"])
            #expect(records[index + 1].line == 2 + index * 2)
        }
    }

    @Test func bytesInvalidInTheDetectedEncodingAreNotGuessed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // UTF-8 in the first chunk (so UTF-8 is detected), Windows-1251 bytes past it.
        var bytes = Array("a;b\n".utf8)
        for _ in 0..<120_000 { bytes += Array("1;ok ok ok\n".utf8) }
        bytes += Array("2;".utf8) + [0xCF, 0xF0] + Array("\n".utf8)
        let path = try writeBytes(bytes, to: "mixed.csv", in: directory)
        let records = try readAll(path)
        #expect(records.last?.fields == ["2", "<invalid>"])
    }

    @Test(
        arguments: [
            ([0xD0, 0x9F, 0xD1, 0x80], true),  // Пр
            ([0x61, 0x80, 0x62], false),  // a lone continuation byte
            ([0xC0, 0xAF], false), ([0xC1, 0x81], false),  // overlong two-byte forms
            ([0xD0, 0x61], false), ([0x61, 0xD0], false),  // a lead without its continuation
            ([0xCF, 0xF0], false),  // Windows-1251 «Пр»
            ([0xE2, 0x82, 0xAC], true), ([0xE2, 0x82], false), ([0xE0, 0x80, 0x80], false),
            ([0xF0, 0x9F, 0x98, 0x80], true), ([0xF0, 0x9F, 0x98, 0x61], false), ([0xED, 0xA0, 0x80], false),
            ([0xEF, 0xBF, 0xBD], true),  // U+FFFD itself is text
            ([0xD0, 0x9F, 0xBF, 0xD0, 0x9F, 0xD0, 0x9F], false),
        ] as [([UInt8], Bool)])
    func cellsAreTextExactlyWhenTheirBytesAreWellFormedUTF8(field: [UInt8], valid: Bool) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // A long UTF-8 head, so that the encoding detected is UTF-8 whatever the field holds.
        var bytes = Array("a;b\n".utf8)
        for _ in 0..<8_000 { bytes += Array("1;Привет мир\n".utf8) }
        bytes += Array("2;".utf8) + field + Array("\n".utf8)
        let path = try writeBytes(bytes, to: "cells.csv", in: directory)
        let reader = try CSVReader(path: path, encoding: .utf8)
        var last: [Cell] = []
        while try reader.nextRecord() { last = reader.cells(wanted: nil) }
        #expect(last.count == 2)
        if valid {
            #expect(last.last == .text(String(decoding: field, as: UTF8.self)))
        } else {
            #expect(last.last == .undecodable)
        }
    }
}
