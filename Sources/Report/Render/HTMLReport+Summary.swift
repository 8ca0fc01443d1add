import Analytics
import AuditModel
import Rules

extension HTMLReport {
    func summary() -> SafeHTML {
        let card = input.scores
        let levelLabel = "\(t(.level)) \(card.level) · \(card.levelTitle[language])"
        let gauge = Gauge(
            score: card.overall ?? 0, levelLabel: levelLabel,
            caption: "\(t(.verdictScore)): \(score(card.overall))",
            bands: input.method.policy.levels.map { $0.below ?? 100 })
        var verdict: [SafeHTML] = [
            element(
                "p", [("class", "verdict")], text(t(.verdictScore) + ": "), element("strong", [], text("\(score(card.overall)) / 100"))),
            element(
                "p", [("class", "verdict")], text(t(.verdictLevel) + ": "),
                element("strong", [], text("\(card.level) — \(card.levelTitle[language])"))),
            element("p", [], text(t(.verdictConfidence) + ": " + format.percent(card.confidence, fractionDigits: 0))),
        ]
        if card.confidence < 0.5 {
            verdict.append(element("div", [("class", "blocked")], text(t(.provisional))))
        }
        // Only when the cap lowers the level: a level already at or below the cap is not "capped".
        if !card.blockedBy.isEmpty, card.uncappedLevel > card.level {
            let titles = card.blockedBy.map { id in input.findings.first { $0.ruleID == id }?.title[language] ?? id }
            verdict.append(
                element(
                    "div", [("class", "blocked")],
                    element("strong", [], text(t(.blockedBy) + ": ")), text(titles.joined(separator: "; "))))
        }
        let kpis = headlineTiles()
        let priorities = Priorities(input.findings)
        let risks = priorities.topRisks.map { finding -> SafeHTML in
            var parts: [SafeHTML] = [element("h4", [], text(finding.title[language]))]
            if let money = finding.money {
                parts.append(
                    element(
                        "span", [("class", "money"), ("data-period", money.period.rawValue)],
                        text(format.estimateRange(low: money.low, high: money.high))))
                parts.append(element("span", [("class", "meta")], text(money.kind.title[language] + ": " + money.basis(language))))
            } else {
                parts.append(badge(finding.severity))
            }
            if let evidence = finding.evidence { parts.append(element("p", [], text(evidence[language]))) }
            return element("div", [("class", "risk")], parts)
        }
        // Each step by its finding's reference, not its area: three steps of one area read as one label three times.
        let actions = priorities.firstActions.map { element("li", [], text($0.recommendation[language] + " (\($0.ruleID))")) }
        // The company's position first, in business terms; the maturity score second.
        let position = SummaryText.position(input.metrics, format)
        return sectionElement(
            .summary, title: .summaryTitle,
            [
                consultantSummary() ?? SafeHTML(raw: ""),
                element("h3", [("id", "position")], text(SummaryText.positionTitle[language])),
                position.isEmpty ? SafeHTML(raw: "") : element("p", [("class", "position")], text(position)),
                kpis,
                readinessBlock(),
                element("h3", [], text(t(.topRisks))),
                risks.isEmpty ? element("p", [], text(t(.noRisks))) : element("div", [("class", "risks")], risks),
            ] + MoneySummary(input.findings).totalsText(language).map { element("p", [("class", "meta money-total")], text($0)) } + []
                + decisionsBlock(actions: actions) + [
                    element("h3", [("id", "maturity")], text(SummaryText.maturityTitle[language])),
                    element("div", [("class", "summary-grid")], SafeHTML(raw: gauge.svg()), element("div", [], verdict)),
                ])
    }

    /// The three decisions asked of the client (the plan's first stages: owner, date, cost,
    /// effect); without a plan, the first actions by finding.
    func decisionsBlock(actions: [SafeHTML]) -> [SafeHTML] {
        guard let project = input.project, !project.stages.isEmpty else {
            return [element("h3", [], text(t(.firstActions))), element("ol", [("class", "actions")], actions)]
        }
        let decisions = DecisionText.decisions(project, metrics: input.metrics, roundDate: input.round.date, language: language)
        let labels = (
            owner: DecisionText.owner[language], due: DecisionText.due[language], cost: DecisionText.cost[language],
            effect: DecisionText.effect[language]
        )
        let items = decisions.map { decision in
            element(
                "li", [("class", "decision")], element("strong", [], text(decision.title)),
                element(
                    "div", [("class", "meta")],
                    text("\(labels.owner): \(decision.owner) · \(labels.due): \(decision.due) · \(labels.cost): \(decision.cost)")),
                element("div", [], text("\(labels.effect): \(decision.effect)")))
        }
        var block = [
            element("h3", [("id", "decisions")], text(DecisionText.title[language])),
            element("ol", [("class", "actions decisions")], items),
        ]
        if let cost = DecisionText.costAgainstBudget(project, roundDate: input.round.date, language: language) {
            block.append(element("p", [("class", "cost-note")], element("strong", [], text(cost))))
        }
        return block
    }

