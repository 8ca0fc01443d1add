import Analytics
import AuditModel
import Rules

/// The report as Markdown: the same sections and numbers as the HTML, without the charts'
/// drawings (their numbers are given as tables).
struct MarkdownReport {
    let input: ReportInput
    let options: ReportOptions
    let format: Formatter
    /// Findings the consultant left out: listed in the appendix only.
    let hidden: [Finding]

    init(input: ReportInput, options: ReportOptions) {
        self.hidden = input.hiddenFindings
        self.input = input.withoutHiddenFindings()
        self.options = options
        format = Formatter(options.language)
    }

    var language: Language { options.language }
    func t(_ key: ReportText) -> String { key[language] }

    /// Escapes characters that Markdown would read as formatting, and table pipes.
    func md(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": out += "\\\(character)"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    func table(_ headers: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        var lines = ["| " + headers.map(md).joined(separator: " | ") + " |", "|" + headers.map { _ in " --- |" }.joined()]
        lines += rows.map { "| " + $0.map(md).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    func score(_ value: Double?) -> String { value.map { format.number($0, fractionDigits: 0) } ?? "—" }

    func render() -> String {
        var out = "# \(md(t(.title)))\n\n**\(md(t(.client))):** \(md(input.engagement.client))  \n"
        out += "**\(md(t(.roundDate))):** \(format.date(input.round.date)) · **\(md(t(.round))):** \(input.round.number)"
        if let consultant = input.engagement.consultant { out += " · **\(md(t(.consultant))):** \(md(consultant))" }
        out += "\n\n"
        if options.redact { out += "*\(md(Redaction.notice[language]))*\n\n" }
        let sections = options.sections
        let card = input.scores
        let priorities = Priorities(input.findings)
        if sections.contains(.summary) {
            out += "## \(md(t(.summaryTitle)))\n\n" + consultantSummary()
            out += "### \(md(SummaryText.positionTitle[language]))\n\n"
            let position = SummaryText.position(input.metrics, format)
            if !position.isEmpty { out += md(position) + "\n\n" }
            if let database = input.salesDatabaseSummary(in: language) { out += md(database) + "\n\n" }
            if let periods = input.metrics.periods {
                out += "*\(md(t(.headlinePeriod))): \(md(format.headlineComparison(periods)))*\n\n"
                for (label, id, change) in [
                    (ReportText.kpiRevenue, "sales.revenue_last_12m", "sales.growth_12m"),
                    (.kpiOrders, "sales.orders_last_12m", "sales.orders_growth_12m"),
                    (.kpiCustomers, "customers.active_12m", "customers.active_growth_12m"),
                    (.kpiAOV, "sales.avg_order_value_last_12m", "sales.avg_order_value_growth_12m"),
                    (.kpiMargin, "sales.gross_margin_last_12m", "sales.gross_margin_change_12m"),
                ] {
                    guard let value = format.metric(id, in: input.metrics) else { continue }
                    let delta = format.metric(change, in: input.metrics).map { " (\($0) \(t(.vsPrevious)))" } ?? ""
                    out += "- \(md(t(label))): **\(md(value))**\(md(delta))\n"
                }
            }
            if let readiness = input.readiness {
                out += "\n### \(md(SummaryText.readinessTitle[language])): \(md(readiness.verdict.title[language]))\n\n"
                out += table(["", "", ""], readiness.gates.map { [$0.title[language], $0.status.title[language], $0.reason[language]] })
            }
            out += "\n### \(md(t(.topRisks)))\n\n"
            for (index, risk) in priorities.topRisks.enumerated() {
                out += "\(index + 1). **\(md(risk.title[language]))**"
                if let money = risk.money { out += " — \(md(money.kind.title[language])): \(md(money.text(language)))" }
                if let evidence = risk.evidence { out += ". \(md(evidence[language]))" }
                out += "\n"
            }
            for line in MoneySummary(input.findings).totalsText(language) { out += "\n" + md(line) + "\n" }
            if let project = input.project, !project.stages.isEmpty {
                out += "\n### \(md(DecisionText.title[language]))\n\n"
                for (index, decision) in DecisionText.decisions(
                    project, metrics: input.metrics, roundDate: input.round.date, language: language
                ).enumerated() {
                    out +=
                        "\(index + 1). **\(md(decision.title))** — \(md(DecisionText.owner[language])): \(md(decision.owner)) · "
                        + "\(md(DecisionText.due[language])): \(md(decision.due)) · \(md(DecisionText.cost[language])): \(md(decision.cost)). "
                        + "\(md(DecisionText.effect[language])): \(md(decision.effect))\n"
                }
                if let cost = DecisionText.costAgainstBudget(project, roundDate: input.round.date, language: language) {
                    out += "\n**\(md(cost))**\n"
                }
            } else {
                out += "\n### \(md(t(.firstActions)))\n\n"
                for (index, action) in priorities.firstActions.enumerated() {
                    out += "\(index + 1). \(md(action.recommendation[language])) (\(action.ruleID))\n"
                }
            }
            out += "\n### \(md(SummaryText.maturityTitle[language]))\n\n"
            out += "- \(md(t(.verdictScore))): **\(score(card.overall)) / 100**\n"
            out += "- \(md(t(.verdictLevel))): **\(card.level) — \(md(card.levelTitle[language]))**\n"
            out += "- \(md(t(.verdictConfidence))): \(format.percent(card.confidence, fractionDigits: 0))\n"
            // Only when the cap lowers the level: a level already at or below the cap is not "capped".
            if !card.blockedBy.isEmpty, card.uncappedLevel > card.level {
                out += "- \(md(t(.blockedBy))): \(md(card.blockedBy.joined(separator: ", ")))\n"
            }
            out += "\n"
        }
        if sections.contains(.beliefs) { out += beliefs() }
        if sections.contains(.areas) {
            out += "## \(md(t(.areasTitle)))\n\n"
            out +=
                table(
                    [t(.area), t(.score), t(.answersPart), t(.rulesPart), t(.confidence)],
                    card.areas.map { area in
                        [
                            area.title[language], area.insufficientEvidence ? t(.notEnoughEvidence) : score(area.score),
                            score(area.answersScore), score(area.rulesScore), format.percent(area.confidence, fractionDigits: 0),
                        ]
                    }) + "\n"
        }
        if sections.contains(.findings) {
            out += causesMarkdown()
            out += "## \(md(t(.findingsTitle)))\n\n"
            for finding in priorities.gaps {
                out += "### \(md(finding.ruleID)) · \(md(finding.title[language]))\n\n"
                out +=
                    "*\(md(finding.severity.title[language])) · \(md(finding.status.title[language])) · \(md(t(.impact))): \(md(finding.impact.title[language])) · \(md(t(.effort))): \(md(finding.effort.effortTitle[language]))*\n\n"
                if let evidence = finding.evidence { out += "**\(md(t(.evidence))):** \(md(evidence[language]))\n\n" }
                if let money = finding.money {
                    out += "**\(md(money.kind.title[language].capitalizedFirst)):** \(md(money.text(language)))\n\n"
                }
                out += consultantComment(finding)
                out += "→ \(md(finding.recommendation[language]))\n\n"
                if let samples = finding.samples, !samples.rows.isEmpty {
                    out +=
                        table(
                            samples.fields.map { SampleColumns.title($0, language) },
                            samples.rows.prefix(10).map { row in
                                zip(samples.fields, row).map { SampleColumns.value($1, field: $0, format) }
                            }) + "\n"
                    out += "*\(md(options.recordsCaption(finding, shown: min(10, samples.rows.count), format)))*\n\n"
                }
            }
            out += strengths()
            let notEvaluable = input.findings.filter { $0.status == .notEvaluable }
            if !notEvaluable.isEmpty {
                out += "### \(md(t(.notEvaluableTitle)))\n\n"
                out +=
                    table(
                        [t(.findingsTitle), t(.missing)],
                        notEvaluable.map {
                            ["\($0.ruleID) \($0.title[language])", $0.missing.map { $0.reason[language] }.joined(separator: "; ")]
                        }) + "\n"
            }
        }
        if sections.contains(.insights) {
            out += "## \(md(t(.insightsTitle)))\n\n"
            let series = input.metrics.series
            out +=
                "### \(md(t(.revenueByMonth)))\n\n"
                + table(
                    ["", t(.revenue), t(.orders), t(.customers)],
                    zip(series.months.indices, series.months).map { index, month in
                        [
                            month + (series.isPartial(index) ? " *" : ""), format.money(series.revenue[index], fractionDigits: 0),
                            format.count(Double(series.orders[index])), format.count(Double(series.customers[index])),
                        ]
                    }) + "\n"
            if series.partial.contains(true) { out += "\(md(input.partialMonthNote(.partialMonthMark, language)))\n\n" }
            out += paretoAndABC()
            out +=
                "### \(md(t(.rfmTitle)))\n\n"
                + table(
                    [t(.segment), t(.customers), t(.revenueLast12m)],
                    input.metrics.tables.rfmSegments.map {
                        [
                            MetricCatalogue.segmentTitle($0.segment)[language], format.count(Double($0.customers)),
                            format.money($0.revenueLast12m, fractionDigits: 0),
                        ]
                    }) + "\n"
            out +=
                "### \(md(t(.managersTitle)))\n\n"
                + table(
                    [t(.manager), t(.revenueLast12m), t(.share), t(.margin), t(.lastSale)],
                    input.metrics.tables.managers.sorted { $0.revenue > $1.revenue }.map {
                        [
                            $0.manager + ($0.idle ? " (\(t(.idle)))" : ""), format.money($0.revenue, fractionDigits: 0),
                            $0.share.map { format.percent($0) } ?? "—",
                            $0.margin.map { format.percent($0) } ?? "—", $0.lastSaleDate ?? "—",
                        ]
                    }) + "\n"
            out += cohortsAndPortrait()
        }
        if sections.contains(.quality) {
            out +=
                "## \(md(t(.qualityTitle)))\n\n"
                + table(
                    [t(.field), t(.fillRate)],
                    input.metrics.tables.dataQuality.map {
                        [PortraitText.field($0.field, language), format.percent($0.fillRate, fractionDigits: 0)]
                    }) + "\n"
        }
        if sections.contains(.configuration) {
            out += "## \(md(t(.configurationTitle)))\n\n"
            for section in ConfigSection.allCases where !input.configuration[section].isEmpty {
                out += "### \(md(section.title[language]))\n\n"
                for item in input.configuration[section] {
                    out += "- **\(md(item.title[language]))**" + (item.detail.map { " — \(md($0[language]))" } ?? "")
                    if let baseline = item.baselineText { out += " · \(md(t(.baseline))): \(md(baseline[language]))" }
                    if !item.reasons.isEmpty { out += " (\(md(item.reasons.joined(separator: ", "))))" }
                    out += "\n"
                }
                out += "\n"
            }
        }
        if sections.contains(.roadmap), let project = input.project, !project.stages.isEmpty {
            out += "## \(md(t(.roadmapTitle)))\n\n" + projectMarkdown(project)
        } else if sections.contains(.roadmap) {
            let plan = priorities.roadmap
            out += "## \(md(t(.roadmapTitle)))\n\n"
            for (title, items) in [(ReportText.now, plan.now), (.within3, plan.soon), (.within6, plan.later)] {
                out += "### \(md(t(title)))\n\n" + items.map { "- \(md($0.recommendation[language])) (\($0.ruleID))\n" }.joined() + "\n"
            }
        }
        if sections.contains(.progress), let progress = input.progress {
            out += ProgressMarkdown(view: ProgressView(comparison: progress, history: input.history, language: language, format: format))
                .render(heading: "##")
        }
        if sections.contains(.appendix) {
            out += "## \(md(t(.appendixTitle)))\n\n### \(md(Glossary.title[language]))\n\n"
            for entry in Glossary.entries { out += "- **\(md(entry.term[language]))** — \(md(entry.definition[language]))\n" }
            out += "\n### \(md(t(.answersTitle)))\n\n"
            out +=
                table(
                    [t(.question), t(.answer), t(.note)], input.answers.map { [$0.question[language], $0.answer[language], $0.note ?? ""] })
                + "\n"
            out +=
                "### \(md(t(.sourcesTitle)))\n\n"
                + table(
                    [t(.file), t(.kind), t(.rows), t(.checksum)],
                    (input.salesDatabaseName(in: language).map { name in
                        [[name, DatasetKind.sales.title[language], format.metric("sales.rows", in: input.metrics) ?? "—", "—"]]
                    } ?? [])
                        + input.datasets.map {
                            [$0.fileName, $0.kind.title[language], format.count(Double($0.rowsStored)), $0.sha256]
                        })
                + (input.salesDatabaseNote(in: language).map { "\n\(md($0))\n" } ?? "")
            let money = MoneySummary(input.findings)
            if !money.assumptions.isEmpty {
                let assumptions = money.assumptionTable(language, audience: options.audience, metrics: input.metrics)
                out += "\n### \(md(MoneySummary.assumptionsTitle[language]))\n\n\(md(MoneySummary.assumptionsLead[language]))\n\n"
                out += table(assumptions.headers, assumptions.rows)
            }
        }
        if sections.contains(.appendix) { out += consultantAppendix(hidden: hidden) }
        // Hidden when the Markdown is shown; lets a later run recognise the file as its own.
        return out + "\n<!-- \(OutputSignature.comment) -->\n"
    }
}
