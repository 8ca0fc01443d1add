import AuditModel
import Yams

/// The `plan:` section: the initiatives of the project plan.
extension RulesetBuilder {
    /// Reads `plan: {day_rate: {low, high}, initiatives: [{id, title, scope, causes, always?,
    /// owner, weeks, effort_days: {low, high}, depends_on?, kpis?}]}`. Checked: unknown causes,
    /// prerequisites that no initiative of the file defines, cycles, durations of 1–104 weeks.
    mutating func plan(_ top: Fields) -> PlanSpec? {
        guard let node = top["plan"] else { return nil }
        let what = RuleText.theProjectPlan.text()
        guard let fields = reader.mapping(node, what, allowed: ["day_rate", "initiatives"]) else { return nil }
        let dayRate = range(fields, "day_rate", what)
        var initiatives: [InitiativeSpec] = []
        for item in reader.sequence(fields, "initiatives", required: true, what) ?? [] {
            if let initiative = initiative(item) {
                if initiatives.contains(where: { $0.id == initiative.id }) {
                    reader.error(
                        item,
                        RuleText.initiativeAppearsTwice.text(["id": .value(initiative.id)]))
                }
                initiatives.append(initiative)
            }
        }
        let ids = Set(initiatives.map(\.id))
        for initiative in initiatives {
            for dependency in initiative.dependsOn where !ids.contains(dependency) {
                reader.report(
                    Diagnostic(
                        at: initiative.location,
                        RuleText.initiativeDependsOnWhichThePlan.text(["id": .value(initiative.id), "dependency": .value(dependency)])))
            }
        }
        // A cycle would leave the plan without an order.
        let byID = Dictionary(initiatives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func reaches(_ from: String, _ target: String, _ seen: inout Set<String>) -> Bool {
            for next in byID[from]?.dependsOn ?? [] {
                if next == target { return true }
                if seen.insert(next).inserted, reaches(next, target, &seen) { return true }
            }
            return false
        }
        for initiative in initiatives {
            var seen = Set<String>()
            if reaches(initiative.id, initiative.id, &seen) {
                reader.report(
                    Diagnostic(
                        at: initiative.location,
                        RuleText.initiativeDependsOnItselfThroughIts.text(["id": .value(initiative.id)])))
            }
        }
        guard let dayRate else { return nil }
        return PlanSpec(dayRate: dayRate, initiatives: initiatives)
    }

    private mutating func initiative(_ node: Node) -> InitiativeSpec? {
        let what = RuleText.aPlanInitiative.text()
        guard
            let fields = reader.mapping(
                node, what,
                allowed: ["id", "title", "scope", "decision", "causes", "always", "owner", "weeks", "effort_days", "depends_on", "kpis"]),
            let id = reader.identifier(fields, "id", what)
        else { return nil }
        let named = RuleText.initiative.text(["id": .value(id)])
        let title = reader.text(fields, "title", named)
        let scope = reader.text(fields, "scope", named)
        let owner = reader.text(fields, "owner", named)
        let decision = fields["decision"] == nil ? nil : reader.text(fields, "decision", named)
        var causes: [String] = []
        for item in reader.sequence(fields, "causes", named) ?? [] {
            guard let cause = item.scalar?.string else { continue }
            if !causeIDs.union(environment.knownCauseIDs ?? []).contains(cause) {
                reader.error(
                    item, RuleText.unknownCause.text(["named": .localized(named), "cause": .value(cause)]))
            }
            causes.append(cause)
        }
        let always = fields["always"] == nil ? false : (reader.bool(fields, "always", named) ?? false)
        let weeks = reader.integer(fields, "weeks", named)
        if let weeks, !(1...104).contains(weeks), let weekNode = fields["weeks"] {
            reader.error(weekNode, RuleText.weeksToWeeks.text())
        }
        let effort = range(fields, "effort_days", named)
        let dependsOn = (reader.sequence(fields, "depends_on", named) ?? []).compactMap { $0.scalar?.string }
        let kpis = (reader.sequence(fields, "kpis", named) ?? []).compactMap { $0.scalar?.string }
        for kpi in kpis where environment.checksMetrics && environment.types.metrics[kpi] == nil {
            reader.error(node, RuleText.unknownMetric.text(["named": .localized(named), "kpi": .value(kpi)]))
        }
        if causes.isEmpty && !always {
            reader.error(
                node,
                RuleText.needsCausesOrAlwaysTrueOtherwise.text(["named": .localized(named)]))
        }
        guard let title, let scope, let owner, let weeks, (1...104).contains(weeks), let effort else { return nil }
        var spec = InitiativeSpec(
            id: id, title: title, scope: scope, causes: causes, always: always, owner: owner, weeks: weeks,
            effortDays: effort, dependsOn: dependsOn, kpis: kpis, location: reader.location(node))
        spec.decision = decision
        return spec
    }

    /// `{low: 5, high: 12}`: non-negative, low not above high.
    private mutating func range(_ fields: Fields, _ key: String, _ what: LocalizedText) -> ClosedRange<Double>? {
        guard let node = fields[key] else {
            reader.error(
                fields.node,
                RuleText.theRequiredKeyIsMissing.text(["what": .localized(what), "key": .value(key)]))
            return nil
        }
        let named = RuleText.quotedKey.text(["key": .value(key)])
        guard let pair = reader.mapping(node, named, allowed: ["low", "high"]),
            let low = reader.number(pair, "low", named), let high = reader.number(pair, "high", named)
        else { return nil }
        guard low >= 0, low <= high, high <= NumberLimits.amountMagnitude else {
            reader.error(node, RuleText.expectedLowHigh.text(["key": .value(key)]))
            return nil
        }
        return low...high
    }
}
