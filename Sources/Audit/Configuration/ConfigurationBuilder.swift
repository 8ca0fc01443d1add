import Analytics
import AuditModel
import Expressions
import Questionnaire
import Rules

/// Assembles the recommended CRM configuration from the rules whose gaps hold, from the data and
/// from the answers: segment thresholds from the ABC and RFM analysis, the win-back interval from
/// purchase rhythm, clean-up tasks from the data-quality counts, the pipeline from the stages the
/// company names and its stated sales cycle, KPIs chosen and ordered by the company's goals.
/// Every figure says its period and unit.
package enum ConfigurationBuilder {
    /// - Parameters:
    ///   - answers: the round's usable answers; `spec` reads them.
    ///   - questionnaire: for the goals' labels.
    ///   - spec: the rulesets' `configuration:` block (no answer-driven items without it).
    package static func build(
        rules: [Rule], findings: [Finding], metrics: MetricDocument, answers: [String: AnswerValue] = [:],
        questionnaire: Questionnaire? = nil, spec: ConfigurationSpec? = nil
    ) -> RecommendedConfiguration {
        var configuration = RecommendedConfiguration()
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for finding in findings where finding.isGap {
            guard let rule = rulesByID[finding.ruleID] else { continue }
            for fragment in rule.recommends {
                let baseline = fragment.metric.flatMap { metrics[$0].number }
                configuration.add(
                    ConfigItem(
                        id: fragment.id, title: fragment.title, detail: fragment.detail, reasons: [rule.id], metric: fragment.metric,
                        unit: fragment.metric.flatMap { MetricCatalogue.definition(of: $0)?.unit }, baseline: baseline,
                        baselineText: fragment.metric.flatMap { baselineText($0, baseline, metrics) },
                        target: fragment.target), to: fragment.section)
            }
        }
        addSegments(from: metrics, to: &configuration)
        addDataTasks(from: metrics, to: &configuration)
        let bindings = Bindings(answers: answers, metrics: metrics.expressionValues)
        if let spec { addStatedPipeline(spec, bindings, to: &configuration) }
        addPipeline(from: metrics, to: &configuration)
        if let spec { addGoalKPIs(spec, answers: answers, questionnaire: questionnaire, metrics: metrics, to: &configuration) }
        return configuration
    }

    /// The value of `metric` in its unit with its period and the as-of day, in each language.
    static func baselineText(_ metric: String, _ value: Double?, _ metrics: MetricDocument) -> LocalizedText? {
        guard let value, let definition = MetricCatalogue.definition(of: metric) else { return nil }
        func text(_ format: Formatter) -> String {
            let on = AuditText.to.text()[format.language]
            return
                "\(format.metric(value, unit: definition.unit)) (\(definition.period.title[format.language]), \(on) \(format.date(metrics.asOf)))"
        }
        return .inEach { text(Formatter($0)) }
    }

    private static func addSegments(from metrics: MetricDocument, to configuration: inout RecommendedConfiguration) {
        // ABC on the headline period: the class thresholds are the last 12 months' revenue.
        for row in metrics.tables.abc["customers"] ?? [] {
            configuration.add(
                ConfigItem(
                    id: "abc.\(row.abcClass.lowercased())",
                    title: AuditText.customerAbcClass.text(["abcClass": .value(row.abcClass)]),
                    detail: (row.minRevenue == nil ? AuditText.abcClassDetail : .abcClassDetailFrom).text([
                        "money": .inEach { language in row.minRevenue.map { Formatter(language).money($0, fractionDigits: 0) } ?? "" },
                        "customers": .inEach { Formatter($0).count(Double(row.count), .customers) },
                        "share": .inEach { Formatter($0).percent(row.countShare) },
                        "revenueShare": .inEach { Formatter($0).percent(row.revenueShare) },
                        "date": .inEach { Formatter($0).date(metrics.asOf) },
                    ])),
                to: .segments)
        }
        // RFM segments rank customers against each other (all history, recency from as_of); none of
        // them is the "lost" of the customer definitions.
        for row in metrics.tables.rfmSegments where row.customers > 0 {
            configuration.add(
                ConfigItem(
                    id: "rfm.\(row.segment.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "'", with: ""))",
                    title: {
                        let name = MetricCatalogue.segmentTitle(row.segment)
                        return AuditText.rfmSegment.text(["name": .localized(name)])
                    }(),
                    detail: AuditText.segmentNowAsOf.text([
                        "customers": .inEach { Formatter($0).count(Double(row.customers), .customers) },
                        "date": .inEach { Formatter($0).date(metrics.asOf) },
                    ])),
                to: .segments)
        }
    }

    private static func addDataTasks(from metrics: MetricDocument, to configuration: inout RecommendedConfiguration) {
        if let groups = metrics["quality.duplicate_groups"].number, groups > 0 {
            configuration.add(
                ConfigItem(
                    id: "cleanup.duplicates",
                    title: AuditText.mergeDuplicateCustomers.text(),
                    detail: AuditText.duplicateGroups.text(["groups": .number(groups)])),
                to: .cleanup)
        }
        if let invalid = metrics["quality.emails_invalid"].number, invalid > 0 {
            configuration.add(
                ConfigItem(
                    id: "cleanup.emails", title: AuditText.fixInvalidEmails.text(),
                    detail: AuditText.invalidAddresses.text(["count": .number(invalid)])), to: .cleanup)
        }
        if let invalid = metrics["quality.phones_invalid"].number, invalid > 0 {
            configuration.add(
                ConfigItem(
                    id: "cleanup.phones",
                    title: AuditText.normalisePhonesTo7xxxxxxxxxx.text(),
                    detail: AuditText.unreadablePhones.text(["count": .number(invalid)])),
                to: .cleanup)
        }
        if let orphans = metrics["quality.orphan_sales_rows"].number, orphans > 0 {
            configuration.add(
                ConfigItem(
                    id: "cleanup.orphans",
                    title: AuditText.addCustomersFoundOnlyInSales.text(),
                    detail: AuditText.ofCustomersMissingFromTheBase.text([
                        "count": .inEach { Formatter($0).count(orphans, .saleLines) }
                    ])), to: .cleanup)
        }
        if let median = metrics["customers.median_purchase_interval_days"].number, median > 0 {
            let days = (median * 2).rounded()
            configuration.add(
                ConfigItem(
                    id: "automation.win_back",
                    title: AuditText.taskWhenACustomerPurchases.text(),
                    detail: AuditText.createATaskForTheManager.text([
                        "count": .inEach { Formatter($0).count(days, .days) },
                        "metric": .inEach { Formatter($0).metric(median, unit: .days) },
                    ])),
                to: .automations)
        }
    }

    private static func addPipeline(from metrics: MetricDocument, to configuration: inout RecommendedConfiguration) {
        var seen: Set<String> = []
        for row in metrics.tables.dealStages where seen.insert(row.stage).inserted {
            configuration.add(
                ConfigItem(
                    id: "stage.\(row.stage)", title: LocalizedText(both: row.stage),
                    detail: AuditText.aStageFoundInTheCurrent.text()),
                to: .pipeline)
        }
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
