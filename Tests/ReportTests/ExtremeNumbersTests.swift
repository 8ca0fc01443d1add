import Analytics
import AuditModel
import Foundation
import Rules
import Testing

@testable import Report

/// Amounts of 1e14 (allowed) and beyond (1e19, 1e300, reachable in sums or by hand), and the
/// heaviest weights a ruleset may give, render without a trap.
@Suite struct ExtremeNumbersTests {
    /// The fixture with its money scaled: revenue of `scale` a month, managers and segments likewise.
    static func input(scale: Double, weight: Double = 100, points: Double = 1000) throws -> ReportInput {
        var json = ReportFixture.metricsJSON
        for (old, new) in [
            ("\"sales.revenue.all_history\": 12345678.9", "\"sales.revenue.all_history\": \(scale)"),
            ("\"sales.revenue_last_12m\": 4000000", "\"sales.revenue_last_12m\": \(scale)"),
            ("\"revenue\": [1000000, 1250000.5, -20000]", "\"revenue\": [\(scale), \(scale / 2), \(-scale)]"),
            ("\"revenue\": 5000000, \"orders\": 600", "\"revenue\": \(scale), \"orders\": 600"),
            ("\"revenue\": 9800000", "\"revenue\": \(scale)"),
        ] {
            #expect(json.contains(old))
            json = json.replacingOccurrences(of: old, with: new)
        }
        var input = try ReportFixture.input()
        input.metrics = try JSONDecoder().decode(MetricDocument.self, from: Data(json.utf8))
        var policy = ScoringPolicy.standard
        for severity in Severity.allCases { policy.severityPoints[severity] = points }
        input.findings = input.findings.map { finding in
            var finding = finding
            finding.observed = scale
            finding.count = scale
            finding.denominator = scale
            finding.money = ReportFixture.estimate(scale)
            finding.pointsPossible = policy.points(severity: finding.severity, weight: weight)
            finding.pointsLost = finding.isGap ? finding.pointsPossible : 0
            return finding
        }
        let areas = [ScoredArea(id: "customer_base", title: LocalizedText(ru: "Клиентская база", en: "Customer base"), weight: 1)]
        input.scores = Scorer.score(
            findings: input.findings, areas: areas,
            maturity: ["customer_base": AnswerMaturity(score: 40, assessed: 3, relevant: 4, dontKnow: 1)], policy: policy)
        input.method.policy = policy
        return input
    }

    @Test(arguments: [1e14, 1e19, 1e300, 1.7e308])
    func everyFormatRendersHugeAmounts(scale: Double) throws {
        let input = try Self.input(scale: scale)
        for language in Language.allCases {
            let options = ReportOptions(language: language)
            let page = ReportRenderer.html(input, options: options)
            #expect(page.contains("</html>"))
            #expect(!page.contains("nan") && !page.contains("inf\""))
            #expect(!ReportRenderer.markdown(input, options: options).isEmpty)
            #expect(!(try ReportRenderer.json(input, options: options)).isEmpty)
        }
    }

    @Test func anAmountOf1e14IsWrittenInFull() throws {
        let page = ReportRenderer.html(try Self.input(scale: 1e14), options: ReportOptions(language: .en))
        #expect(page.contains("100,000,000,000,000"))
    }

    @Test func theHeaviestWeightsKeepTheScoresFinite() throws {
        let input = try Self.input(scale: 1e6, weight: Rule.weights.upperBound, points: ScoringPolicy.severityPointRange.upperBound)
        #expect(input.scores.overall.map(\.isFinite) ?? true)
        #expect(input.findings.allSatisfy { $0.pointsPossible.isFinite })
        #expect(ReportRenderer.html(input, options: ReportOptions(language: .ru)).contains("</html>"))
    }

    @Test(arguments: [1e19, -1e19, 1e300, -1.7e308, .nan, .infinity])
    func chartNumbersNeverTrap(value: Double) {
        _ = SVG.n(value)
        #expect(SVG.n(1e19) == "10000000000000000000" || SVG.n(1e19) == "1e+19")
    }

    @Test func aHeatmapCellThatIsNotANumberIsDrawnBlank() {
        let map = Heatmap(
            rowLabels: ["2026-01"], columnLabels: ["0", "1"], values: [[.nan, .infinity]], caption: "c", formatPercent: { "\($0)" })
        #expect(map.svg().contains("rgb(235,241,248)"))
    }
}
