import AuditModel
import Rules
import Testing

@testable import Report

/// "What you believe / what the data shows": each row states the belief, its period, both
/// values with their units, and a verdict, in the order of the interview.
@Suite struct BeliefTableTests {
    static func belief(
        _ id: String, status: FindingStatus, label: String, stated: Double? = nil, statedText: String? = nil,
        measured: Double? = nil, measuredText: String? = nil, unit: String, noun: LocalizedText? = nil,
        period: BeliefPeriod, comparison: BeliefComparison = .difference, question: String
    ) -> Finding {
        var finding = ReportFixture.finding(id, severity: .medium, status: status)
        finding.belief = BeliefOutcome(
            label: LocalizedText(ru: label, en: label), stated: stated, statedText: statedText.map { LocalizedText(both: $0) },
            measured: measured, measuredText: measuredText.map { LocalizedText(both: $0) }, unit: unit, noun: noun, period: period,
            comparison: comparison, note: nil)
        finding.belief?.questions = [question]
        return finding
    }

    static func input() throws -> ReportInput {
        var input = try ReportFixture.input()
        let customers = LocalizedText(ru: "клиент|клиента|клиентов", en: "customer|customers")
        input.findings =
            [
                belief(
                    "KEY-006", status: .finding, label: "Star", statedText: "Козлов Сергей", measuredText: "Соколов Андрей", unit: "text",
                    period: .last12Months, comparison: .match, question: "key_star_name"),
                belief(
                    "BASE-010", status: .finding, label: "Active", stated: 1200, measured: 844, unit: "count", noun: customers,
                    period: .last12Months, question: "company_customers_count"),
                belief(
                    "KEY-005", status: .warn, label: "Top 20", stated: 0.65, measured: 0.796, unit: "percent", period: .wholeHistory,
                    question: "key_top_share"),
                belief(
                    "SALES-008", status: .ok, label: "Cycle", stated: 14, measured: 90.3333, unit: "days", period: .wholeHistory,
                    comparison: .plausibility, question: "sales_cycle_days"),
                belief(
                    "RET-004", status: .notEvaluable, label: "Churn", statedText: "не знаю", measured: 0.325, unit: "percent",
                    period: .last12Months, question: "ret_churn_estimate"),
                belief(
                    "BASE-013", status: .notApplicable, label: "Hidden", stated: 1, measured: 1, unit: "count", period: .asOf,
                    question: "company_customers_count"),
            ] + input.findings
        let row = { (id: String) in
            AnswerRow(
                section: LocalizedText(both: "S"), questionID: id, question: LocalizedText(both: id), answer: LocalizedText(both: "a"),
                note: nil, source: .interview, confirmed: true)
        }
        input.answers = ["company_customers_count", "sales_cycle_days", "key_top_share", "key_star_name", "ret_churn_estimate"].map(row)
        input.metrics.metrics["sales.first_date"] = .text("2023-11-22")
        return input
    }

