import Analytics
import AuditModel

extension HTMLReport {
    func insights() -> SafeHTML {
        let tables = input.metrics.tables
        var content: [SafeHTML] = []
        let series = input.metrics.series
        if !series.months.isEmpty {
            let columns = zip(series.months, series.revenue).map { month, revenue in
                ColumnChart.Column(label: monthLabel(month), value: revenue)
            }
            content.append(element("h3", [], text(t(.revenueByMonth))))
            content.append(element("p", [("class", "muted")], text(t(.revenueByMonthLead))))
            content.append(SafeHTML(raw: ColumnChart(columns: columns, caption: t(.revenueByMonth), formatAxis: format.compactMoney).svg()))
        }
        if let top20 = metric("pareto.top20_share"), !input.paretoCurve.isEmpty {
            let chart = ParetoChart(cumulative: input.paretoCurve, top20Share: top20, caption: t(.paretoTitle),
                                    xLabel: t(.customersShare), yLabel: t(.revenueShare), formatPercent: { format.percent($0, fractionDigits: 0) })
            var facts: [String] = []
            if let k = metric("pareto.customers_for_80"), let share = metric("pareto.customers_for_80_share") {
                facts.append(language == .ru
                    ? "80 % выручки приносят \(format.count(k)) клиентов (\(format.percent(share)))."
                    : "\(format.count(k)) customers (\(format.percent(share))) bring 80 % of revenue.")
            }
            if let top = metric("pareto.top_customer_share") {
                facts.append(language == .ru ? "Крупнейший клиент — \(format.percent(top)) выручки." : "The largest customer holds \(format.percent(top)) of revenue.")
            }
            content.append(element("h3", [], text(t(.paretoTitle))))
            content.append(element("p", [("class", "muted")], text(t(.paretoLead))))
            content.append(element("div", [("class", "two")], SafeHTML(raw: chart.svg()),
                                   element("div", [], facts.map { element("p", [], text($0)) } + [abcTable()])))
        }
        if !tables.rfmSegments.isEmpty {
            let bars = tables.rfmSegments.map { row in
                HorizontalBars.Bar(label: MetricCatalogue.segmentTitle(row.segment)[language], value: Double(row.customers),
                                   valueText: "\(format.count(Double(row.customers))) · \(format.compactMoney(row.revenueLast12m))",
                                   colour: ["At risk", "Can't lose"].contains(row.segment) ? SVG.red : row.segment == "Lost" ? SVG.grey : SVG.blue)
            }
            content.append(element("h3", [], text(t(.rfmTitle))))
            content.append(element("p", [("class", "muted")], text(t(.rfmLead))))
            content.append(SafeHTML(raw: HorizontalBars(bars: bars, caption: t(.rfmTitle), labelWidth: 170).svg()))
        }
        if !tables.managers.isEmpty {
            let managers = tables.managers.sorted { $0.revenue > $1.revenue }
            let bars = managers.prefix(15).map { row in
                HorizontalBars.Bar(label: row.manager, value: row.revenue, valueText: format.compactMoney(row.revenue),
                                   note: row.idle ? t(.idle) : row.margin.map { "\(t(.margin)) \(format.percent($0, fractionDigits: 0))" },
                                   colour: row.idle ? SVG.red : SVG.blue)
            }
            let rows = managers.map { row -> [(String, Bool)] in
                [(row.manager + (row.idle ? " — \(t(.idle))" : ""), false), (format.money(row.revenue, fractionDigits: 0), true),
                 (row.share.map { format.percent($0) } ?? "—", true), (format.count(Double(row.orders)), true),
                 (format.count(Double(row.customers)), true), (row.margin.map { format.percent($0) } ?? "—", true),
                 (row.lastSaleDate.flatMap { Day(iso: $0) }.map(format.date) ?? "—", true)]
            }
            content.append(element("h3", [], text(t(.managersTitle))))
            content.append(element("p", [("class", "muted")], text(t(.managersLead))))
            content.append(SafeHTML(raw: HorizontalBars(bars: Array(bars), caption: t(.managersTitle), labelWidth: 190).svg()))
            content.append(table([(t(.manager), false), (t(.revenue), true), (t(.share), true), (t(.orders), true), (t(.customers), true),
                                  (t(.margin), true), (t(.lastSale), true)], rows))
        }
        if !tables.cohorts.isEmpty {
            let cohorts = Array(tables.cohorts.suffix(18))
            let width = min(13, cohorts.map(\.active.count).max() ?? 0)
            let values = cohorts.map { row in
                (0..<width).map { index -> Double? in
                    index < row.active.count && row.size > 0 ? Double(row.active[index]) / Double(row.size) : nil
                }
            }
            let heatmap = Heatmap(rowLabels: cohorts.map { monthLabel($0.cohort) }, columnLabels: (0..<width).map(String.init),
                                  values: values, caption: t(.cohortsTitle), formatPercent: { format.percent($0, fractionDigits: 0) })
            content.append(element("h3", [], text(t(.cohortsTitle))))
            content.append(element("p", [("class", "muted")], text(t(.cohortsLead))))
            content.append(SafeHTML(raw: heatmap.svg()))
        }
        content.append(portrait())
        return sectionElement(.insights, title: .insightsTitle, content)
    }

