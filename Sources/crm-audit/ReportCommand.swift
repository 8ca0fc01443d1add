import Analytics
import ArgumentParser
import Audit
import AuditModel
import Foundation
import Report

extension ReportAudience: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the audit report: html, pdf, docx, md or json, in Russian or English. / Отчёт об аудите.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case html, pdf, docx, md, json }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "html, pdf, docx (Word, to edit before sending), md or json (default: from the file name, else html).")
    var format: OutputFormat?

    @Option(help: "ru or en (default: the CLI language).")
    var lang: Language?

    @Option(help: "client (the client's copy: no commands, metric ids or formulas) or consultant (the working copy with them).")
    var audience: ReportAudience = .client

    @Flag(
        help:
            "A pseudonymised copy: customer names and codes, tax ids, e-mails, phones and birth dates replaced everywhere by keyed pseudonyms that cannot be reversed."
    )
    var redact = false

    @Option(
        help:
            "Also write the full lists behind the findings (customers to call, lines to fix) to this workbook (.xlsx, readable by its owner only); the report names its sheets."
    )
    var lists: String?

    @Option(help: "Comma-separated sections: \(ReportSection.allCases.map(\.rawValue).joined(separator: ",")).")
    var sections: String?

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try chosenSections()
        if lists != nil && redact { throw ValidationError(CLIText.reportListsNotRedacted.render(in: CLILanguage.current)) }
    }

    func chosenSections() throws -> Set<ReportSection> {
        guard let sections else { return Set(ReportSection.allCases) }
        var result: Set<ReportSection> = []
        for name in sections.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let section = ReportSection(rawValue: name) else {
                throw ValidationError(
                    CLIText.reportUnknownSection.render(
                        ["name": .text(name), "known": .text(ReportSection.allCases.map(\.rawValue).joined(separator: ", "))],
                        in: CLILanguage.current))
            }
            result.insert(section)
        }
        return result
    }

    func run() throws {
        let outputGuard = output.guarding(workspace)
        let chosenFormat = format ?? ReportWriter.format(for: out)
        // HTML, Markdown and PDF carry crm-audit's mark: an unmarked file is refused before the work.
        try outputGuard.check(out, expecting: chosenFormat == .json ? nil : .mark)
        let (workspace, result) = try assessment.assess(self.workspace)
        let input = try result.reportInput(workspace: workspace)
        // A redacted copy hides the round's own identifiers wherever they appear, not only in samples.
        let personal = redact ? try workspace.personalValues(round: result.round) : []
        var options = ReportOptions(
            language: lang ?? CLILanguage.current, redact: redact, sections: try chosenSections(),
            personalValues: personal)
        options.audience = audience
        if let lists {
            try outputGuard.check(lists)
            // The stored analysis keeps a sample's first records only: the lists are read again in full.
            let analysis = try Analytics.analyse(workspace, round: result.round, asOf: result.analysis.asOfDay)
            let actionLists = ActionLists(findings: input.findings, analysis: analysis)
            try PrivateFile.write(try actionLists.workbook(language: options.language), to: lists, guard: outputGuard)
            options.actionLists = (URL(fileURLWithPath: lists).lastPathComponent, Set(actionLists.lists.map(\.ruleID)))
            say(.reportListsWritten, ["file": .text(lists), "count": .count(actionLists.lists.count)])
        }
        try ReportWriter.write(input, options: options, format: chosenFormat, to: out, guard: outputGuard)
        say(.reportWritten, ["file": .text(out)])
    }
}

/// Writes a report file in the format asked for.
enum ReportWriter {
    static func format(for path: String) -> ReportCommand.OutputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".pdf") { return .pdf }
        if lower.hasSuffix(".docx") { return .docx }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .md }
        if lower.hasSuffix(".json") { return .json }
        return .html
    }

    static func write(
        _ input: ReportInput, options: ReportOptions, format: ReportCommand.OutputFormat, to path: String,
        guard outputGuard: OutputGuard
    ) throws {
        switch format {
        case .html: try PrivateFile.write(ReportRenderer.html(input, options: options), to: path, guard: outputGuard)
        case .md: try PrivateFile.write(ReportRenderer.markdown(input, options: options), to: path, guard: outputGuard)
        case .json: try PrivateFile.write(try ReportRenderer.json(input, options: options), to: path, guard: outputGuard)
        case .pdf: try PDFRenderer.render(html: ReportRenderer.html(input, options: options), to: path, guard: outputGuard)
        case .docx:
            let document = try WordReport.document(html: ReportRenderer.html(input, options: options), language: options.language)
            try PrivateFile.write(document, to: path, guard: outputGuard)
        }
    }
}
