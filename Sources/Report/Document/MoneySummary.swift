import Analytics
import AuditModel
import Rules

/// The money of a report's findings, presented one way everywhere: each finding's estimate as a
/// range with the share and the exposed 12-month revenue it comes from, never added up across
/// findings (different scenarios over overlapping customers), and the assumptions they rest on.
package struct MoneySummary: Sendable {
    /// The gaps with a money estimate.
    package let findings: [Finding]

    package init(_ findings: [Finding]) {
        self.findings = findings.filter { $0.isGap && $0.money != nil }
    }

    /// How many estimates of one kind (loss or recovery) the report shows.
    package func count(_ kind: MoneyKind) -> Int {
        findings.compactMap(\.money).filter { $0.kind == kind }.count
    }

    /// The assumptions the shown estimates rest on, each once, by id.
    package var assumptions: [Assumption] {
        var byID: [String: Assumption] = [:]
        for finding in findings { if let money = finding.money { byID[money.assumption.id] = money.assumption } }
        return byID.values.sorted { $0.id < $1.id }
    }

    /// Why the estimates are not added up, when there are several: they are different
    /// scenarios (a manager leaving is an event, key accounts drifting a yearly rate) over
    /// overlapping customers, so a sum would be neither a bound nor an expectation.
    package func totalsText(_ language: Language) -> [String] {
        let several = MoneyKind.allCases.contains { count($0) > 1 }
        return several ? [Self.notAddedUp[language]] : []
    }

    static let notAddedUp = ReportText.theEstimatesOfDifferentFindingsAre.text()

    /// The appendix's heading and lead for the assumptions table.
    package static let assumptionsTitle = ReportText.assumptionsBehindTheMoneyEstimates.text()
    package static let assumptionsLead = ReportText.eachEstimateIsTheMonthRevenue.text()
    /// " Measured on this company's data: 30.1 % (revenue lost by …, last 12 vs previous 12
    /// months)." when the assumption names a metric and the round has its value.
    static func measured(_ assumption: Assumption, in metrics: MetricDocument, language: Language) -> String {
        guard let id = assumption.measuredBy, let definition = MetricCatalogue.definition(of: id),
            let value = Formatter(language).metric(id, in: metrics)
        else { return "" }
        let title = definition.title[language]
        return " "
            + measuredOnThisData[language].replacingOccurrences(of: "{value}", with: value)
            .replacingOccurrences(of: "{metric}", with: title.prefix(1).lowercased() + title.dropFirst())
            .replacingOccurrences(of: "{period}", with: definition.period.title[language])
    }

    static let measuredOnThisData = ReportText.measuredOnThisCompanyData.text()

    package static let assumptionHeaders = (
        id: ReportText.assumption2.text(), range: ReportText.range.text(),
        source: ReportText.sourceReason.text(),
        ruleset: ReportText.ruleset.text()
    )

    /// The assumptions table's headers and rows: title, rate range, source; the consultant's
    /// copy adds the id and the declaring ruleset, which are what they edit.
    func assumptionTable(_ language: Language, audience: ReportAudience, metrics: MetricDocument) -> (headers: [String], rows: [[String]]) {
        let formatter = Formatter(language)
        let headers = Self.assumptionHeaders
        let working = audience == .consultant
        let rows = assumptions.map { assumption in
            [
                (working ? assumption.id + " — " : "") + assumption.title[language],
                MoneyEstimate.rates(low: assumption.low, high: assumption.high, formatter),
                assumption.source[language] + Self.measured(assumption, in: metrics, language: language),
            ]
                + (working ? [assumption.ruleset] : [])
        }
        return (
            [headers.id[language], headers.range[language], headers.source[language]] + (working ? [headers.ruleset[language]] : []), rows
        )
    }
}
