import AuditModel
import Foundation

/// `crm-audit compare --format html`: the comparison of two rounds as one self-contained page
/// (the report's stylesheet, inline SVG, no scripts).
package enum ComparisonRenderer {
    /// The page for `comparison`; `history` (oldest first, up to the compared round) feeds the trend chart.
    package static func html(_ comparison: RoundComparison, history: [RoundSummary], client: String, language: Language) -> String {
        let view = ProgressView(comparison: comparison, history: history, language: language, format: Formatter(language))
        let title = "\(view.title) — \(client)"
        let body = SafeHTML.join(
            [
                element(
                    "section", [("id", "progress"), ("class", "flow")],
                    [element("h1", [], text(view.title)), element("p", [("class", "client")], text(client))]
                        + view.content())
            ], separator: "\n")
        return Page.document(
            language: language, title: title, body: body,
            footer: "crm-audit · \(client) · \(view.t(.round)) \(comparison.from.number) → \(comparison.to.number)")
    }

    /// The comparison as Markdown (also the report's progress section in `md`).
    package static func markdown(_ comparison: RoundComparison, language: Language) -> String {
        let view = ProgressView(comparison: comparison, history: [], language: language, format: Formatter(language))
        return ProgressMarkdown(view: view).render(heading: "##")
    }
}

/// The comparison as Markdown tables and lists.
struct ProgressMarkdown {
    let view: ProgressView

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

    func render(heading: String) -> String {
        let comparison = view.comparison, language = view.language
        let from = comparison.from, to = comparison.to
        var out = "\(heading) \(md(view.title))\n\n"
        var verdict = "\(view.t(.overall)): \(view.score(from.overall)) → \(view.score(to.overall))"
        if let delta = comparison.overallDelta { verdict += " (\(view.signed(delta)))" }
        out +=
            md(
                view.t(.lead).replacingOccurrences(of: "{to}", with: String(to.number))
                    .replacingOccurrences(of: "{toDate}", with: view.format.date(to.date))
                    .replacingOccurrences(of: "{from}", with: String(from.number))
                    .replacingOccurrences(of: "{fromDate}", with: view.format.date(from.date))) + ". **\(md(verdict))**\n\n"
        if !comparison.method.isEmpty {
            out += "> **\(md(view.t(.methodTitle)))**: \(md(view.t(.methodLead)))\n"
            for (title, values) in view.methodLines() { out += ">\n> - \(md(title)): \(md(values))\n" }
            out += "\n"
        }
        out +=
            "\(heading)# \(md(view.t(.areasTitle)))\n\n| \(md(view.t(.area))) | \(view.t(.round)) \(from.number) | \(view.t(.round)) \(to.number) | \(md(view.t(.change))) |\n| --- | ---: | ---: | ---: |\n"
        for area in comparison.areas {
            out +=
                "| \(md(area.title[language]))\(area.methodAffected ? " \\*" : "") | \(view.score(area.before)) | \(view.score(area.after)) | \(area.delta.map { view.signed($0) } ?? "—") |\n"
        }
        if comparison.areas.contains(where: \.methodAffected) { out += "\n\(md(view.t(.methodAffectedNote)))\n" }
        out += "\n\(heading)# \(md(view.t(.findingsTitle)))\n\n"
        for (title, items) in [
            (ProgressText.resolved, comparison.resolved), (.new, comparison.new), (.persisting, comparison.persisting),
            (.noLongerChecked, comparison.noLongerChecked),
        ] where title != .noLongerChecked || !items.isEmpty {
            out += "**\(md(view.t(title))) (\(items.count))**"
            out +=
                items.isEmpty
                ? ": \(md(view.t(.none)))\n\n"
                : "\n\n"
                    + items.map { item in
                        let note =
                            title == .new && item.before == nil
                            ? " (\(view.t(.newRule)))"
                            : title == .new && item.before == .notEvaluable ? " (\(view.t(.notAssessableBefore)))" : ""
                        return "- \(md(item.severity.title[language])): \(md(item.title[language] + note)) `\(item.ruleID)`\n"
                    }.joined() + "\n"
        }
        let directed = comparison.metrics.filter { $0.trend == .improved || $0.trend == .worsened }
        if directed.isEmpty, let note = view.metricsPeriodNote() {
            out += "\(heading)# \(md(view.t(.metricsTitle)))\n\n\(md(note))\n\n"
        }
        if !directed.isEmpty {
            out +=
                "\(heading)# \(md(view.t(.metricsTitle)))\n\n" + (view.metricsPeriodNote().map { md($0) + "\n\n" } ?? "")
                + "| \(md(view.t(.metric))) | \(view.t(.round)) \(from.number) | \(view.t(.round)) \(to.number) | \(md(view.t(.change))) | |\n| --- | ---: | ---: | ---: | --- |\n"
            for metric in directed {
                let good = metric.trend == .improved
                out +=
                    "| \(md(view.title(metric))) | \(md(view.value(metric.before, unit: metric.unit))) | \(md(view.value(metric.after, unit: metric.unit))) | \(md(view.change(metric))) | \(good ? "▲" : "▼") \(md(view.t(good ? .improved : .worsened))) |\n"
            }
            out += "\n"
        }
        if !comparison.answers.isEmpty {
            out +=
                "\(heading)# \(md(view.t(.answersTitle)))\n\n| \(md(view.t(.question))) | \(md(view.t(.before))) | \(md(view.t(.after))) |\n| --- | --- | --- |\n"
            for change in comparison.answers {
                out +=
                    "| \(md(change.question[language])) | \(md(change.before?[language] ?? view.t(.notAnswered))) | \(md(change.after?[language] ?? view.t(.notAnswered))) |\n"
            }
            out += "\n"
        }
        if comparison.unconfirmedAnswers > 0 {
            out += md(view.t(.unconfirmed).replacingOccurrences(of: "{count}", with: String(comparison.unconfirmedAnswers))) + "\n\n"
        }
        return out
    }
}

