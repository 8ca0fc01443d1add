import AuditModel

/// The specification an integrator builds the CRM from: entities and their keys, pipelines from
/// the client's own stages, fields with types and value lists, automations as trigger,
/// condition, action and timing, a role matrix, integrations with their master systems,
/// dashboards with baselines and targets, and the migration. Built by
/// ``SpecificationBuilder`` from a round's answers, data and recommended configuration.
public struct ImplementationSpec: Sendable, Hashable, Codable {
    public struct Entity: Sendable, Hashable, Codable {
        public var name: LocalizedText
        /// What identifies a record and matches it to the accounting system.
        public var key: LocalizedText
        public var note: LocalizedText
    }

    public struct Stage: Sendable, Hashable, Codable {
        /// As the company names it (the same in both languages), or a standard stage's name.
        public var name: LocalizedText
        public var exitCriterion: LocalizedText
        public var requiredFields: LocalizedText
        /// The probability of winning a deal at this stage, 0–1.
        public var probability: Double
        /// Days in the stage after which the deal counts as stalled.
        public var stalledAfterDays: Int

        enum CodingKeys: String, CodingKey {
            case name, exitCriterion = "exit_criterion", requiredFields = "required_fields", probability, stalledAfterDays =
                "stalled_after_days"
        }
    }

    public struct Pipeline: Sendable, Hashable, Codable {
        public var name: LocalizedText
        public var purpose: LocalizedText
        public var stages: [Stage]
    }

    public struct Field: Sendable, Hashable, Codable {
        public var entity: LocalizedText
        public var name: LocalizedText
        /// text, number, money, date, list, multi_list, phone, email, tax_id, user, yes_no.
        public var type: String
        /// The allowed values of a list, from the answers and the data (as the client writes them).
        public var values: [String]
        /// The values in English where the tool proposes them (loss reasons); nil for the client's own values.
        public var valuesEN: [String]? = nil
        public var required: Bool
        public var filledBy: LocalizedText
        public var source: LocalizedText

        enum CodingKeys: String, CodingKey {
            case entity, name, type, values, valuesEN = "values_en", required, filledBy = "filled_by", source
        }
    }

    public struct Automation: Sendable, Hashable, Codable {
        public var name: LocalizedText
        public var trigger: LocalizedText
        public var condition: LocalizedText
        public var action: LocalizedText
        public var timing: LocalizedText
        /// The findings that call for it.
        public var reasons: [String]
    }

    public struct Right: Sendable, Hashable, Codable {
        public var role: LocalizedText
        public var object: LocalizedText
        /// C (create), R (read), U (update), D (delete), E (export) as granted.
        public var rights: String
        public var scope: LocalizedText
        public var seesMargin: Bool

        enum CodingKeys: String, CodingKey {
            case role, object, rights, scope, seesMargin = "sees_margin"
        }
    }

    public struct Integration: Sendable, Hashable, Codable {
        public var object: LocalizedText
        /// The system that masters the object: the other side only reads or adds to it.
        public var master: LocalizedText
        public var direction: String
        public var frequency: LocalizedText
        public var connector: LocalizedText
    }

    public struct KPI: Sendable, Hashable, Codable {
        public var audience: LocalizedText
        public var title: LocalizedText
        public var metric: String
        public var baseline: LocalizedText
        public var target: LocalizedText
        public var by: LocalizedText
    }

    public struct MigrationStep: Sendable, Hashable, Codable {
        public var step: LocalizedText
        public var source: LocalizedText
        public var detail: LocalizedText
    }

    public var entities: [Entity]
    public var pipelines: [Pipeline]
    public var fields: [Field]
    public var automations: [Automation]
    public var roles: [Right]
    public var integrations: [Integration]
    public var dashboards: [KPI]
    public var migration: [MigrationStep]
}
