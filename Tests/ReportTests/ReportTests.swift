import Analytics
import AuditModel
import Foundation
import Rules
import Testing

@testable import Report

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

    /// The first and last months of an export rarely cover a whole month: they are hatched and
    /// lighter, and the legend says why, in both languages.
    @Test func partialMonthsAreHatchedWithALegend() throws {
        for (language, legend) in [(Language.en, "partial month"), (.ru, "неполный месяц")] {
            let page = try html(language)
            let start = try #require(page.range(of: "data-chart=\"columns\""))
            let svg = page[start.lowerBound...].prefix { _ in true }
            let chart = svg[..<(svg.range(of: "</svg>")?.lowerBound ?? svg.endIndex)]
            #expect(chart.components(separatedBy: "class=\"bar partial\"").count - 1 == 2, "\(language)")
            #expect(chart.components(separatedBy: "data-partial=\"true\"").count - 1 == 2)
            #expect(chart.contains("url(#hatch-partial)") && chart.contains(legend))
        }
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

    @Test func theTypicalCustomerHasOnlyTraitsAQuarterOfTheClassShares() throws {
        let page = try html(.en)
        #expect(page.contains("City: Казань (40%)"))
        #expect(!page.contains("25-34"))
    }

    @Test func numbersAndDatesFollowTheLanguage() throws {
        let ru = try html(.ru), en = try html(.en)
        #expect(ru.contains("29.11.2026"))
        #expect(en.contains("2026-11-29"))
        #expect(ru.contains("8\u{00A0}230\u{00A0}₽"))
        #expect(en.contains("RUB\u{00A0}8,230"))
        // A change is a signed percentage, an interval has its unit.
        #expect(en.contains("+22%") && ru.contains("+22\u{00A0}%"))
        #expect(en.contains("21.8\u{00A0}days") && ru.contains("21,8\u{00A0}дня"))
    }

    @Test func theBlockingFindingIsNamedOnTheFirstPage() throws {
        var input = try ReportFixture.input()
        input.scores.uncappedLevel = 4
        input.scores.level = 2
        let page = ReportRenderer.html(input, options: ReportOptions(language: .en))
        let summary = try #require(page.range(of: "id=\"summary\""))
        let areas = try #require(page.range(of: "id=\"areas\""))
        let firstPage = page[summary.lowerBound..<areas.lowerBound]
        #expect(firstPage.contains("The level is capped by blocking findings"))
        #expect(firstPage.contains("Finding GOALS-001"))
    }

    @Test func everyMoneyFigureIsARangeWithItsPeriodAndItsAssumptionIsInTheAppendix() throws {
        let input = try ReportFixture.input()
        for language in [Language.en, .ru] {
            let page = ReportRenderer.html(input, options: ReportOptions(language: language))
            var rest = Substring(page), count = 0
            while let found = rest.range(of: "class=\"money") {
                let tagEnd = rest[found.upperBound...].firstIndex(of: ">") ?? rest.endIndex
                #expect(rest[found.lowerBound..<tagEnd].contains("data-period=\"last_12m\""), "a money figure without its period")
                count += 1
                rest = rest[tagEnd...]
            }
            #expect(count >= 2, "the summary's risks and the findings' money lines")
            // 5 000 000 × 20–30 %: a range, three significant figures, no "≈".
            #expect(page.contains(language == .en ? "RUB\u{00A0}1–1.5M" : "1–1,5\u{00A0}млн\u{00A0}₽"))
            // The client's copy names the assumption by its title; the consultant's adds the id they edit.
            #expect(page.contains("id=\"assumptions\"") && page.contains(ReportFixture.assumption.title[language]))
            #expect(!page.contains("test_winback"))
            var working = ReportOptions(language: language)
            working.audience = .consultant
            #expect(ReportRenderer.html(input, options: working).contains("test_winback"))
            #expect(!page.contains("≈"))
        }
        let markdown = ReportRenderer.markdown(input, options: ReportOptions(language: .en))
        // Two estimates of different findings are shown apart, never summed.
        #expect(markdown.contains("The estimates of different findings are not added up"))
        #expect(!markdown.contains("RUB\u{00A0}1.12–1.68M"), "600 000 and 5 000 000 at 20–30 % must not be summed")
    }

    @Test func theCapNoticeOnlyShowsWhenTheCapLowersTheLevel() throws {
        var input = try ReportFixture.input()
        input.scores.uncappedLevel = 1
        input.scores.level = 1
        #expect(!input.scores.blockedBy.isEmpty)
        for language in [Language.en, .ru] {
            let page = ReportRenderer.html(input, options: ReportOptions(language: language))
            #expect(
                !page.contains(language == .en ? "The level is capped by blocking findings" : "Уровень ограничен блокирующими проблемами"),
                "level 1 is below the cap of 2: nothing was capped")
            #expect(!ReportRenderer.markdown(input, options: ReportOptions(language: language)).contains("capped"))
        }
    }

    @Test func effortAgreesInRussian() throws {
        let page = ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: .ru))
        #expect(page.contains("Трудоёмкость: низкая"))
        #expect(!page.contains("Трудоёмкость: низкое"))
    }

    @Test func redactionReplacesPersonalDataWithStablePseudonyms() throws {
        // The same key gives the same copy; a copy's key is random and never written.
        var options = ReportOptions(language: .en, redact: true)
        options.pseudonymKey = Array("fixed".utf8)
        let first = ReportRenderer.html(try ReportFixture.input(), options: options)
        let second = ReportRenderer.html(try ReportFixture.input(), options: options)
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
        #expect(
            structure == [
                "section:cover", "section:summary", "chart:gauge", "section:areas", "chart:bars", "section:findings", "chart:matrix",
                "section:insights", "chart:columns", "chart:pareto", "chart:bars", "chart:bars", "chart:heatmap", "section:quality",
                "chart:bars",
                "section:configuration", "section:roadmap", "section:appendix",
            ])
    }
}

