import ArgumentParser
import Audit
import AuditModel
import Foundation

/// `crm-audit platforms WORKSPACE`: the CRM platforms that fit the client, ranked, with the
/// reasons, and those left out with theirs.
struct PlatformsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platforms",
        abstract: "Rank the CRM platform catalogue against the client's requirements. / Подбор CRM-платформы.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(
        name: .customLong("platforms"),
        help: "Your own platform catalogue layered over the bundled one (repeatable; a platform with the same id replaces the bundled one)."
    )
    var catalogues: [String] = []

    @Option(help: "ru (the Russian market: data kept in Russia, vendors selling here) or global.")
    var market: String = "ru"

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Option(help: "Language of the table: ru or en (default: the CLI language).")
    var lang: Language?

    @OptionGroup var assessment: AssessmentOptions

    func run() throws {
        guard ["ru", "global"].contains(market) else {
            throw ValidationError(CLIText.marketExpected.render(in: CLILanguage.current))
        }
        let catalogue = try PlatformCatalogue.load(overrides: catalogues)
        let (_, result) = try assessment.assess(workspace)
        let shortlist = PlatformShortlist.rank(catalogue, for: PlatformRequirements.of(result, market: market))
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            Terminal.printDocument(String(decoding: try encoder.encode(shortlist), as: UTF8.self))
        case .table:
            Terminal.print(ShortlistText.render(shortlist, language: lang ?? CLILanguage.current))
        }
    }
}
