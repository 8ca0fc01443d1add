import Analytics
import AuditModel
import Rules

/// Two rounds of the same workspace compared: scores, findings, metrics, answers and method.
/// Built by `Audit.RoundComparer`; shown by `crm-audit compare` and the report's progress section.
package struct RoundComparison: Sendable, Hashable, Codable {
    /// One side of the comparison.
    package struct Side: Sendable, Hashable, Codable {
        package var number: Int
        package var date: Day
        package var overall: Double?
        package var level: Int?
        /// `id@version` of the questionnaire the round was assessed with.
        package var questionnaire: String?
        /// `id@version` of each ruleset layer.
        package var rulesets: [String]
        /// The round's own headline period (the 12 months to its as_of, and the 12 before), from
        /// its stored metrics; nil when they were stored before the audit had one.
        package var periods: HeadlinePeriods?

        package init(
            number: Int, date: Day, overall: Double?, level: Int?, questionnaire: String?, rulesets: [String],
            periods: HeadlinePeriods? = nil
        ) {
            self.number = number
            self.date = date
            self.overall = overall
            self.level = level
            self.questionnaire = questionnaire
            self.rulesets = rulesets
            self.periods = periods
        }
    }

    /// An area's score in both rounds.
    package struct AreaDelta: Sendable, Hashable, Codable {
        package var area: String
        package var title: LocalizedText
        package var before: Double?
        package var after: Double?
        /// True when a rule of this area was added, removed or re-weighted between the rounds:
        /// part of the delta comes from the method, not from the client.
        package var methodAffected: Bool
        /// `after − before`, when both are known.
        package var delta: Double?

        package init(area: String, title: LocalizedText, before: Double?, after: Double?, methodAffected: Bool) {
            self.area = area
            self.title = title
            self.before = before
            self.after = after
            self.methodAffected = methodAffected
            delta = before.flatMap { old in after.map { $0 - old } }
        }
    }

    /// A rule's outcome in both rounds.
    package struct FindingChange: Sendable, Hashable, Codable {
        package var ruleID: String
        package var title: LocalizedText
        package var area: String
        package var severity: Severity
        /// Nil when the rule was not part of that round's method.
        package var before: FindingStatus?
        package var after: FindingStatus?

        package init(ruleID: String, title: LocalizedText, area: String, severity: Severity, before: FindingStatus?, after: FindingStatus?)
        {
            self.ruleID = ruleID
            self.title = title
            self.area = area
            self.severity = severity
            self.before = before
            self.after = after
        }
    }

    /// How a metric moved, judged by its direction.
    package enum Trend: String, Sendable, Hashable, Codable {
        case improved, worsened, unchanged
        /// Moved, but the metric has no good or bad direction.
        case changed
    }

    /// A metric in both rounds, each on its own round's window (see ``MetricPeriod``).
    package struct MetricDelta: Sendable, Hashable, Codable {
        package var id: String
        package var title: LocalizedText
        package var unit: MetricUnit
        package var period: MetricPeriod
        package var before: Double
        package var after: Double
        package var direction: MetricDirection
        package var trend: Trend
        /// `after − before`.
        package var delta: Double

        package init(
            id: String, title: LocalizedText, unit: MetricUnit, period: MetricPeriod, before: Double, after: Double,
            direction: MetricDirection, trend: Trend
        ) {
            self.id = id
            self.title = title
            self.unit = unit
            self.period = period
            self.before = before
            self.after = after
            self.direction = direction
            self.trend = trend
            delta = after - before
        }
    }

    /// An answer that differs between the rounds (in words).
    package struct AnswerChange: Sendable, Hashable, Codable {
        package var questionID: String
        package var question: LocalizedText
        /// Nil when the question was not answered in that round.
        package var before: LocalizedText?
        package var after: LocalizedText?

        package init(questionID: String, question: LocalizedText, before: LocalizedText?, after: LocalizedText?) {
            self.questionID = questionID
            self.question = question
            self.before = before
            self.after = after
        }
    }

    /// What changed in the method between the rounds.
    package struct MethodChange: Sendable, Hashable, Codable {
        /// Questionnaire `before → after`, when it changed.
        package var questionnaire: [String]?
        /// Ruleset layers only in the first round, and only in the second.
        package var rulesetsRemoved: [String]
        package var rulesetsAdded: [String]
        /// Rules evaluated only in the second round, and only in the first.
        package var rulesAdded: [String]
        package var rulesRemoved: [String]
        /// Rules whose severity or weight changed (`id: high → critical`).
        package var rulesReweighted: [String]

        package var isEmpty: Bool {
            questionnaire == nil && rulesetsRemoved.isEmpty && rulesetsAdded.isEmpty && rulesAdded.isEmpty && rulesRemoved.isEmpty
                && rulesReweighted.isEmpty
        }

        package init(
            questionnaire: [String]?, rulesetsRemoved: [String], rulesetsAdded: [String], rulesAdded: [String],
            rulesRemoved: [String], rulesReweighted: [String]
        ) {
            self.questionnaire = questionnaire
            self.rulesetsRemoved = rulesetsRemoved
            self.rulesetsAdded = rulesetsAdded
            self.rulesAdded = rulesAdded
            self.rulesRemoved = rulesRemoved
            self.rulesReweighted = rulesReweighted
        }
    }

    package var from: Side
    package var to: Side
    package var areas: [AreaDelta]
    /// Gaps (finding or warn) in the first round that are no longer gaps, the rule still evaluated.
    package var resolved: [FindingChange]
    /// Gaps in the second round that were not gaps in the first (`before` nil: a rule new to the method).
    package var new: [FindingChange]
    /// Gaps in both rounds.
    package var persisting: [FindingChange]
    /// Gaps of the first round whose rule was no longer evaluated: neither resolved nor persisting.
    package var noLongerChecked: [FindingChange]
    /// Numeric metrics present in both rounds, in catalogue order: like with like only — each
    /// round's own headline period (and states on each as_of); whole-history figures, which grow
    /// with the export's length, are left out, and so is everything when a round's snapshot has
    /// no headline period.
    package var metrics: [MetricDelta]
    package var answers: [AnswerChange]
    /// Answers of the second round carried over and not yet confirmed.
    package var unconfirmedAnswers: Int
    package var method: MethodChange
    /// The overall score's `after − before`, when both are known.
    package var overallDelta: Double?

    package init(
        from: Side, to: Side, areas: [AreaDelta], resolved: [FindingChange], new: [FindingChange], persisting: [FindingChange],
        noLongerChecked: [FindingChange], metrics: [MetricDelta], answers: [AnswerChange], unconfirmedAnswers: Int,
        method: MethodChange
    ) {
        self.from = from
        self.to = to
        self.areas = areas
        self.resolved = resolved
        self.new = new
        self.persisting = persisting
        self.noLongerChecked = noLongerChecked
        self.metrics = metrics
        self.answers = answers
        self.unconfirmedAnswers = unconfirmedAnswers
        self.method = method
        overallDelta = from.overall.flatMap { old in to.overall.map { $0 - old } }
    }
}
