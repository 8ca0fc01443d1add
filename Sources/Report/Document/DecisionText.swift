import Analytics
import AuditModel

/// The three decisions page one asks of the client: the plan's first stages, each with its
/// owner, the date it is due (from the round's date), its cost and the figures it moves.
enum DecisionText {
    /// The keys of this text's catalogue; the texts are in `DecisionText+ru.swift` and `DecisionText+en.swift`.
    enum Key: String, TextCatalogue {
        case title, owner, due, cost, effect

        static func texts(in language: Language) -> [Key: String] {
            switch language {
            case .ru: russian
            case .en: english
            }
        }
    }

    static let title = Key.title.text()
    static let owner = Key.owner.text()
    static let due = Key.due.text()
    static let cost = Key.cost.text()
    static let effect = Key.effect.text()

    /// The first year's cost by the plan beside the budget the client stated, for page one.
    static func costAgainstBudget(_ project: ProjectSection, roundDate: Day, language: Language) -> String? {
        guard let cost = project.firstYearCost else { return nil }
        let format = Formatter(language)
        let range = format.estimateRange(low: cost.lowerBound, high: cost.upperBound)
        let payback =
            project.paybackMonths.map { months in
                ReportText.paybackInMonths.text([
                    "number": .value(format.number(months.lowerBound, fractionDigits: 0)),
                    "number2": .value(format.number(months.upperBound, fractionDigits: 0)),
                ])[language]
            } ?? ""
        var text = ReportText.theProjectFirstYearBy.text(["range": .value(range), "payback": .value(payback)])[language]
        if !text.hasSuffix(".") { text += "." }
        if let budget = project.statedBudget, budget > 0 {
            let short = cost.lowerBound > budget
            text +=
                " "
                + (short ? ReportText.statedBudgetShort : .statedBudget).render(
                    ["money": .text(format.money(budget, fractionDigits: 0))], in: language)
        }
        // The switch-over is the plan's `cutover` stage (the bundled plan's id), else its last stage.
        let launch = (project.stages.first { $0.id == "cutover" } ?? project.stages.max { $0.endWeek < $1.endWeek })
            .map { $0.lastDay(from: roundDate) }
        if let goLive = project.statedGoLive, let launch, launch > goLive {
            text +=
                " "
                + ReportText.theGoLiveWasSetFor.text(["date": .value(format.date(goLive)), "date2": .value(format.date(launch))])[language]
        }
        return text
    }

    struct Decision {
        var title: String
        var owner: String
        var due: String
        var cost: String
        var effect: String
    }

    static func decisions(_ project: ProjectSection, metrics: MetricDocument, roundDate: Day, language: Language) -> [Decision] {
        let format = Formatter(language)
        return project.stages.prefix(3).map { stage in
            let cost = format.moneyRange(stage.cost)
            let figures = stage.kpis.compactMap { id -> String? in
                guard let definition = MetricCatalogue.definition(of: id), let value = format.metric(id, in: metrics) else { return nil }
                return definition.title[language] + ": " + value
            }
            let effect: String
            if !figures.isEmpty {
                effect =
                    ReportText.movesTheFiguresNow.text()[language]
                    + figures.joined(separator: "; ")
            } else if !stage.findings.isEmpty {
                effect = ReportText.closesFindings.render(["count": .count(stage.findings.count)], in: language)
            } else {
                effect = stage.scope[language]
            }
            return Decision(
                title: stage.decision?[language] ?? ReportText.start.text()[language] + stage.title[language],
                owner: stage.owner[language], due: format.date(stage.lastDay(from: roundDate)), cost: cost, effect: effect)
        }
    }
}
