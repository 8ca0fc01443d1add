import AuditModel

/// Why a rule could not be evaluated: the answer or metric it needs, and how to get it; or the
/// rule's own arithmetic, when it gives a number too large to represent.
package struct MissingEvidence: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Codable {
        case answer, metric
        /// The rule's arithmetic overflowed (its `id` is the rule's key: `value`, `when`, `count`…).
        case computation
    }
    package var kind: Kind
    /// The question id or metric id (the rule's key for a computation).
    package var id: String
    /// What the consultant should collect (the question text, or the dataset to import).
    package var reason: LocalizedText

    package init(kind: Kind, id: String, reason: LocalizedText) {
        self.kind = kind
        self.id = id
        self.reason = reason
    }
}

/// Offending records shown with a finding (e.g. the first 20 customers without an email).
public struct SampleRecords: Sendable, Hashable, Codable {
    /// The sample set's id in the analytics catalogue.
    package var set: String
    package var fields: [String]
    package var rows: [[String]]
    /// How many records the set holds in all (rows shows at most the rule's limit).
    package var total: Int

    package init(set: String, fields: [String], rows: [[String]], total: Int) {
        self.set = set
        self.fields = fields
        self.rows = rows
        self.total = total
    }
}

/// An accepted risk: the rule is listed with its waiver and not scored until `until`.
public struct Waiver: Sendable, Hashable, Codable {
    package var rule: String
    package var reason: LocalizedText
    package var acceptedBy: String
    package var until: Day

    package init(rule: String, reason: LocalizedText, acceptedBy: String, until: Day) {
        self.rule = rule
        self.reason = reason
        self.acceptedBy = acceptedBy
        self.until = until
    }
}

/// The full record of one rule's outcome in a round: what was observed against what was
/// expected, how many records are behind it, what it costs in points, and what to do.
public struct Finding: Sendable, Hashable, Codable {
    package var ruleID: String
    /// `id@version` of the ruleset the rule came from.
    package var ruleset: String
    package var area: String
    package var title: LocalizedText
    /// The rule's severity.
    public var severity: Severity
    package var blocking: Bool
    package var status: FindingStatus
    /// The observed value (a metric's value, or the condition's result), as a number when it is one.
    package var observed: Double?
    /// The observed value as text, when it is not a number (an answer's option id, say).
    package var observedText: String?
    /// The threshold or expected value, e.g. `warn > 10 %, fail > 30 %`.
    package var expected: LocalizedText?
    /// The records behind a share: `count` of `denominator`.
    package var count: Double?
    package var denominator: Double?
    package var samples: SampleRecords?
    package var pointsPossible: Double
    package var pointsLost: Double
    package var impact: Level3
    package var effort: Level3
    /// The money at stake, when the rule has a money block: the revenue exposed over its period
    /// and the estimated range with the assumption it rests on.
    package var money: MoneyEstimate?
    /// The evidence sentence with the observed values filled in.
    package var evidence: LocalizedText?
    package var recommendation: LocalizedText
    /// For `not_evaluable`: what is missing.
    package var missing: [MissingEvidence]
    package var waiver: Waiver?
    /// The same rule's status in the previous round, once rounds exist.
    package var previousStatus: FindingStatus?
    /// For a rule with a `belief:` block: what the owner stated and what the data shows.
    package var belief: BeliefOutcome?
    /// The root cause the rule names (`cause:`), when it names one.
    package var cause: String? = nil
    /// For a passed check: the rule's `strength:`, what the report shows instead of its title.
    package var strength: LocalizedText? = nil

    package init(
        ruleID: String, ruleset: String, area: String, title: LocalizedText, severity: Severity, blocking: Bool,
        status: FindingStatus, observed: Double?, observedText: String?, expected: LocalizedText?, count: Double?,
        denominator: Double?, samples: SampleRecords?, pointsPossible: Double, pointsLost: Double, impact: Level3,
        effort: Level3, money: MoneyEstimate?, evidence: LocalizedText?, recommendation: LocalizedText,
        missing: [MissingEvidence], waiver: Waiver?, previousStatus: FindingStatus?, belief: BeliefOutcome? = nil
    ) {
        self.ruleID = ruleID
        self.ruleset = ruleset
        self.area = area
        self.title = title
        self.severity = severity
        self.blocking = blocking
        self.status = status
        self.observed = observed
        self.observedText = observedText
        self.expected = expected
        self.count = count
        self.denominator = denominator
        self.samples = samples
        self.pointsPossible = pointsPossible
        self.pointsLost = pointsLost
        self.impact = impact
        self.effort = effort
        self.money = money
        self.evidence = evidence
        self.recommendation = recommendation
        self.missing = missing
        self.waiver = waiver
        self.previousStatus = previousStatus
        self.belief = belief
    }

    /// True when the finding is a gap to act on (finding or warn).
    package var isGap: Bool { status == .finding || status == .warn }

    /// A priority for ordering: severity first, then impact over effort.
    package var priority: Double {
        Double(4 - severity.rank) * 10 + Double(impact.value) * 2 - Double(effort.value)
            + (status == .finding ? 1 : 0)
    }
}
