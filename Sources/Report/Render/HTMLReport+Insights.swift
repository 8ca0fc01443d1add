import Analytics
import AuditModel

extension HTMLReport {
    func insights() -> SafeHTML {
        let tables = input.metrics.tables
        var content: [SafeHTML] = []
        let series = input.metrics.series
        if let first = series.months.first, let last = series.months.last {
            let columns = zip(series.months, series.revenue).enumerated().map { index, pair in
                ColumnChart.Column(label: monthLabel(pair.0), value: pair.1, partial: series.isPartial(index))
            }
            let lead = t(.revenueByMonthLead).replacingOccurrences(of: "{from}", with: monthLabel(first))
                .replacingOccurrences(of: "{to}", with: monthLabel(last))
            content.append(element("h3", [], text(t(.revenueByMonth))))
            content.append(element("p", [("class", "muted")], text(lead)))
            content.append(
                SafeHTML(
                    raw: ColumnChart(
                        columns: columns, caption: t(.revenueByMonth), formatAxis: format.compactMoney,
                        partialNote: input.partialMonthNote(.partialMonth, language)
                    ).svg()))
        }
        if let top20 = metric("pareto.top20_share"), !input.paretoCurve.isEmpty {
            let chart = ParetoChart(
                cumulative: input.paretoCurve, top20Share: top20, caption: t(.paretoTitle),
                xLabel: t(.customersShare), yLabel: t(.revenueShare), formatPercent: { format.percent($0, fractionDigits: 0) })
            let facts = InsightTables(input: input, format: format).paretoFacts()
            content.append(element("h3", [], text(t(.paretoTitle))))
            content.append(element("p", [("class", "muted")], text(t(.paretoLead))))
            // Full width: the curve is read at the 20 % mark, which a thumbnail does not show.
            content.append(SafeHTML(raw: chart.svg()))
            content.append(element("div", [], facts.map { element("p", [], text($0)) } + [abcTable()]))
        }
        if let customers = customerBridge() { content.append(customers) }
        if !tables.rfmSegments.isEmpty {
            let bars = tables.rfmSegments.map { row in
                HorizontalBars.Bar(
                    label: MetricCatalogue.segmentTitle(row.segment)[language], value: Double(row.customers),
                    valueText: "\(format.count(Double(row.customers))) · \(format.compactMoney(row.revenueLast12m))",
                    colour: ["At risk", "Can't lose"].contains(row.segment) ? SVG.red : row.segment == "Long inactive" ? SVG.grey : SVG.blue
                )
            }
            content.append(element("h3", [], text(t(.rfmTitle))))
            content.append(element("p", [("class", "muted")], text(t(.rfmLead))))
            content.append(SafeHTML(raw: HorizontalBars(bars: bars, caption: t(.rfmTitle), labelWidth: 170).svg()))
        }
        if !tables.managers.isEmpty {
            let managers = tables.managers.sorted { $0.revenue > $1.revenue }
            let bars = managers.prefix(15).map { row in
                HorizontalBars.Bar(
                    label: row.manager, value: row.revenue, valueText: format.compactMoney(row.revenue),
                    note: row.idle ? t(.idle) : row.margin.map { "\(t(.margin)) \(format.percent($0, fractionDigits: 0))" },
                    colour: row.idle ? SVG.red : SVG.blue)
            }
            let rows = managers.map { row -> [(String, Bool)] in
                [
                    (row.manager + (row.idle ? " — \(t(.idle))" : ""), false), (format.money(row.revenue, fractionDigits: 0), true),
                    (row.share.map { format.percent($0) } ?? "—", true), (format.count(Double(row.orders)), true),
                    (format.count(Double(row.customers)), true), (row.margin.map { format.percent($0) } ?? "—", true),
                    (row.lastSaleDate.flatMap { Day(iso: $0) }.map(format.date) ?? "—", true),
                ]
            }
            content.append(element("h3", [], text(t(.managersTitle))))
            content.append(element("p", [("class", "muted")], text(t(.managersLead))))
            content.append(SafeHTML(raw: HorizontalBars(bars: Array(bars), caption: t(.managersTitle), labelWidth: 190).svg()))
            content.append(
                table(
                    [
                        (t(.manager), false), (t(.revenueLast12m), true), (t(.share), true), (t(.orders), true), (t(.customers), true),
                        (t(.margin), true), (t(.lastSale), true),
                    ], rows))
        }
        if !tables.cohorts.isEmpty {
            let cohorts = InsightTables(input: input, format: format).cohorts()
            let heatmap = Heatmap(
                rowLabels: cohorts.months.map(monthLabel), columnLabels: (0..<cohorts.width).map(String.init),
                values: cohorts.shares, caption: t(.cohortsTitle), formatPercent: { format.percent($0, fractionDigits: 0) },
                sizes: cohorts.sizes.map { format.count(Double($0)) },
                texts: (size: ReportText.customers2.text()[language], columns: t(.monthsSince)))
            content.append(element("h3", [], text(t(.cohortsTitle))))
            content.append(element("p", [("class", "muted")], text(t(.cohortsLead))))
            content.append(SafeHTML(raw: heatmap.svg()))
            // The 12-month retention KPI sits in the configuration beside this table: say how they differ.
            if let retention = metric("retention.rate_12m") {
                content.append(
                    element(
                        "p", [("class", "meta"), ("id", "retention-vs-cohorts")],
                        text(t(.retentionVsCohorts).replacingOccurrences(of: "{retention}", with: format.percent(retention)))))
            }
        }
        content.append(portrait())
        return sectionElement(.insights, title: .insightsTitle, content)
    }

