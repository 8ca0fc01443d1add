import Analytics
import Audit
import AuditModel
import Foundation
import Report
import Rules
import TestSupport
import Testing
import Workspace

/// The three-round scenario of ``RepeatedAuditScenario``: the client improves some things and
/// worsens others, and the comparison says exactly that.
@Suite(.serialized) struct RepeatedAuditTests {
    /// Built once: three assessed rounds take about a second.
    nonisolated(unsafe) static var built: (Workspace, TemporaryDirectory)?

    static func workspace() throws -> Workspace {
        if let (workspace, _) = built { return workspace }
        let directory = TemporaryDirectory("crm-audit-rounds")
        let workspace = try RepeatedAuditScenario.build(in: directory)
        built = (workspace, directory)
        return workspace
    }

    static func ids(_ changes: [RoundComparison.FindingChange]) -> [String] { changes.map(\.ruleID) }

    static func metrics(_ comparison: RoundComparison, _ trend: RoundComparison.Trend) -> Set<String> {
        Set(comparison.metrics.filter { $0.trend == trend }.map(\.id))
    }

    @Test func roundTwoFilledTheEmailsAndTheBackupsButTiedRevenueToOneManager() throws {
        let comparison = try RoundComparer.compare(try Self.workspace(), rounds: 1, 2)
        #expect(comparison.from.number == 1 && comparison.to.number == 2)
        #expect(Self.ids(comparison.resolved) == ["BASE-004", "DP-004"])
        #expect(Self.ids(comparison.new) == ["BASE-003"])
        #expect(comparison.new.first?.before == .ok)
        #expect(comparison.noLongerChecked.isEmpty)
        #expect(!Self.ids(comparison.persisting).contains { ["BASE-004", "DP-004", "BASE-003"].contains($0) })
        // Area scores: the customer base lost (dependency on one manager outweighs the emails),
        // data protection gained (backups); nothing else moved.
        let moved = comparison.areas.filter { abs($0.delta ?? 0) > 1e-9 }
        #expect(moved.map(\.area) == ["customer_base", "data_protection"])
        #expect((moved.first { $0.area == "customer_base" }?.delta ?? 0) < 0)
        #expect((moved.first { $0.area == "data_protection" }?.delta ?? 0) > 0)
        #expect(comparison.areas.allSatisfy { !$0.methodAffected })
        // Metrics, judged by their direction.
        #expect(
            Self.metrics(comparison, .improved) == [
                "quality.fill.email", "sales.revenue_last_12m", "sales.avg_order_value_last_12m", "sales.avg_revenue_per_customer_last_12m",
            ])
        #expect(
            Self.metrics(comparison, .worsened) == [
                "managers.dependency", "managers.top_share", "managers.top20_share", "pareto.top20_share", "pareto.top_customer_share",
                "pareto.customers_for_80", "pareto.customers_for_80_share", "pareto.hhi",
            ])
        let email = try #require(comparison.metrics.first { $0.id == "quality.fill.email" })
        #expect(email.before == 0.5 && email.after == 0.95 && email.direction == .higherIsBetter)
        let dependency = try #require(comparison.metrics.first { $0.id == "managers.dependency" })
        #expect(dependency.before == 0.2)
        #expect(abs(dependency.after - 5.0 / 9.0) < 1e-9, "M1's customers: 40 × 5 000 of 40 × 5 000 + 160 × 1 000 per purchase")
        // Answers: only the one the consultant changed; the rest are carried over, unconfirmed.
        #expect(comparison.answers.map(\.questionID) == ["dp_backup"])
        #expect(comparison.answers.first?.before?.en == "Sometimes")
        #expect(comparison.answers.first?.after?.en == "Regularly")
        #expect(comparison.unconfirmedAnswers > 0)
        #expect(comparison.method.isEmpty)
    }

    @Test func roundThreeSpreadTheRevenueAgainButLetDuplicatesInAndTheMethodGrew() throws {
        let comparison = try RoundComparer.compare(try Self.workspace(), rounds: 3, 2)
        #expect(comparison.from.number == 2 && comparison.to.number == 3, "the earlier round is always the baseline")
        #expect(Self.ids(comparison.resolved) == ["BASE-003"])
        #expect(Self.ids(comparison.new) == ["CONS-001", "BASE-006"], "by severity: high, then medium")
        let rule = try #require(comparison.new.first { $0.ruleID == "CONS-001" })
        #expect(rule.before == nil, "a rule new to the method, not a new problem of the client")
        #expect(comparison.new.first { $0.ruleID == "BASE-006" }?.before == .ok)
        // The method change is named, and the area it touches is marked.
        #expect(comparison.method.rulesetsAdded == ["consultant@1.0.0"])
        #expect(comparison.method.rulesAdded == ["CONS-001"])
        #expect(comparison.method.rulesRemoved.isEmpty && comparison.method.questionnaire == nil)
        #expect(comparison.areas.filter(\.methodAffected).map(\.area) == ["customer_base"])
        #expect(
            Self.metrics(comparison, .improved) == [
                "managers.dependency", "managers.top_share", "managers.top20_share", "pareto.top20_share", "pareto.top_customer_share",
                "pareto.customers_for_80", "pareto.customers_for_80_share", "pareto.hhi",
            ])
        #expect(
            Self.metrics(comparison, .worsened) == [
                "quality.duplicate_share", "quality.duplicate_customers", "quality.duplicate_groups", "sales.revenue_last_12m",
                "sales.avg_order_value_last_12m", "sales.avg_revenue_per_customer_last_12m",
            ])
        let duplicates = try #require(comparison.metrics.first { $0.id == "quality.duplicate_share" })
        #expect(duplicates.before == 0 && duplicates.after == 0.05)
        #expect(comparison.answers.isEmpty)
    }

    /// Like with like: each round on its own headline period, never a whole-history sum that grows
    /// with the export's length; the comparison says which periods it compares.
    @Test func roundsAreComparedOnTheirOwnHeadlinePeriods() throws {
        let comparison = try RoundComparer.compare(try Self.workspace(), rounds: 1, 2)
        let from = try #require(comparison.from.periods), to = try #require(comparison.to.periods)
        #expect(from.last12m.to < to.last12m.to)
        #expect(!comparison.metrics.isEmpty)
        for metric in comparison.metrics {
            #expect(!metric.period.dependsOnExportLength, "\(metric.id)")
            #expect(!metric.id.hasSuffix(MetricCatalogue.allHistorySuffix), "\(metric.id)")
        }
        for language in Language.allCases {
            let table = ComparisonRenderer.table(comparison, language: language)
            #expect(table.contains(Formatter(language).headlinePeriod(from)) && table.contains(Formatter(language).headlinePeriod(to)))
        }
    }

    @Test func theDefaultComparisonIsTheLastTwoAssessedRounds() throws {
        let workspace = try Self.workspace()
        let (from, to) = try RoundComparer.defaultRounds(workspace)
        #expect(from.number == 2 && to.number == 3)
        #expect(throws: ComparisonError.sameRound(2)) { try RoundComparer.compare(workspace, rounds: 2, 2) }
        #expect(throws: WorkspaceError.self) { try RoundComparer.compare(workspace, rounds: 2, 9) }
    }

    @Test func eachRoundRecordsItsMethodAndHistoryListsTheRounds() throws {
        let entries = try AuditHistory.entries(try Self.workspace())
        #expect(entries.map(\.number) == [1, 2, 3])
        #expect(entries.map(\.status) == [AuditRound.Status.closed, .closed, .open])
        #expect(entries.allSatisfy { $0.assessed })
        #expect(
            entries.map(\.rulesets) == [
                ["crm-core@1.1.0", "industry-wholesale@1.1.0"], ["crm-core@1.1.0", "industry-wholesale@1.1.0"],
                ["crm-core@1.1.0", "industry-wholesale@1.1.0", "consultant@1.0.0"],
            ])
        #expect(entries.allSatisfy { $0.questionnaire == "crm-readiness@1.1.0" })
        #expect(entries.allSatisfy { $0.datasets == 3 }, "data is imported afresh per round and earlier rounds keep theirs")
        // BASE-003 (critical) appears in round 2 only; BASE-004 (high) in round 1 only.
        let critical = entries.map { $0.findings["critical"] ?? 0 }, high = entries.map { $0.findings["high"] ?? 0 }
        #expect(critical[1] == critical[0] + 1 && critical[2] == critical[0])
        #expect(high[1] == high[0] - 1 && high[2] == high[1] + 1, "round 3: CONS-001 is high")
        #expect(entries[0].unconfirmedAnswers == 0 && entries[1].unconfirmedAnswers > 0)
        #expect(entries.allSatisfy { $0.levelTitle != nil })
    }

    @Test func everyCatalogueMetricHasADirection() {
        let missing = MetricCatalogue.all.map(\.id).filter { MetricDirection.of($0) == nil }
        #expect(missing.isEmpty)
        #expect(MetricDirection.of("no.such.metric") == nil)
        #expect(MetricDirection.of("retention.churn_12m") == .lowerIsBetter)
        #expect(MetricDirection.of("quality.fill.birth_date") == .higherIsBetter)
    }

    @Test(arguments: Language.allCases)
    func theReportShowsProgressSinceTheLastRoundWithEveryRoundsScores(language: Language) throws {
        let workspace = try Self.workspace()
        let directory = try #require(Self.built?.1)
        let setup = try AuditSetup.load(industry: "wholesale", extraRulesets: [directory.file("consultant.yaml")])
        let assessment = try AuditPipeline.assess(workspace, setup: setup)
        let input = try assessment.reportInput(workspace: workspace)
        #expect(input.history.map(\.number) == [1, 2, 3])
        let progress = try #require(input.progress)
        #expect(progress.from.number == 2 && progress.to.number == 3)
        let html = ReportRenderer.html(input, options: ReportOptions(language: language))
        let since = language == .ru ? "Динамика с 20.05.2026" : "Progress since 2026-05-20"
        #expect(html.contains("<h2>\(since)</h2>"))
        // The trend chart: the overall score and every area, one point per round, from the stored scores.
        let points = Self.points(in: html)
        let overall = ProgressText.overall[language]
        #expect(points.filter { $0.series == overall }.map(\.value) == input.history.map { Self.rounded($0.overall ?? -1) })
        for area in progress.areas {
            let values = points.filter { $0.series == area.title[language] }.map(\.value)
            #expect(values == input.history.map { Self.rounded($0.areas[area.area] ?? -1) }, "\(area.area)")
        }
        #expect(html.contains("data-rule=\"CONS-001\""))
        #expect(html.contains("data-metric=\"quality.duplicate_share\" data-trend=\"worsened\""))
        #expect(html.contains("class=\"blocked method-changes\""))
        let markdown = ReportRenderer.markdown(input, options: ReportOptions(language: language))
        #expect(markdown.contains("## \(since)"))
        #expect(markdown.contains("`CONS-001`"))
    }

    @Test func progressTextsExistInBothLanguages() {
        for key in ProgressText.allCases {
            #expect(!key[.en].isEmpty && !key[.ru].isEmpty, "\(key)")
            #expect(key[.ru].unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(key) in Russian")
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The trend chart's points: `data-series`, `data-value`.
    static func points(in html: String) -> [(series: String, value: Double)] {
        guard let start = html.range(of: "data-chart=\"trend\""),
            let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let svg = html[start.upperBound..<end.lowerBound]
        return svg.components(separatedBy: "<circle class=\"point\" ").dropFirst().compactMap { chunk in
            guard let series = attribute("data-series", in: chunk), let value = attribute("data-value", in: chunk).flatMap(Double.init)
            else { return nil }
            return (series.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&"), value)
        }
    }

    static func attribute(_ name: String, in text: String) -> String? {
        guard let range = text.range(of: name + "=\"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