    @Test func rowsFollowTheInterviewAndLeaveOutWhatDoesNotApply() throws {
        let table = BeliefTable(try Self.input(), language: .en)
        #expect(table.rows.map(\.ruleID) == ["BASE-010", "SALES-008", "KEY-005", "KEY-006", "RET-004"])
        let tally = table.confirmed
        #expect(
            (tally.count, tally.of, tally.unchecked) == (0, 3, 2),
            "the unknown one and the indirect cycle check are not counted as checked, and the tally adds up to the rows")
    }

    @Test func eachRowStatesItsPeriodBothValuesAndAVerdictInEnglish() throws {
        let rows = Dictionary(uniqueKeysWithValues: BeliefTable(try Self.input(), language: .en).rows.map { ($0.ruleID, $0) })
        let active = try #require(rows["BASE-010"])
        #expect(active.period == "12 months to 2026-11-20")
        #expect(active.stated == "1,200\u{00A0}customers")
        #expect(active.measured == "844\u{00A0}customers")
        #expect(active.verdict == "overstated by 356\u{00A0}customers (42%)")
        #expect(active.tone == .off)
        #expect(rows["KEY-005"]?.verdict == "understated by 14.6\u{00A0}pp")
        #expect(rows["KEY-005"]?.tone == .near)
        #expect(rows["KEY-005"]?.period == "the whole sales history: 2023-11-22 to 2026-11-20")
        #expect(rows["SALES-008"]?.measured == "90.3\u{00A0}days")
        #expect(
            rows["SALES-008"]?.verdict == "cannot be checked directly; consistent with the data",
            "a purchase interval is not a deal cycle: it can contradict the stated cycle but never confirm it")
        #expect(rows["SALES-008"]?.tone == .unknown)
        #expect(rows["KEY-006"]?.verdict == "not confirmed")
        #expect(rows["RET-004"]?.stated == "не знаю")
        #expect(rows["RET-004"]?.verdict == "not known in the company")
    }

    @Test func channelsMostlyUnrecordedCannotBeChecked() throws {
        var input = try Self.input()
        input.findings = [
            Self.belief(
                "MKT-006", status: .finding, label: "Channels", statedText: "referrals", measuredText: "Site 10 %", unit: "text",
                period: .last12Months, comparison: .coverage, question: "key_star_name"),
            Self.belief(
                "MKT-007", status: .warn, label: "Channels 2", statedText: "referrals", measuredText: "Site 60 %", unit: "text",
                period: .last12Months, comparison: .coverage, question: "key_star_name"),
        ]
        let rows = Dictionary(uniqueKeysWithValues: BeliefTable(input, language: .en).rows.map { ($0.ruleID, $0) })
        #expect(rows["MKT-006"]?.verdict == "cannot be checked: the data mostly does not record it")
        #expect(rows["MKT-006"]?.tone == .unknown)
        #expect(rows["MKT-007"]?.verdict == "only partly recorded")
        #expect(BeliefTable(input, language: .en).confirmed.unchecked == 1)
    }

    @Test func russianRowsHaveRussianPlurals() throws {
        let rows = Dictionary(uniqueKeysWithValues: BeliefTable(try Self.input(), language: .ru).rows.map { ($0.ruleID, $0) })
        #expect(rows["BASE-010"]?.stated == "1\u{00A0}200\u{00A0}клиентов")
        #expect(rows["BASE-010"]?.measured == "844\u{00A0}клиента")
        #expect(rows["BASE-010"]?.verdict == "завышено на 356\u{00A0}клиентов (42\u{00A0}%)")
        #expect(rows["BASE-010"]?.period == "12 месяцев по 20.11.2026")
        #expect(rows["SALES-008"]?.stated == "14\u{00A0}дней")
        #expect(rows["SALES-008"]?.measured == "90,3\u{00A0}дня")
        #expect(rows["KEY-005"]?.verdict == "занижено на 14,6\u{00A0}п. п.")
    }

    @Test func theSectionComesRightAfterTheSummaryInBothFormats() throws {
        let input = try Self.input()
        for language in Language.allCases {
            let page = ReportRenderer.html(input, options: ReportOptions(language: language))
            let summary = try #require(page.range(of: "id=\"summary\""))
            let beliefs = try #require(page.range(of: "id=\"beliefs\""))
            let areas = try #require(page.range(of: "id=\"areas\""))
            #expect(summary.lowerBound < beliefs.lowerBound && beliefs.lowerBound < areas.lowerBound)
            #expect(page.contains(BeliefText.title.text[language]))
            #expect(page.contains("class=\"belief-card\""), "the sharpest gaps as cards")
        }
        let markdown = ReportRenderer.markdown(input, options: ReportOptions(language: .en))
        #expect(markdown.contains("## What you believe — and what the data shows"))
        #expect(
            markdown.contains(
                "| Active | 12 months to 2026-11-20 | 1,200\u{00A0}customers | 844\u{00A0}customers | overstated by 356\u{00A0}customers (42%) |"
            ))
        #expect(
            markdown.contains(
                "**The data confirms 0 of the 3 beliefs it could check. 2 more cannot be checked from the data; each row says why.**"))
    }

    @Test func withoutBeliefsThereIsNoSection() throws {
        let page = ReportRenderer.html(try ReportFixture.input(), options: ReportOptions(language: .en))
        #expect(!page.contains("id=\"beliefs\""))
    }

    @Test func everyTextExistsInBothLanguagesAndTheRussianIsRussian() {
        for key in BeliefText.allCases {
            #expect(!key.text.ru.isEmpty && !key.text.en.isEmpty, "\(key)")
            #expect(key.text.ru.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(key): \(key.text.ru)")
        }
    }
}
