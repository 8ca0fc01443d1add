import AuditModel
import Rules

/// The recommended project: the phased plan with its timeline, the platforms that fit, and the
/// business case. Replaces the three-column roadmap when the pipeline provides a plan.
extension HTMLReport {
    func project(_ project: ProjectSection) -> SafeHTML {
        func days(_ range: ClosedRange<Double>) -> String {
            format.number(range.lowerBound, fractionDigits: 0) + "–" + format.number(range.upperBound, fractionDigits: 0)
        }
        let consultant = options.audience == .consultant
        var content: [SafeHTML] = []
        let lead = ReportText.stagesInDependencyOrderNoneStarts.text(["weeks": .value(project.weeks)])
        content.append(element("p", [("class", "muted")], text(lead[language])))
        content.append(element("figure", [("class", "chart-box")], SafeHTML(raw: TimelineChart.render(project.stages, language: language))))
        let headers: [(String, Bool)] = [
            ("№", true), (ReportText.stage.text()[language], false),
            (ReportText.weeks.text()[language], true),
            (ReportText.owner.text()[language], false),
            (ReportText.personDays.text()[language], true),
            (ReportText.costOfTheWork.text()[language], true),
        ]
        let rows: [[(String, Bool)]] = project.stages.enumerated().map { index, stage in
            var scope = stage.title[language] + ". " + stage.scope[language]
            if consultant, !stage.findings.isEmpty { scope += " (" + stage.findings.joined(separator: ", ") + ")" }
            // Weeks from the round's date, with the calendar dates they fall on.
            let from = format.date(stage.firstDay(from: input.round.date))
            let to = format.date(stage.lastDay(from: input.round.date))
            return [
                (String(index + 1), true), (scope, false), ("\(stage.startWeek + 1)–\(stage.endWeek) (\(from) – \(to))", true),
                (stage.owner[language], false), (days(stage.effortDays), true), (format.moneyRange(stage.cost), true),
            ]
        }
        content.append(table(headers, rows, class: "plan"))

        content.append(element("h3", [], text(ReportText.whichCrmFits.text()[language])))
        content.append(
            element(
                "p", [("class", "muted")],
                text(
                    ReportText.forUsersPricesAreTheVendors.text([
                        "users": .value(project.users), "pricesCheckedOn": .value(project.pricesCheckedOn),
                    ])[language])))
        if project.shortlist.isEmpty {
            content.append(
                element(
                    "p", [],
                    text(
                        ReportText.noPlatformOfTheCatalogueMeets.text()[language])))
        }
        for (index, platform) in project.shortlist.enumerated() {
            let price = ReportText.perUserAMonthAYear.text([
                "money": .value(format.money(platform.pricePerUserMonth.lowerBound)),
                "money2": .value(format.money(platform.pricePerUserMonth.upperBound)),
                "moneyRange": .value(format.moneyRange(platform.licencesPerYear)),
            ])
            content.append(
                element(
                    "div", [("class", "platform")],
                    element("h4", [], text("\(index + 1). \(platform.name)")),
                    element("p", [("class", "meta")], text(price[language])),
                    element(
                        "ul", [],
                        platform.reasons.map { element("li", [], text($0[language])) }
                            + platform.concerns.map {
                                element(
                                    "li", [("class", "concern")],
                                    text(ReportText.against2.text()[language] + $0[language]))
                            }),
                    element(
                        "p", [], text(ReportText.strengths.text()[language] + platform.strengths[language])),
                    element("p", [], text(ReportText.limits.text()[language] + platform.limits[language]))))
        }
        if !project.excluded.isEmpty {
            content.append(
                element(
                    "p", [("class", "meta")],
                    text(
                        ReportText.notOnTheList.text()[language]
                            + project.excluded.map { "\($0.name) (\($0.reasons.map { $0[language] }.joined(separator: "; ")))" }.joined(
                                separator: "; "))))
        }

        content.append(
            element("h3", [], text(ReportText.whatItCostsAndWhatIt.text()[language])))
        var moneyRows: [[(String, Bool)]] = []
        for line in project.costs {
            moneyRows.append([("− " + line.title[language] + " — " + line.basis[language], false), (format.moneyRange(line.amount), true)])
        }
        moneyRows.append([
            (ReportText.firstYearCost.text()[language], false), (format.moneyRange(project.cost), true),
        ])
        for line in project.value {
            moneyRows.append([("+ " + line.title[language] + " — " + line.basis[language], false), (format.moneyRange(line.amount), true)])
        }
        moneyRows.append([
            (ReportText.valueAYearGrossMargin.text()[language], false),
            (format.moneyRange(project.yearlyValue), true),
        ])
        content.append(
            table(
                [(ReportText.item.text()[language], false), (ReportText.amount.text()[language], true)],
                moneyRows, class: "business-case"))
        if let payback = project.paybackMonths {
            content.append(
                element(
                    "p", [("class", "callout")],
                    text(
                        ReportText.paybackToMonthsFromTheBest.text([
                            "number": .value(format.number(payback.lowerBound, fractionDigits: 0)),
                            "number2": .value(format.number(payback.upperBound, fractionDigits: 0)),
                        ])[language])))
        }
        if !project.guarded.isEmpty {
            content.append(
                element(
                    "p", [],
                    text(
                        ReportText.besidesTheProjectGuardsAgainstLosses.text()[language]
                            + project.guarded.map { $0.title[language] + " — " + format.moneyRange($0.amount) }.joined(separator: "; "))))
        }
        let notes =
            project.notCounted.map { ReportText.notCounted.text()[language] + $0[language] }
            + project.assumptions.map { ReportText.assumption.text()[language] + $0[language] }
        if !notes.isEmpty { content.append(element("ul", [("class", "meta")], notes.map { element("li", [], text($0)) })) }
        return sectionElement(.roadmap, title: .roadmapTitle, content)
    }
}
