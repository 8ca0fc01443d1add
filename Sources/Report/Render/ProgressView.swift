import Analytics
import AuditModel
import Rules

/// The comparison of two rounds as HTML: the report's progress section and the page
/// `crm-audit compare --format html` writes.
struct ProgressView {
    let comparison: RoundComparison
    /// Every round up to the compared one, oldest first, for the trend chart.
    let history: [RoundSummary]
    let language: Language
    let format: Formatter

    func t(_ key: ProgressText) -> String { key[language] }

    /// "Progress since 25.05.2026".
    var title: String { "\(t(.titleSince)) \(format.date(comparison.from.date))" }

    /// `+1.5`, `−2`, `±0` (a value that rounds to zero at `digits` has no sign).
    func signed(_ value: Double, digits: Int = 1) -> String {
        let scale = (0..<digits).reduce(1.0) { result, _ in result * 10 }
        let rounded = (value * scale).rounded() / scale
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + format.number(abs(rounded), fractionDigits: digits)
    }

    /// Scores with one decimal: a comparison must not hide a change in rounding.
    func score(_ value: Double?) -> String { value.map { format.number($0, fractionDigits: 1, fixed: true) } ?? "—" }

    func value(_ number: Double, unit: MetricUnit) -> String { format.metric(number, unit: unit) }

    /// `after − before` in the metric's unit: percentage points for shares, changes and points.
    func change(_ metric: RoundComparison.MetricDelta) -> String {
        let points = ReportText.pp.text()[language]
        switch metric.unit {
        case .share, .change, .points: return signed(metric.delta * 100, digits: 1) + points
        case .money: return (metric.delta > 0 ? "+" : "−") + format.money(abs(metric.delta), fractionDigits: 0)
        case .count: return signed(metric.delta, digits: 0)
        case .customers:
            let whole = abs(metric.delta) < 1e15 ? Int(abs(metric.delta).rounded()) : 0
            return signed(metric.delta, digits: 0) + "\u{00A0}" + CountedNoun.customers.form(for: whole, in: language)
        case .days: return signed(metric.delta, digits: 1) + ReportText.days.text()[language]
        case .ratio, .date: return signed(metric.delta, digits: 3)
        }
    }

    func content() -> [SafeHTML] {
        var parts: [SafeHTML] = []
        let from = comparison.from, to = comparison.to
        let lead = t(.lead).replacingOccurrences(of: "{to}", with: String(to.number))
            .replacingOccurrences(of: "{toDate}", with: format.date(to.date))
            .replacingOccurrences(of: "{from}", with: String(from.number))
            .replacingOccurrences(of: "{fromDate}", with: format.date(from.date))
        var verdict = "\(t(.overall)): \(score(from.overall)) → \(score(to.overall))"
        if let delta = comparison.overallDelta { verdict += " (\(signed(delta)))" }
        if let a = from.level, let b = to.level { verdict += ", \(t(.level)) \(a) → \(b)" }
        parts.append(element("p", [("class", "verdict")], text(lead + ". "), element("strong", [], text(verdict))))
        if !comparison.method.isEmpty { parts.append(methodBox()) }
        if let chart = trendChart() { parts.append(chart) }
        parts.append(element("h3", [], text(t(.areasTitle))))
        parts.append(areasTable())
        if comparison.areas.contains(where: \.methodAffected) {
            parts.append(element("p", [("class", "meta")], text(t(.methodAffectedNote))))
        }
        parts.append(element("h3", [], text(t(.findingsTitle))))
        parts += findingLists()
        parts += metricsPart()
        parts += answersPart()
        return parts
    }

    func trendChart() -> SafeHTML? {
        guard history.count >= 2 else { return nil }
        let labels = history.map { "\(t(.round)) \($0.number) · \(format.date($0.date))" }
        var series = [TrendChart.Series(name: t(.overall), values: history.map(\.overall), emphasised: true)]
        for area in comparison.areas {
            let values = history.map { $0.areas[area.area] }
            if values.contains(where: { $0 != nil }) { series.append(TrendChart.Series(name: area.title[language], values: values)) }
        }
        return SafeHTML(raw: TrendChart(labels: labels, series: series, caption: t(.trendCaption)).svg())
    }

