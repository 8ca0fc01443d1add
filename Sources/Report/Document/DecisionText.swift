import Analytics
import AuditModel

/// The three decisions page one asks of the client: the plan's first stages, each with its
/// owner, the date it is due (from the round's date), its cost and the figures it moves.
enum DecisionText {
    static let title = LocalizedText(ru: "Три решения для руководителя", en: "Three decisions for the executive")
    static let owner = LocalizedText(ru: "Отвечает", en: "Owner")
    static let due = LocalizedText(ru: "Срок", en: "Due")
    static let cost = LocalizedText(ru: "Стоимость работ", en: "Cost of the work")
    static let effect = LocalizedText(ru: "Эффект", en: "Effect")

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
                effect = LocalizedText(ru: "сдвигает показатели (сейчас): ", en: "moves the figures (now): ")[language] + figures.joined(separator: "; ")
            } else if !stage.findings.isEmpty {
                let count = Double(stage.findings.count)
                effect = LocalizedText(
                    ru: "закрывает \(stage.findings.count) \(Plural.form(count, "проблему|проблемы|проблем", .ru)) из отчёта",
                    en: "closes \(stage.findings.count) of the report's \(Plural.form(count, "problem|problems", .en))")[language]
            } else {
                effect = stage.scope[language]
            }
            return Decision(
                title: LocalizedText(ru: "Запустить: ", en: "Start: ")[language] + stage.title[language],
                owner: stage.owner[language], due: format.date(roundDate.adding(days: 7 * stage.endWeek)), cost: cost, effect: effect)
        }
    }
}