extension ComparisonRenderer {
    /// The comparison as plain text for the terminal (`crm-audit compare --format table`).
    package static func table(_ comparison: RoundComparison, language: Language) -> String {
        let view = ProgressView(comparison: comparison, history: [], language: language, format: Formatter(language))
        let from = comparison.from, to = comparison.to
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? padding + text : text + padding
        }
        var lines: [String] = []
        lines.append(
            view.t(.lead).replacingOccurrences(of: "{to}", with: String(to.number))
                .replacingOccurrences(of: "{toDate}", with: view.format.date(to.date))
                .replacingOccurrences(of: "{from}", with: String(from.number))
                .replacingOccurrences(of: "{fromDate}", with: view.format.date(from.date)))
        var verdict = "\(view.t(.overall)): \(view.score(from.overall)) → \(view.score(to.overall))"
        if let delta = comparison.overallDelta { verdict += " (\(view.signed(delta)))" }
        if let a = from.level, let b = to.level { verdict += ", \(view.t(.level)) \(a) → \(b)" }
        lines.append(verdict)
        if !comparison.method.isEmpty {
            lines.append("")
            lines.append("! \(view.t(.methodTitle)): \(view.t(.methodLead))")
            for (title, values) in view.methodLines() { lines.append("  - \(title): \(values)") }
        }
        lines.append("")
        lines.append(view.t(.areasTitle) + ":")
        let width = max(30, (comparison.areas.map { $0.title[language].count + 2 }.max() ?? 0))
        lines.append(
            "  " + pad(view.t(.area), width) + pad("\(view.t(.round)) \(from.number)", 10, left: true)
                + pad("\(view.t(.round)) \(to.number)", 10, left: true) + pad(view.t(.change), 12, left: true))
        for area in comparison.areas {
            lines.append(
                "  " + pad(area.title[language] + (area.methodAffected ? " *" : ""), width) + pad(view.score(area.before), 10, left: true)
                    + pad(view.score(area.after), 10, left: true) + pad(area.delta.map { view.signed($0) } ?? "—", 12, left: true))
        }
        if comparison.areas.contains(where: \.methodAffected) { lines.append("  " + view.t(.methodAffectedNote)) }
        for (title, items) in [
            (ProgressText.resolved, comparison.resolved), (.new, comparison.new), (.persisting, comparison.persisting),
            (.noLongerChecked, comparison.noLongerChecked),
        ] where title != .noLongerChecked || !items.isEmpty {
            lines.append("")
            lines.append("\(view.t(title)) (\(items.count)):" + (items.isEmpty ? " \(view.t(.none))" : ""))
            for item in items {
                var note = ""
                if title == .new, item.before == nil { note = " (\(view.t(.newRule)))" }
                if title == .new, item.before == .notEvaluable { note = " (\(view.t(.notAssessableBefore)))" }
                lines.append("  [\(item.severity.title[language])] \(item.ruleID) \(item.title[language])\(note)")
            }
        }
        let directed = comparison.metrics.filter { $0.trend == .improved || $0.trend == .worsened }
        if directed.isEmpty, let note = view.metricsPeriodNote() {
            lines.append("")
            lines.append(view.t(.metricsTitle) + ": " + note)
        }
        if !directed.isEmpty {
            lines.append("")
            lines.append(view.t(.metricsTitle) + ":")
            if let note = view.metricsPeriodNote() { lines.append("  " + note) }
            let titleWidth = min(64, max(20, directed.map { view.title($0).count + 2 }.max() ?? 0))
            for metric in directed {
                let good = metric.trend == .improved
                lines.append(
                    "  " + pad(String(view.title(metric).prefix(titleWidth - 2)), titleWidth)
                        + pad(view.value(metric.before, unit: metric.unit), 16, left: true) + " → "
                        + pad(view.value(metric.after, unit: metric.unit), 16, left: true) + pad(view.change(metric), 16, left: true)
                        + "  " + (good ? "▲ " : "▼ ") + view.t(good ? .improved : .worsened))
            }
        }
        let neutral = comparison.metrics.filter { $0.trend == .changed }.count
        if neutral > 0 { lines.append("  " + view.t(.otherMetrics).replacingOccurrences(of: "{count}", with: String(neutral))) }
        if !comparison.answers.isEmpty {
            lines.append("")
            lines.append(view.t(.answersTitle) + ":")
            for change in comparison.answers {
                lines.append("  \(change.questionID) \(change.question[language])")
                lines.append("    \(change.before?[language] ?? view.t(.notAnswered)) → \(change.after?[language] ?? view.t(.notAnswered))")
            }
        }
        if comparison.unconfirmedAnswers > 0 {
            lines.append("")
            lines.append(view.t(.unconfirmed).replacingOccurrences(of: "{count}", with: String(comparison.unconfirmedAnswers)))
        }
        return lines.joined(separator: "\n")
    }

    /// The comparison as JSON (the ``RoundComparison`` value, snake_case keys).
    package static func json(_ comparison: RoundComparison) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(comparison), as: UTF8.self)
    }
}
