import ArgumentParser
import Audit
import AuditModel
import Foundation
import Rules

/// `crm-audit plan WORKSPACE`: the phased project plan the round's gaps call for, and its
/// business case against the platform ranked first.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The phased CRM project plan and its business case. / План проекта и его обоснование.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "table, json (the plan, the business case and the platform counted), or csv (one row per initiative).")
    var format: OutputFormat = .table

    @Option(help: "Language of the table and CSV: ru or en (default: the CLI language).")
    var lang: Language?

    @Option(name: .customLong("platforms"), help: "Your own platform catalogue layered over the bundled one (repeatable).")
    var catalogues: [String] = []

    @Option(help: "ru or global: the market the platforms are ranked for.")
    var market: String = "ru"

    @OptionGroup var assessment: AssessmentOptions

    /// What `--format json` writes.
    struct Document: Encodable {
        var plan: ProjectPlan
        var businessCase: BusinessCase
        var platform: ShortlistEntry?
        var pricesCheckedOn: String
    }

    func run() throws {
        guard ["ru", "global"].contains(market) else {
            throw ValidationError(CLIText.marketExpected.render(in: CLILanguage.current))
        }
        let (_, result) = try assessment.assess(workspace)
        guard let recommendation = try result.recommendation(catalogues: catalogues, market: market) else {
            throw ValidationError(CLIText.planMissing.render(in: CLILanguage.current))
        }
        let (shortlist, plan, businessCase) = (recommendation.shortlist, recommendation.plan, recommendation.businessCase)
        let language = lang ?? CLILanguage.current
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let document = Document(
                plan: plan, businessCase: businessCase, platform: shortlist.ranked.first, pricesCheckedOn: shortlist.pricesCheckedOn)
            Terminal.printDocument(String(decoding: try encoder.encode(document), as: UTF8.self))
        case .csv:
            Terminal.printDocument(PlanText.csv(plan, language: language))
        case .table:
            Terminal.print(PlanText.render(plan, businessCase: businessCase, document: result.analysis.document, language: language))
        }
    }
}
