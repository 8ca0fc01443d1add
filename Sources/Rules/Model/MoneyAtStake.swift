import AuditModel
import Expressions

/// A named rate range the money estimates rest on ("a departing manager takes 20–40 % of his
/// customers' revenue"), with where it comes from. Declared in a ruleset's `assumptions:`; a later
/// layer (the consultant's file) replaces an assumption by declaring the same id.
public struct Assumption: Sendable, Hashable, Codable {
    package var id: String
    package var title: LocalizedText
    /// The low and high rate (shares, 0–1).
    package var low: Double
    package var high: Double
    /// Where the range comes from, or why it is reasonable.
    package var source: LocalizedText
    /// `id@version` of the ruleset that declared it (the one in force after layering).
    package var ruleset: String
    /// A metric that measures the same rate on the client's own data (the revenue last year's
    /// largest customers lost), shown beside the range so that the reader can check it.
    package var measuredBy: String?

    package init(
        id: String, title: LocalizedText, low: Double, high: Double, source: LocalizedText, ruleset: String,
        measuredBy: String? = nil
    ) {
        self.id = id
        self.title = title
        self.low = low
        self.high = high
        self.source = source
        self.ruleset = ruleset
        self.measuredBy = measuredBy
    }
}

extension String {
    /// The text with its first letter in upper case (`возможная потеря` → `Возможная потеря`).
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// What an estimate says the money is: revenue that may be lost, or revenue that can be won back.
package enum MoneyKind: String, Sendable, Hashable, Codable, CaseIterable {
    case loss, recovery

    package var title: LocalizedText {
        switch self {
        case .loss: RuleText.possibleLoss.text()
        case .recovery: RuleText.recoverable.text()
        }
    }
}

/// A rule's `money:` block: the revenue exposed over a stated 12-month period, the customers
/// behind it, and the assumption whose range turns it into an estimate.
package struct MoneySpec: Sendable, Hashable {
    /// The revenue exposed (a sum of the data, in the data's currency).
    package var exposed: Expressions.Expression
    /// The period the exposed revenue covers: `last_12m` or `prev_12m`.
    package var period: MetricPeriod
    /// How many customers the exposed revenue belongs to, when the rule can say.
    package var customers: Expressions.Expression?
    package var kind: MoneyKind
    /// The id of the ``Assumption`` giving the low and high rate.
    package var assumption: String

    /// The periods an exposed amount may cover: one year of revenue, the headline or the one before.
    package static let periods: [MetricPeriod] = [.last12m, .previous12m]
}

/// A finding's money: the exact revenue exposed over its period, and the estimate — exposed ×
/// the assumption's low and high rate. Never one figure: a range with what it rests on.
package struct MoneyEstimate: Sendable, Hashable, Codable {
    package var kind: MoneyKind
    /// The period of `exposed`: `last_12m` or `prev_12m`.
    package var period: MetricPeriod
    /// The revenue exposed: an exact sum of the data.
    package var exposed: Double
    package var customers: Double?
    /// The estimate's ends: exposed × the assumption's low and high rate.
    package var low: Double
    package var high: Double
    package var assumption: Assumption

    package init(kind: MoneyKind, period: MetricPeriod, exposed: Double, customers: Double?, assumption: Assumption) {
        self.kind = kind
        self.period = period
        self.exposed = exposed
        self.customers = customers
        self.low = exposed * assumption.low
        self.high = exposed * assumption.high
        self.assumption = assumption
    }

    /// The period in words, as it follows an amount: "over the last 12 months".
    package static func periodText(_ period: MetricPeriod) -> LocalizedText {
        switch period {
        case .previous12m: RuleText.overThePreviousMonths.text()
        default: RuleText.overTheLastMonths.text()
        }
    }

    /// `3,46–5,19 млн ₽ (20–30 % от 17,3 млн ₽ выручки за последние 12 месяцев, 100 клиентов)`.
    package func text(_ language: Language) -> String {
        Formatter(language).estimateRange(low: low, high: high) + " (" + basis(language) + ")"
    }

    /// What the range rests on: `20–30 % от 17,3 млн ₽ выручки за последние 12 месяцев, 100 клиентов`.
    package func basis(_ language: Language) -> String {
        let formatter = Formatter(language)
        let rates = Self.rates(low: assumption.low, high: assumption.high, formatter)
        let base = formatter.compactMoney(exposed)
        let period = Self.periodText(period)[language]
        let who = customers.map { ", " + formatter.count($0, .customers) } ?? ""
        return RuleText.ofOfRevenue.text(["rates": .value(rates), "base": .value(base), "period": .value(period), "who": .value(who)])[
            language]
    }

    /// `20–30 %`, or `25 %` when both ends are equal.
    package static func rates(low: Double, high: Double, _ formatter: Formatter) -> String {
        let lowText = formatter.number(low * 100, fractionDigits: 1), highText = formatter.number(high * 100, fractionDigits: 1)
        let body = low == high ? highText : lowText + "–" + highText
        return formatter.percentSign(after: body)
    }
}
