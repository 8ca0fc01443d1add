import AuditModel
import Expressions

/// How a ruleset turns answers into the recommended configuration (its `configuration:` block):
/// the pipeline from the stages the company names, when a deal counts as stalled, and which
/// KPIs the company's goals call for, in the order of the goals. The last layer that declares
/// one wins, as with scoring.
public struct ConfigurationSpec: Sendable, Hashable {
    /// A text: the stages as the company lists them, separated by commas, semicolons, arrows or new lines.
    public var pipelineStages: Expressions.Expression?
    /// A number: days without progress after which a deal is stalled.
    public var stalledAfterDays: Expressions.Expression?
    /// The question (a multiple choice) whose chosen options pick and order the KPIs.
    public var goalQuestion: String?
    /// KPI fragments per goal option, in the file's order.
    public var kpisByGoal: [(goal: String, kpis: [ConfigFragment])]
    /// KPIs when the goal question has no answer.
    public var defaultKPIs: [ConfigFragment]

    public init(
        pipelineStages: Expressions.Expression? = nil, stalledAfterDays: Expressions.Expression? = nil, goalQuestion: String? = nil,
        kpisByGoal: [(goal: String, kpis: [ConfigFragment])] = [], defaultKPIs: [ConfigFragment] = []
    ) {
        self.pipelineStages = pipelineStages
        self.stalledAfterDays = stalledAfterDays
        self.goalQuestion = goalQuestion
        self.kpisByGoal = kpisByGoal
        self.defaultKPIs = defaultKPIs
    }

    /// Every expression of the block.
    public var expressions: [Expressions.Expression] { [pipelineStages, stalledAfterDays].compactMap { $0 } }

    public static func == (lhs: ConfigurationSpec, rhs: ConfigurationSpec) -> Bool {
        lhs.pipelineStages == rhs.pipelineStages && lhs.stalledAfterDays == rhs.stalledAfterDays && lhs.goalQuestion == rhs.goalQuestion
            && lhs.defaultKPIs == rhs.defaultKPIs && lhs.kpisByGoal.map(\.goal) == rhs.kpisByGoal.map(\.goal)
            && lhs.kpisByGoal.map(\.kpis) == rhs.kpisByGoal.map(\.kpis)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pipelineStages)
        hasher.combine(stalledAfterDays)
        hasher.combine(goalQuestion)
        hasher.combine(kpisByGoal.map(\.goal))
    }
}
