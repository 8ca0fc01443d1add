import AuditModel
import Foundation
import Rules

/// The specification as the workbook consultants hand to an integrator: one sheet per part, in
/// the client's language.
public enum SpecificationWorkbook {
    public static func sheets(_ spec: ImplementationSpec, language: Language) -> [SpreadsheetWriter.Sheet] {
        func lt(_ ru: String, _ en: String) -> String { LocalizedText(ru: ru, en: en)[language] }
        func yes(_ flag: Bool) -> String { flag ? lt("да", "yes") : lt("нет", "no") }
        typealias Cell = SpreadsheetWriter.Cell
        var sheets: [SpreadsheetWriter.Sheet] = []
        sheets.append(
            .init(
                name: lt("Сущности", "Entities"), header: [lt("Сущность", "Entity"), lt("Ключ", "Key"), lt("Примечание", "Note")],
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
                name: lt("Воронки", "Pipelines"),
                header: [
                    lt("Воронка", "Pipeline"), "№", lt("Этап", "Stage"), lt("Критерий выхода", "Exit criterion"),
                    lt("Обязательные поля", "Required fields"), lt("Вероятность, %", "Probability, %"),
                    lt("Зависла через, дн.", "Stalled after, days"),
                ], rows: stageRows))
        sheets.append(
            .init(
                name: lt("Поля", "Fields"),
                header: [
                    lt("Сущность", "Entity"), lt("Поле", "Field"), lt("Тип", "Type"), lt("Значения", "Values"),
                    lt("Обязательное", "Required"), lt("Кто заполняет", "Filled by"), lt("Источник", "Source"),
                ],
                rows: spec.fields.map {
                    [
                        .text($0.entity[language]), .text($0.name[language]), .text(typeName($0.type, language)),
                        .text(
                            LocalizedText(ru: $0.values.joined(separator: "; "), en: ($0.valuesEN ?? $0.values).joined(separator: "; "))[
                                language]),
                        .text(yes($0.required)), .text($0.filledBy[language]), .text($0.source[language]),
                    ]
                }))
        sheets.append(
            .init(
                name: lt("Автоматизации", "Automations"),
                header: [
                    lt("Автоматизация", "Automation"), lt("Триггер", "Trigger"), lt("Условие", "Condition"),
                    lt("Действие", "Action"), lt("Время", "Timing"), lt("Основание", "Findings"),
                ],
                rows: spec.automations.map {
                    [
                        .text($0.name[language]), .text($0.trigger[language]), .text($0.condition[language]), .text($0.action[language]),
                        .text($0.timing[language]), .text($0.reasons.joined(separator: ", ")),
                    ]
                }))
        sheets.append(
            .init(
                name: lt("Роли и права", "Roles and rights"),
                header: [
                    lt("Роль", "Role"), lt("Объект", "Object"), lt("Права", "Rights"),
                    lt("Область", "Scope"), lt("Видит маржу", "Sees margin"),
                ],
                rows: spec.roles.map {
                    [
                        .text($0.role[language]), .text($0.object[language]), .text(rightsText($0.rights, language)),
                        .text($0.scope[language]), .text(yes($0.seesMargin)),
                    ]
                }))
        sheets.append(
            .init(
                name: lt("Интеграции", "Integrations"),
                header: [
                    lt("Объект", "Object"), lt("Ведущая система", "Master"), lt("Направление", "Direction"),
                    lt("Частота", "Frequency"), lt("Коннектор", "Connector"),
                ],
                rows: spec.integrations.map {
                    [
                        .text($0.object[language]), .text($0.master[language]), .text($0.direction), .text($0.frequency[language]),
                        .text($0.connector[language]),
                    ]
                }))
        sheets.append(
            .init(
                name: lt("Панели и KPI", "Dashboards and KPIs"),
                header: [lt("Для кого", "Audience"), "KPI", lt("Сейчас", "Baseline"), lt("Цель", "Target"), lt("К дате", "By")],
                rows: spec.dashboards.map {
                    [
                        .text($0.audience[language]), .text($0.title[language]), .text($0.baseline[language]), .text($0.target[language]),
                        .text($0.by[language]),
                    ]
                }))
        sheets.append(
            .init(
                name: lt("Перенос данных", "Migration"),
                header: ["№", lt("Шаг", "Step"), lt("Откуда", "From"), lt("Что именно", "Detail")],
                rows: spec.migration.enumerated().map {
                    [.number(Double($0 + 1)), .text($1.step[language]), .text($1.source[language]), .text($1.detail[language])]
                }))
        return sheets
    }

    /// A field type in words.
    static func typeName(_ type: String, _ language: Language) -> String {
        let names: [String: LocalizedText] = [
            "text": LocalizedText(ru: "Строка", en: "Text"), "number": LocalizedText(ru: "Число", en: "Number"),
            "money": LocalizedText(ru: "Деньги", en: "Money"), "date": LocalizedText(ru: "Дата", en: "Date"),
            "list": LocalizedText(ru: "Список", en: "List"), "multi_list": LocalizedText(ru: "Список (несколько)", en: "List (several)"),
            "phone": LocalizedText(ru: "Телефон", en: "Phone"), "email": LocalizedText(ru: "Email", en: "E-mail"),
            "tax_id": LocalizedText(ru: "ИНН (с проверкой)", en: "Tax id (checked)"), "user": LocalizedText(ru: "Сотрудник", en: "User"),
            "yes_no": LocalizedText(ru: "Да/нет", en: "Yes/no"),
        ]
        return names[type]?[language] ?? type
    }

    /// `CRUDE` in words: create, read, update, delete, export.
    static func rightsText(_ rights: String, _ language: Language) -> String {
        let words: [(Character, LocalizedText)] = [
            ("R", LocalizedText(ru: "чтение", en: "read")), ("C", LocalizedText(ru: "добавление", en: "create")),
            ("U", LocalizedText(ru: "изменение", en: "update")), ("D", LocalizedText(ru: "удаление", en: "delete")),
            ("E", LocalizedText(ru: "выгрузка", en: "export")),
        ]
        return words.filter { rights.contains($0.0) }.map { $0.1[language] }.joined(separator: ", ")
    }
}

/// What `crm-audit config` writes as JSON or YAML: the configuration's sections at the top (as
/// before) and the implementation specification under `specification`.
public struct ConfigurationFile: Encodable {
    public var configuration: RecommendedConfiguration
    public var specification: ImplementationSpec

    public init(configuration: RecommendedConfiguration, specification: ImplementationSpec) {
        self.configuration = configuration
        self.specification = specification
    }

    enum Keys: String, CodingKey { case specification }

    public func encode(to encoder: any Encoder) throws {
        try configuration.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(specification, forKey: .specification)
    }
}
