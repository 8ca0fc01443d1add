import AuditModel

/// The specification an integrator builds the CRM from: entities and their keys, pipelines from
/// the client's own stages, fields with types and value lists, automations as trigger,
/// condition, action and timing, a role matrix, integrations with their master systems,
/// dashboards with baselines and targets, and the migration. Built by
/// ``SpecificationBuilder`` from a round's answers, data and recommended configuration.
package struct ImplementationSpec: Sendable, Hashable, Codable {
    package struct Entity: Sendable, Hashable, Codable {
        package var name: LocalizedText
        /// What identifies a record and matches it to the accounting system.
        package var key: LocalizedText
        package var note: LocalizedText
    }

    package struct Stage: Sendable, Hashable, Codable {
        /// As the company names it (the same in both languages), or a standard stage's name.
        package var name: LocalizedText
        package var exitCriterion: LocalizedText
        package var requiredFields: LocalizedText
        /// The probability of winning a deal at this stage, 0–1.
        package var probability: Double
        /// Days in the stage after which the deal counts as stalled.
        package var stalledAfterDays: Int

        enum CodingKeys: String, CodingKey {
            case name, exitCriterion = "exit_criterion", requiredFields = "required_fields", probability, stalledAfterDays =
                "stalled_after_days"
        }
    }

    package struct Pipeline: Sendable, Hashable, Codable {
        package var name: LocalizedText
        package var purpose: LocalizedText
        package var stages: [Stage]
    }

    package struct Field: Sendable, Hashable, Codable {
        package var entity: LocalizedText
        package var name: LocalizedText
        /// text, number, money, date, list, multi_list, phone, email, tax_id, user, yes_no.
        package var type: String
        /// The allowed values of a list: the client's own as written in the data (the same in every
        /// language), or the tool's proposal (loss reasons) in each language.
        package var values: [LocalizedText]
        package var required: Bool
        package var filledBy: LocalizedText
        package var source: LocalizedText

        enum CodingKeys: String, CodingKey {
            case entity, name, type, values, required, filledBy = "filled_by", source
        }
    }

    package struct Automation: Sendable, Hashable, Codable {
        package var name: LocalizedText
        package var trigger: LocalizedText
        package var condition: LocalizedText
        package var action: LocalizedText
        package var timing: LocalizedText
        /// The findings that call for it.
        package var reasons: [String]
    }

    package struct Right: Sendable, Hashable, Codable {
        package var role: LocalizedText
        package var object: LocalizedText
        /// C (create), R (read), U (update), D (delete), E (export) as granted.
        package var rights: String
        package var scope: LocalizedText
        package var seesMargin: Bool

        enum CodingKeys: String, CodingKey {
            case role, object, rights, scope, seesMargin = "sees_margin"
        }
    }

    package struct Integration: Sendable, Hashable, Codable {
        package var object: LocalizedText
        /// The system that masters the object: the other side only reads or adds to it.
        package var master: LocalizedText
        package var direction: String
        package var frequency: LocalizedText
        package var connector: LocalizedText
    }

    package struct KPI: Sendable, Hashable, Codable {
        package var audience: LocalizedText
        package var title: LocalizedText
        package var metric: String
        package var baseline: LocalizedText
        package var target: LocalizedText
        package var by: LocalizedText
    }

    package struct MigrationStep: Sendable, Hashable, Codable {
        package var step: LocalizedText
        package var source: LocalizedText
        package var detail: LocalizedText
    }

    package var entities: [Entity]
    package var pipelines: [Pipeline]
    package var fields: [Field]
    package var automations: [Automation]
    package var roles: [Right]
    package var integrations: [Integration]
    package var dashboards: [KPI]
    package var migration: [MigrationStep]
}
