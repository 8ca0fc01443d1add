import AuditModel
import Rules

/// The money of a report's findings, presented one way everywhere: each finding's estimate as a
/// range with the share and the exposed 12-month revenue it comes from, totals that add ranges
/// to ranges (never an exposed amount to an estimate), and the assumptions they rest on.
public struct MoneySummary: Sendable {
    /// The gaps with a money estimate.
    public let findings: [Finding]

    public init(_ findings: [Finding]) {
        self.findings = findings.filter { $0.isGap && $0.money != nil }
    }

    /// The sum of the estimates' low and high ends of one kind (loss or recovery), nil when none.
    public func total(_ kind: MoneyKind) -> (low: Double, high: Double, count: Int)? {
        let estimates = findings.compactMap(\.money).filter { $0.kind == kind }
        guard !estimates.isEmpty else { return nil }
        return (estimates.reduce(0) { $0 + $1.low }, estimates.reduce(0) { $0 + $1.high }, estimates.count)
    }

    /// The assumptions the shown estimates rest on, each once, by id.
    public var assumptions: [Assumption] {
        var byID: [String: Assumption] = [:]
        for finding in findings { if let money = finding.money { byID[money.assumption.id] = money.assumption } }
        return byID.values.sorted { $0.id < $1.id }
    }

    /// One line per kind: "Possible loss across 3 findings: RUB 12.3–25.1M (sum of estimate ranges; …)".
    public func totalsText(_ language: Language) -> [String] {
        let formatter = Formatter(language)
        return MoneyKind.allCases.compactMap { kind in
            guard let total = total(kind) else { return nil }
            let range = formatter.estimateRange(low: total.low, high: total.high)
            let count = formatter.count(Double(total.count), Self.findingsNoun)
            let head = kind == .loss
                ? LocalizedText(ru: "Возможная потеря по \(count)", en: "Possible loss across \(count)")
                : LocalizedText(ru: "Можно вернуть по \(count)", en: "Recoverable across \(count)")
            return head[language] + ": " + range + " " + Self.totalNote[language]
        }
    }

    static let findingsNoun = CountedNoun(one: "проблеме", few: "проблемам", many: "проблемам", singular: "finding", plural: "findings")

    static let totalNote = LocalizedText(
        ru: "(сумма диапазонов оценок; одни и те же клиенты могут входить в несколько проблем, поэтому это верхняя граница)",
        en: "(the sum of the estimate ranges; the same customers may count in several findings, so it is an upper bound)")

    /// The appendix's heading and lead for the assumptions table.
    public static let assumptionsTitle = LocalizedText(ru: "Допущения денежных оценок", en: "Assumptions behind the money estimates")
    public static let assumptionsLead = LocalizedText(
        ru: "Каждая оценка — выручка за 12 месяцев, которой касается проблема (точная сумма по данным), умноженная на диапазон долей из допущения. Допущения заданы в наборе правил и могут быть заменены консультантом в своём файле правил.",
        en: "Each estimate is the 12-month revenue a finding exposes (an exact sum of the data) times the range of rates of its assumption. The assumptions live in the ruleset; a consultant may override them in their own rules file.")
    public static let assumptionHeaders = (
        id: LocalizedText(ru: "Допущение", en: "Assumption"), range: LocalizedText(ru: "Диапазон", en: "Range"),
        source: LocalizedText(ru: "Источник / обоснование", en: "Source / reason"), ruleset: LocalizedText(ru: "Набор правил", en: "Ruleset"))

    /// The assumptions table's headers and rows: title, rate range, source; the consultant's
    /// copy adds the id and the declaring ruleset, which are what they edit.
    func assumptionTable(_ language: Language, audience: ReportAudience) -> (headers: [String], rows: [[String]]) {
        let formatter = Formatter(language)
        let headers = Self.assumptionHeaders
        let working = audience == .consultant
        let rows = assumptions.map { assumption in
            [(working ? assumption.id + " — " : "") + assumption.title[language],
             MoneyEstimate.rates(low: assumption.low, high: assumption.high, formatter), assumption.source[language]]
                + (working ? [assumption.ruleset] : [])
        }
        return ([headers.id[language], headers.range[language], headers.source[language]] + (working ? [headers.ruleset[language]] : []), rows)
    }
}
