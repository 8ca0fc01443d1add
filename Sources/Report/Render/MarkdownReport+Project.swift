import AuditModel

extension MarkdownReport {
    /// The recommended project in Markdown: the plan as a table, the platforms that fit, the
    /// business case (the same content as the HTML section, without the chart).
    func projectMarkdown(_ project: ProjectSection) -> String {
        var out = ""
        out +=
            table(
                [
                    LocalizedText(ru: "Этап", en: "Stage")[language], LocalizedText(ru: "Недели", en: "Weeks")[language],
                    LocalizedText(ru: "Отвечает", en: "Owner")[language],
                    LocalizedText(ru: "Стоимость работ", en: "Cost of the work")[language],
                ],
                project.stages.enumerated().map { index, stage in
                    [
                        "\(index + 1). " + stage.title[language] + ". " + stage.scope[language], "\(stage.startWeek + 1)–\(stage.endWeek)",
                        stage.owner[language], format.moneyRange(stage.cost),
                    ]
                }) + "\n"
        out += "### \(md(LocalizedText(ru: "Какая CRM подходит", en: "Which CRM fits")[language]))\n\n"
        out +=
            md(
                LocalizedText(
                    ru: "Цены — по прайс-листам на \(project.pricesCheckedOn); перед решением их нужно уточнить.",
                    en: "Prices are list prices as of \(project.pricesCheckedOn); re-check them before a decision.")[language]) + "\n\n"
        for (index, platform) in project.shortlist.enumerated() {
            out +=
                "\(index + 1). **\(md(platform.name))** — \(md(format.moneyRange(platform.pricePerUserMonth))) / "
                + md(LocalizedText(ru: "пользователь в месяц", en: "user a month")[language]) + ": "
                + (platform.reasons.map { md($0[language]) }
                + platform.concerns.map { md(LocalizedText(ru: "против: ", en: "against: ")[language] + $0[language]) })
                .joined(separator: "; ") + "\n"
        }
        if !project.excluded.isEmpty {
            out +=
                "\n" + md(LocalizedText(ru: "Не вошли в список: ", en: "Not on the list: ")[language])
                + project.excluded.map { md("\($0.name) (\($0.reasons.map { $0[language] }.joined(separator: "; ")))") }.joined(
                    separator: "; ") + "\n"
        }
        out += "\n### \(md(LocalizedText(ru: "Во что обойдётся и что вернёт", en: "What it costs and what it returns")[language]))\n\n"
        var rows: [[String]] = project.costs.map { ["− " + $0.title[language] + " — " + $0.basis[language], format.moneyRange($0.amount)] }
        rows.append([LocalizedText(ru: "Затраты первого года", en: "First-year cost")[language], format.moneyRange(project.cost)])
        rows += project.value.map { ["+ " + $0.title[language] + " — " + $0.basis[language], format.moneyRange($0.amount)] }
        rows.append([
            LocalizedText(ru: "Отдача в год (валовая маржа)", en: "Value a year (gross margin)")[language],
            format.moneyRange(project.yearlyValue),
        ])
        out += table([LocalizedText(ru: "Статья", en: "Item")[language], LocalizedText(ru: "Сумма", en: "Amount")[language]], rows) + "\n"
        if let payback = project.paybackMonths {
            out +=
                md(
                    LocalizedText(
                        ru:
                            "Окупаемость: от \(format.number(payback.lowerBound, fractionDigits: 0)) до \(format.number(payback.upperBound, fractionDigits: 0)) мес.",
                        en:
                            "Payback: \(format.number(payback.lowerBound, fractionDigits: 0)) to \(format.number(payback.upperBound, fractionDigits: 0)) months."
                    )[language]) + "\n\n"
        }
        for item in project.assumptions {
            out += "- " + md(LocalizedText(ru: "Допущение: ", en: "Assumption: ")[language] + item[language]) + "\n"
        }
        return out + "\n"
    }
}
