import Analytics
import AuditModel
import Expressions
import Questionnaire
import Rules

extension ConfigurationBuilder {
    /// The stages the company names become the pipeline, in their order (in place of the
    /// template stages a finding recommends); the stated sales cycle
    /// sets when a deal counts as stalled (`stalled_after_days` in the ruleset says how).
    static func addStatedPipeline(_ spec: ConfigurationSpec, _ bindings: Bindings, to configuration: inout RecommendedConfiguration) {
        var stageCount = 0
        if case .string(let text)? = spec.pipelineStages?.evaluate(with: bindings).value, case let stages = statedStages(text),
            !stages.isEmpty
        {
            stageCount = stages.count
            // The company's own stages replace the template stages findings recommend; those
            // findings stay as the reasons for the pipeline.
            let reasons = configuration.pipeline.flatMap(\.reasons).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            configuration.pipeline = stages.enumerated().map { position, stage in
                ConfigItem(
                    id: "stage.\(stage)", title: LocalizedText(both: stage),
                    detail: AuditText.stageOfAsTheCompanyNames.text(["position": .value(position + 1), "count": .value(stages.count)]),
                    reasons: reasons)
            }
        }
        guard case .number(let days)? = spec.stalledAfterDays?.evaluate(with: bindings).value, days.isFinite, days >= 1 else { return }
        // The limit is the whole deal's; with the company's stages, each stage gets its part.
        let whole = stageCount > 0 ? max(3, (days / Double(stageCount)).rounded(.up)) : days.rounded(.up)
        let cycle = spec.stalledAfterDays?.references.first { $0.kind == .answer }.flatMap { bindings.answers[$0.id] }
        let detail: LocalizedText
        if case .number(let stated)? = cycle {
            detail = (stageCount > 0 ? AuditText.stalledDealTaskStages : .stalledDealTaskStated).text([
                "days": .number(whole), "cycle": .number(stated), "stages": .count(stageCount),
            ])
        } else {
            detail = AuditText.stalledDealTask.text(["days": .number(whole)])
        }
        configuration.add(
            ConfigItem(id: "automation.stalled_deal", title: AuditText.stalledDealAlert.text(), detail: detail),
            to: .automations)
    }

    /// The stage names of a stated list: split on commas, semicolons, arrows and new lines,
    /// trimmed, without repeats (compared case-insensitively), at most 20.
    package static func statedStages(_ text: String) -> [String] {
        var normalised = text
        for arrow in ["->", "→", "⇒", ">"] { normalised = normalised.replacingOccurrences(of: arrow, with: ",") }
        var seen = Set<String>()
        var stages: [String] = []
        for part in normalised.split(whereSeparator: { ",;\n\r".contains($0) }) {
            var stage = part.trimmingCharacters(in: .whitespacesAndNewlines)
            while stage.hasSuffix(".") { stage.removeLast() }
            guard !stage.isEmpty, seen.insert(stage.lowercased()).inserted else { continue }
            // The company's own words, with a capital first letter as a stage title.
            stages.append(stage.prefix(1).uppercased() + stage.dropFirst())
            if stages.count == 20 { break }
        }
        return stages
    }

    /// KPIs of the goals the company chose, in the order it gave them, ahead of the KPIs the
    /// findings call for; the ruleset's default KPIs when the goals are not answered.
    static func addGoalKPIs(
        _ spec: ConfigurationSpec, answers: [String: AnswerValue], questionnaire: Questionnaire?,
        metrics: MetricDocument, to configuration: inout RecommendedConfiguration
    ) {
        var chosen: [String] = []
        if let question = spec.goalQuestion, case .options(let options)? = answers[question] { chosen = options }
        var goalItems: [ConfigItem] = []
        func item(_ fragment: ConfigFragment, goal: LocalizedText?) -> ConfigItem {
            let detail =
                goal.map { AuditText.theCompanyGoal.text(["value": .localized($0)]) } ?? fragment.detail
            let baseline = fragment.metric.flatMap { metrics[$0].number }
            return ConfigItem(
                id: fragment.id, title: fragment.title, detail: detail, metric: fragment.metric,
                unit: fragment.metric.flatMap { MetricCatalogue.definition(of: $0)?.unit }, baseline: baseline,
                baselineText: fragment.metric.flatMap { baselineText($0, baseline, metrics) }, target: fragment.target)
        }
        if chosen.isEmpty {
            goalItems = spec.defaultKPIs.map { item($0, goal: nil) }
        } else {
            let byGoal = Dictionary(spec.kpisByGoal.map { ($0.goal, $0.kpis) }, uniquingKeysWith: { $0 + $1 })
            let labels = spec.goalQuestion.flatMap { questionnaire?.question($0) }
            for goal in chosen {
                let label = labels?.option(goal)?.label ?? LocalizedText(both: goal)
                for fragment in byGoal[goal] ?? [] where !goalItems.contains(where: { $0.id == fragment.id }) {
                    goalItems.append(item(fragment, goal: label))
                }
            }
        }
        // Goal KPIs first; a KPI a finding also calls for keeps the finding as its reason.
        var rest = configuration.kpis
        for index in goalItems.indices {
            if let found = rest.firstIndex(where: { $0.id == goalItems[index].id }) {
                goalItems[index].reasons = rest[found].reasons
                rest.remove(at: found)
            }
        }
        configuration.kpis = goalItems + rest
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
