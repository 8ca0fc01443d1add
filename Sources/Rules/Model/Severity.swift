import AuditModel

/// How bad a finding is. Orders the report and sets the points a rule weighs.
public enum Severity: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case critical, high, medium, low, info

    /// 0 for critical … 4 for info.
    public var rank: Int { Severity.allCases.firstIndex(of: self) ?? 4 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    package var title: LocalizedText {
        switch self {
        case .critical: RuleText.critical.text()
        case .high: RuleText.high.text()
        case .medium: RuleText.medium.text()
        case .low: RuleText.low.text()
        case .info: RuleText.info.text()
        }
    }
}

/// The outcome of one rule in one round.
public enum FindingStatus: String, CaseIterable, Sendable, Codable, Hashable {
    /// The gap holds: the rule's condition is true or its metric is past the fail band.
    case finding
    /// Past the warn band but not the fail band.
    case warn
    /// Checked, and no gap.
    case ok
    /// `applies_if` is false for this company.
    case notApplicable = "not_applicable"
    /// An input the rule needs (an answer or a dataset) is missing; excluded from the score.
    case notEvaluable = "not_evaluable"
    /// An accepted risk with a reason, owner and expiry; listed, not scored.
    case waived

    package var title: LocalizedText {
        switch self {
        case .finding: RuleText.finding.text()
        case .warn: RuleText.warning.text()
        case .ok: RuleText.ok.text()
        case .notApplicable: RuleText.notApplicable.text()
        case .notEvaluable: RuleText.notEvaluable.text()
        case .waived: RuleText.waived.text()
        }
    }
}

/// A three-step scale for impact and effort, used to prioritise findings.
package enum Level3: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    package var value: Int {
        switch self {
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    package static func < (lhs: Level3, rhs: Level3) -> Bool { lhs.value < rhs.value }

    package var title: LocalizedText {
        switch self {
        case .low: RuleText.low2.text()
        case .medium: RuleText.medium2.text()
        case .high: RuleText.high2.text()
        }
    }

    /// The level as it agrees with "трудоёмкость" (feminine in Russian): `низкая`, `средняя`, `высокая`.
    package var effortTitle: LocalizedText {
        switch self {
        case .low: RuleText.low.text()
        case .medium: RuleText.medium.text()
        case .high: RuleText.high.text()
        }
    }
}
