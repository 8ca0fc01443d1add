import AuditModel

/// How bad a finding is. Orders the report and sets the points a rule weighs.
public enum Severity: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case critical, high, medium, low, info

    /// 0 for critical … 4 for info.
    public var rank: Int { Severity.allCases.firstIndex(of: self) ?? 4 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var title: LocalizedText {
        switch self {
        case .critical: LocalizedText(ru: "критично", en: "critical")
        case .high: LocalizedText(ru: "высокая", en: "high")
        case .medium: LocalizedText(ru: "средняя", en: "medium")
        case .low: LocalizedText(ru: "низкая", en: "low")
        case .info: LocalizedText(ru: "информация", en: "info")
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

    public var title: LocalizedText {
        switch self {
        case .finding: LocalizedText(ru: "проблема", en: "finding")
        case .warn: LocalizedText(ru: "предупреждение", en: "warning")
        case .ok: LocalizedText(ru: "в порядке", en: "ok")
        case .notApplicable: LocalizedText(ru: "неприменимо", en: "not applicable")
        case .notEvaluable: LocalizedText(ru: "не оценено", en: "not evaluable")
        case .waived: LocalizedText(ru: "риск принят", en: "waived")
        }
    }
}

/// A three-step scale for impact and effort, used to prioritise findings.
public enum Level3: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    public var value: Int {
        switch self {
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: Level3, rhs: Level3) -> Bool { lhs.value < rhs.value }

    public var title: LocalizedText {
        switch self {
        case .low: LocalizedText(ru: "низкое", en: "low")
        case .medium: LocalizedText(ru: "среднее", en: "medium")
        case .high: LocalizedText(ru: "высокое", en: "high")
        }
    }

    /// The level as it agrees with "трудоёмкость" (feminine in Russian): `низкая`, `средняя`, `высокая`.
    public var effortTitle: LocalizedText {
        switch self {
        case .low: LocalizedText(ru: "низкая", en: "low")
        case .medium: LocalizedText(ru: "средняя", en: "medium")
        case .high: LocalizedText(ru: "высокая", en: "high")
        }
    }
}
