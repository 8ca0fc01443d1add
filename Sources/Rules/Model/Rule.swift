import AuditModel
import Expressions
import Foundation

/// A band on a metric: the finding holds when `observed <op> threshold`.
package struct Band: Sendable, Hashable, Codable, CustomStringConvertible {
    package enum Comparison: String, Sendable, Hashable, Codable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    }

    package var comparison: Comparison
    package var threshold: Double

    package init(_ comparison: Comparison, _ threshold: Double) {
        self.comparison = comparison
        self.threshold = threshold
    }

    package func holds(for value: Double) -> Bool {
        switch comparison {
        case .greater: value > threshold
        case .greaterOrEqual: value >= threshold
        case .less: value < threshold
        case .lessOrEqual: value <= threshold
        }
    }

    package var description: String { "\(comparison.rawValue) \(threshold)" }

    /// The thresholds a ruleset may set: finite and within ±10^15, the bound of the amounts the
    /// data holds (``NumberLimits/amountMagnitude``); beyond it a band could never be met.
    package static let thresholds: ClosedRange<Double> = -NumberLimits.amountMagnitude...NumberLimits.amountMagnitude

    /// Parses `"> 0.3"`, `">=10"`, `"< 0.5"`.
    package init?(parsing text: String) {
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
package struct BandLimit: Sendable, Hashable {
    /// The threshold: fixed, or worked out for each company.
    package enum Threshold: Sendable, Hashable {
        case constant(Double)
        case expression(Expressions.Expression)
    }

    package var comparison: Band.Comparison
    package var threshold: Threshold

    package init(_ comparison: Band.Comparison, _ threshold: Threshold) {
        self.comparison = comparison
        self.threshold = threshold
    }

    /// A fixed band.
    package init(_ band: Band) {
        self.init(band.comparison, .constant(band.threshold))
    }

    /// The expression of a worked-out threshold, for reference listing.
    package var expression: Expressions.Expression? {
        if case .expression(let expression) = threshold { expression } else { nil }
    }
}

/// How a rule decides whether its gap holds.
package enum RuleCheck: Sendable, Hashable {
    /// A condition: true → finding, false → ok, null → not evaluable.
    case condition(Expressions.Expression)
    /// An observed number with warn and fail bands (at least one).
    case bands(value: Expressions.Expression, warn: BandLimit?, fail: BandLimit?)
}

/// Offending records to show with a finding.
public struct SampleSpec: Sendable, Hashable, Codable {
    /// The analytics sample set's id (e.g. `customers.missing_email`).
    package var set: String
    package var limit: Int
    /// The fields to show, in order; all of the set's fields when empty.
    package var fields: [String]
}

/// A section of the recommended CRM configuration.
package enum ConfigSection: String, Sendable, Hashable, Codable, CaseIterable {
    case pipeline, requiredFields = "required_fields", segments, automations, reports, roles,
        cleanup, integrations, kpis

    package var title: LocalizedText {
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
package struct ConfigFragment: Sendable, Hashable, Codable {
    package var section: ConfigSection
    /// Stable id within the section (fragments with the same id merge).
    package var id: String
    package var title: LocalizedText
    package var detail: LocalizedText?
    /// For KPIs: the metric whose current value is the baseline.
    package var metric: String?
    /// For KPIs: the target, as text (`+10 %`, `< 0.2`).
    package var target: String?

    package init(
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
package struct RuleTest: Sendable, Hashable {
    package var answers: [String: AnswerValue]
    package var metrics: [String: Value]
    /// The questions the people interviewed disagree on.
    package var disputed: Set<String> = []
    /// How many named people answered.
    package var respondents: Int = 0
    package var expect: FindingStatus
    package var location: SourceLocation
}

/// One rule of a ruleset.
public struct Rule: Sendable, Hashable {
    package var id: String
    package var area: String
    package var title: LocalizedText
    /// How much a finding of the rule weighs.
    public var severity: Severity
    package var blocking: Bool
    package var weight: Double
    package var impact: Level3
    package var effort: Level3
    package var appliesIf: Expressions.Expression?
    package var check: RuleCheck
    /// The observed value shown for a condition rule (bands rules observe their value).
    package var observed: Expressions.Expression?
    package var count: Expressions.Expression?
    package var denominator: Expressions.Expression?
    /// The money block: revenue exposed over a stated period and the assumption that makes it a range.
    package var money: MoneySpec?
    package var evidence: LocalizedText?
    /// How the observed value and the bands read: `percent`, `money`, `count`, `days` or `number`
    /// (from `unit:`, else from the metric a `value` names).
    package var unit: String?
    package var samples: SampleSpec?
    package var recommendation: LocalizedText
    package var recommends: [ConfigFragment]
    package var tests: [RuleTest]
    /// Where the rule is written.
    public var location: SourceLocation
    /// `id@version` of the ruleset that defines it.
    package var ruleset: String
    /// The owner's belief this rule checks against the data, for the report's beliefs table.
    package var belief: Belief? = nil
    /// The id of the root cause (the ruleset's `causes:`) this rule is a symptom of.
    package var cause: String? = nil
    /// What the check's passing says about the company, phrased as a strength ("Every customer
    /// has a responsible manager"): how the report shows a passed check, never under the
    /// problem's title.
    package var strength: LocalizedText? = nil

    /// The weights a rule may have. A weight multiplies the rule's severity points against the
    /// other rules' (1 by default); 100 already makes one rule count as a hundred ordinary ones,
    /// and the bound keeps every score's arithmetic finite (1e308 overflowed it).
    package static let weights: ClosedRange<Double> = 0...100

    /// Whether the rule's check reads the data (a metric), not only the answers: a strength of
    /// a check on answers alone is what the company says, and the report says so.
    package var checksData: Bool {
        var checked = [appliesIf].compactMap { $0 }
        switch check {
        case .condition(let expression): checked.append(expression)
        case .bands(let value, let warn, let fail): checked += [value, warn?.expression, fail?.expression].compactMap { $0 }
        }
        return checked.contains { $0.references.contains { $0.kind == .metric } }
    }

    /// Every expression of the rule, for reference listing.
    package var expressions: [Expressions.Expression] {
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
    package var id: String
    package var version: String
    package var title: LocalizedText
    /// The file the ruleset was read from.
    public var file: String
    /// The questionnaire whose answers the rules reference.
    public var questionnaire: String?
    /// The scoring policy the set declares, if any.
    public var scoring: ScoringPolicy?
    /// The rules, in file order.
    public var rules: [Rule]
    /// Rule ids of earlier layers this set switches off.
    package var disable: [String]
    /// The findings the consultant accepted, each with who and until when.
    public var waivers: [Waiver]
    /// How the answers shape the recommended configuration (`configuration:`), when declared.
    package var configuration: ConfigurationSpec? = nil
    /// The consultant's words for the report (`report:`), in their own layer.
    package var notes: ConsultantNotes? = nil
    /// The rate ranges money estimates rest on (`assumptions:`).
    package var assumptions: [Assumption] = []
    /// The root causes the rules name with `cause:`.
    package var causes: [RootCause] = []
    /// The gates of the readiness verdict (`readiness:`).
    package var readiness: [ReadinessGate] = []
    /// The project plan's initiatives (`plan:`).
    package var plan: PlanSpec? = nil

    package var reference: String { "\(id)@\(version)" }
}
