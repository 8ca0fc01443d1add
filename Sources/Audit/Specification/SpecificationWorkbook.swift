import AuditModel
import Foundation
import Rules

/// The specification as the workbook consultants hand to an integrator: one sheet per part, in
/// the client's language.
package enum SpecificationWorkbook {
    package static func sheets(_ spec: ImplementationSpec, language: Language) -> [SpreadsheetWriter.Sheet] {
        func yes(_ flag: Bool) -> String { flag ? AuditText.yes2.render(in: language) : AuditText.no2.render(in: language) }
        typealias Cell = SpreadsheetWriter.Cell
        var sheets: [SpreadsheetWriter.Sheet] = []
        sheets.append(
            .init(
                name: AuditText.entities.render(in: language),
                header: [AuditText.entity.render(in: language), AuditText.key.render(in: language), AuditText.note.render(in: language)],
                rows: spec.entities.map { [.text($0.name[language]), .text($0.key[language]), .text($0.note[language])] }))
        var stageRows: [[Cell]] = []
        for pipeline in spec.pipelines {
            for (index, stage) in pipeline.stages.enumerated() {
                stageRows.append([
                    .text(pipeline.name[language]), .number(Double(index + 1)), .text(stage.name[language]),
                    .text(stage.exitCriterion[language]),
                    .text(stage.requiredFields[language]), .number((stage.probability * 100).rounded()),
                    .number(Double(stage.stalledAfterDays)),
                ])
            }
        }
        sheets.append(
            .init(
                name: AuditText.pipelines.render(in: language),
                header: [
                    AuditText.pipeline.render(in: language), "№", AuditText.stage.render(in: language),
                    AuditText.exitCriterion.render(in: language),
                    AuditText.requiredFields.render(in: language), AuditText.probability.render(in: language),
                    AuditText.stalledAfterDays.render(in: language),
                ], rows: stageRows))
        sheets.append(
            .init(
                name: AuditText.fields.render(in: language),
                header: [
                    AuditText.entity.render(in: language), AuditText.field.render(in: language), AuditText.type.render(in: language),
                    AuditText.values.render(in: language),
                    AuditText.required.render(in: language), AuditText.filledBy.render(in: language), AuditText.source.render(in: language),
                ],
                rows: spec.fields.map {
                    [
                        .text($0.entity[language]), .text($0.name[language]), .text(typeName($0.type, language)),
                        .text(
                            $0.values.map { $0[language] }.joined(separator: "; ")),
                        .text(yes($0.required)), .text($0.filledBy[language]), .text($0.source[language]),
                    ]
                }))
        sheets.append(
            .init(
                name: AuditText.automations.render(in: language),
                header: [
                    AuditText.automation.render(in: language), AuditText.trigger.render(in: language),
                    AuditText.condition.render(in: language),
                    AuditText.action.render(in: language), AuditText.timing.render(in: language), AuditText.findings.render(in: language),
                ],
                rows: spec.automations.map {
                    [
                        .text($0.name[language]), .text($0.trigger[language]), .text($0.condition[language]), .text($0.action[language]),
                        .text($0.timing[language]), .text($0.reasons.joined(separator: ", ")),
                    ]
                }))
        sheets.append(
            .init(
                name: AuditText.rolesAndRights.render(in: language),
                header: [
                    AuditText.role.render(in: language), AuditText.object.render(in: language), AuditText.rights.render(in: language),
                    AuditText.scope.render(in: language), AuditText.seesMargin.render(in: language),
                ],
                rows: spec.roles.map {
                    [
                        .text($0.role[language]), .text($0.object[language]), .text(rightsText($0.rights, language)),
                        .text($0.scope[language]), .text(yes($0.seesMargin)),
                    ]
                }))
        sheets.append(
            .init(
                name: AuditText.integrations.render(in: language),
                header: [
                    AuditText.object.render(in: language), AuditText.master.render(in: language), AuditText.direction.render(in: language),
                    AuditText.frequency.render(in: language), AuditText.connector.render(in: language),
                ],
                rows: spec.integrations.map {
                    [
                        .text($0.object[language]), .text($0.master[language]), .text($0.direction), .text($0.frequency[language]),
                        .text($0.connector[language]),
                    ]
                }))
        sheets.append(
            .init(
                name: AuditText.dashboardsAndKpis.render(in: language),
                header: [
                    AuditText.audience.render(in: language), "KPI", AuditText.baseline.render(in: language),
                    AuditText.target.render(in: language), AuditText.by.render(in: language),
                ],
                rows: spec.dashboards.map {
                    [
                        .text($0.audience[language]), .text($0.title[language]), .text($0.baseline[language]), .text($0.target[language]),
                        .text($0.by[language]),
                    ]
                }))
        sheets.append(
            .init(
                name: AuditText.migration.render(in: language),
                header: [
                    "№", AuditText.step.render(in: language), AuditText.from.render(in: language), AuditText.detail.render(in: language),
                ],
                rows: spec.migration.enumerated().map {
                    [.number(Double($0 + 1)), .text($1.step[language]), .text($1.source[language]), .text($1.detail[language])]
                }))
        return sheets
    }

    /// A field type in words.
    static func typeName(_ type: String, _ language: Language) -> String {
        let names: [String: LocalizedText] = [
            "text": AuditText.typeText.text(), "number": AuditText.number.text(),
            "money": AuditText.money.text(), "date": AuditText.date.text(),
            "list": AuditText.list.text(), "multi_list": AuditText.listSeveral.text(),
            "phone": AuditText.phone.text(), "email": AuditText.eMail.text(),
            "tax_id": AuditText.taxIdChecked.text(), "user": AuditText.user.text(),
            "yes_no": AuditText.yesNo.text(),
        ]
        return names[type]?[language] ?? type
    }

    /// `CRUDE` in words: create, read, update, delete, export.
    static func rightsText(_ rights: String, _ language: Language) -> String {
        let words: [(Character, LocalizedText)] = [
            ("R", AuditText.read.text()), ("C", AuditText.create.text()),
            ("U", AuditText.update.text()), ("D", AuditText.delete.text()),
            ("E", AuditText.export.text()),
        ]
        return words.filter { rights.contains($0.0) }.map { $0.1[language] }.joined(separator: ", ")
    }
}

/// What `crm-audit config` writes as JSON or YAML: the configuration's sections at the top (as
/// before) and the implementation specification under `specification`.
package struct ConfigurationFile: Encodable {
    package var configuration: RecommendedConfiguration
    package var specification: ImplementationSpec

    package init(configuration: RecommendedConfiguration, specification: ImplementationSpec) {
        self.configuration = configuration
        self.specification = specification
    }

    enum Keys: String, CodingKey { case specification }

    package func encode(to encoder: any Encoder) throws {
        try configuration.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(specification, forKey: .specification)
    }
}
