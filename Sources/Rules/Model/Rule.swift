import AuditModel
import Expressions
import Foundation

/// A band on a metric: the finding holds when `observed <op> threshold`.
public struct Band: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, Codable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    }

    public var comparison: Comparison
    public var threshold: Double

    public init(_ comparison: Comparison, _ threshold: Double) {
        self.comparison = comparison
        self.threshold = threshold
    }

    public func holds(for value: Double) -> Bool {
        switch comparison {
        case .greater: value > threshold
        case .greaterOrEqual: value >= threshold
        case .less: value < threshold
        case .lessOrEqual: value <= threshold
        }
    }

    public var description: String { "\(comparison.rawValue) \(threshold)" }

    /// The thresholds a ruleset may set: finite and within ±10^15, the bound of the amounts the
    /// data holds (``NumberLimits/amountMagnitude``); beyond it a band could never be met.
    public static let thresholds: ClosedRange<Double> = -NumberLimits.amountMagnitude...NumberLimits.amountMagnitude

    /// Parses `"> 0.3"`, `">=10"`, `"< 0.5"`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for comparison in [Comparison.greaterOrEqual, .lessOrEqual, .greater, .less] where trimmed.hasPrefix(comparison.rawValue) {
            let number = trimmed.dropFirst(comparison.rawValue.count).trimmingCharacters(in: .whitespaces)
            guard let threshold = Double(number) else { return nil }
            self.init(comparison, threshold)
            return
        }
        return nil
    }
}

/// A band as a ruleset writes it: a comparison and a threshold that is either a number or an
/// expression of the company's data and answers (`"> max(0.25, 1.5 / metric.managers.with_sales_12m)"`),
/// so that what counts as a gap can depend on team size, cycle or business model.
public struct BandLimit: Sendable, Hashable {
    /// The threshold: fixed, or worked out for each company.
    public enum Threshold: Sendable, Hashable {
        case constant(Double)
        case expression(Expressions.Expression)
    }

    public var comparison: Band.Comparison
    public var threshold: Threshold

    public init(_ comparison: Band.Comparison, _ threshold: Threshold) {
        self.comparison = comparison
        self.threshold = threshold
    }

    /// A fixed band.
    public init(_ band: Band) {
        self.init(band.comparison, .constant(band.threshold))
    }

    /// The expression of a worked-out threshold, for reference listing.
    public var expression: Expressions.Expression? {
        if case .expression(let expression) = threshold { expression } else { nil }
    }
}

/// How a rule decides whether its gap holds.
public enum RuleCheck: Sendable, Hashable {
    /// A condition: true → finding, false → ok, null → not evaluable.
    case condition(Expressions.Expression)
    /// An observed number with warn and fail bands (at least one).
    case bands(value: Expressions.Expression, warn: BandLimit?, fail: BandLimit?)
}

/// Offending records to show with a finding.
public struct SampleSpec: Sendable, Hashable, Codable {
    /// The analytics sample set's id (e.g. `customers.missing_email`).
    public var set: String
    public var limit: Int
    /// The fields to show, in order; all of the set's fields when empty.
    public var fields: [String]
}

/// A section of the recommended CRM configuration.
public enum ConfigSection: String, Sendable, Hashable, Codable, CaseIterable {
    case pipeline, requiredFields = "required_fields", segments, automations, reports, roles,
        cleanup, integrations, kpis

    public var title: LocalizedText {
        switch self {
        case .pipeline: RuleText.salesPipeline.text()
        case .requiredFields: RuleText.requiredFields.text()
        case .segments: RuleText.segments.text()
        case .automations: RuleText.automations.text()
        case .reports: RuleText.reportsAndDashboards.text()
        case .roles: RuleText.rolesAndAccess.text()
        case .cleanup: RuleText.dataCleanUp.text()
        case .integrations: RuleText.integrations.text()
        case .kpis: RuleText.kpis.text()
        }
    }
}

/// One piece of configuration a rule recommends when its gap holds.
public struct ConfigFragment: Sendable, Hashable, Codable {
    public var section: ConfigSection
    /// Stable id within the section (fragments with the same id merge).
    public var id: String
    public var title: LocalizedText
    public var detail: LocalizedText?
    /// For KPIs: the metric whose current value is the baseline.
    public var metric: String?
    /// For KPIs: the target, as text (`+10 %`, `< 0.2`).
    public var target: String?

