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
        let lead = LocalizedText(
            ru:
                "Этапы в порядке зависимостей: ни один не начинается, пока не закончено то, от чего он зависит. Всего — \(project.weeks) нед. от даты аудита (праздники не учтены); стоимость работ — оценка консультанта до предложения интегратора.",
            en:
                "Stages in dependency order: none starts before what it depends on has ended. \(project.weeks) weeks from the audit's date (holidays not counted); the cost of the work is the consultant's estimate before an integrator's quote."
        )
        content.append(element("p", [("class", "muted")], text(lead[language])))
        content.append(element("figure", [("class", "chart-box")], SafeHTML(raw: TimelineChart.render(project.stages, language: language))))
        let headers: [(String, Bool)] = [
            ("№", true), (LocalizedText(ru: "Этап", en: "Stage")[language], false),
            (LocalizedText(ru: "Недели", en: "Weeks")[language], true),
            (LocalizedText(ru: "Отвечает", en: "Owner")[language], false),
            (LocalizedText(ru: "Чел.-дни", en: "Person-days")[language], true),
            (LocalizedText(ru: "Стоимость работ", en: "Cost of the work")[language], true),
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

        content.append(element("h3", [], text(LocalizedText(ru: "Какая CRM подходит", en: "Which CRM fits")[language])))
        content.append(
            element(
                "p", [("class", "muted")],
                text(
                    LocalizedText(
                        ru:
                            "Для \(project.users) пользователей; цены — по прайс-листам производителей на \(project.pricesCheckedOn), перед решением их нужно уточнить.",
                        en:
                            "For \(project.users) users; prices are the vendors' list prices as of \(project.pricesCheckedOn) and must be re-checked before a decision."
                    )[language])))
        if project.shortlist.isEmpty {
            content.append(
                element(
                    "p", [],
                    text(
                        LocalizedText(
                            ru: "Ни одна платформа каталога не проходит обязательные требования.",
                            en: "No platform of the catalogue meets the hard requirements.")[language])))
        }
        for (index, platform) in project.shortlist.enumerated() {
            let price = LocalizedText(
                ru:
                    "\(format.money(platform.pricePerUserMonth.lowerBound)) – \(format.money(platform.pricePerUserMonth.upperBound)) за пользователя в месяц; подписка на год \(format.moneyRange(platform.licencesPerYear))",
                en:
                    "\(format.money(platform.pricePerUserMonth.lowerBound)) – \(format.money(platform.pricePerUserMonth.upperBound)) per user a month; a year's licences \(format.moneyRange(platform.licencesPerYear))"
            )
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
                                    text(LocalizedText(ru: "Против: ", en: "Against: ")[language] + $0[language]))
                            }),
                    element(
                        "p", [], text(LocalizedText(ru: "Сильные стороны: ", en: "Strengths: ")[language] + platform.strengths[language])),
                    element("p", [], text(LocalizedText(ru: "Ограничения: ", en: "Limits: ")[language] + platform.limits[language]))))
        }
        if !project.excluded.isEmpty {
            content.append(
                element(
                    "p", [("class", "meta")],
                    text(
                        LocalizedText(ru: "Не вошли в список: ", en: "Not on the list: ")[language]
                            + project.excluded.map { "\($0.name) (\($0.reasons.map { $0[language] }.joined(separator: "; ")))" }.joined(
                                separator: "; "))))
        }

        content.append(
            element("h3", [], text(LocalizedText(ru: "Во что обойдётся и что вернёт", en: "What it costs and what it returns")[language])))
        var moneyRows: [[(String, Bool)]] = []
        for line in project.costs {
            moneyRows.append([("− " + line.title[language] + " — " + line.basis[language], false), (format.moneyRange(line.amount), true)])
        }
        moneyRows.append([
            (LocalizedText(ru: "Затраты первого года", en: "First-year cost")[language], false), (format.moneyRange(project.cost), true),
        ])
        for line in project.value {
            moneyRows.append([("+ " + line.title[language] + " — " + line.basis[language], false), (format.moneyRange(line.amount), true)])
        }
        moneyRows.append([
            (LocalizedText(ru: "Отдача в год (валовая маржа)", en: "Value a year (gross margin)")[language], false),
            (format.moneyRange(project.yearlyValue), true),
        ])
        content.append(
            table(
                [(LocalizedText(ru: "Статья", en: "Item")[language], false), (LocalizedText(ru: "Сумма", en: "Amount")[language], true)],
                moneyRows, class: "business-case"))
        if let payback = project.paybackMonths {
            content.append(
                element(
                    "p", [("class", "callout")],
                    text(
                        LocalizedText(
                            ru:
                                "Окупаемость: от \(format.number(payback.lowerBound, fractionDigits: 0)) до \(format.number(payback.upperBound, fractionDigits: 0)) мес. — от лучшего случая (низкие затраты, высокая отдача) до худшего.",
                            en:
                                "Payback: \(format.number(payback.lowerBound, fractionDigits: 0)) to \(format.number(payback.upperBound, fractionDigits: 0)) months, from the best case (low cost, high value) to the worst."
                        )[language])))
        }
        if !project.guarded.isEmpty {
            content.append(
                element(
                    "p", [],
                    text(
                        LocalizedText(
                            ru: "Кроме того, проект защищает от потерь (в окупаемость не входят): ",
                            en: "Besides, the project guards against losses (not counted in the payback): ")[language]
                            + project.guarded.map { $0.title[language] + " — " + format.moneyRange($0.amount) }.joined(separator: "; "))))
        }
        let notes =
            project.notCounted.map { LocalizedText(ru: "Не учтено: ", en: "Not counted: ")[language] + $0[language] }
            + project.assumptions.map { LocalizedText(ru: "Допущение: ", en: "Assumption: ")[language] + $0[language] }
        if !notes.isEmpty { content.append(element("ul", [("class", "meta")], notes.map { element("li", [], text($0)) })) }
        return sectionElement(.roadmap, title: .roadmapTitle, content)
    }
}
