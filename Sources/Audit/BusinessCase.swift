import AuditModel
import Rules

/// The first year of the CRM project in money: what it costs against what the audit's figures
/// say it can return, as ranges with every assumption stated. Value is counted in gross margin,
/// not revenue; estimates of losses the project guards against are listed apart and left out of
/// the payback, because a loss avoided is not money earned.
package struct BusinessCase: Sendable, Hashable, Codable {
    /// One line of cost or value, as a range in roubles for the first year.
    package struct Line: Sendable, Hashable, Codable {
        package var id: String
        package var title: LocalizedText
        package var amount: ClosedRange<Double>
        /// How the amount was worked out, with its inputs.
        package var basis: LocalizedText
    }

    package var costs: [Line]
    package var value: [Line]
    /// Loss estimates of the causes the plan removes: shown, not counted in the payback.
    package var guarded: [Line]
    /// What could not be counted and why (an unanswered question, no platform fits).
    package var notCounted: [LocalizedText]
    package var assumptions: [LocalizedText]

    package var cost: ClosedRange<Double> { Self.sum(costs) }
    package var yearlyValue: ClosedRange<Double> { Self.sum(value) }

    /// Months to pay back the first year's cost from the yearly value: best (low cost, high
    /// value) to worst; nil when there is no value to pay it back from.
    package var paybackMonths: ClosedRange<Double>? {
        let value = yearlyValue
        guard value.lowerBound > 0 else { return nil }
        return (cost.lowerBound / (value.upperBound / 12))...(cost.upperBound / (value.lowerBound / 12))
    }

    /// The first year's return, (value − cost) / cost, worst to best.
    package var firstYearReturn: ClosedRange<Double>? {
        let cost = self.cost, value = yearlyValue
        guard cost.lowerBound > 0 else { return nil }
        return ((value.lowerBound - cost.upperBound) / cost.upperBound)...((value.upperBound - cost.lowerBound) / cost.lowerBound)
    }

    static func sum(_ lines: [Line]) -> ClosedRange<Double> {
        lines.reduce(0) { $0 + $1.amount.lowerBound }...lines.reduce(0) { $0 + $1.amount.upperBound }
    }

    /// Works out the case for an assessed round, its plan and the platform ranked first.
    package static func of(_ assessment: Assessment, plan: ProjectPlan?, platform: ShortlistEntry?, pricesCheckedOn: String?)
        -> BusinessCase
    {
        let number = assessment.answerValues.number
        let metrics = assessment.analysis.document
        func money(_ value: Double) -> LocalizedText { .inEach { Formatter($0).money(value.rounded()) } }
        func percent(_ value: Double) -> LocalizedText { .inEach { Formatter($0).percent(value) } }
        func whole(_ value: Double) -> MessageArgument { .inEach { Formatter($0).number(value, fractionDigits: 0) } }
        var costs: [Line] = [], value: [Line] = [], guarded: [Line] = [], notCounted: [LocalizedText] = [],
            assumptions: [LocalizedText] = []

        if let platform {
            let users = Int((platform.licencesPerYear.lowerBound / max(1, platform.platform.pricePerUserMonth.lowerBound * 12)).rounded())
            costs.append(
                Line(
                    id: "licences",
                    title: AuditText.licences.text(["name": .value(platform.platform.name)]),
                    amount: platform.licencesPerYear,
                    basis: AuditText.usersMonthsListPriceAsOf.text([
                        "users": .value(users), "money": .localized(money(platform.platform.pricePerUserMonth.lowerBound)),
                        "money2": .localized(money(platform.platform.pricePerUserMonth.upperBound)),
                        "pricesCheckedOn": .value(pricesCheckedOn ?? "—"),
                    ])))
        } else {
            notCounted.append(
                AuditText.licencesNoPlatformOfTheCatalogue.text())
        }
        if let plan, !plan.initiatives.isEmpty {
            costs.append(
                Line(
                    id: "services",
                    title: AuditText.rolloutWorkPlanStages.text(["count": .value(plan.initiatives.count)]),
                    amount: plan.cost,
                    basis: AuditText.theStagesEffortADayRate.text([
                        "money": .localized(money(plan.dayRate.lowerBound)), "money2": .localized(money(plan.dayRate.upperBound)),
                    ]))
            )
            // Project management (10–15 %) and a reserve (15–20 %) on the outside work, as integrators quote them.
            costs.append(
                Line(
                    id: "management", title: AuditText.projectManagementAndReserve.text(),
                    amount: (plan.cost.lowerBound * 0.25)...(plan.cost.upperBound * 0.35),
                    basis: AuditText.forProjectManagementAndAReserve.text()))
            if let hours = number("proj_internal_hours"), let salary = number("money_manager_cost"), hours > 0, salary > 0 {
                let hourly = salary / 164
                let amount = hours * Double(plan.weeks) * hourly
                costs.append(
                    Line(
                        id: "internal", title: AuditText.theCompanyOwnTime.text(),
                        amount: amount...amount,
                        basis: AuditText.hoursAWeekWeeksAnHour.text([
                            "number": whole(hours),
                            "weeks": .value(plan.weeks),
                            "money": .localized(money(hourly)),
                        ])))
            } else {
                notCounted.append(
                    AuditText.theCompanyOwnTimeThe.text())
            }
        }

        // Value is margin: the measured gross margin where the sales carry costs, else the stated one.
        var margin: Double?
        if (metrics["sales.cost_coverage"].number ?? 0) >= 0.8, let measured = metrics["sales.gross_margin_last_12m"].number, measured > 0 {
            margin = measured
            assumptions.append(
                AuditText.revenueIsTurnedIntoGrossMargin.text(["percent": .localized(percent(measured))]))
        } else if let stated = number("money_margin_pct"), stated > 0 {
            margin = stated / 100
            assumptions.append(
                AuditText.revenueIsTurnedIntoGrossMargin2.text(["percent": .localized(percent(stated / 100))]))
        } else {
            notCounted.append(
                AuditText.valueTheMarginIsUnknownNo.text())
        }
        let removed = Set(plan?.initiatives.flatMap(\.spec.causes) ?? [])
        for group in assessment.causes where removed.contains(group.cause.id) {
            guard let estimate = group.money else { continue }
            switch estimate.kind {
            case .recovery:
                guard let margin else { continue }
                value.append(
                    Line(
                        id: group.cause.id, title: group.cause.title, amount: (estimate.low * margin)...(estimate.high * margin),
                        basis: AuditText.theMarginOnRecoverableRevenueOf.text([
                            "money": .localized(money(estimate.low)), "money2": .localized(money(estimate.high)),
                            "title": .localized(estimate.assumption.title),
                        ])))
            case .loss:
                guarded.append(
                    Line(
                        id: group.cause.id, title: group.cause.title, amount: estimate.low...estimate.high,
                        basis: AuditText.aPossibleLossOfRevenueIn.text(["title": .localized(estimate.assumption.title)])))
            }
        }
        if let hours = number("report_hours"), let salary = number("money_manager_cost"), hours > 0, salary > 0 {
            let yearly = hours * 12 * salary / 164
            value.append(
                Line(
                    id: "reports", title: AuditText.timeOnManualReports.text(),
                    amount: (0.5 * yearly)...(0.8 * yearly),
                    basis: AuditText.hoursAMonthAnHourA.text([
                        "number": whole(hours),
                        "money": .localized(money(salary / 164)),
                    ])))
        }
        assumptions.append(
            AuditText.valueIsForTheYearAfter.text())
        return BusinessCase(costs: costs, value: value, guarded: guarded, notCounted: notCounted, assumptions: assumptions)
    }
}
