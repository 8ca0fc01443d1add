import AuditModel
import Expressions

/// How a ruleset turns answers into the recommended configuration (its `configuration:` block):
/// the pipeline from the stages the company names, when a deal counts as stalled, and which
/// KPIs the company's goals call for, in the order of the goals. The last layer that declares
/// one wins, as with scoring.
package struct ConfigurationSpec: Sendable, Hashable {
    /// A text: the stages as the company lists them, separated by commas, semicolons, arrows or new lines.
    package var pipelineStages: Expressions.Expression?
    /// A number: days without progress after which a deal is stalled.
    package var stalledAfterDays: Expressions.Expression?
    /// The question (a multiple choice) whose chosen options pick and order the KPIs.
    package var goalQuestion: String?
    /// KPI fragments per goal option, in the file's order.
    package var kpisByGoal: [(goal: String, kpis: [ConfigFragment])]
    /// KPIs when the goal question has no answer.
    package var defaultKPIs: [ConfigFragment]

    package init(
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
    package var expressions: [Expressions.Expression] { [pipelineStages, stalledAfterDays].compactMap { $0 } }

    package static func == (lhs: ConfigurationSpec, rhs: ConfigurationSpec) -> Bool {
        lhs.pipelineStages == rhs.pipelineStages && lhs.stalledAfterDays == rhs.stalledAfterDays && lhs.goalQuestion == rhs.goalQuestion
            && lhs.defaultKPIs == rhs.defaultKPIs && lhs.kpisByGoal.map(\.goal) == rhs.kpisByGoal.map(\.goal)
            && lhs.kpisByGoal.map(\.kpis) == rhs.kpisByGoal.map(\.kpis)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(pipelineStages)
        hasher.combine(stalledAfterDays)
        hasher.combine(goalQuestion)
        hasher.combine(kpisByGoal.map(\.goal))
    }
}
