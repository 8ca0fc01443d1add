import AuditModel
import Foundation
import Report
import Rules
import Testing

@Suite struct ReportHTMLTests {
    func html(_ language: Language, redact: Bool = false) throws -> String {
        ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: language, redact: redact))
    }

    /// The `data-value` attributes of the elements of one chart.
    func chartValues(_ html: String, chart: String, element: String = "rect") -> [Double] {
        guard let start = html.range(of: "data-chart=\"\(chart)\"") else { return [] }
        let svg = html[start.lowerBound...].prefix { _ in true }
        let end = svg.range(of: "</svg>")?.lowerBound ?? svg.endIndex
        var values: [Double] = []
        var rest = svg[..<end]
        while let tag = rest.range(of: "<\(element) class=") {
            let after = rest[tag.upperBound...]
            guard let attribute = after.range(of: "data-value=\"") else { break }
            let number = after[attribute.upperBound...].prefix { $0 != "\"" }
            if let value = Double(number) { values.append(value) }
            rest = after[attribute.upperBound...]
        }
        return values
    }

    @Test(arguments: Language.allCases)
    func dataFromFilesIsEscapedEverywhere(language: Language) throws {
        let page = try html(language)
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<b>Иванов</b>"))
        #expect(page.contains("&lt;b&gt;Иванов&lt;/b&gt;"))
    }

    @Test func theRevenueChartIsDrawnFromTheMonthlySeries() throws {
        let page = try html(.en)
        #expect(chartValues(page, chart: "columns") == [1_000_000, 1_250_000.5, -20_000])
    }

    @Test func theGaugeShowsTheOverallScore() throws {
        let input = try ReportFixture.input()
        let page = ReportRenderer.html(input, options: ReportOptions(language: .ru))
        let needle = chartValues(page, chart: "gauge", element: "line")
        #expect(needle.count == 1)
        #expect(abs((needle.first ?? -1) - (input.scores.overall ?? -2)) < 0.01)
    }

    @Test func theAreaBarsCarryTheAreaScores() throws {
        let input = try ReportFixture.input()
        let page = ReportRenderer.html(input, options: ReportOptions(language: .en))
        let bars = chartValues(page, chart: "bars")
        let expected = (input.scores.areas.first?.score ?? -1)
        #expect(abs((bars.first ?? 0) - expected) < 0.01)
    }

    @Test func theParetoMarkIsTheTop20Share() throws {
        #expect(chartValues(try html(.en), chart: "pareto", element: "circle") == [0.78])
    }

    @Test func theCohortHeatmapShowsRetentionShares() throws {
        #expect(chartValues(try html(.en), chart: "heatmap") == [1, 0.4, 0.2, 1, 0.2])
    }

    @Test func numbersAndDatesFollowTheLanguage() throws {
        let ru = try html(.ru), en = try html(.en)
        #expect(ru.contains("29.11.2026"))
        #expect(en.contains("2026-11-29"))
        #expect(ru.contains("8\u{00A0}230\u{00A0}₽"))
        #expect(en.contains("RUB\u{00A0}8,230"))
    }

    @Test func theBlockingFindingIsNamedOnTheFirstPage() throws {
        let page = try html(.en)
        let summary = try #require(page.range(of: "id=\"summary\""))
        let areas = try #require(page.range(of: "id=\"areas\""))
        let firstPage = page[summary.lowerBound..<areas.lowerBound]
        #expect(firstPage.contains("The level is capped by blocking findings"))
        #expect(firstPage.contains("Finding GOALS-001"))
    }

    @Test func redactionReplacesPersonalDataWithStablePseudonyms() throws {
        let first = try html(.en, redact: true), second = try html(.en, redact: true)
        #expect(!first.contains("+79123456789"))
        #expect(!first.contains("&lt;script&gt;alert(1)&lt;/script&gt;</td><td>+7"))
        #expect(first.contains("Client-"))
        #expect(first == second)
    }

    @Test func thePageIsSelfContained() throws {
        let page = try html(.en)
        #expect(!page.contains("http://") || !page.contains("src=\"http"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
        #expect(page.contains("<style>"))
    }

    @Test func sectionsCanBeChosen() throws {
        let page = ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: .en, sections: [.summary]))
        #expect(page.contains("id=\"summary\""))
        #expect(!page.contains("id=\"findings\""))
    }

    /// The structure of the report: the section ids in order and the charts they hold.
    @Test func structuralSnapshot() throws {
        let page = try html(.en)
        var structure: [String] = []
        var rest = Substring(page)
        func earliest() -> Range<Substring.Index>? {
            [rest.range(of: "<section id=\""), rest.range(of: "data-chart=\"")].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }
        }
        while let match = earliest() {
            let value = rest[match.upperBound...].prefix { $0 != "\"" }
            structure.append(rest[match].hasPrefix("<section") ? "section:\(value)" : "chart:\(value)")
            rest = rest[match.upperBound...]
        }
        #expect(structure == [
            "section:cover", "section:summary", "chart:gauge", "section:areas", "chart:bars", "section:findings", "chart:matrix",
            "section:insights", "chart:columns", "chart:pareto", "chart:bars", "chart:bars", "chart:heatmap", "section:quality", "chart:bars",
            "section:configuration", "section:roadmap", "section:appendix",
        ])
    }
}

@Suite struct ReportFormatsTests {
    @Test func markdownHasTheSameHeadlineNumbersAndEscapesMarkup() throws {
        let input = try ReportFixture.input()
        let markdown = ReportRenderer.markdown(input, options: ReportOptions(language: .en))
        #expect(markdown.contains("# Customer management audit report"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("Finding GOALS-001"))
    }

    @Test func jsonHoldsEverythingTheReportShows() throws {
        let json = try ReportRenderer.json(try ReportFixture.input(), options: ReportOptions(language: .en))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["findings"] != nil && object["scores"] != nil && object["metrics"] != nil && object["configuration"] != nil)
    }
}
