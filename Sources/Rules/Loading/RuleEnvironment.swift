import AuditModel
import Expressions

/// What rules may reference, for checking them at load time: the questionnaire's answers and
/// areas, the metric catalogue, and the analytics sample sets.
public struct RuleEnvironment: Sendable {
    /// Types of `answer.<id>` and `metric.<id>` references.
    public var types: TypeEnvironment
    /// The areas rules may belong to; nil accepts any.
    package var areas: Set<String>?
    /// The sample sets rules may show; nil accepts any.
    package var sampleSets: Set<String>?
    /// False when no metric catalogue was given (metric references are then not checked).
    package var checksMetrics: Bool
    /// The rule ids of the layers a ruleset may be stacked on (the bundled sets), for checking
    /// its `disable:` list; nil does not check it.
    package var knownRuleIDs: Set<String>?
    /// The assumption ids of the layers a ruleset may be stacked on, for checking its money
    /// blocks' `assumption:`; nil checks them only against the file's own (the stack checks the rest).
    package var knownAssumptionIDs: Set<String>?
    /// The root causes the layers below define, which a rule's `cause:` may name besides its own
    /// file's; nil accepts only the file's own.
    package var knownCauseIDs: Set<String>? = nil
    /// The unit and period of each metric (the analytics' catalogue), for checking that a money
    /// block's metric covers its period and for writing a band's values in the metric's unit;
    /// a metric not in it is not checked that way.
    package var metricShapes: [String: MetricShape]

    package init(
        types: TypeEnvironment, areas: Set<String>?, sampleSets: Set<String>?, checksMetrics: Bool = true,
        metricShapes: [String: MetricShape] = [:]
    ) {
        self.types = types
        self.metricShapes = metricShapes
        self.areas = areas
        self.sampleSets = sampleSets
        self.checksMetrics = checksMetrics
    }
}
