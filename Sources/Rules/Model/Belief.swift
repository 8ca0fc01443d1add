import AuditModel
import Expressions

/// The window a belief's measured value covers (and the owner's estimate is about).
package enum BeliefPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// The headline period: the 12 months to the as-of date.
    case last12Months = "last_12_months"
    /// Every sale in the exports, from the first to the as-of date.
    case wholeHistory = "whole_history"
    /// A state on the as-of date (a list, a fill rate).
    case asOf = "as_of"
}

/// How a belief's verdict reads.
package enum BeliefComparison: String, Sendable, Hashable, Codable, CaseIterable {
    /// Two numbers: "confirmed" within the rule's bands, else "off by X" (stated − measured).
    case difference
    /// A statement checked against the data: "confirmed" or "not confirmed".
    case match
    /// An estimate the data can only check indirectly (a sales cycle against purchase
    /// intervals): never counted as confirmed; the row says it cannot be checked directly, and
    /// whether the indirect measure contradicts it.
    case plausibility
    /// A statement the data can check only as far as it is recorded (channels): past the rule's
    /// `fail` band too little is recorded, and the row says it cannot be checked; past `warn`
    /// it is "partly recorded"; inside the bands "confirmed".
    case coverage
}

/// What the owner believes, set beside what the data shows: a rule's `belief:` block, one row
/// of the report's "What you believe / what the data shows" table. The rule's own check (its
/// `when`, or `value` with `warn`/`fail`) is the tolerance that decides the verdict.
package struct Belief: Sendable, Hashable {
    /// What is believed, e.g. "Active customers".
    package var label: LocalizedText
    /// The owner's value (an answer, or an expression over answers).
    package var stated: Expressions.Expression
    /// The value the data shows.
    package var measured: Expressions.Expression
    /// How both values read: `percent` (a 0–1 share), `count`, `days`, `years`, `money`, `number` or `text`.
    package var unit: String
    /// For `count`: the counted thing's forms, `ru: "клиент|клиента|клиентов"`, `en: "customer|customers"`.
    package var noun: LocalizedText?
    package var period: BeliefPeriod
    package var comparison: BeliefComparison
    /// An evidence template shown after the measured value (what exactly was measured).
    package var note: LocalizedText?

    package static let units: [String] = ["percent", "count", "days", "years", "money", "number", "text"]

    package init(
        label: LocalizedText, stated: Expressions.Expression, measured: Expressions.Expression, unit: String,
        noun: LocalizedText? = nil, period: BeliefPeriod, comparison: BeliefComparison, note: LocalizedText? = nil
    ) {
        self.label = label
        self.stated = stated
        self.measured = measured
        self.unit = unit
        self.noun = noun
        self.period = period
        self.comparison = comparison
        self.note = note
    }
}

/// A belief as evaluated in one round: both values, ready for the report's table. The verdict
/// follows from the finding's status (``FindingStatus/ok`` confirms it).
package struct BeliefOutcome: Sendable, Hashable, Codable {
    package var label: LocalizedText
    /// The stated number (a percent answer already as a 0–1 share when the rule says so).
    package var stated: Double?
    /// The stated value in words, when it is not a number (an option's label, a name, "don't know").
    package var statedText: LocalizedText?
    package var measured: Double?
    /// The measured value when it is not a number: a name, or a table as "name 35 %, …".
    package var measuredText: LocalizedText?
    package var unit: String
    package var noun: LocalizedText?
    package var period: BeliefPeriod
    package var comparison: BeliefComparison
    /// The rendered note about the measured value.
    package var note: LocalizedText?
    /// The questions the stated value comes from (the report follows the interview's order).
    package var questions: [String] = []

    package init(
        label: LocalizedText, stated: Double?, statedText: LocalizedText?, measured: Double?, measuredText: LocalizedText?,
        unit: String, noun: LocalizedText?, period: BeliefPeriod, comparison: BeliefComparison, note: LocalizedText?
    ) {
        self.label = label
        self.stated = stated
        self.statedText = statedText
        self.measured = measured
        self.measuredText = measuredText
        self.unit = unit
        self.noun = noun
        self.period = period
        self.comparison = comparison
        self.note = note
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(LocalizedText.self, forKey: .label)
        stated = try container.decodeIfPresent(Double.self, forKey: .stated)
        statedText = try container.decodeIfPresent(LocalizedText.self, forKey: .statedText)
        measured = try container.decodeIfPresent(Double.self, forKey: .measured)
        measuredText = try container.decodeIfPresent(LocalizedText.self, forKey: .measuredText)
        unit = try container.decode(String.self, forKey: .unit)
        noun = try container.decodeIfPresent(LocalizedText.self, forKey: .noun)
        period = try container.decode(BeliefPeriod.self, forKey: .period)
        comparison = try container.decode(BeliefComparison.self, forKey: .comparison)
        note = try container.decodeIfPresent(LocalizedText.self, forKey: .note)
        questions = try container.decodeIfPresent([String].self, forKey: .questions) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case label, stated, statedText = "stated_text", measured, measuredText = "measured_text", unit, noun, period, comparison, note
        case questions
    }

}
