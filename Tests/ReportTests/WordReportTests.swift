import AuditModel
import Foundation
import Testing
import ZIPFoundation

@testable import Report

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `report --format docx`: the same page as the PDF, as a Word document a consultant can edit.
@Suite struct WordReportTests {
    func parts(_ language: Language = .en) throws -> (html: String, parts: [String: String]) {
        let html = ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: language))
        let data = try WordReport.document(html: html, language: language)
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return (html, parts)
    }

    /// The text of the document's paragraphs, as Word shows it.
    func text(_ documentXML: String) -> String {
        var out = ""
        var rest = Substring(documentXML)
        while let open = rest.range(of: "<w:t xml:space=\"preserve\">"), let close = rest[open.upperBound...].range(of: "</w:t>") {
            out += HTMLTree.decode(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return out
    }

    @Test func thePackageHoldsEveryPartWordNeedsAndEachIsWellFormedXML() throws {
        let (_, parts) = try parts()
        for name in [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
            "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml",
        ] {
            let part = try #require(parts[name], "missing \(name)")
            let parser = XMLParser(data: Data(part.utf8))
            #expect(parser.parse(), "\(name) is not well-formed: \(String(describing: parser.parserError))")
        }
    }

    @Test func sectionsAreHeadingsAndTheContentsListsThem() throws {
        let (html, parts) = try parts(.ru)
        let document = try #require(parts["word/document.xml"])
        let titles =
            HTMLTree.parse(html).first("main").map { main in
                main.children.filter { $0.name == "section" }.compactMap { $0.first("h2").map { WordDocument.collapse($0.textContent) } }
            } ?? []
        #expect(titles.count >= 5)
        let headingCount = document.components(separatedBy: "<w:pStyle w:val=\"Heading1\"/>").count - 1
        #expect(headingCount == titles.count)
        #expect(document.contains("TOC \\o"))
        #expect(text(document).contains("Содержание"))
        for title in titles { #expect(text(document).contains(title)) }
    }

    @Test func everyChartIsAPictureWithItsFileAndCaption() throws {
        let (html, parts) = try parts()
        let charts = html.components(separatedBy: "<svg").count - 1
        let relationships = try #require(parts["word/_rels/document.xml.rels"])
        #expect(charts > 0)
        for number in 1...charts {
            let svg = try #require(parts["word/media/chart\(number).svg"])
            #expect(svg.hasPrefix("<svg") && svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(relationships.contains("Target=\"media/chart\(number).svg\""))
        }
        #expect(parts["word/media/chart\(charts + 1).svg"] == nil)
    }

    @Test func theFindingsTextIsTheSameAsOnThePage() throws {
        let (html, parts) = try parts()
        let words = text(try #require(parts["word/document.xml"]))
        for finding in try ReportFixture.input().findings where html.contains(HTMLEscaping.escape(finding.title.en)) {
            #expect(words.contains(finding.title.en))
        }
    }

    @Test func elementsSideBySideDoNotRunTogether() {
        let page = HTMLTree.parse("<main><section><p><span>critical</span><span>GOALS-001</span> text</p></section></main>")
        #expect(text(WordDocument(page: page, contentsTitle: "Contents").xml).contains("critical GOALS-001 text"))
    }

    @Test func theGeneratorMarkIsWhereTheOutputGuardLooksForIt() throws {
        let html = ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: .en))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crm-audit-\(UUID().uuidString).docx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PrivateFile.write(try WordReport.document(html: html, language: .en), to: path)
        #expect(OutputSignature.isOurs(path, recognition: .mark))
    }

    @Test func theTreeReadsTheReportsEscapesAndSkipsStyles() {
        let tree = HTMLTree.parse(
            "<html><head><style>p > b { x: 1 }</style></head><body><p a=\"x &amp; y\">1 &lt; 2 &#39;q&#39; &#x41;</p></body></html>")
        let paragraph = tree.first("p")
        #expect(paragraph?.textContent == "1 < 2 'q' A")
        #expect(paragraph?.attributes["a"] == "x & y")
        #expect(tree.first("style") == nil)
    }
}
