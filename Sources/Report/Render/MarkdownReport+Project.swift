import AuditModel

extension MarkdownReport {
    /// The recommended project in Markdown: the plan as a table, the platforms that fit, the
    /// business case (the same content as the HTML section, without the chart).
    func projectMarkdown(_ project: ProjectSection) -> String {
        var out = ""
        out +=
            table(
                [
                    ReportText.stage.text()[language], ReportText.weeks.text()[language],
                    ReportText.owner.text()[language],
                    ReportText.costOfTheWork.text()[language],
                ],
                project.stages.enumerated().map { index, stage in
                    [
                        "\(index + 1). " + stage.title[language] + ". " + stage.scope[language], "\(stage.startWeek + 1)–\(stage.endWeek)",
                        stage.owner[language], format.moneyRange(stage.cost),
                    ]
                }) + "\n"
        out += "### \(md(ReportText.whichCrmFits.text()[language]))\n\n"
        out +=
            md(
                ReportText.pricesAreListPricesAsOf.text(["pricesCheckedOn": .value(project.pricesCheckedOn)])[language]) + "\n\n"
        for (index, platform) in project.shortlist.enumerated() {
            out +=
                "\(index + 1). **\(md(platform.name))** — \(md(format.moneyRange(platform.pricePerUserMonth))) / "
                + md(ReportText.userAMonth.text()[language]) + ": "
                + (platform.reasons.map { md($0[language]) }
                + platform.concerns.map { md(ReportText.against.text()[language] + $0[language]) })
                .joined(separator: "; ") + "\n"
        }
        if !project.excluded.isEmpty {
            out +=
                "\n" + md(ReportText.notOnTheList.text()[language])
                + project.excluded.map { md("\($0.name) (\($0.reasons.map { $0[language] }.joined(separator: "; ")))") }.joined(
                    separator: "; ") + "\n"
        }
        out += "\n### \(md(ReportText.whatItCostsAndWhatIt.text()[language]))\n\n"
        var rows: [[String]] = project.costs.map { ["− " + $0.title[language] + " — " + $0.basis[language], format.moneyRange($0.amount)] }
        rows.append([ReportText.firstYearCost.text()[language], format.moneyRange(project.cost)])
        rows += project.value.map { ["+ " + $0.title[language] + " — " + $0.basis[language], format.moneyRange($0.amount)] }
        rows.append([
            ReportText.valueAYearGrossMargin.text()[language],
            format.moneyRange(project.yearlyValue),
        ])
        out += table([ReportText.item.text()[language], ReportText.amount.text()[language]], rows) + "\n"
        if let payback = project.paybackMonths {
            out +=
                md(
                    ReportText.paybackToMonths.text([
                        "number": .value(format.number(payback.lowerBound, fractionDigits: 0)),
                        "number2": .value(format.number(payback.upperBound, fractionDigits: 0)),
                    ])[language]) + "\n\n"
        }
        for item in project.assumptions {
            out += "- " + md(ReportText.assumption.text()[language] + item[language]) + "\n"
        }
        return out + "\n"
    }
}
