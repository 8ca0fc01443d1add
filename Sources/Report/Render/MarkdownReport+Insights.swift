import Analytics
import AuditModel

/// The Markdown copy's share of the insights the HTML draws as charts: the same figures, as
/// text and tables (``InsightTables``).
extension MarkdownReport {
    func table(_ table: (headers: [InsightTables.Cell], rows: [[InsightTables.Cell]])) -> String {
        self.table(table.headers.map(\.text), table.rows.map { $0.map(\.text) })
    }

    /// The Pareto facts (with the top 20 % share) and the ABC classes.
    func paretoAndABC() -> String {
        let tables = InsightTables(input: input, format: format)
        var out = ""
        if let top20 = tables.metric("pareto.top20_share") {
            out += "### \(md(t(.paretoTitle)))\n\n\(md(t(.paretoLead)))\n\n"
            out += "- \(md(Self.top20[language].replacingOccurrences(of: "{share}", with: format.percent(top20))))\n"
            for fact in tables.paretoFacts() { out += "- \(md(fact))\n" }
            out += "\n"
        }
        let abc = tables.abc()
        if !abc.rows.isEmpty { out += "#### \(md(t(.abcTitle)))\n\n\(md(t(.abcLead)))\n\n" + table(abc) + "\n" }
        return out
    }

    static let firstPurchaseMonth = ReportText.firstPurchaseMonth.text()

    static let top20 = ReportText.ofTheMonthsBuyersBringShare.text()

    /// The cohort retention table and the customer portrait.
    func cohortsAndPortrait() -> String {
        let tables = InsightTables(input: input, format: format)
        var out = ""
        let cohorts = tables.cohorts()
        if !cohorts.months.isEmpty {
            out += "### \(md(t(.cohortsTitle)))\n\n\(md(t(.cohortsLead)))\n\n"
            let headers = [Self.firstPurchaseMonth[language], t(.customers)] + (0..<cohorts.width).map { "+\($0)" }
            out +=
                table(
                    headers,
                    cohorts.months.indices.map { row in
                        [InsightTables.monthLabel(cohorts.months[row], format), format.count(Double(cohorts.sizes[row]))]
                            + cohorts.shares[row].map { $0.map { format.percent($0, fractionDigits: 0) } ?? "" }
                    }) + "\n"
            if let retention = tables.metric("retention.rate_12m") {
                out += md(t(.retentionVsCohorts).replacingOccurrences(of: "{retention}", with: format.percent(retention))) + "\n\n"
            }
        }
        let portrait = tables.portrait()
        out += "### \(md(t(.portraitTitle)))\n\n\(md(t(.portraitLead)))\n\n"
        out +=
            portrait.rows.isEmpty ? md(input.emptySalesSectionNote(in: language)) + "\n\n" : table((portrait.headers, portrait.rows)) + "\n"
        if let typical = portrait.typical { out += "**\(md(t(.typicalCustomer))):** \(md(typical))\n\n" }
        return out
    }

    /// Passed checks as strengths (see ``HTMLReport/passedChecks()``).
    func strengths() -> String {
        let (stated, others) = Strengths.split(input.findings)
        guard !stated.isEmpty || !others.isEmpty else { return "" }
        var out = "### \(md(t(.okTitle)))\n\n"
        for finding in stated { if let strength = finding.strength { out += "- \(md(strength[language])) (\(finding.ruleID))\n" } }
        if !others.isEmpty {
            out +=
                "\n"
                + md(
                    options.audience == .consultant
                        ? t(.okWithoutStrength) + " " + others.map { "\($0.ruleID) \($0.title[language])" }.joined(separator: " · ")
                        : t(.okOthers).replacingOccurrences(of: "{count}", with: String(others.count))) + "\n"
        }
        return out + "\n"
    }
}
