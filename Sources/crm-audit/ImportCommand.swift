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

    @Argument(
        help:
            "The export to import (.csv/.txt, .xlsx, .xml), or a database: postgresql://USER@HOST[:PORT]/DB or clickhouse://… with --table."
    )
    var file: String

    @Option(
        help: "With a database address: the table (or view) to read, e.g. crm.customers. The password comes from CRM_AUDIT_DB_PASSWORD.")
    var table: String?

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
        guard Self.isDatabaseAddress(file) else { return try importFile(file) }
        let language = CLILanguage.current
        guard kind != .sales else {
            throw ValidationError(CLIText.importSalesFromDatabase.render(["url": .text(file)], in: language))
        }
        guard let table else {
            throw ValidationError(CLIText.importTableNeeded.render(["url": .text(file), "kind": .text(kind.rawValue)], in: language))
        }
        // The table goes through the importer as an export would, from a file only its owner can
        // read, in a folder of its own, deleted after.
        let source = try DatabaseSource(url: file, salesTable: table)
        let folder = try PrivateFile.temporaryFolder(prefix: "crm-audit-table")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = table.replacingOccurrences(of: "/", with: "_")
        let path = (folder as NSString).appendingPathComponent(name + ".csv")
        let count = try DatabaseTables.export(source, password: DatabaseRounds.environmentPassword, to: path)
        say(CLIText.importTableRead.text(["count": .value(count), "table": .text(table), "url": .text(source.url)]))
        try importFile(path)
    }

    /// Whether `text` is a database's address rather than a file.
    static func isDatabaseAddress(_ text: String) -> Bool {
        ["postgresql://", "postgres://", "clickhouse://"].contains { text.lowercased().hasPrefix($0) }
    }

    private func importFile(_ file: String) throws {
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
