import Analytics
import ArgumentParser
import AuditModel
import Foundation
import Importers
import Warehouse
import Workspace

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute the metric catalogue for a round, store it in the workspace and print it. / Рассчитать метрики раунда.",
        discussion: """
            Without a workspace, `crm-audit metrics --sales FILE [--customers FILE] [--managers FILE]` reads the \
            export files as `import` would and prints their metrics, storing nothing: a first look at a client's \
            data. / Без рабочего файла: `--sales ФАЙЛ` читает выгрузки как `import` и печатает метрики, ничего не сохраняя.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The workspace file (or --sales FILE instead).")
    var workspace: String?

    @Option(help: "Without a workspace: the sales file to read (CSV, XLSX or XML), storing nothing.")
    var sales: String?

    @Option(help: "With --sales: the sheet of a sales workbook, by name or 1-based number (as for `import`).")
    var sheet: String?

    @Option(help: "With --sales: a mapping file (YAML) for the sales file, as for `import`.")
    var mapping: String?

    @Option(help: "With --sales: the customer list file.")
    var customers: String?

    @Option(help: "With --sales: the managers file.")
    var managers: String?

    @Flag(help: "With --sales: leave out bad rows (written to FILE.rejects.csv in the current folder, or --rejects) instead of stopping.")
    var skipBadRows = false

    @Option(
        help:
            "With --sales --skip-bad-rows: the sales rejects file (default: FILE.rejects.csv in the current folder, never the export's folder)."
    )
    var rejects: String?

    /// Without a workspace: a client database holding the sale lines (`--source`, `--sales-table`, `--column`).
    @OptionGroup var database: DatabaseSourceOptions

    @Option(help: "The day the metrics describe, YYYY-MM-DD (default: the latest sale date).")
    var asOf: String?

    @Option(help: "The audit round number (default: the latest round).")
    var round: Int?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var output: OutputOptions

    func validate() throws {
        let language = CLILanguage.current
        if [workspace != nil, sales != nil, database.source != nil].filter({ $0 }).count != 1 {
            throw ValidationError(
                CLIText.giveAWorkspaceFileOrSales.text()[language])
        }
        if sales == nil, customers != nil || managers != nil || skipBadRows || sheet != nil || mapping != nil || rejects != nil {
            throw ValidationError(
                CLIText.customersManagersSheetMappingAndSkip.text()[language])
        }
        try database.validatePairing()
        if sales != nil || database.source != nil, round != nil {
            throw ValidationError(
                CLIText.roundGoesWithAWorkspaceFile.text()[language])
        }
    }

    func run() throws {
        let day = try parseDay(asOf, option: "--as-of")
        let clock = ContinuousClock()
        let start = clock.now
        let analysis: Analysis
        if let workspace {
            let opened = try openWorkspace(workspace)
            let chosen = try opened.round(number: round)
            // A round read in the client's database: `metrics` reads it again (check and report reuse this reading).
            if let source = try DatabaseRounds.source(of: chosen, in: opened) {
                let fromDatabase = try DatabaseRounds.analysis(
                    opened, round: chosen, source: source, asOf: day, password: DatabaseRounds.environmentPassword, refresh: true)
                return try printDocument(fromDatabase.document)
            }
            analysis = try Analytics.computeAndStore(opened, round: chosen, asOf: day)
        } else if let source = try database.databaseSource() {
            return try printDatabaseMetrics(source, asOf: day)
        } else {
            analysis = try analyseFiles(asOf: day)
        }
        let stored = clock.now
        switch format {
        case .json: Terminal.printDocument(try analysis.document.jsonString(pretty: true))
        case .table:
            Terminal.print(MetricTable.render(analysis.document, language: CLILanguage.current))
            if let matching = analysis.customerMatching {
                for line in MetricTable.matchingLines(matching) { Terminal.print(line[CLILanguage.current]) }
            }
        }
        if ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"] == "1" {
            let phases = analysis.timings + [("analyse+store", stored - start), ("print", clock.now - stored)]
            let text = phases.map { "\($0.phase) \($0.duration)" }.joined(separator: ", ")
            Terminal.printError("timing: \(text)")
        }
    }
}

extension MetricsCommand {
    /// The metrics computed by the database of `source` over its sale lines.
    private func printDatabaseMetrics(_ source: DatabaseSource, asOf day: Day?) throws {
        let password = DatabaseRounds.environmentPassword
        let clock = ContinuousClock()
        let start = clock.now
        let connection = try source.connect(password: password)
        let result = try DatabaseAnalysis.analyse(source, on: connection, asOf: day)
        try printDocument(result.document)
        if ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"] == "1" {
            Terminal.printError("timing: database \(clock.now - start), received \(result.bytesReceived) bytes")
        }
    }

    private func printDocument(_ document: MetricDocument) throws {
        switch format {
        case .json: Terminal.printDocument(try document.jsonString(pretty: true))
        case .table: Terminal.print(MetricTable.render(document, language: CLILanguage.current))
        }
    }

    /// The metrics of the export files given with `--sales`: the customer list and managers are
    /// imported into a private scratch workspace that is deleted afterwards (on a thread of their
    /// own, while the sales are read), the sales are read straight into columns.
    private func analyseFiles(asOf day: Day?) throws -> Analysis {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crm-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let today = Timestamp.today()
        // Rejects go where the user runs the command (or to --rejects), not into the client's export folder.
        let folder =
            rejects.map { ($0 as NSString).deletingLastPathComponent }.flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.currentDirectoryPath
        let workspace = try Workspace.create(at: scratch.appendingPathComponent("scan.crmaudit").path, client: "—", roundDate: today)
        let round = try workspace.round()
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = skipBadRows
        options.outputGuard = output.guarding(nil)
        options.rejectsFile = rejects ?? Importer.rejectsPath(for: sales ?? "", in: folder)
        options.sheet = sheet
        if let mapping { options.mapping = try MappingFile.load(path: mapping, kind: .sales) }
        let others = [(DatasetKind.customers, customers), (.managers, managers)].compactMap { kind, file in file.map { (kind, $0) } }
        let skip = skipBadRows
        let outputGuard = options.outputGuard
        let imports = Background {
            try others.map { kind, file in
                var options = ImportOptions(kind: kind)
                options.skipBadRows = skip
                options.outputGuard = outputGuard
                options.rejectsFile = Importer.rejectsPath(for: file, in: folder)
                return try Importer.importFile(file, into: workspace, round: round, options: options)
            }
        }
        let read = Result { try Importer.readSales(sales ?? "", options: options) }
        let otherReports = try imports.wait()
        let (columns, salesReport) = try read.get()
        // What was left out, on standard error (standard output may be the JSON document).
        for report in [salesReport] + otherReports {
            for line in Self.readingLines(report) { Terminal.printError(line[CLILanguage.current]) }
        }
        return try Analytics.analyse(workspace, round: round, asOf: day, sales: [columns])
    }
}

extension MetricsCommand {
    /// One file read for `metrics --sales`: its rows, the rows that were not data, the rows left
    /// out and where they were written.
    static func readingLines(_ report: ImportReport) -> [LocalizedText] {
        let name = (report.file as NSString).lastPathComponent
        var lines = [
            CLIText.metricsReading.text([
                "file": .text(name), "read": .text(String(report.rowsRead)), "used": .text(String(report.rowsRead - report.rowsRejected)),
                "rejected": .text(String(report.rowsRejected)),
                "notData": .text(String(report.nonDataRows.total - report.nonDataRows.count(.blank))),
            ])
        ]
        for problem in report.problems.prefix(5) {
            lines.append(.inEach { "  " + problem.formatted(in: $0) })
        }
        if let rejects = report.rejectsFile {
            lines.append(CLIText.metricsSkippedWritten.text(["file": .text(rejects)]))
        }
        return lines
    }
}

/// The bilingual text table of a metric document, grouped by family: each value in its unit
/// (`271 569 641 ₽`, `844 клиента`, `+22,4 %`, `90,3 дн.`) and with its period.
enum MetricTable {
    static func render(_ document: MetricDocument, language: Language) -> String {
        var lines: [String] = []
        let format = Formatter(language)
        lines.append(CLIText.metricsAsOf.render(["date": .text(document.asOf.iso)], in: language))
        if let periods = document.periods {
            lines.append(CLIText.metricsHeadline.render(["period": .text(format.headlineComparison(periods))], in: language))
        }
        for family in MetricFamily.allCases {
            let members = MetricCatalogue.all.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            lines.append("")
            lines.append("== \(family.title[language]) ==")
            let width = members.map { $0.title[language].count }.max() ?? 0
            let values = members.map { value(document, $0, language) }
            let valueWidth = min(24, values.map(\.count).max() ?? 0)
            for (metric, text) in zip(members, values) {
                let title = metric.title[language]
                let padding = String(repeating: " ", count: max(0, width - title.count))
                let valuePadding = String(repeating: " ", count: max(0, valueWidth - text.count))
                lines.append("  \(title)\(padding)  \(text)\(valuePadding)   \(metric.period.title[language])   [\(metric.id)]")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// How the sale lines' customers were found in the customer list, and the names that fit
    /// several customers.
    static func matchingLines(_ matching: CustomerMatching) -> [LocalizedText] {
        var lines = [
            CLIText.metricsMatching.text([
                "byCode": .text(String(matching.byCode)), "byTaxID": .text(String(matching.byTaxID)),
                "byName": .text(String(matching.byName)),
                "unmatched": .text(String(matching.unmatched)),
            ])
        ]
        if !matching.ambiguous.isEmpty {
            let list = matching.ambiguous.prefix(20).joined(separator: "; ")
            lines.append(CLIText.metricsAmbiguous.text(["count": .text(String(matching.ambiguous.count)), "list": .text(list)]))
        }
        return lines
    }

    /// The value in its unit, `— (reason)` when null.
    static func value(_ document: MetricDocument, _ metric: MetricDefinition, _ language: Language) -> String {
        switch document[metric.id] {
        case .null:
            let reason = document.unavailable[metric.id].map { UnavailableReason(code: $0).text[language] } ?? ""
            return "— (\(reason))"
        case .text(let text):
            return text
        case .number(let number):
            // The table is read in a terminal: plain spaces, not the report's no-break ones.
            return Formatter(language).metric(number, unit: metric.unit).replacingOccurrences(of: "\u{00A0}", with: " ")
        }
    }
}
