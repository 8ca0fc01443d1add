import Analytics
import AuditModel
import Rules

extension HTMLReport {
    func quality() -> SafeHTML {
        let tables = input.metrics.tables
        var content: [SafeHTML] = []
        if !tables.dataQuality.isEmpty {
            let bars = tables.dataQuality.map { row in
                HorizontalBars.Bar(
                    label: PortraitText.field(row.field, language), value: row.fillRate * 100,
                    valueText: format.percent(row.fillRate, fractionDigits: 0),
                    colour: row.fillRate < 0.5 ? SVG.red : row.fillRate < 0.8 ? SVG.amber : SVG.green)
            }
            content.append(SafeHTML(raw: HorizontalBars(bars: bars, caption: t(.fillRate), maximum: 100, labelWidth: 150).svg()))
        }
        var facts: [(String, String)] = []
        if let invalid = metric("quality.emails_invalid") { facts.append((PortraitText.field("email", language), format.count(invalid))) }
        if let invalid = metric("quality.phones_invalid") {
            facts.append((ReportText.phone.text()[language], format.count(invalid)))
        }
        if !facts.isEmpty {
            content.append(
                element(
                    "p", [], element("strong", [], text(t(.invalidContacts) + ": ")),
                    text(facts.map { "\($0.0) — \($0.1)" }.joined(separator: ", "))))
        }
        if let rows = metric("quality.orphan_sales_rows"), rows > 0 {
            let revenue = metric("quality.orphan_revenue").map { format.money($0, fractionDigits: 0) } ?? "—"
            let share = metric("quality.orphan_sales_share").map { format.percent($0) } ?? "—"
            content.append(
                element(
                    "p", [], element("strong", [], text(t(.orphanSales) + ": ")),
                    text(
                        ReportText.worthOverTheWholeExportA.text([
                            "count": .value(format.count(rows, .saleLines)), "share": .value(share), "revenue": .value(revenue),
                        ])[language])))
        }
        if !tables.duplicateGroups.isEmpty {
            let total = metric("quality.duplicate_groups").map(format.count) ?? String(tables.duplicateGroups.count)
            content.append(element("h3", [], text("\(t(.duplicatesTitle)) (\(total))")))
            content.append(
                table(
                    [("#", true), (t(.customers), false), (t(.duplicateKeys), false)],
                    tables.duplicateGroups.prefix(15).map { group in
                        [
                            (String(group.group), true), (group.customerIDs.joined(separator: ", "), false),
                            (group.keys.map { PortraitText.field($0, language) }.joined(separator: ", "), false),
                        ]
                    }))
        }
        if content.isEmpty { content.append(element("p", [], text(t(.noData)))) }
        return sectionElement(.quality, title: .qualityTitle, lead: t(.qualityLead), content)
    }

    func configuration() -> SafeHTML {
        var content: [SafeHTML] = []
        let config = input.configuration
        for section in ConfigSection.allCases where !config[section].isEmpty {
            content.append(element("h3", [], text(section.title[language])))
            let items = config[section].map { item -> SafeHTML in
                var parts: [SafeHTML] = [element("strong", [], text(item.title[language]))]
                if let detail = item.detail { parts.append(text(" — " + detail[language])) }
                if section == .kpis || item.baseline != nil {
                    let baseline = item.baselineText?[language] ?? item.baseline.map { value in kpiValue(item.metric, value) } ?? "—"
                    parts.append(
                        element(
                            "span", [("class", "meta")],
                            text(
                                " · \(t(.baseline)): \(baseline)"
                                    + ((item.targetText?[language] ?? item.target).map { " · \(t(.target)): \($0)" } ?? ""))))
                }
                if !item.reasons.isEmpty {
                    parts.append(element("span", [("class", "meta")], text(" (\(t(.reasons)): \(item.reasons.joined(separator: ", ")))")))
                }
                return element("li", [], parts)
            }
            content.append(element("ul", [], items))
        }
        if content.isEmpty { content.append(element("p", [], text(t(.noData)))) }
        let command = options.audience == .consultant ? " " + ConsultantText.configurationCommand[language] : ""
        return sectionElement(.configuration, title: .configurationTitle, lead: t(.configurationLead) + command, content)
    }

    /// A KPI's baseline in its metric's unit, with the metric's period.
    func kpiValue(_ metricID: String?, _ value: Double) -> String {
        guard let metricID, let definition = MetricCatalogue.definition(of: metricID) else { return format.number(value) }
        return "\(format.metric(value, unit: definition.unit)) (\(definition.period.title[language]))"
    }
}
