import ArgumentParser
import Audit
import AuditModel
import Foundation
import Rules

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Write the recommended CRM configuration as YAML or JSON. / Рекомендуемая настройка CRM.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "yaml or json (default: from the file name, else yaml).")
    var format: OutputFormat?

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let chosen = format ?? (out.lowercased().hasSuffix(".json") ? .json : .yaml)
        try output.guarding(workspace).check(out, expecting: chosen == .yaml ? .mark : nil)
        let (_, result) = try assessment.assess(workspace)
        let text = switch chosen {
        case .json: try ConfigurationExport.json(result.configuration)
        case .yaml: try ConfigurationExport.yaml(result.configuration,
                                                  header: "crm-audit: recommended CRM configuration for \(result.engagement.client), round \(result.round.number)")
        }
        try PrivateFile.write(text, to: out, guard: output.guarding(workspace))
        say(LocalizedText(ru: "Настройка CRM (\(result.configuration.count) элементов) записана в \(out)",
                          en: "CRM configuration (\(result.configuration.count) items) written to \(out)"))
    }
}
