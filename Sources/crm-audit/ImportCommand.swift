import Analytics
import ArgumentParser
import AuditModel
import Foundation
import Importers
import Warehouse
import Workspace

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a client export (CSV, XLSX, XML) into the workspace's latest round. / Импорт выгрузки клиента.",
        discussion: """
            Columns are recognised from Russian and English header names; --mapping gives a YAML file \
            that overrides them. By default a file with any bad row stores nothing and lists the problems.
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "The export to import (.csv/.txt, .xlsx, .xml).")
    var file: String

    @Option(name: .customLong("as"), help: "What the file holds: customers, sales, managers, deals, activities or campaigns.")
    var kind: DatasetKind

    @Option(help: "A YAML mapping file (columns:, header_row:, date_order:, xml: …).")
    var mapping: String?

    @Option(help: "XLSX: the sheet's name or 1-based number.")
    var sheet: String?

    @Option(help: "CSV: utf-8 or windows-1251 (default: detected).")
    var encoding: String?

    @Option(help: "CSV: the delimiter, e.g. ';' ',' '|' or 'tab' (default: detected).")
    var delimiter: String?

    @Flag(help: "Show the mapping, the first rows as parsed and the first problems; write nothing.")
    var dryRun = false

    @Flag(help: "Store the good rows and write the bad ones, with reasons, to FILE.rejects.csv beside the workspace (or --rejects).")
    var skipBadRows = false

    @Option(help: "With --skip-bad-rows: the rejects file (default: FILE.rejects.csv beside the workspace, not in the export's folder).")
    var rejects: String?

    @Flag(
        help:
            "Replace the data imported earlier into this round from the same file: the same content, or a file of the same name and kind (a corrected export)."
    )
    var replace = false

    @Option(help: "Sales: replace the round's dataset imported from this file name (a second export of the same sales).")
    var replaceDataset: String?

    @Flag(help: "Sales: store the file even when its lines repeat sales already in the round (different sales that look alike).")
    var keepOverlap = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        var options = ImportOptions(kind: kind)
        if let mapping { options.mapping = try MappingFile.load(path: mapping, kind: kind) }
        options.sheet = sheet
        if let encoding {
            guard let value = TextEncoding(name: encoding) else {
                throw ValidationError(CLIText.importEncodingExpected.render(["value": .text(encoding)], in: CLILanguage.current))
            }
            options.encoding = value
        }
        if let delimiter {
            guard let byte = MappingFile.delimiterByte(delimiter) else {
                throw ValidationError(CLIText.importDelimiterExpected.render(["value": .text(delimiter)], in: CLILanguage.current))
            }
            options.delimiter = byte
        }
        options.dryRun = dryRun
        options.skipBadRows = skipBadRows
        options.replace = replace
        options.replaceDataset = replaceDataset
        options.keepOverlapping = keepOverlap
        options.outputGuard = output.guarding(dryRun ? nil : workspace)
        options.rejectsFile =
            rejects
            ?? Importer.rejectsPath(
                for: file,
                in: (workspace as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (workspace as NSString).deletingLastPathComponent)
        if skipBadRows && !dryRun, let target = options.rejectsFile {
            // Refused before anything is stored: the rejects file may not replace the workspace or a file of the client's.
            try options.outputGuard.check(target, expecting: .header(Importer.rejectsHeaderPrefix))
        }
        let report: ImportReport
        var roundNumber: Int?
        var matching: CustomerMatching?
        if dryRun {
            report = try Importer.dryRun(file, options: options)
        } else {
            let store = try openWorkspace(workspace)
            let round = try store.round()
            roundNumber = round.number
            // A round's sale lines come from one place: its database when it is connected to one.
            if kind == .sales, try store.salesSource(round: round) != nil {
                throw WarehouseError.salesInDatabase(round: round.number)
            }
            report = try Importer.importFile(file, into: store, round: round, options: options)
            // Sales whose customer code is not in the list: look them up as metrics will.
            if let unknown = report.unknownCustomers, unknown.rows > 0 {
                matching = try Analytics.customerMatching(store, round: round)
            }
        }
        for line in ImportReportPrinter.lines(report, roundNumber: roundNumber, matching: matching) { say(line) }
    }
}

extension DatasetKind: ExpressibleByArgument {}
