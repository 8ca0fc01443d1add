import ArgumentParser
import Audit
import AuditModel
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

    @Flag(help: "A pseudonymised copy: customer names and codes, tax ids, e-mails, phones and birth dates replaced everywhere by keyed pseudonyms that cannot be reversed.")
    var redact = false

    @Option(help: "Comma-separated sections: \(ReportSection.allCases.map(\.rawValue).joined(separator: ",")).")
    var sections: String?

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try chosenSections()
    }

    func chosenSections() throws -> Set<ReportSection> {
        guard let sections else { return Set(ReportSection.allCases) }
        var result: Set<ReportSection> = []
        for name in sections.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let section = ReportSection(rawValue: name) else {
                throw ValidationError(CLILanguage.current == .ru
                    ? "--sections: неизвестный раздел «\(name)»; есть: \(ReportSection.allCases.map(\.rawValue).joined(separator: ", "))"
                    : "--sections: unknown section '\(name)'; known: \(ReportSection.allCases.map(\.rawValue).joined(separator: ", "))")
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
        var options = ReportOptions(language: lang ?? CLILanguage.current, redact: redact, sections: try chosenSections(),
                                    personalValues: personal)
        options.audience = audience
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

    static func write(_ input: ReportInput, options: ReportOptions, format: ReportCommand.OutputFormat, to path: String,
                      guard outputGuard: OutputGuard) throws {
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