/// The summary's tiles are one period: the headline period, each against the 12 months before.
@Suite struct HeadlineTilesTests {
    struct Tile {
        var metric: String
        var value: Double
        var period: String
        var text: String
    }

    /// The tiles of a page: `data-metric`, `data-value`, `data-period` and the figure shown.
    static func tiles(_ page: String) -> [Tile] {
        var tiles: [Tile] = []
        var rest = Substring(page)
        while let start = rest.range(of: "<div class=\"kpi\" ") {
            let tag = rest[start.upperBound...].prefix { $0 != ">" }
            func attribute(_ name: String) -> String? {
                guard let range = tag.range(of: "\(name)=\"") else { return nil }
                return String(tag[range.upperBound...].prefix { $0 != "\"" })
            }
            let body = rest[start.upperBound...]
            let bold = body.range(of: "<b>").map { body[$0.upperBound...].prefix { $0 != "<" } } ?? ""
            if let metric = attribute("data-metric"), let value = attribute("data-value").flatMap(Double.init),
                let period = attribute("data-period")
            {
                tiles.append(Tile(metric: metric, value: value, period: period, text: String(bold)))
            }
            rest = body
        }
        return tiles
    }

    @Test(arguments: Language.allCases)
    func everyTileIsTheHeadlinePeriodWithItsChange(language: Language) throws {
        let input = try ReportFixture.input()
        let page = ReportRenderer.html(input, options: ReportOptions(language: language))
        let tiles = Self.tiles(page)
        #expect(
            tiles.map(\.metric) == [
                "sales.revenue_last_12m", "sales.orders_last_12m", "customers.active_12m",
                "sales.avg_order_value_last_12m", "sales.gross_margin_last_12m",
            ])
        for tile in tiles {
            #expect(tile.period == "last_12m", "\(tile.metric)")
            #expect(MetricCatalogue.definition(of: tile.metric)?.period == .last12m)
            #expect(input.metrics[tile.metric].number == tile.value, "\(tile.metric)")
        }
        // Each with its change against the previous 12 months, stated as such.
        for change in [
            "sales.growth_12m", "sales.orders_growth_12m", "customers.active_growth_12m",
            "sales.avg_order_value_growth_12m", "sales.gross_margin_change_12m",
        ] {
            #expect(page.contains("data-metric=\"\(change)\" data-value=\"\(input.metrics[change].number ?? .nan)\""), "\(change)")
        }
        #expect(page.contains(language == .ru ? "к предыдущим 12 мес." : "vs the previous 12 months"))
        #expect(page.contains(language == .ru ? "21.11.2025–20.11.2026" : "2025-11-21 – 2026-11-20"))
        // No whole-history figure on the summary.
        let summary = try #require(page.range(of: "id=\"summary\"")), areas = try #require(page.range(of: "id=\"areas\""))
        #expect(!page[summary.lowerBound..<areas.lowerBound].contains("all_history"))
    }

    @Test func revenueDividedByOrdersIsTheAverageOrderShown() throws {
        let page = ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: .en))
        let tiles = Dictionary(uniqueKeysWithValues: Self.tiles(page).map { ($0.metric, $0) })
        let revenue = try #require(tiles["sales.revenue_last_12m"]), orders = try #require(tiles["sales.orders_last_12m"])
        let average = try #require(tiles["sales.avg_order_value_last_12m"])
        #expect(abs(revenue.value / orders.value - average.value) < 0.005)
        #expect(average.text == Formatter(.en).money((revenue.value / orders.value).rounded(), fractionDigits: 0))
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

