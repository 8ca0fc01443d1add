import AuditModel
import Foundation
import GRDB

/// What ``Workspace/recover(from:to:guard:)`` salvaged, table by table.
package struct RecoveryReport: Sendable {
    /// One table of the damaged workspace.
    package struct Table: Sendable, Equatable {
        package var name: String
        /// Rows copied into the new workspace.
        package var rows: Int
        /// Whether reading it hit damage (some of its rows may be lost).
        package var damaged: Bool
    }

    /// Every table, in the order of the damaged file's schema.
    package var tables: [Table]
    /// The recovered workspace.
    package var path: String
}

/// Salvaging a damaged workspace without the `sqlite3` shell: the Debian 12 `sqlite3` (3.40)
/// lacks the `sqlite_dbpage` table that its `.recover` needs, and `.dump` ends a damaged file's
/// script with a ROLLBACK.
extension Workspace {
    /// Copies every row SQLite can still read from the workspace at `damaged` into a new
    /// workspace at `target`, with the same schema, ids and migrations.
    ///
    /// Each table is read forwards until the damage, then backwards from its end to the damage,
    /// as the `sqlite3` shell's `.dump` does: only the rows on damaged pages are lost. The
    /// compact copy of the sales (`sale_columns`) is not carried over — it is derived from the
    /// rows, which the analytics then reads instead, with the same results. The new file is
    /// written beside `target` (mode 0600) and renamed into place once SQLite's quick check
    /// passes on it.
    /// - Throws: ``WorkspaceFileError/damaged(path:problems:backup:)`` when not even the list of
    ///   tables can be read; ``OutputRefusal`` for a `target` that `outputGuard` refuses.
    package static func recover(from damaged: String, to target: String, guard outputGuard: OutputGuard) throws -> RecoveryReport {
        // Only read: a damaged workspace on a read-only disk can be recovered too.
        _ = try WorkspaceFileChecks.checkReadable(damaged)
        guard case .file(let resolved) = try outputGuard.check(target) else { throw OutputRefusal.special(path: target) }
        let folder = FileIdentity.parent(of: resolved)
        let temporary = "\(folder)/.\(FileIdentity.lastComponent(of: resolved)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        if let code = WorkspaceFileChecks.createPrivateFile(temporary) {
            throw PrivateFile.WriteError(path: target, reason: String(cString: strerror(code)))
        }
        var keepTemporary = false
        defer {
            if !keepTemporary {
                for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            }
        }
        var configuration = Configuration()
        configuration.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: damaged, configuration: configuration)
        } catch let error as DatabaseError {
            throw WorkspaceFileChecks.fileError(for: error, path: damaged, backup: backupDescription(of: damaged)) ?? error
        }
        let tables: [RecoveryReport.Table]
        let problems: [String]
        do {
            let copy = try DatabaseQueue(path: temporary)
            tables = try copyEverything(from: source, to: copy, damaged: damaged)
            try source.close()
            try copy.close()
            problems = try DatabaseQueue(path: temporary).read(WorkspaceFileChecks.quickCheckProblems)
        } catch let error as DatabaseError {
            // Reading the damaged file is handled table by table: what fails here is the new file.
            throw WorkspaceFileChecks.fileError(for: error, path: target, backup: nil) ?? error
        }
        guard problems.isEmpty else { throw WorkspaceFileError.damaged(path: target, problems: problems, backup: nil) }
        if let code = WorkspaceFileChecks.flushToDisk(temporary) {
            throw PrivateFile.WriteError(path: target, reason: String(cString: strerror(code)))
        }
        guard rename(temporary, resolved) == 0 else {
            throw PrivateFile.WriteError(path: target, reason: String(cString: strerror(errno)))
        }
        keepTemporary = true
        return RecoveryReport(tables: tables, path: target)
    }

    private struct SchemaEntry {
        var type: String
        var name: String
        var sql: String
    }

    private static func copyEverything(from source: DatabaseQueue, to copy: DatabaseQueue, damaged: String) throws -> [RecoveryReport.Table]
    {
        let (entries, applicationID, userVersion) = try source.read { db -> ([SchemaEntry], Int32, Int32) in
            do {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
                // Read as optionals: in a damaged file even the schema's text may be missing.
                let entries = rows.compactMap { row -> SchemaEntry? in
                    guard let type = row["type"] as String?, let name = row["name"] as String?, let sql = row["sql"] as String? else {
                        return nil
                    }
                    return SchemaEntry(type: type, name: name, sql: sql)
                }
                return (
                    entries, try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                )
            } catch let error as DatabaseError {
                throw WorkspaceFileError.damaged(
                    path: damaged, problems: [error.message ?? "\(error.resultCode)"], backup: backupDescription(of: damaged))
            }
        }
        try copy.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = \(userVersion)")
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
        }
        var tables: [RecoveryReport.Table] = []
        for entry in entries where entry.type == "table" {
            guard createSchemaObject(entry.sql, in: copy) else {
                tables.append(RecoveryReport.Table(name: entry.name, rows: 0, damaged: true))
                continue
            }
            // Derived from the rows; the analytics reads the rows when it is missing.
            if entry.name == "sale_columns" {
                tables.append(RecoveryReport.Table(name: entry.name, rows: 0, damaged: false))
                continue
            }
            tables.append(try copyRows(of: entry.name, from: source, to: copy))
        }
        // Indexes and triggers last: the rows go in without them, and a trigger must not fire on the copy.
        for entry in entries where entry.type == "index" || entry.type == "trigger" || entry.type == "view" {
            _ = createSchemaObject(entry.sql, in: copy)
        }
        return tables
    }

    /// Runs one schema statement read from the damaged file — a single `CREATE`, never anything
    /// else the file might hold — and says whether it worked.
    private static func createSchemaObject(_ sql: String, in copy: DatabaseQueue) -> Bool {
        guard sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().hasPrefix("CREATE ") else { return false }
        do {
            try copy.write { db in try db.makeStatement(sql: sql).execute() }
            return true
        } catch {
            return false
        }
    }

    /// Copies the readable rows of `table`: forwards by rowid until an error, then backwards
    /// from the last row down to the last one copied.
    private static func copyRows(of table: String, from source: DatabaseQueue, to copy: DatabaseQueue) throws -> RecoveryReport.Table {
        let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let columns: [String]
        do {
            columns = try source.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted))").compactMap { $0["name"] as String? }
            }
        } catch {
            return RecoveryReport.Table(name: table, rows: 0, damaged: true)
        }
        let names = columns.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let select = "SELECT rowid, \(names.joined(separator: ", ")) FROM \(quoted)"
        let insert =
            "INSERT OR IGNORE INTO \(quoted)(rowid, \(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count + 1).joined(separator: ", ")))"
        var copied = 0
        var damaged = false
        var lastForward: Int64?
        try copy.inTransaction { target in
            let statement = try target.makeStatement(sql: insert)
            // An error writing the copy (a full disk) stops the recovery; one reading the damaged
            // file only ends this direction of the scan.
            var writeError: (any Error)?
            func copyRows(_ sql: String, _ arguments: StatementArguments, remember: Bool) -> Bool {
                do {
                    try source.read { db in
                        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                        while let row = try cursor.next() {
                            do {
                                try statement.execute(arguments: StatementArguments(row.databaseValues))
                            } catch {
                                writeError = error
                                throw error
                            }
                            copied += target.changesCount
                            if remember, let rowID = row[0] as Int64? { lastForward = rowID }
                        }
                    }
                    return true
                } catch {
                    return false
                }
            }
            if !copyRows(select + " ORDER BY rowid", [], remember: true), writeError == nil {
                damaged = true
                let after = lastForward ?? Int64.min
                _ = copyRows(select + " WHERE rowid > ? ORDER BY rowid DESC", [after], remember: false)
            }
            if let writeError { throw writeError }
            return .commit
        }
        return RecoveryReport.Table(name: table, rows: copied, damaged: damaged)
    }
}
