import AuditModel

/// The recommended CRM project as the report shows it: the platforms that fit and why, the
/// phased plan, and its business case. Built by the audit pipeline from its shortlist, plan and
/// case; the report only lays it out.
package struct ProjectSection: Sendable, Hashable, Codable {
    package struct PlatformRow: Sendable, Hashable, Codable {
        package var name: String
        package var pricePerUserMonth: ClosedRange<Double>
        package var licencesPerYear: ClosedRange<Double>
        package var reasons: [LocalizedText]
        /// What counts against it without ruling it out.
        package var concerns: [LocalizedText] = []
        package var strengths: LocalizedText
        package var limits: LocalizedText

        package init(
            name: String, pricePerUserMonth: ClosedRange<Double>, licencesPerYear: ClosedRange<Double>, reasons: [LocalizedText],
            strengths: LocalizedText, limits: LocalizedText, concerns: [LocalizedText] = []
        ) {
            self.concerns = concerns
            self.name = name
            self.pricePerUserMonth = pricePerUserMonth
            self.licencesPerYear = licencesPerYear
            self.reasons = reasons
            self.strengths = strengths
            self.limits = limits
        }
    }

    package struct ExcludedRow: Sendable, Hashable, Codable {
        package var name: String
        package var reasons: [LocalizedText]

        package init(name: String, reasons: [LocalizedText]) {
            self.name = name
            self.reasons = reasons
        }
    }

    package struct Stage: Sendable, Hashable, Codable {
        package var id: String
        package var title: LocalizedText
        package var scope: LocalizedText
        package var owner: LocalizedText
        /// The stage's last day, counting working weeks from `start` (the round's date): the plan's
        /// table and page one's decisions give the same date.
        package func lastDay(from start: Day) -> Day { Self.weekStart(endWeek - 1, from: start).adding(days: 6) }

        /// The stage's first day (the start of its first working week).
        package func firstDay(from start: Day) -> Day { Self.weekStart(startWeek, from: start) }

        /// The first day of the project's working week `week` (0-based) when it starts on `start`.
        /// The week of the New Year break (1–8 January, the week holding 3 January) is not a
        /// working week: nothing gets done in it, so a stage across it ends a week later.
        static func weekStart(_ week: Int, from start: Day) -> Day {
            var day = start, counted = 0
            while true {
                if !isNewYearBreak(day) {
                    if counted == week { return day }
                    counted += 1
                }
                day = day.adding(days: 7)
            }
        }

        private static func isNewYearBreak(_ weekStart: Day) -> Bool {
            (0..<7).contains { offset in
                let (_, month, day) = weekStart.adding(days: offset).components
                return month == 1 && day == 3
            }
        }

        /// Weeks from the project's start: the stage runs in (startWeek, endWeek].
        package var startWeek: Int
        package var endWeek: Int
        package var effortDays: ClosedRange<Double>
        package var cost: ClosedRange<Double>
        /// The gaps it answers (rule ids), for the consultant's copy.
        package var findings: [String]
        /// The metrics it moves (catalogue ids), shown with today's values as its expected effect.
        package var kpis: [String] = []
        /// What the executive is asked to decide to start it; nil: "Start: <title>".
        package var decision: LocalizedText? = nil

        package init(
            id: String, title: LocalizedText, scope: LocalizedText, owner: LocalizedText, startWeek: Int, endWeek: Int,
            effortDays: ClosedRange<Double>, cost: ClosedRange<Double>, findings: [String], kpis: [String] = []
        ) {
            self.id = id
            self.title = title
            self.scope = scope
            self.owner = owner
            self.startWeek = startWeek
            self.endWeek = endWeek
            self.effortDays = effortDays
            self.cost = cost
            self.findings = findings
            self.kpis = kpis
        }
    }

    package struct MoneyLine: Sendable, Hashable, Codable {
        package var title: LocalizedText
        package var amount: ClosedRange<Double>
        package var basis: LocalizedText

        package init(title: LocalizedText, amount: ClosedRange<Double>, basis: LocalizedText) {
            self.title = title
            self.amount = amount
            self.basis = basis
        }
    }

    package var users: Int
    package var pricesCheckedOn: String
    package var shortlist: [PlatformRow]
    package var excluded: [ExcludedRow]
    package var stages: [Stage]
    package var costs: [MoneyLine]
    package var value: [MoneyLine]
    package var guarded: [MoneyLine]
    package var paybackMonths: ClosedRange<Double>?
    /// The first-year budget the client stated (`proj_budget_year`), set beside the plan's cost on page one.
    package var statedBudget: Double? = nil
    /// The go-live date the client stated (`proj_golive`), set beside the plan's end on page one.
    package var statedGoLive: Day? = nil

    package var notCounted: [LocalizedText]
    package var assumptions: [LocalizedText]

    /// The first year's cost: the sum of the cost lines.
    package var firstYearCost: ClosedRange<Double>? {
        guard !costs.isEmpty else { return nil }
        return costs.map(\.amount.lowerBound).reduce(0, +)...costs.map(\.amount.upperBound).reduce(0, +)
    }

    package init(
        users: Int, pricesCheckedOn: String, shortlist: [PlatformRow], excluded: [ExcludedRow], stages: [Stage], costs: [MoneyLine],
        value: [MoneyLine], guarded: [MoneyLine], paybackMonths: ClosedRange<Double>?, notCounted: [LocalizedText],
        assumptions: [LocalizedText]
    ) {
        self.users = users
        self.pricesCheckedOn = pricesCheckedOn
        self.shortlist = shortlist
        self.excluded = excluded
        self.stages = stages
        self.costs = costs
        self.value = value
        self.guarded = guarded
        self.paybackMonths = paybackMonths
        self.notCounted = notCounted
        self.assumptions = assumptions
    }

    /// Weeks from the start to the end of the last stage.
    package var weeks: Int { stages.map(\.endWeek).max() ?? 0 }

    static func total(_ lines: [MoneyLine]) -> ClosedRange<Double> {
        lines.reduce(0) { $0 + $1.amount.lowerBound }...lines.reduce(0) { $0 + $1.amount.upperBound }
    }

    package var cost: ClosedRange<Double> { Self.total(costs) }
    package var yearlyValue: ClosedRange<Double> { Self.total(value) }
}
