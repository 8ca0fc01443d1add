import AuditModel

/// One initiative of the project plan as a ruleset declares it (`plan:`): a piece of work that
/// removes one or more root causes, with its owner, duration, effort and what it waits for.
package struct InitiativeSpec: Sendable, Hashable, Codable {
    package var id: String
    package var title: LocalizedText
    /// What is done, in a sentence.
    package var scope: LocalizedText
    /// The root causes it removes: it is in the plan when any of them has a gap.
    package var causes: [String]
    /// In every plan, whatever the findings (the goals, the platform choice, adoption).
    package var always: Bool
    package var owner: LocalizedText
    package var weeks: Int
    /// Person-days of outside work (an integrator's or consultant's).
    package var effortDays: ClosedRange<Double>
    package var dependsOn: [String]
    /// The metrics it moves, shown with their baselines.
    package var kpis: [String]
    /// What the executive is asked to decide to start it (page one's decisions), in the
    /// imperative; nil: "Start: <title>".
    package var decision: LocalizedText? = nil
    package var location: SourceLocation

    package init(
        id: String, title: LocalizedText, scope: LocalizedText, causes: [String], always: Bool, owner: LocalizedText, weeks: Int,
        effortDays: ClosedRange<Double>, dependsOn: [String], kpis: [String], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.scope = scope
        self.causes = causes
        self.always = always
        self.owner = owner
        self.weeks = weeks
        self.effortDays = effortDays
        self.dependsOn = dependsOn
        self.kpis = kpis
        self.location = location
    }
}

/// The plan section of a ruleset: the initiatives and the price of a day of outside work.
package struct PlanSpec: Sendable, Hashable, Codable {
    package var dayRate: ClosedRange<Double>
    package var initiatives: [InitiativeSpec]

    package init(dayRate: ClosedRange<Double>, initiatives: [InitiativeSpec]) {
        self.dayRate = dayRate
        self.initiatives = initiatives
    }
}

/// One initiative of a round's plan, scheduled.
package struct PlannedInitiative: Sendable, Hashable, Codable {
    package var spec: InitiativeSpec
    /// Weeks from the project's start.
    package var startWeek: Int
    package var endWeek: Int
    /// The gaps (rule ids) it answers, worst first.
    package var findings: [String]
    /// Effort × the day rate.
    package var cost: ClosedRange<Double>
}

/// The phased plan of a round: the initiatives its gaps call for, in dependency order.
package struct ProjectPlan: Sendable, Hashable, Codable {
    package var initiatives: [PlannedInitiative]
    package var dayRate: ClosedRange<Double>

    /// Weeks from the start to the end of the last initiative.
    package var weeks: Int { initiatives.map(\.endWeek).max() ?? 0 }

    /// The outside work's cost, summed.
    package var cost: ClosedRange<Double> {
        initiatives.reduce(0) { $0 + $1.cost.lowerBound }...initiatives.reduce(0) { $0 + $1.cost.upperBound }
    }

    /// Takes the initiatives that are `always` or remove a cause with a gap, then schedules each
    /// to start when the last of its included prerequisites ends (prerequisites not in the plan
    /// pass their own on). The order is by start week, then the declared order.
    package static func build(_ spec: PlanSpec, causes: [CauseGroup]) -> ProjectPlan {
        var findingsByCause: [String: [String]] = [:]
        for group in causes { findingsByCause[group.cause.id, default: []] += group.ruleIDs }
        let byID = Dictionary(spec.initiatives.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let included = Set(
            spec.initiatives.filter { initiative in
                initiative.always || initiative.causes.contains { !(findingsByCause[$0] ?? []).isEmpty }
            }.map(\.id))
        // The included prerequisites of an initiative, looking through those left out.
        func prerequisites(_ id: String, seen: Set<String> = []) -> Set<String> {
            var result = Set<String>()
            for dependency in byID[id]?.dependsOn ?? [] where !seen.contains(dependency) {
                if included.contains(dependency) {
                    result.insert(dependency)
                } else {
                    result.formUnion(prerequisites(dependency, seen: seen.union([id])))
                }
            }
            return result
        }
        var end: [String: Int] = [:]
        func endWeek(_ id: String, visiting: Set<String> = []) -> Int {
            if let known = end[id] { return known }
            guard let initiative = byID[id], !visiting.contains(id) else { return 0 }
            let start = prerequisites(id).map { endWeek($0, visiting: visiting.union([id])) }.max() ?? 0
            end[id] = start + initiative.weeks
            return start + initiative.weeks
        }
        var planned: [PlannedInitiative] = []
        for initiative in spec.initiatives where included.contains(initiative.id) {
            let finish = endWeek(initiative.id)
            let findings = initiative.causes.flatMap { findingsByCause[$0] ?? [] }
            planned.append(
                PlannedInitiative(
                    spec: initiative, startWeek: finish - initiative.weeks, endWeek: finish, findings: findings,
                    cost: (initiative.effortDays.lowerBound * spec.dayRate.lowerBound)...(initiative.effortDays.upperBound
                        * spec.dayRate.upperBound)))
        }
        let order = Dictionary(uniqueKeysWithValues: spec.initiatives.enumerated().map { ($1.id, $0) })
        planned.sort { ($0.startWeek, order[$0.spec.id] ?? 0) < ($1.startWeek, order[$1.spec.id] ?? 0) }
        return ProjectPlan(initiatives: planned, dayRate: spec.dayRate)
    }
}
