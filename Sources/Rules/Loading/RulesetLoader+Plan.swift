import AuditModel
import Yams

/// The `plan:` section: the initiatives of the project plan.
extension RulesetBuilder {
    /// Reads `plan: {day_rate: {low, high}, initiatives: [{id, title, scope, causes, always?,
    /// owner, weeks, effort_days: {low, high}, depends_on?, kpis?}]}`. Checked: unknown causes,
    /// prerequisites that no initiative of the file defines, cycles, durations of 1–104 weeks.
    mutating func plan(_ top: Fields) -> PlanSpec? {
        guard let node = top["plan"] else { return nil }
        let what = LocalizedText(ru: "план проекта", en: "the project plan")
        guard let fields = reader.mapping(node, what, allowed: ["day_rate", "initiatives"]) else { return nil }
        let dayRate = range(fields, "day_rate", what)
        var initiatives: [InitiativeSpec] = []
        for item in reader.sequence(fields, "initiatives", required: true, what) ?? [] {
            if let initiative = initiative(item) {
                if initiatives.contains(where: { $0.id == initiative.id }) {
                    reader.error(
                        item,
                        LocalizedText(ru: "мероприятие «\(initiative.id)» повторяется", en: "initiative '\(initiative.id)' appears twice"))
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
                        LocalizedText(
                            ru: "мероприятие «\(initiative.id)» зависит от «\(dependency)», которого в плане нет",
                            en: "initiative '\(initiative.id)' depends on '\(dependency)', which the plan does not define")))
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
                        LocalizedText(
                            ru: "мероприятие «\(initiative.id)» зависит само от себя через цепочку зависимостей",
                            en: "initiative '\(initiative.id)' depends on itself through its chain of prerequisites")))
            }
        }
        guard let dayRate else { return nil }
        return PlanSpec(dayRate: dayRate, initiatives: initiatives)
    }

    private mutating func initiative(_ node: Node) -> InitiativeSpec? {
        let what = LocalizedText(ru: "мероприятие плана", en: "a plan initiative")
        guard
            let fields = reader.mapping(
                node, what,
                allowed: ["id", "title", "scope", "decision", "causes", "always", "owner", "weeks", "effort_days", "depends_on", "kpis"]),
            let id = reader.identifier(fields, "id", what)
        else { return nil }
        let named = LocalizedText(ru: "мероприятие \(id)", en: "initiative \(id)")
        let title = reader.text(fields, "title", named)
        let scope = reader.text(fields, "scope", named)
        let owner = reader.text(fields, "owner", named)
        let decision = fields["decision"] == nil ? nil : reader.text(fields, "decision", named)
        var causes: [String] = []
        for item in reader.sequence(fields, "causes", named) ?? [] {
            guard let cause = item.scalar?.string else { continue }
            if !causeIDs.union(environment.knownCauseIDs ?? []).contains(cause) {
                reader.error(
                    item, LocalizedText(ru: "\(named.ru): неизвестная причина «\(cause)»", en: "\(named.en): unknown cause '\(cause)'"))
            }
            causes.append(cause)
        }
        let always = fields["always"] == nil ? false : (reader.bool(fields, "always", named) ?? false)
        let weeks = reader.integer(fields, "weeks", named)
        if let weeks, !(1...104).contains(weeks), let weekNode = fields["weeks"] {
            reader.error(weekNode, LocalizedText(ru: "«weeks»: от 1 до 104 недель", en: "'weeks': 1 to 104 weeks"))
        }
        let effort = range(fields, "effort_days", named)
        let dependsOn = (reader.sequence(fields, "depends_on", named) ?? []).compactMap { $0.scalar?.string }
        let kpis = (reader.sequence(fields, "kpis", named) ?? []).compactMap { $0.scalar?.string }
        for kpi in kpis where environment.checksMetrics && environment.types.metrics[kpi] == nil {
            reader.error(node, LocalizedText(ru: "\(named.ru): неизвестная метрика «\(kpi)»", en: "\(named.en): unknown metric '\(kpi)'"))
        }
        if causes.isEmpty && !always {
            reader.error(
                node,
                LocalizedText(
                    ru: "\(named.ru): нужны «causes» или «always: true» — иначе мероприятие никогда не попадёт в план",
                    en: "\(named.en) needs 'causes' or 'always: true'; otherwise it never enters a plan"))
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
                LocalizedText(ru: "\(what.ru): нет обязательного ключа «\(key)»", en: "\(what.en): the required key '\(key)' is missing"))
            return nil
        }
        let named = LocalizedText(ru: "«\(key)»", en: "'\(key)'")
        guard let pair = reader.mapping(node, named, allowed: ["low", "high"]),
            let low = reader.number(pair, "low", named), let high = reader.number(pair, "high", named)
        else { return nil }
        guard low >= 0, low <= high, high <= NumberLimits.amountMagnitude else {
            reader.error(node, LocalizedText(ru: "«\(key)»: ожидается 0 ≤ low ≤ high", en: "'\(key)': expected 0 ≤ low ≤ high"))
            return nil
        }
        return low...high
    }
}
