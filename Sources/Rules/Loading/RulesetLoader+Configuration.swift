import AuditModel
import Expressions
import Yams

extension RulesetBuilder {
    /// Reads the ruleset's `configuration:` block:
    ///
    /// ```yaml
    /// configuration:
    ///   pipeline_stages: "answer.sales_stages_list"
    ///   stalled_after_days: "2 * answer.sales_cycle_days"
    ///   kpis:
    ///     goal_question: goals_main
    ///     by_goal: {grow_sales: [{id, metric, target, title}, …], …}
    ///     default: [{id, metric, target, title}, …]
    /// ```
    mutating func configurationSpec(_ node: Node) -> ConfigurationSpec? {
        let what = RuleText.configuration.text()
        guard let fields = reader.mapping(node, what, allowed: ["pipeline_stages", "stalled_after_days", "kpis"]) else { return nil }
        var spec = ConfigurationSpec()
        spec.pipelineStages = expression(fields, "pipeline_stages", expecting: .string)
        spec.stalledAfterDays = expression(fields, "stalled_after_days", expecting: .number)
        if let kpisNode = fields["kpis"] { readKPIs(kpisNode, into: &spec) }
        return spec
    }

    private mutating func readKPIs(_ node: Node, into spec: inout ConfigurationSpec) {
        let what = RuleText.configurationKpis.text()
        guard let fields = reader.mapping(node, what, allowed: ["goal_question", "by_goal", "default"]) else { return }
        let question = reader.string(fields, "goal_question", what)
        var options: [String]?
        if let question, let questionNode = fields["goal_question"], environment.areas != nil {
            if let declared = environment.types.answers[question] {
                options = declared.options
                if declared.type != .set {
                    reader.error(
                        questionNode,
                        RuleText.goalQuestionMustBeAMultiple.text(["question": .value(question)]))
                }
            } else {
                let hint = Suggestion.hint(for: question, in: environment.types.answers.keys)
                reader.error(
                    questionNode,
                    RuleText.goalQuestionTheQuestionnaireHasNo.text(["question": .value(question), "hint": .localized(hint)]))
            }
        }
        spec.goalQuestion = question
        if let byGoal = fields["by_goal"] {
            if case .mapping(let mapping) = byGoal {
                for (key, value) in mapping {
                    guard let goal = key.scalar?.string else { continue }
                    if let options, !options.contains(goal) {
                        let hint = Suggestion.hint(for: goal, in: options)
                        reader.error(
                            key,
                            RuleText.byGoalQuestionHasNoOption.text([
                                "question": .value(question ?? ""), "goal": .value(goal), "hint": .localized(hint),
                                "options": .value(options.joined(separator: ", ")),
                            ]))
                    }
                    spec.kpisByGoal.append((goal, kpiFragments(value)))
                }
            } else {
                reader.error(
                    byGoal,
                    RuleText.byGoalExpectedAMappingOption.text())
            }
        }
        if let defaults = fields["default"] { spec.defaultKPIs = kpiFragments(defaults) }
    }

    /// KPI items: `{id, metric, target, title, detail?}`, as `recommends` items of the `kpis` section.
    private mutating func kpiFragments(_ node: Node) -> [ConfigFragment] {
        let what = RuleText.kpi.text()
        guard case .sequence(let items) = node else {
            reader.error(node, RuleText.expectedAListOfKpis.text())
            return []
        }
        return items.compactMap { item -> ConfigFragment? in
            guard let fields = reader.mapping(item, what, allowed: ["id", "title", "detail", "metric", "target"]),
                let id = reader.string(fields, "id", required: true, what), let title = reader.text(fields, "title", what)
            else { return nil }
            let metric = reader.string(fields, "metric", required: true, what)
            if let metric, environment.checksMetrics, environment.types.metrics[metric] == nil, let metricNode = fields["metric"] {
                let hint = Suggestion.hint(for: metric, in: environment.types.metrics.keys)
                reader.error(
                    metricNode,
                    RuleText.unknownMetric2.text(["metric": .value(metric), "hint": .localized(hint)]))
            }
            return ConfigFragment(
                section: .kpis, id: id, title: title, detail: reader.text(fields, "detail", required: false, what),
                metric: metric, target: reader.string(fields, "target", what))
        }
    }
}