    func areasTable() -> SafeHTML {
        let from = comparison.from, to = comparison.to
        let head = element(
            "tr", [], element("th", [], text(t(.area))),
            element("th", [("class", "num")], text("\(t(.round)) \(from.number)")),
            element("th", [("class", "num")], text("\(t(.round)) \(to.number)")),
            element("th", [("class", "num")], text(t(.change))))
        var rows = comparison.areas.map { area in
            element(
                "tr", [("data-area", area.area)],
                element("td", [], text(area.title[language] + (area.methodAffected ? " *" : ""))),
                element("td", [("class", "num")], text(score(area.before))),
                element("td", [("class", "num")], text(score(area.after))),
                element("td", [("class", "num \(trendClass(area.delta))")], text(area.delta.map { signed($0) } ?? "—")))
        }
        rows.append(
            element(
                "tr", [("class", "total")],
                element("td", [], element("strong", [], text(t(.overall)))),
                element("td", [("class", "num")], text(score(from.overall))),
                element("td", [("class", "num")], text(score(to.overall))),
                element(
                    "td", [("class", "num \(trendClass(comparison.overallDelta))")],
                    text(comparison.overallDelta.map { signed($0) } ?? "—"))))
        return element("table", [("class", "progress-areas")], element("thead", [], head), element("tbody", [], rows))
    }

    func trendClass(_ delta: Double?) -> String {
        guard let delta, abs(delta) >= 0.05 else { return "" }
        return delta > 0 ? "up" : "down"
    }

    func findingLists() -> [SafeHTML] {
        let groups: [(ProgressText, String, [RoundComparison.FindingChange])] = [
            (.resolved, "resolved", comparison.resolved), (.new, "new", comparison.new), (.persisting, "persisting", comparison.persisting),
            (.noLongerChecked, "gone", comparison.noLongerChecked),
        ]
        var columns: [SafeHTML] = []
        for (title, kind, items) in groups where kind != "gone" || !items.isEmpty {
            let list: SafeHTML =
                items.isEmpty
                ? element("p", [("class", "muted")], text(t(.none)))
                : element(
                    "ul", [],
                    items.map { item in
                        var note = ""
                        if kind == "new", item.before == nil { note = " (\(t(.newRule)))" }
                        if kind == "new", item.before == .notEvaluable { note = " (\(t(.notAssessableBefore)))" }
                        return element(
                            "li", [("data-rule", item.ruleID)],
                            element("span", [("class", "badge sev-\(item.severity.rawValue)")], text(item.severity.title[language])),
                            text("\(item.title[language])\(note) "), element("span", [("class", "meta")], text(item.ruleID)))
                    })
            columns.append(
                element(
                    "div", [("class", "change-\(kind)")],
                    element("h4", [], text("\(title[language]) (\(items.count))")), list))
        }
        return [element("div", [("class", "changes")], columns)]
    }

    /// The metric's title with its period, unless the title already names it ("Revenue, last 12
    /// months"): a share or a count with no period would leave the reader guessing the window.
    func title(_ metric: RoundComparison.MetricDelta) -> String {
        let title = metric.title[language]
        let named: Bool =
            switch metric.period {
            case .last12m, .previous12m, .change12m: title.contains("12")
            case .last90d: title.contains("90")
            case .allHistory, .asOf, .cohorts: false
            }
        return named ? title : "\(title) (\(metric.period.title[language]))"
    }

    /// Which windows the metrics compare, or why none are compared.
    func metricsPeriodNote() -> String? {
        let from = comparison.from, to = comparison.to
        guard let before = from.periods, let after = to.periods else {
            let missing = from.periods == nil ? from.number : to.number
            return t(.metricsNotCompared).replacingOccurrences(of: "{round}", with: String(missing))
        }
        return t(.metricsPeriods).replacingOccurrences(of: "{from}", with: "\(t(.round)) \(from.number): \(format.headlinePeriod(before))")
            .replacingOccurrences(of: "{to}", with: "\(t(.round)) \(to.number): \(format.headlinePeriod(after))")
    }

