import Audit
import Foundation
import Testing
import ZIPFoundation

/// The workbook writer keeps hostile text as text: escaped, never a formula, without the
/// characters XML forbids, and names its sheets as spreadsheet programs allow.
@Suite struct SpreadsheetWriterTests {
    static func part(_ data: Data, _ name: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[name])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func hostileTextStaysEscapedTextAndNeverAFormula() throws {
        let sheet = SpreadsheetWriter.Sheet(
            name: "Лист: [1]/2*?", header: ["A"],
            rows: [
                [.text("=HYPERLINK(\"http://x\")"), .text("<script>&\u{0001}</script>"), .number(12.5), .number(3)]
            ])
        let data = try SpreadsheetWriter(sheets: [sheet]).data()
        let xml = try Self.part(data, "xl/worksheets/sheet1.xml")
        #expect(xml.contains("t=\"inlineStr\"") && !xml.contains("<f>"), "no cell is a formula")
        #expect(xml.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(xml.contains("&lt;script&gt;&amp;&lt;/script&gt;") && !xml.contains("\u{0001}"))
        #expect(xml.contains("<v>12.5</v>") && xml.contains("s=\"3\"><v>3.0</v>"), "whole numbers without decimals")
        let workbook = try Self.part(data, "xl/workbook.xml")
        #expect(
            workbook.contains("name=\"Лист- -1-/2--\"") == false && workbook.contains("name=\"Лист- -1--2--\""), "[ ] : * ? / \\ replaced")
    }
}