    /// The verdict for the CRM project and each gate with its reason (nothing without gates).
    func readinessBlock() -> SafeHTML {
        guard let readiness = input.readiness else { return SafeHTML(raw: "") }
        let rows = readiness.gates.map { gate in
            element(
                "tr", [("data-gate", gate.id), ("data-status", gate.status.rawValue)],
                element("td", [], text(gate.title[language])),
                element("td", [("class", "gate-\(gate.status.rawValue)")], text(gate.status.title[language])),
                element("td", [], text(gate.reason[language])))
        }
        return element(
            "div", [("class", "readiness"), ("data-verdict", readiness.verdict.rawValue)],
            element(
                "h3", [("id", "readiness")], text(SummaryText.readinessTitle[language] + ": "),
                element("span", [("class", "verdict-\(readiness.verdict.rawValue)")], text(readiness.verdict.title[language]))),
            element("table", [("class", "gates")], element("tbody", [], rows)))
    }

    /// A summary tile: a headline-period figure and its change against the previous 12 months.
    struct Tile {
        var label: ReportText
        var metric: String
        var change: String
        var value: (Double) -> String
    }

    /// The summary's tiles, all on the headline period, each with its change against the 12
    /// months before; every tile carries `data-metric`, `data-value` and `data-period`, so that a
    /// test can check them against the metrics.
    func headlineTiles() -> SafeHTML {
        let tiles: [Tile] = [
            Tile(label: .kpiRevenue, metric: "sales.revenue_last_12m", change: "sales.growth_12m", value: format.compactMoney),
            Tile(label: .kpiOrders, metric: "sales.orders_last_12m", change: "sales.orders_growth_12m", value: format.count),
            Tile(label: .kpiCustomers, metric: "customers.active_12m", change: "customers.active_growth_12m", value: format.count),
            Tile(
                label: .kpiAOV, metric: "sales.avg_order_value_last_12m", change: "sales.avg_order_value_growth_12m",
                value: { format.money($0, fractionDigits: 0) }),
            Tile(
                label: .kpiMargin, metric: "sales.gross_margin_last_12m", change: "sales.gross_margin_change_12m",
                value: { format.percent($0) }),
        ]
        var shown: [SafeHTML] = []
        for tile in tiles {
            guard let value = metric(tile.metric), let definition = MetricCatalogue.definition(of: tile.metric) else { continue }
            let change: SafeHTML
            if let delta = metric(tile.change), let unit = MetricCatalogue.definition(of: tile.change)?.unit {
                let shown = format.metric(delta, unit: unit)
                // Coloured by the sign the reader sees: a change that rounds to ±0 is not green.
                let direction = shown.hasPrefix("+") ? "up" : shown.hasPrefix("−") ? "down" : "flat"
                change = element(
                    "span", [("class", "change \(direction)"), ("data-metric", tile.change), ("data-value", String(delta))],
                    text("\(shown) \(t(.vsPrevious))"))
            } else {
                let reason = input.metrics.unavailable[tile.change].map { UnavailableReason(code: $0).text[language] }
                change = element(
                    "span", [("class", "change"), ("data-metric", tile.change)],
                    text(t(.noComparison) + (reason.map { ": " + $0 } ?? "")))
            }
            shown.append(
                element(
                    "div",
                    [
                        ("class", "kpi"), ("data-metric", tile.metric), ("data-value", String(value)),
                        ("data-period", definition.period.rawValue),
                    ],
                    element("b", [], text(tile.value(value))), element("span", [], text(t(tile.label))), change))
        }
        guard !shown.isEmpty else { return SafeHTML(raw: "") }
        var parts: [SafeHTML] = []
        if let periods = input.metrics.periods {
            parts.append(
                element(
                    "p", [("class", "meta period")], element("strong", [], text(t(.headlinePeriod) + ": ")),
                    text(format.headlineComparison(periods))))
        }
        parts.append(element("div", [("class", "kpi-row")], shown))
        if let database = input.salesDatabaseSummary(in: language) {
            parts.append(element("p", [("class", "meta database")], text(database)))
        }
        return element("div", [("class", "headline")], parts)
    }

    func areas() -> SafeHTML {
        let bars = input.scores.areas.map { area -> HorizontalBars.Bar in
            let note = "\(t(.confidence)) \(format.percent(area.confidence, fractionDigits: 0))"
            let colour = area.score.map { $0 < 35 ? SVG.red : $0 < 55 ? "#e67e22" : $0 < 70 ? SVG.amber : SVG.green } ?? SVG.grey
            return HorizontalBars.Bar(
                label: area.title[language], value: area.score ?? 0,
                valueText: area.score.map { format.number($0, fractionDigits: 0) }
                    ?? (area.insufficientEvidence ? t(.notEnoughEvidence) : t(.notAssessed)),
                note: note, colour: colour, opacity: 0.35 + 0.65 * area.confidence)
        }
        let chart = HorizontalBars(bars: bars, caption: t(.areasTitle), maximum: 100, labelWidth: 260, rowHeight: 25)
        let rows = input.scores.areas.map { area -> [(String, Bool)] in
            [
                (area.title[language], false), (area.insufficientEvidence ? t(.notEnoughEvidence) : score(area.score), true),
                (score(area.answersScore), true), (score(area.rulesScore), true),
                (format.percent(area.confidence, fractionDigits: 0), true), (String(area.gaps), true),
            ]
        }
        let headers: [(String, Bool)] = [
            (t(.area), false), (t(.score), true), (t(.answersPart), true), (t(.rulesPart), true),
            (t(.confidence), true), (t(.findingsTitle), true),
        ]
        return sectionElement(
            .areas, title: .areasTitle, lead: t(.areasLead), [SafeHTML(raw: chart.svg()), table(headers, rows, class: "compact")])
    }
}