    func metricsPart() -> [SafeHTML] {
        let directed = comparison.metrics.filter { $0.trend == .improved || $0.trend == .worsened }
        let neutral = comparison.metrics.filter { $0.trend == .changed }.count
        guard !directed.isEmpty || neutral > 0 else {
            guard let note = metricsPeriodNote() else { return [] }
            return [element("h3", [], text(t(.metricsTitle))), element("p", [("class", "muted metric-periods")], text(note))]
        }
        var parts = [element("h3", [], text(t(.metricsTitle))), element("p", [("class", "muted")], text(t(.metricsLead)))]
        if let note = metricsPeriodNote() { parts.append(element("p", [("class", "muted metric-periods")], text(note))) }
        let head = element(
            "tr", [], element("th", [], text(t(.metric))),
            element("th", [("class", "num")], text("\(t(.round)) \(comparison.from.number)")),
            element("th", [("class", "num")], text("\(t(.round)) \(comparison.to.number)")),
            element("th", [("class", "num")], text(t(.change))), element("th", [], text("")))
        let rows = directed.map { metric in
            let good = metric.trend == .improved
            return element(
                "tr", [("data-metric", metric.id), ("data-trend", metric.trend.rawValue)],
                element("td", [], text(title(metric))),
                element("td", [("class", "num")], text(value(metric.before, unit: metric.unit))),
                element("td", [("class", "num")], text(value(metric.after, unit: metric.unit))),
                element("td", [("class", "num")], text(change(metric))),
                element("td", [("class", good ? "up" : "down")], text((good ? "▲ " : "▼ ") + t(good ? .improved : .worsened))))
        }
        if !rows.isEmpty {
            parts.append(element("table", [("class", "progress-metrics")], element("thead", [], head), element("tbody", [], rows)))
        }
        if neutral > 0 {
            parts.append(
                element("p", [("class", "meta")], text(t(.otherMetrics).replacingOccurrences(of: "{count}", with: String(neutral)))))
        }
        return parts
    }

    func answersPart() -> [SafeHTML] {
        var parts: [SafeHTML] = []
        if !comparison.answers.isEmpty {
            parts.append(element("h3", [], text(t(.answersTitle))))
            let head = element(
                "tr", [], element("th", [], text(t(.question))), element("th", [], text(t(.before))), element("th", [], text(t(.after))))
            let rows = comparison.answers.map { change in
                element(
                    "tr", [("data-question", change.questionID)], element("td", [], text(change.question[language])),
                    element("td", [], text(change.before?[language] ?? t(.notAnswered))),
                    element("td", [], text(change.after?[language] ?? t(.notAnswered))))
            }
            parts.append(element("table", [], element("thead", [], head), element("tbody", [], rows)))
        }
        if comparison.unconfirmedAnswers > 0 {
            parts.append(
                element(
                    "p", [("class", "meta")],
                    text(t(.unconfirmed).replacingOccurrences(of: "{count}", with: String(comparison.unconfirmedAnswers)))))
        }
        return parts
    }

    func methodBox() -> SafeHTML {
        var items: [SafeHTML] = []
        for (title, values) in methodLines() {
            items.append(element("li", [], element("strong", [], text(title + ": ")), text(values)))
        }
        return element(
            "div", [("class", "blocked method-changes")], element("strong", [], text(t(.methodTitle))),
            element("p", [], text(t(.methodLead))), element("ul", [], items))
    }

    /// The method changes as (title, values) lines; shared with the text output.
    func methodLines() -> [(String, String)] {
        let method = comparison.method
        var lines: [(String, String)] = []
        if let questionnaire = method.questionnaire { lines.append((t(.questionnaireChanged), questionnaire.joined(separator: " → "))) }
        if !method.rulesetsRemoved.isEmpty { lines.append((t(.rulesetsRemoved), method.rulesetsRemoved.joined(separator: ", "))) }
        if !method.rulesetsAdded.isEmpty { lines.append((t(.rulesetsAdded), method.rulesetsAdded.joined(separator: ", "))) }
        if !method.rulesAdded.isEmpty { lines.append((t(.rulesAdded), method.rulesAdded.joined(separator: ", "))) }
        if !method.rulesRemoved.isEmpty { lines.append((t(.rulesRemoved), method.rulesRemoved.joined(separator: ", "))) }
        if !method.rulesReweighted.isEmpty { lines.append((t(.rulesReweighted), method.rulesReweighted.joined(separator: "; "))) }
        return lines
    }
}
