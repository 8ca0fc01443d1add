import ArgumentParser
import Audit
import AuditModel
import Foundation
import Rules
import Yams

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

    func run() throws {
        let (_, result) = try assessment.assess(workspace)
        let chosen = format ?? (out.lowercased().hasSuffix(".json") ? .json : .yaml)
        let text: String
        switch chosen {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            text = String(decoding: try encoder.encode(result.configuration), as: UTF8.self) + "\n"
        case .yaml:
            let encoder = YAMLEncoder()
            encoder.options.allowUnicode = true
            encoder.options.sortKeys = false
            text = "# crm-audit: recommended CRM configuration for \(result.engagement.client), round \(result.round.number)\n"
                + (try encoder.encode(result.configuration))
        }
        try PrivateFile.write(text, to: out)
        say(LocalizedText(ru: "Настройка CRM (\(result.configuration.count) элементов) записана в \(out)",
                          en: "CRM configuration (\(result.configuration.count) items) written to \(out)"))
    }
}