    public init(
        section: ConfigSection, id: String, title: LocalizedText, detail: LocalizedText? = nil,
        metric: String? = nil, target: String? = nil
    ) {
        self.section = section
        self.id = id
        self.title = title
        self.detail = detail
        self.metric = metric
        self.target = target
    }
}

/// A test a rule carries: given answers and metrics, the status it must reach.
public struct RuleTest: Sendable, Hashable {
    public var answers: [String: AnswerValue]
    public var metrics: [String: Value]
    /// The questions the people interviewed disagree on.
    public var disputed: Set<String> = []
    /// How many named people answered.
    public var respondents: Int = 0
    public var expect: FindingStatus
    public var location: SourceLocation
}

/// One rule of a ruleset.
public struct Rule: Sendable, Hashable {
    public var id: String
    public var area: String
    public var title: LocalizedText
    public var severity: Severity
    public var blocking: Bool
    public var weight: Double
    public var impact: Level3
    public var effort: Level3
    public var appliesIf: Expressions.Expression?
    public var check: RuleCheck
    /// The observed value shown for a condition rule (bands rules observe their value).
    public var observed: Expressions.Expression?
    public var count: Expressions.Expression?
    public var denominator: Expressions.Expression?
    /// The money block: revenue exposed over a stated period and the assumption that makes it a range.
    public var money: MoneySpec?
    public var evidence: LocalizedText?
    /// How the observed value and the bands read: `percent`, `money`, `count`, `days` or `number`
    /// (from `unit:`, else from the metric a `value` names).
    public var unit: String?
    public var samples: SampleSpec?
    public var recommendation: LocalizedText
    public var recommends: [ConfigFragment]
    public var tests: [RuleTest]
    public var location: SourceLocation
    /// `id@version` of the ruleset that defines it.
    public var ruleset: String
    /// The owner's belief this rule checks against the data, for the report's beliefs table.
    public var belief: Belief? = nil
    /// The id of the root cause (the ruleset's `causes:`) this rule is a symptom of.
    public var cause: String? = nil
    /// What the check's passing says about the company, phrased as a strength ("Every customer
    /// has a responsible manager"): how the report shows a passed check, never under the
    /// problem's title.
    public var strength: LocalizedText? = nil

    /// The weights a rule may have. A weight multiplies the rule's severity points against the
    /// other rules' (1 by default); 100 already makes one rule count as a hundred ordinary ones,
    /// and the bound keeps every score's arithmetic finite (1e308 overflowed it).
    public static let weights: ClosedRange<Double> = 0...100

    /// Whether the rule's check reads the data (a metric), not only the answers: a strength of
    /// a check on answers alone is what the company says, and the report says so.
    public var checksData: Bool {
        var checked = [appliesIf].compactMap { $0 }
        switch check {
        case .condition(let expression): checked.append(expression)
        case .bands(let value, let warn, let fail): checked += [value, warn?.expression, fail?.expression].compactMap { $0 }
        }
        return checked.contains { $0.references.contains { $0.kind == .metric } }
    }

    /// Every expression of the rule, for reference listing.
    public var expressions: [Expressions.Expression] {
        var all = [appliesIf, observed, count, denominator, money?.exposed, money?.customers, belief?.stated, belief?.measured].compactMap {
            $0
        }
        switch check {
        case .condition(let expression): all.append(expression)
        case .bands(let value, let warn, let fail): all += [value, warn?.expression, fail?.expression].compactMap { $0 }
        }
        return all
    }
}

/// A ruleset file: its rules, and how it changes the sets layered under it.
public struct Ruleset: Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var file: String
    /// The questionnaire whose answers the rules reference.
    public var questionnaire: String?
    public var scoring: ScoringPolicy?
    public var rules: [Rule]
    /// Rule ids of earlier layers this set switches off.
    public var disable: [String]
    public var waivers: [Waiver]
    /// How the answers shape the recommended configuration (`configuration:`), when declared.
    public var configuration: ConfigurationSpec? = nil
    /// The consultant's words for the report (`report:`), in their own layer.
    public var notes: ConsultantNotes? = nil
    /// The rate ranges money estimates rest on (`assumptions:`).
    public var assumptions: [Assumption] = []
    /// The root causes the rules name with `cause:`.
    public var causes: [RootCause] = []
    /// The gates of the readiness verdict (`readiness:`).
    public var readiness: [ReadinessGate] = []
    /// The project plan's initiatives (`plan:`).
    public var plan: PlanSpec? = nil

    public var reference: String { "\(id)@\(version)" }
}
