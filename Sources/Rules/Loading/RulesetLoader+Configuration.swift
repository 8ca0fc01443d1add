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
        let what = LocalizedText(ru: "configuration", en: "configuration")
        guard let fields = reader.mapping(node, what, allowed: ["pipeline_stages", "stalled_after_days", "kpis"]) else { return nil }
        var spec = ConfigurationSpec()
        spec.pipelineStages = expression(fields, "pipeline_stages", expecting: .string)
        spec.stalledAfterDays = expression(fields, "stalled_after_days", expecting: .number)
        if let kpisNode = fields["kpis"] { readKPIs(kpisNode, into: &spec) }
        return spec
    }

    private mutating func readKPIs(_ node: Node, into spec: inout ConfigurationSpec) {
        let what = LocalizedText(ru: "configuration.kpis", en: "configuration.kpis")
        guard let fields = reader.mapping(node, what, allowed: ["goal_question", "by_goal", "default"]) else { return }
        let question = reader.string(fields, "goal_question", what)
        var options: [String]?
        if let question, let questionNode = fields["goal_question"], environment.areas != nil {
            if let declared = environment.types.answers[question] {
                options = declared.options
                if declared.type != .set {
                    reader.error(
                        questionNode,
                        LocalizedText(
                            ru: "goal_question: «\(question)» должен быть вопросом с несколькими вариантами (multi)",
                            en: "goal_question: '\(question)' must be a multiple-choice (multi) question"))
                }
            } else {
                let hint = Suggestion.hint(for: question, in: environment.types.answers.keys)
                reader.error(
                    questionNode,
                    LocalizedText(
                        ru: "goal_question: в анкете нет вопроса «\(question)»\(hint.ru)",
                        en: "goal_question: the questionnaire has no question '\(question)'\(hint.en)"))
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
                            LocalizedText(
                                ru:
                                    "by_goal: у вопроса «\(question ?? "")» нет варианта «\(goal)»\(hint.ru); есть: \(options.joined(separator: ", "))",
                                en:
                                    "by_goal: question '\(question ?? "")' has no option '\(goal)'\(hint.en); its options are: \(options.joined(separator: ", "))"
                            ))
                    }
                    spec.kpisByGoal.append((goal, kpiFragments(value)))
                }
            } else {
                reader.error(
                    byGoal,
                    LocalizedText(ru: "by_goal: ожидается словарь «вариант: [KPI]»", en: "by_goal: expected a mapping 'option: [KPIs]'"))
            }
        }
        if let defaults = fields["default"] { spec.defaultKPIs = kpiFragments(defaults) }
    }

    /// KPI items: `{id, metric, target, title, detail?}`, as `recommends` items of the `kpis` section.
    private mutating func kpiFragments(_ node: Node) -> [ConfigFragment] {
        let what = LocalizedText(ru: "KPI", en: "KPI")
        guard case .sequence(let items) = node else {
            reader.error(node, LocalizedText(ru: "ожидается список KPI", en: "expected a list of KPIs"))
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
                    LocalizedText(ru: "неизвестный показатель «\(metric)»\(hint.ru)", en: "unknown metric '\(metric)'\(hint.en)"))
            }
            return ConfigFragment(
                section: .kpis, id: id, title: title, detail: reader.text(fields, "detail", required: false, what),
                metric: metric, target: reader.string(fields, "target", what))
        }
    }
}
