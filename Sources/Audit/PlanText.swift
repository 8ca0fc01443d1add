import Analytics
import AuditModel
import Rules

/// The plan and its business case as plain text (terminal, Markdown) and CSV.
public enum PlanText {
    public static func render(_ plan: ProjectPlan, businessCase: BusinessCase, document: MetricDocument, language: Language) -> String {
        let format = Formatter(language)
        var lines: [String] = []
        lines.append(
            LocalizedText(
                ru: "План проекта: \(plan.weeks) нед., работы внедрения \(format.moneyRange(plan.cost))",
                en: "Project plan: \(plan.weeks) weeks, rollout work \(format.moneyRange(plan.cost))")[language])
        for (index, item) in plan.initiatives.enumerated() {
            let spec = item.spec
            lines.append("")
            lines.append(
                "\(index + 1). \(spec.title[language]) — "
                    + LocalizedText(
                        ru:
                            "недели \(item.startWeek + 1)–\(item.endWeek); отвечает: \(spec.owner.ru); \(format.number(spec.effortDays.lowerBound, fractionDigits: 0))–\(format.number(spec.effortDays.upperBound, fractionDigits: 0)) чел.-дн., \(format.moneyRange(item.cost))",
                        en:
                            "weeks \(item.startWeek + 1)–\(item.endWeek); owner: \(spec.owner.en); \(format.number(spec.effortDays.lowerBound, fractionDigits: 0))–\(format.number(spec.effortDays.upperBound, fractionDigits: 0)) person-days, \(format.moneyRange(item.cost))"
                    )[language])
            lines.append("   " + spec.scope[language])
            if !spec.dependsOn.isEmpty {
                let titles = spec.dependsOn.compactMap { id in plan.initiatives.first { $0.spec.id == id }?.spec.title[language] }
                if !titles.isEmpty {
                    lines.append("   " + LocalizedText(ru: "После: ", en: "After: ")[language] + titles.joined(separator: "; "))
                }
            }
            if !item.findings.isEmpty {
                lines.append("   " + LocalizedText(ru: "Отвечает на: ", en: "Answers: ")[language] + item.findings.joined(separator: ", "))
            }
            for metric in spec.kpis {
                guard let definition = MetricCatalogue.definition(of: metric) else { continue }
                _ = definition.unit
                let value = format.metric(metric, in: document) ?? "—"
                lines.append("   KPI: " + definition.title[language] + " — " + LocalizedText(ru: "сейчас ", en: "now ")[language] + value)
            }
        }
        lines.append("")
        lines.append(LocalizedText(ru: "Обоснование (первый год, диапазоны):", en: "Business case (first year, ranges):")[language])
        for line in businessCase.costs {
            lines.append("  − " + line.title[language] + ": " + format.moneyRange(line.amount) + " (" + line.basis[language] + ")")
        }
        lines.append("  " + LocalizedText(ru: "Затраты: ", en: "Cost: ")[language] + format.moneyRange(businessCase.cost))
        for line in businessCase.value {
            lines.append(
                "  + " + line.title[language] + ": " + format.moneyRange(line.amount)
                    + LocalizedText(ru: " в год (", en: " a year (")[language] + line.basis[language] + ")")
        }
        lines.append(
            "  " + LocalizedText(ru: "Отдача в год: ", en: "Value a year: ")[language] + format.moneyRange(businessCase.yearlyValue))
        if let payback = businessCase.paybackMonths {
            lines.append(
                "  "
                    + LocalizedText(
                        ru:
                            "Окупаемость: \(format.number(payback.lowerBound, fractionDigits: 0))–\(format.number(payback.upperBound, fractionDigits: 0)) мес.",
                        en:
                            "Payback: \(format.number(payback.lowerBound, fractionDigits: 0))–\(format.number(payback.upperBound, fractionDigits: 0)) months"
                    )[language])
        } else {
            lines.append(
                "  "
                    + LocalizedText(
                        ru: "Окупаемость: не рассчитать — отдачу не из чего посчитать",
                        en: "Payback: cannot be worked out; there is no value to count")[language])
        }
        if !businessCase.guarded.isEmpty {
            lines.append(
                "  "
                    + LocalizedText(
                        ru: "Потери, от которых защищает проект (в окупаемость не входят):",
                        en: "Losses the project guards against (not in the payback):")[language])
            for line in businessCase.guarded { lines.append("    • " + line.title[language] + ": " + format.moneyRange(line.amount)) }
        }
        for item in businessCase.notCounted {
            lines.append("  " + LocalizedText(ru: "Не учтено: ", en: "Not counted: ")[language] + item[language])
        }
        for item in businessCase.assumptions {
            lines.append("  " + LocalizedText(ru: "Допущение: ", en: "Assumption: ")[language] + item[language])
        }
        return lines.joined(separator: "\n")
    }

    /// One row per initiative: id, title, owner, start and end week, effort and cost ranges, prerequisites, findings.
    public static func csv(_ plan: ProjectPlan, language: Language) -> String {
        func number(_ value: Double) -> CSVField { .formatted(String(Int(value.rounded()))) }
        var rows: [[CSVField]] = [
            [
                "id", "title", "owner", "start_week", "end_week", "effort_days_low", "effort_days_high", "cost_low", "cost_high",
                "depends_on", "findings",
            ].map { .formatted($0) }
        ]
        for item in plan.initiatives {
            rows.append([
                .text(item.spec.id), .text(item.spec.title[language]), .text(item.spec.owner[language]),
                .formatted(String(item.startWeek + 1)), .formatted(String(item.endWeek)),
                number(item.spec.effortDays.lowerBound), number(item.spec.effortDays.upperBound),
                number(item.cost.lowerBound), number(item.cost.upperBound),
                .text(item.spec.dependsOn.joined(separator: " ")), .text(item.findings.joined(separator: " ")),
            ])
        }
        return rows.map { CSVFormat.comma.line($0) }.joined()
    }
}
