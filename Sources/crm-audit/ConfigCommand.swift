import ArgumentParser
import Audit
import AuditModel
import Foundation
import Rules

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract:
            "Write the recommended CRM configuration and the implementation specification as YAML, JSON or an XLSX workbook. / Рекомендуемая настройка CRM и техническое задание."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case yaml, json, xlsx }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "yaml, json or xlsx (default: from the file name, else yaml).")
    var format: OutputFormat?

    @Option(help: "The workbook's language: ru or en (default: the CLI language).")
    var lang: Language?

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let lower = out.lowercased()
        let chosen = format ?? (lower.hasSuffix(".json") ? .json : lower.hasSuffix(".xlsx") ? .xlsx : .yaml)
        try output.guarding(workspace).check(out, expecting: chosen == .yaml ? .mark : nil)
        let (_, result) = try assessment.assess(workspace)
        let specification = SpecificationBuilder(result).build()
        switch chosen {
        case .json:
            try PrivateFile.write(
                try ConfigurationExport.json(result.configuration, specification: specification), to: out, guard: output.guarding(workspace)
            )
        case .yaml:
            let text = try ConfigurationExport.yaml(
                result.configuration, specification: specification,
                header: "crm-audit: recommended CRM configuration for \(result.engagement.client), round \(result.round.number)")
            try PrivateFile.write(text, to: out, guard: output.guarding(workspace))
        case .xlsx:
            try PrivateFile.write(
                try ConfigurationExport.workbook(specification, language: lang ?? CLILanguage.current), to: out,
                guard: output.guarding(workspace))
        }
        say(
            CLIText.crmConfigurationItemsAndTheImplementation.text(["count": .value(result.configuration.count), "out": .value(out)]))
    }
}
