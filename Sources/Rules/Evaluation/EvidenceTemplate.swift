import AuditModel
import Expressions

/// The evidence sentence of a rule, with its slots filled from the finding:
/// `{{observed|percent}}`, `{{count|count}} of {{denominator|count}}`, `{{money|money}}`,
/// `{{expected}}`, `{{metric.sales.revenue_last_12m|money}}`, `{{answer.tools_current}}`, and for a rule
/// with a belief `{{stated}}` and `{{measured}}` (in the belief's unit).
///
/// Formats: `percent` (a 0–1 share), `change` (a relative change, `+22,4 %`), `points` (a
/// difference of shares in percentage points), `money`, `number`, `count`, `customers`
/// (`844 клиента`), `date`, `days`, `text`, and for a per-item metric `top` (the item with the
/// largest value: `{{metric.managers.customers_revenue_share_12m|top}}` names the manager).
/// A slot whose value is unknown renders as `—`, except inside `[[…]]`: such a clause is left
/// out whole when one of its slots is unknown (`[[ {{metric.x|percent}} of it he sold himself.]]`).
package struct EvidenceTemplate: Sendable {
    package var template: LocalizedText

    package init(_ template: LocalizedText) {
        self.template = template
    }

    /// The names a template may use besides `metric.*` and `answer.*`.
    package static let names: Set<String> = ["observed", "count", "denominator", "money", "exposed", "expected", "stated", "measured"]
    package static let formats: Set<String> = [
        "percent", "change", "points", "money", "number", "count", "customers", "date", "days", "hours", "text", "top",
    ]

    func render(finding: Finding, rule: Rule, bindings: Bindings, context: some AssessmentContext) -> LocalizedText {
        .inEach { render(template[$0], $0, finding: finding, rule: rule, bindings: bindings, context: context) }
    }

    /// The slots of a template, as (name, format) pairs, for lint.
    package static func slots(in text: String) -> [(name: String, format: String?)] {
        var result: [(String, String?)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            result.append((parts.first ?? "", parts.count > 1 ? parts[1] : nil))
            rest = rest[close.upperBound...]
        }
        return result
    }

    private func render(
        _ text: String, _ language: Language, finding: Finding, rule: Rule, bindings: Bindings,
        context: some AssessmentContext
    ) -> String {
        let formatter = Formatter(language)
        func filled(_ text: Substring) -> (text: String, complete: Bool) {
            var out = "", complete = true
            var rest = text
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                out += rest[..<open.lowerBound]
                let inner = rest[open.upperBound..<close.lowerBound]
                let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let known = value(
                    parts.first ?? "", format: parts.count > 1 ? parts[1] : nil, language: language, formatter: formatter,
                    finding: finding, rule: rule, bindings: bindings, context: context)
                if known == nil { complete = false }
                out += known ?? "—"
                rest = rest[close.upperBound...]
            }
            return (out + rest, complete)
        }
        // Optional clauses first: kept only when every slot in them is known.
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            out += filled(rest[..<open.lowerBound]).text
            let clause = filled(rest[open.upperBound..<close.lowerBound])
            if clause.complete { out += clause.text }
            rest = rest[close.upperBound...]
        }
        return out + filled(rest).text
    }

    /// A slot's text, nil when its value is unknown.
    private func value(
        _ name: String, format: String?, language: Language, formatter: Formatter, finding: Finding, rule: Rule,
        bindings: Bindings, context: some AssessmentContext
    ) -> String? {
        switch name {
        case "observed":
            if let number = finding.observed { return Self.format(number, format ?? rule.unit, formatter) }
            return finding.observedText
        case "count": return finding.count.map { Self.format($0, format ?? "count", formatter) }
        case "denominator": return finding.denominator.map { Self.format($0, format ?? "count", formatter) }
        case "money": return finding.money.map { $0.text(language) }
        case "exposed": return finding.money.map { Self.format($0.exposed, format ?? "money", formatter) }
        case "expected": return finding.expected?[language]
        case "stated", "measured":
            // A belief's values in its unit (a rule without a `belief:` block has none).
            guard let belief = finding.belief else { return nil }
            let number = name == "stated" ? belief.stated : belief.measured
            let words = name == "stated" ? belief.statedText : belief.measuredText
            if let number {
                let unit = ["percent", "money", "count", "days"].contains(belief.unit) ? belief.unit : "number"
                return Self.format(number, format ?? unit, formatter)
            }
            return words?[language]
        default:
            if name.hasPrefix("metric.") {
                let id = String(name.dropFirst("metric.".count))
                switch bindings.metrics[id] ?? .null {
                case .number(let number): return Self.format(number, format, formatter)
                case .date(let day): return formatter.date(day)
                case .table(let rows) where format == "top":
                    // The item with the largest value (ties: the first name in order).
                    return rows.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
                case .null: return nil
                case let other: return other.text
                }
            }
            if name.hasPrefix("answer.") {
                let id = String(name.dropFirst("answer.".count))
                guard let answer = bindings.answers[id] else { return nil }
                return context.label(questionID: id, value: answer)[language]
            }
            return nil
        }
    }

    static func format(_ number: Double, _ format: String?, _ formatter: Formatter) -> String {
        switch format {
        case "percent": formatter.percent(number)
        case "change": formatter.metric(number, unit: .change)
        case "points": formatter.metric(number, unit: .points)
        case "money": formatter.money(number)
        case "count": formatter.count(number)
        case "customers": formatter.count(number, .customers)
        case "days": formatter.days(number)
        case "hours":
            formatter.number(number, fractionDigits: 1) + "\u{00A0}"
                + Plural.form(
                    (number * 10).rounded() / 10, RuleText.hourHours.text()[formatter.language],
                    formatter.language)
        case "date": Day(checkedOrdinal: number).map(formatter.date) ?? formatter.number(number)
        default: formatter.number(number)
        }
    }

    /// An answer as plain text (option ids, numbers) when no labels are known.
    package static func plain(_ value: AnswerValue) -> String {
        switch value {
        case .option(let id): id
        case .options(let ids): ids.joined(separator: ", ")
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): NumberText.plain(number)
        case .text(let text): text
        case .date(let day): day.iso
        case .dontKnow: "dont_know"
        case .notApplicable: "not_applicable"
        }
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
