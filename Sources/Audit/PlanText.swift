import Analytics
import AuditModel
import Rules

/// The plan and its business case as plain text (terminal, Markdown) and CSV.
package enum PlanText {
    package static func render(_ plan: ProjectPlan, businessCase: BusinessCase, document: MetricDocument, language: Language) -> String {
        let format = Formatter(language)
        var lines: [String] = []
        lines.append(
            AuditText.projectPlanWeeksRolloutWork.text(["weeks": .value(plan.weeks), "moneyRange": .value(format.moneyRange(plan.cost))])[
                language])
        for (index, item) in plan.initiatives.enumerated() {
            let spec = item.spec
            lines.append("")
            lines.append(
                "\(index + 1). \(spec.title[language]) — "
                    + AuditText.weeksOwnerPersonDays.text([
                        "startWeek": .value(item.startWeek + 1), "endWeek": .value(item.endWeek), "owner": .localized(spec.owner),
                        "number": .value(format.number(spec.effortDays.lowerBound, fractionDigits: 0)),
                        "number2": .value(format.number(spec.effortDays.upperBound, fractionDigits: 0)),
                        "moneyRange": .value(format.moneyRange(item.cost)),
                    ])[language])
            lines.append("   " + spec.scope[language])
            if !spec.dependsOn.isEmpty {
                let titles = spec.dependsOn.compactMap { id in plan.initiatives.first { $0.spec.id == id }?.spec.title[language] }
                if !titles.isEmpty {
                    lines.append("   " + AuditText.after.text()[language] + titles.joined(separator: "; "))
                }
            }
            if !item.findings.isEmpty {
                lines.append("   " + AuditText.answers.text()[language] + item.findings.joined(separator: ", "))
            }
            for metric in spec.kpis {
                guard let definition = MetricCatalogue.definition(of: metric) else { continue }
                _ = definition.unit
                let value = format.metric(metric, in: document) ?? "—"
                lines.append("   KPI: " + definition.title[language] + " — " + AuditText.now.text()[language] + value)
            }
        }
        lines.append("")
        lines.append(AuditText.businessCaseFirstYearRanges.text()[language])
        for line in businessCase.costs {
            lines.append("  − " + line.title[language] + ": " + format.moneyRange(line.amount) + " (" + line.basis[language] + ")")
        }
        lines.append("  " + AuditText.cost.text()[language] + format.moneyRange(businessCase.cost))
        for line in businessCase.value {
            lines.append(
                "  + " + line.title[language] + ": " + format.moneyRange(line.amount)
                    + AuditText.aYear.text()[language] + line.basis[language] + ")")
        }
        lines.append(
            "  " + AuditText.valueAYear.text()[language] + format.moneyRange(businessCase.yearlyValue))
        if let payback = businessCase.paybackMonths {
            lines.append(
                "  "
                    + AuditText.paybackMonths.text([
                        "number": .value(format.number(payback.lowerBound, fractionDigits: 0)),
                        "number2": .value(format.number(payback.upperBound, fractionDigits: 0)),
                    ])[language])
        } else {
            lines.append(
                "  "
                    + AuditText.paybackCannotBeWorkedOutThere.text()[language])
        }
        if !businessCase.guarded.isEmpty {
            lines.append(
                "  "
                    + AuditText.lossesTheProjectGuardsAgainstNot.text()[language])
            for line in businessCase.guarded { lines.append("    • " + line.title[language] + ": " + format.moneyRange(line.amount)) }
        }
        for item in businessCase.notCounted {
            lines.append("  " + AuditText.notCounted.text()[language] + item[language])
        }
        for item in businessCase.assumptions {
            lines.append("  " + AuditText.assumption.text()[language] + item[language])
        }
        return lines.joined(separator: "\n")
    }

    /// One row per initiative: id, title, owner, start and end week, effort and cost ranges, prerequisites, findings.
    package static func csv(_ plan: ProjectPlan, language: Language) -> String {
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