    /// Customers of the last 12 months against the 12 before: how many were active, retained,
    /// lost, new and reactivated, each with its one definition.
    func customerBridge() -> SafeHTML? {
        let rows: [(ReportText, String, LocalizedText)] = [
            (
                .activePrevious, "customers.active_prev_12m",
                ReportText.boughtInThePreviousMonths.text()
            ),
            (
                .retained, "customers.retained_12m",
                ReportText.boughtInThePreviousMonthsAnd.text()
            ),
            (
                .lost, "customers.lost_12m",
                ReportText.boughtInThePreviousMonthsNothing.text()
            ),
            (
                .newCustomers, "customers.new_12m",
                ReportText.firstPurchaseEverInTheLast.text()
            ),
            (
                .reactivated, "customers.reactivated_12m",
                ReportText.boughtBeforeSkippedThePreviousMonths.text()
            ),
            (
                .activeNow, "customers.active_12m",
                ReportText.boughtAtLeastOnceInThe.text()
            ),
        ]
        let shown = rows.compactMap { label, id, definition -> SafeHTML? in
            guard let value = metric(id) else { return nil }
            return element(
                "tr", [("data-metric", id), ("data-value", String(value))],
                element("td", [], text(t(label))), element("td", [("class", "num")], text(format.count(value, .customers))),
                element("td", [], text(definition[language])))
        }
        guard !shown.isEmpty else { return nil }
        var parts: [SafeHTML] = [element("h3", [], text(t(.customersTitle))), element("p", [("class", "muted")], text(t(.customersLead)))]
        let head = element(
            "tr", [], element("th", [], text(t(.customers))), element("th", [("class", "num")], text(t(.count))),
            element("th", [], text(t(.definition))))
        parts.append(element("table", [("class", "compact customer-bridge")], element("thead", [], head), element("tbody", [], shown)))
        parts.append(element("p", [("class", "meta")], text(t(.lostNote))))
        return element("div", [("id", "customers")], parts)
    }

    func abcTable() -> SafeHTML {
        let abc = InsightTables(input: input, format: format).abc()
        guard !abc.rows.isEmpty else { return SafeHTML(raw: "") }
        return element(
            "div", [], element("h4", [], text(t(.abcTitle))), element("p", [("class", "meta")], text(t(.abcLead))),
            table(abc.headers.map { ($0.text, $0.numeric) }, abc.rows.map { $0.map { ($0.text, $0.numeric) } }))
    }

    func portrait() -> SafeHTML {
        let portrait = InsightTables(input: input, format: format).portrait()
        var content: [SafeHTML] = [element("h3", [], text(t(.portraitTitle))), element("p", [("class", "muted")], text(t(.portraitLead)))]
        if portrait.rows.isEmpty {
            content.append(element("p", [], text(input.emptySalesSectionNote(in: language))))
        } else {
            content.append(table(portrait.headers.map { ($0.text, $0.numeric) }, portrait.rows.map { $0.map { ($0.text, $0.numeric) } }))
        }
        if let typical = portrait.typical {
            content.append(element("p", [], element("strong", [], text(t(.typicalCustomer) + ": ")), text(typical)))
        }
        return element("div", [], content)
    }

    func monthLabel(_ yearMonth: String) -> String { InsightTables.monthLabel(yearMonth, format) }
}
