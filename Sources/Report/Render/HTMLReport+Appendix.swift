import Analytics
import AuditModel
import Foundation
import Rules

extension HTMLReport {
    /// "Progress since <date>": the trend of the overall and area scores across the rounds and
    /// the comparison with the previous assessed round.
    func progressSection() -> SafeHTML? {
        guard let progress = input.progress else { return nil }
        let view = ProgressView(comparison: progress, history: input.history, language: language, format: format)
        return element("section", [("id", ReportSection.progress.rawValue)], [element("h2", [], text(view.title))] + view.content())
    }

    func appendix() -> SafeHTML {
        var content: [SafeHTML] = [
            element("h3", [("id", "glossary")], text(Glossary.title[language])),
            element(
                "dl", [("class", "glossary")],
                Glossary.entries.flatMap { entry in
                    [element("dt", [], text(entry.term[language])), element("dd", [], text(entry.definition[language]))]
                }),
        ]
        content.append(element("h3", [], text(t(.answersTitle))))
        var currentSection: String?
        var rows: [SafeHTML] = []
        for answer in input.answers {
            if answer.section[language] != currentSection {
                currentSection = answer.section[language]
                rows.append(element("tr", [], element("th", [("colspan", "3")], text(answer.section[language]))))
            }
            var answerText = answer.answer[language]
            if !answer.confirmed { answerText += " (\(t(.unconfirmed)))" }
            rows.append(
                element(
                    "tr", [], element("td", [], text(answer.question[language])), element("td", [], text(answerText)),
                    element("td", [], text(answer.note ?? ""))))
        }
        content.append(
            element(
                "table", [],
                element(
                    "thead", [],
                    element(
                        "tr", [], element("th", [], text(t(.question))),
                        element("th", [], text(t(.answer))), element("th", [], text(t(.note))))),
                element("tbody", [], rows)))
        content.append(element("h3", [], text(t(.methodTitle))))
        content.append(element("p", [], text(methodText())))
        var methodRows: [[(String, Bool)]] = []
        if let questionnaire = input.method.questionnaire { methodRows.append([(t(.questionnaire), false), (questionnaire, false)]) }
        methodRows.append([(t(.rulesets), false), (input.method.rulesets.joined(separator: ", "), false)])
        content.append(table([(t(.methodTitle), false), ("", false)], methodRows))
        let money = MoneySummary(input.findings)
        if !money.assumptions.isEmpty {
            let assumptions = money.assumptionTable(language, audience: options.audience, metrics: input.metrics)
            content.append(element("h3", [("id", "assumptions")], text(MoneySummary.assumptionsTitle[language])))
            content.append(element("p", [], text(MoneySummary.assumptionsLead[language])))
            content.append(
                table(
                    assumptions.headers.enumerated().map { ($0.element, $0.offset == 1) },
                    assumptions.rows.map { row in row.enumerated().map { ($0.element, $0.offset == 1) } }))
        }
        content.append(element("h3", [], text(t(.sourcesTitle))))
        // One row per file, its SHA-256 on a line of its own (64 characters would not fit a column).
        // When a file was loaded is the consultant's trace; the client's copy is dated by the
        // report, and a load after that date only confuses.
        let working = options.audience == .consultant
        let sourceRows = input.datasets.flatMap { dataset -> [SafeHTML] in
            var cells = [
                element("td", [], text(dataset.fileName)), element("td", [], text(dataset.kind.title[language])),
                element("td", [("class", "num")], text(format.count(Double(dataset.rowsStored)))),
                element("td", [("class", "num")], text(format.count(Double(dataset.rowsRejected)))),
            ]
            if working { cells.append(element("td", [], text(format.timestamp(dataset.importedAt)))) }
            return [
                element("tr", [], cells),
                element("tr", [("class", "hash")], element("td", [("colspan", String(cells.count))], text("SHA-256: " + dataset.sha256))),
            ]
        }
        var databaseRows: [SafeHTML] = []
        if let name = input.salesDatabaseName(in: language), let note = input.salesDatabaseNote(in: language) {
            // The sale lines stayed in the client's database: what it computed, and what it does not yet.
            var cells = [
                element("td", [], text(name)), element("td", [], text(DatasetKind.sales.title[language])),
                element("td", [("class", "num")], text(format.metric("sales.rows", in: input.metrics) ?? "—")),
                element("td", [("class", "num")], text("—")),
            ]
            if working { cells.append(element("td", [], text("—"))) }
            databaseRows = [
                element("tr", [], cells),
                element("tr", [("class", "hash")], element("td", [("colspan", String(cells.count))], text(note))),
            ]
        }
        var sourceHeaders = [
            element("th", [], text(t(.file))), element("th", [], text(t(.kind))),
            element("th", [("class", "num")], text(t(.rows))), element("th", [("class", "num")], text(t(.rejected))),
        ]
        if working { sourceHeaders.append(element("th", [], text(t(.importedAt)))) }
        content.append(
            element(
                "table", [], element("thead", [], element("tr", [], sourceHeaders)),
                element("tbody", [], databaseRows + sourceRows)))
        content.append(element("h3", [], text(t(.metricsTitle))))
        let shown = Set(input.metrics.metrics.keys)
        if let periods = input.metrics.periods {
            content.append(
                element("p", [], element("strong", [], text(t(.headlinePeriod) + ": ")), text(format.headlineComparison(periods))))
        }
        // Every metric with its value in its unit and its period; the consultant's copy adds each
        // metric's id and formula, which mean nothing to the client.
        content.append(
            table(
                (working ? [("id", false)] : []) + [(t(.metricDefinition), false), (t(.unit), true), (t(.period), false)],
                MetricCatalogue.all.filter { shown.contains($0.id) }.map { definition in
                    (working ? [(definition.id, false)] : [])
                        + [
                            (definition.title[language] + (working ? ": " + definition.definition[language] : ""), false),
                            (format.metric(definition.id, in: input.metrics) ?? input.missingValue(definition.id, in: language), true),
                            (definition.period.title[language], false),
                        ]
                }))
        content += consultantAppendix(hidden: hidden)
        return sectionElement(.appendix, title: .appendixTitle, content)
    }

    func methodText() -> String {
        let policy = input.method.policy
        let levels = policy.levels.map { level in
            "\(level.level) \(level.title[language])" + (level.below.map { " < \(format.number($0))" } ?? "")
        }.joined(separator: ", ")
        var text = t(.methodText)
        let replacements: [(String, String)] = [
            ("{critical}", format.number(policy.severityPoints[.critical] ?? 0)),
            ("{high}", format.number(policy.severityPoints[.high] ?? 0)),
            ("{medium}", format.number(policy.severityPoints[.medium] ?? 0)), ("{low}", format.number(policy.severityPoints[.low] ?? 0)),
            ("{warn}", format.number(policy.warnFraction)), ("{answers}", format.number(policy.answersWeight)),
            ("{levels}", levels), ("{cap}", String(policy.blockingCapsLevel)),
        ]
        for (key, value) in replacements { text = text.replacingOccurrences(of: key, with: value) }
        return text
    }
}