    func abcTable() -> SafeHTML {
        let abc = input.metrics.tables.abc
        var rows: [[(String, Bool)]] = []
        let names: [(String, LocalizedText)] = [
            ("customers", LocalizedText(ru: "Клиенты", en: "Customers")), ("products", LocalizedText(ru: "Товары", en: "Products")),
            ("managers", LocalizedText(ru: "Менеджеры", en: "Managers")),
        ]
        for (key, title) in names {
            for row in abc[key] ?? [] {
                rows.append([(title[language], false), (row.abcClass, false), (format.count(Double(row.count)), true),
                             (format.percent(row.countShare), true), (format.percent(row.revenueShare), true)])
            }
        }
        guard !rows.isEmpty else { return SafeHTML(raw: "") }
        return element("div", [], element("h4", [], text(t(.abcTitle))), element("p", [("class", "meta")], text(t(.abcLead))),
                       table([(t(.items), false), (t(.abcClass), false), (t(.count), true), (t(.customersShare), true), (t(.revenueShare), true)], rows))
    }

    func portrait() -> SafeHTML {
        let tables = input.metrics.tables
        var rows: [[(String, Bool)]] = []
        for field in tables.portrait {
            for value in field.values where (value.overIndex ?? 0) > 1.2 && value.customers >= 3 && !value.value.hasPrefix("(") {
                rows.append([(field.field, false), (value.value, false), (format.percent(value.customerShare), true),
                             (value.revenueShare.map { format.percent($0) } ?? "—", true),
                             (value.overIndex.map { format.number($0, fractionDigits: 2) } ?? "—", true)])
            }
        }
        var content: [SafeHTML] = [element("h3", [], text(t(.portraitTitle))), element("p", [("class", "muted")], text(t(.portraitLead)))]
        if rows.isEmpty {
            content.append(element("p", [], text(t(.noData))))
        } else {
            content.append(table([(t(.field), false), (t(.value), false), (t(.customersShare), true), (t(.revenueShare), true), (t(.overIndex), true)],
                                 Array(rows.prefix(20))))
        }
        if !tables.typicalACustomer.isEmpty {
            let traits = tables.typicalACustomer.map { "\($0.field): \($0.value) (\(format.percent($0.share, fractionDigits: 0)))" }
            content.append(element("p", [], element("strong", [], text(t(.typicalCustomer) + ": ")), text(traits.joined(separator: "; "))))
        }
        return element("div", [], content)
    }

    func monthLabel(_ yearMonth: String) -> String {
        let parts = yearMonth.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return yearMonth }
        return format.month(year * 12 + month - 1)
    }
}
