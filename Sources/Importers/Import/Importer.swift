import AuditModel
import Foundation
import GRDB
import Workspace

/// Imports client exports (CSV, XLSX, XML) into a workspace round as one canonical dataset.
///
/// One import is one transaction: either every good row is stored with its dataset record, or
/// nothing is. By default a single bad row stores nothing and the report lists the problems;
/// ``ImportOptions/skipBadRows`` stores the good rows and writes the bad ones to a rejects file.
public enum Importer {
    /// Imports `path` into `round` of `workspace`.
    ///
    /// - Throws: ``ImportError`` (unreadable or malformed file, no header, bad rows, a file
    ///   already imported into the round), or a ``Diagnostic`` about the mapping file.
    /// - Complexity: O(n) in the file's size; memory holds one chunk of the file (and up to
    ///   four copies of chunks being fingerprinted), the first rows, and the first problems
    ///   found (rejected rows go straight to their file).
    public static func importFile(_ path: String, into workspace: Workspace, round: AuditRound, options: ImportOptions) throws
        -> ImportReport
    {
        if options.dryRun { return try dryRun(path, options: options) }
        var options = options
        if options.outputGuard.workspace == nil {
            // The rejects file never lands on the workspace, whatever the input file is called.
            options.outputGuard = OutputGuard(workspace: workspace.path, force: options.outputGuard.force)
        }
        return try settlingDateOrders(path, options: options) { pass in
            do {
                let clock = ContinuousClock()
                var laps: [(String, ContinuousClock.Instant)] = [("start", clock.now)]
                let outcome = try inOneTransaction(workspace) { db throws -> (Int64, Bool, ImportReport.UnknownCustomers?, String) in
                    let store = try DatasetStore(db: db, round: round, kind: options.kind, file: path)
                    defer { laps.append(("finish", clock.now)) }
                    let builder = store.columnsBuilder
                    try pass.runPipelined(prepare: builder.map { builder in { batch in builder.append(batch) } }) { batch in
                        try store.insert(batch)
                    }
                    laps.append(("read+store", clock.now))
                    if pass.ordersToRedo != nil { throw Redo() }
                    let sha = try pass.source.sha256()
                    try refuseBadRows(pass, path: path, options: options)
                    var replaced = try store.finish(
                        sha256: sha, format: pass.source.format, rowsRead: pass.rowsRead,
                        rowsStored: pass.rowsStored, rowsRejected: pass.rowsRejected,
                        mapping: pass.mapping.json, replace: options.replace)
                    if let name = options.replaceDataset {
                        try store.replace(datasetNamed: name)
                        replaced = true
                    }
                    if !options.keepOverlapping { try store.refuseOverlap() }
                    let unknown = options.kind == .sales ? try store.unknownCustomers() : nil
                    return (store.datasetID, replaced, unknown, sha)
                }
                laps.append(("commit", clock.now))
                if ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"] == "1" {
                    let phases = zip(laps.dropFirst(), laps).map { "\($0.0) \($0.1 - $1.1)" }.joined(separator: ", ")
                    FileHandle.standardError.write(Data("timing: \(phases)\n".utf8))
                }
                var report = try makeReport(pass, sha: outcome.3, options: options)
                report.datasetID = outcome.0
                report.replacedDataset = outcome.1
                report.unknownCustomers = outcome.2
                return report
            } catch is Redo {
                return nil  // rolled back; read again with the day/month order the file showed
            } catch let error as any AuditError {
                throw error
            } catch {
                throw ImportError.database(path: workspace.path, message: "\(error)")
            }
        }
    }

    /// Reads `path` as an import would and reports the mapping, the first rows as parsed and the
    /// problems, writing nothing.
    public static func dryRun(_ path: String, options: ImportOptions) throws -> ImportReport {
        try settlingDateOrders(path, options: options) { pass in
            try pass.run(store: nil)
            return pass.ordersToRedo != nil ? nil : makeReport(pass, sha: try pass.source.sha256(), dryRun: true)
        }
    }

    /// Makes passes over `path` until the day/month order of its date columns settles: `body`
    /// reads one pass and returns its result, or nil when the pass found that a date column is
    /// month-first (`ImportPass.ordersToRedo`); the next pass reads with those orders. At most
    /// three passes.
    ///
    /// A workbook read without a sheet named whose first sheet has no header is read from the
    /// sheet whose header maps (see ``choosingSheet(_:options:_:)``).
    static func settlingDateOrders<T>(_ path: String, options: ImportOptions, _ body: (ImportPass) throws -> T?) throws -> T {
        try choosingSheet(path, options: options) { options in try settlingDateOrdersOnSheet(path, options: options, body) }
    }

    private static func settlingDateOrdersOnSheet<T>(_ path: String, options: ImportOptions, _ body: (ImportPass) throws -> T?) throws -> T
    {
        var orders: [String: DateOrder] = [:]
        for _ in 0..<3 {
            let pass = try ImportPass(path: path, options: options, orders: orders)
            // A pass that fails or is read again leaves no rejects file (a committed one stays).
            let result: T?
            do {
                result = try body(pass)
            } catch {
                pass.rejects?.discard()
                throw error
            }
            if let result { return result }
            pass.rejects?.discard()
            guard let redo = pass.ordersToRedo else { break }
            orders = redo
        }
        throw unsettledDateOrder(path)
    }

    /// Stops the import when the pass found bad rows, unless they are to be skipped.
    static func refuseBadRows(_ pass: ImportPass, path: String, options: ImportOptions) throws {
        if pass.rowsRejected > 0 && !options.skipBadRows {
            throw ImportError.badRows(path: path, problems: pass.problems, total: pass.rowsRejected, rowsRead: pass.rowsRead)
        }
    }

    /// The report of a pass whose rows were kept, with the rejects file written when bad rows
    /// were skipped.
    static func makeReport(_ pass: ImportPass, sha: String, options: ImportOptions) throws -> ImportReport {
        var report = makeReport(pass, sha: sha, dryRun: false)
        if options.skipBadRows, let rejects = pass.rejects {
            report.rejectsFile = try rejects.commit()
        }
        return report
    }

    /// Runs `body` in one write transaction with foreign-key checks off: every row the import
    /// inserts points at the dataset record it has just created in the same transaction and at
    /// an existing round, so checking each of a million rows again would only cost time.
    ///
    /// When no other connection has the workspace open, the transaction runs with SQLite's
    /// rollback journal (`synchronous = FULL`, as the `sqlite3` shell) instead of WAL: a large
    /// import then writes its pages once into the database file, where WAL writes them to the
    /// log and copies them again at the checkpoint (half the bytes written, a third of the
    /// system time). Both journals make the transaction atomic; WAL is restored right after,
    /// and every open of the workspace sets it anyway. While such an import runs, another program
    /// opening the workspace waits for it (busy timeout) instead of reading the state before it.
    private static func inOneTransaction<T>(_ workspace: Workspace, _ body: (Database) throws -> T) throws -> T {
        // Idle reader connections would keep the journal mode from changing.
        workspace.database.releaseMemory()
        return try workspace.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            // Another process reading the workspace keeps it in WAL: then the import runs in WAL.
            let rollbackJournal = (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
            if rollbackJournal { try db.execute(sql: "PRAGMA synchronous = FULL") }
            defer {
                if rollbackJournal {
                    _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    try? db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
                try? db.execute(sql: "PRAGMA foreign_keys = ON")
            }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw ImportError.database(path: workspace.path, message: "the transaction returned nothing") }
            return result
        }
    }

    private static func unsettledDateOrder(_ path: String) -> ImportError {
        ImportError.malformed(
            SourceLocation(file: path),
            ImportText.cannotSettleTheDayMonthOrder.text())
    }

    private struct Redo: Error {}

    static func makeReport(_ pass: ImportPass, sha: String, dryRun: Bool) -> ImportReport {
        var report = ImportReport(
            file: pass.path, kind: pass.options.kind, format: pass.source.format, notes: pass.source.notes,
            mapping: pass.mapping, dateOrders: pass.dateOrderDecisions, sha256: sha, rowsRead: pass.rowsRead,
            rowsStored: dryRun ? 0 : pass.rowsStored,
            rowsRejected: pass.rowsRejected, problems: pass.problems, problemCount: pass.problemCount,
            preview: pass.preview, dryRun: dryRun, rejectsFile: nil, datasetID: nil, replacedDataset: false,
            unknownCustomers: nil)
        report.nonDataRows = pass.nonData
        if pass.stageStatus != nil {
            report.notes.append(
                ImportText.theDealStatusWonLostOpen.text())
        }
        return report
    }

    /// The start of a rejects file's header line, by which an earlier rejects file is recognised.
    package static let rejectsHeaderPrefix = "Строка / line;Причина / reason"

    /// The rejects file's path for `input`: `sales.csv` → `sales.rejects.csv`, in `folder`
    /// (by default the input's own).
    package static func rejectsPath(for input: String, in folder: String? = nil) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        let directory = folder.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        return directory.appendingPathComponent(base + ".rejects.csv").path
    }

    /// Appends one line of a rejects file to `bytes` (`;`, CRLF, as Excel reads it): the client's
    /// text neutralised against formulas, the numbers the tool wrote as they are.
    static func appendCSVLine(_ fields: [CSVField], to bytes: inout [UInt8]) {
        bytes.append(contentsOf: CSVFormat.excel.line(fields).utf8)
    }
}
