import AuditModel

/// How rule outcomes and questionnaire maturity become scores and a maturity level. Declared in
/// the core ruleset's `scoring:` block so that the formula travels with the rules; documented in
/// `docs/scoring.md`.
public struct ScoringPolicy: Sendable, Hashable, Codable {
    /// One maturity level: scores below `below` (the last level has none).
    package struct MaturityLevel: Sendable, Hashable, Codable {
        package var level: Int
        package var below: Double?
        package var title: LocalizedText

        package init(level: Int, below: Double?, title: LocalizedText) {
            self.level = level
            self.below = below
            self.title = title
        }
    }

    /// Points a rule of each severity weighs (times its `weight`).
    package var severityPoints: [Severity: Double]
    /// The points a severity may weigh in a ruleset's `scoring:` (the standard policy gives 0–10):
    /// with ``Rule/weights`` it keeps a rule's points at most 10^5, and every sum of them finite.
    package static let severityPointRange: ClosedRange<Double> = 0...1000
    /// The share of a rule's points lost on `warn` (a `finding` loses them all).
    package var warnFraction: Double
    /// The share of an area's score that comes from questionnaire maturity; the rest from rules.
    package var answersWeight: Double
    package var levels: [MaturityLevel]
    /// The highest overall level while any blocking rule is a finding.
    package var blockingCapsLevel: Int

    package init(
        severityPoints: [Severity: Double], warnFraction: Double, answersWeight: Double,
        levels: [MaturityLevel], blockingCapsLevel: Int
    ) {
        self.severityPoints = severityPoints
        self.warnFraction = warnFraction
        self.answersWeight = answersWeight
        self.levels = levels
        self.blockingCapsLevel = blockingCapsLevel
    }

    /// The policy used when no ruleset declares one.
    public static let standard = ScoringPolicy(
        severityPoints: [.critical: 10, .high: 5, .medium: 3, .low: 1, .info: 0],
        warnFraction: 0.5,
        answersWeight: 0.5,
        levels: [
            MaturityLevel(level: 1, below: 35, title: RuleText.adHoc.text()),
            MaturityLevel(level: 2, below: 55, title: RuleText.initial.text()),
            MaturityLevel(level: 3, below: 70, title: RuleText.managed.text()),
            MaturityLevel(level: 4, below: 85, title: RuleText.defined.text()),
            MaturityLevel(level: 5, below: nil, title: RuleText.optimising.text()),
        ],
        blockingCapsLevel: 2)

    /// The level of a 0–100 score.
    package func level(of score: Double) -> MaturityLevel {
        for level in levels {
            if let below = level.below, score < below { return level }
        }
        return levels.last ?? MaturityLevel(level: 1, below: nil, title: LocalizedText(both: "1"))
    }

    /// Points a rule weighs.
    package func points(severity: Severity, weight: Double) -> Double {
        (severityPoints[severity] ?? 0) * weight
    }
}