/// Page one's three risks are what may cost the business money, one per root cause.
@Suite struct TopRiskChoice {
    func gap(_ id: String, _ severity: Severity, money: Double? = nil, cause: String? = nil, blocking: Bool = false) -> Finding {
        var finding = ReportFixture.finding(id, severity: severity, status: .finding, money: money, blocking: blocking)
        finding.cause = cause
        return finding
    }

    @Test func risksWithMoneyComeFirstAndEachCauseOnce() {
        let priorities = Priorities([
            gap("GOALS-001", .critical, cause: "frame", blocking: true),
            gap("BASE-001", .critical, cause: "base"),
            gap("BASE-003", .critical, money: 30_000_000, cause: "dependency"),
            gap("KEY-010", .high, money: 40_000_000, cause: "dependency"),
            gap("REP-009", .high, money: 10_000_000, cause: "channels"),
            gap("RET-010", .high, money: 8_000_000, cause: "retention"),
        ])
        #expect(priorities.topRisks.map(\.ruleID) == ["BASE-003", "REP-009", "RET-010"])
    }

    @Test func withoutMoneyTheMostSevereFillTheList() {
        let priorities = Priorities([
            gap("A", .low), gap("B", .critical, cause: "x"), gap("C", .high, money: 1_000, cause: "y"), gap("D", .critical, cause: "x"),
        ])
        #expect(priorities.topRisks.map(\.ruleID) == ["C", "B", "A"])
    }
}

/// Page one sets the plan's first-year cost beside the budget named, and its switch-over beside
/// the go-live date named.
@Suite struct CostAgainstBudget {
    func project(budget: Double?, goLive: Day?) -> ProjectSection {
        let stage = { (id: String, end: Int) in
            ProjectSection.Stage(
                id: id, title: LocalizedText(both: id), scope: LocalizedText(both: ""), owner: LocalizedText(both: ""),
                startWeek: 0, endWeek: end, effortDays: 1...2, cost: 1...2, findings: [])
        }
        var section = ProjectSection(
            users: 10, pricesCheckedOn: "2026-06-01", shortlist: [], excluded: [],
            stages: [stage("frame", 2), stage("cutover", 20), stage("support", 24)],
            costs: [
                ProjectSection.MoneyLine(title: LocalizedText(both: "work"), amount: 1_000_000...3_000_000, basis: LocalizedText(both: ""))
            ],
            value: [], guarded: [], paybackMonths: 9...30, notCounted: [], assumptions: [])
        section.statedBudget = budget
        section.statedGoLive = goLive
        return section
    }

    @Test func aBudgetBelowTheLowEstimateAndALateSwitchOverAreSaid() throws {
        let start = try #require(Day(year: 2026, month: 12, day: 1))
        let text = try #require(
            DecisionText.costAgainstBudget(
                project(budget: 450_000, goLive: Day(year: 2027, month: 3, day: 1)),
                roundDate: start, language: .ru))
        #expect(text.contains("1–3\u{00A0}млн\u{00A0}₽; окупаемость — 9–30 мес."))
        #expect(text.contains("450\u{00A0}000\u{00A0}₽: его не хватает даже на нижнюю оценку"))
        // 20 working weeks from 01.12.2026: the New Year week (29.12–04.01) does not count.
        #expect(text.contains("Запуск назван к 01.03.2027, а по плану переключение на CRM — 26.04.2027"))
    }

    @Test func aStageAcrossTheNewYearBreakEndsAWeekLaterAndTheNextStartsAfterIt() throws {
        let start = try #require(Day(year: 2026, month: 11, day: 25))
        let stage = { (from: Int, to: Int) in
            ProjectSection.Stage(
                id: "s", title: LocalizedText(both: "s"), scope: LocalizedText(both: ""), owner: LocalizedText(both: ""),
                startWeek: from, endWeek: to, effortDays: 1...2, cost: 1...2, findings: [])
        }
        // Weeks of 7 days from Wednesday 25.11.2026; the sixth (30.12–05.01) holds 3 January.
        #expect(stage(0, 2).lastDay(from: start).iso == "2026-12-08")
        #expect(stage(2, 6).lastDay(from: start).iso == "2027-01-12")
        #expect(stage(6, 8).firstDay(from: start).iso == "2027-01-13")
        #expect(stage(5, 6).firstDay(from: start).iso == "2027-01-06")
    }

    @Test func aBudgetThatCoversItAndAnEarlySwitchOverAreNotQuestioned() throws {
        let start = try #require(Day(year: 2026, month: 12, day: 1))
        let text = try #require(
            DecisionText.costAgainstBudget(
                project(budget: 5_000_000, goLive: Day(year: 2027, month: 12, day: 1)),
                roundDate: start, language: .en))
        #expect(!text.contains("does not cover"))
        #expect(!text.contains("switches over"))
    }
}
