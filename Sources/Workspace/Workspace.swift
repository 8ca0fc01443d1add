import AuditModel
import Foundation
import GRDB

/// One client engagement's SQLite file: the engagement, its audit rounds, their answers,
/// imported data, metrics, findings and scores.
///
/// Created with mode 0600 (it holds the personal data of the client's customers), in WAL mode
/// with a busy timeout, and migrated by named, versioned migrations.
public final class Workspace: AnswerStore {
    /// The file's path as the user gave it (used in messages).
    public let path: String
    /// The database connection pool. Engines in this package read and write through it.
    package let database: DatabasePool
    /// What opening the workspace changed or found that the user should be told once (a mode
    /// set back to 0600), in both languages; the CLI prints them on standard error.
    package let openingNotes: [LocalizedText]
    /// Passed once the day's automatic backup is settled (see Workspace+Backup).
    let firstWrite: OnceGate

    private init(path: String, database: DatabasePool, notes: [LocalizedText] = [], backupSettled: Bool = false) {
        self.path = path
        self.database = database
        openingNotes = notes
        firstWrite = OnceGate(done: backupSettled)
    }

    /// Creates a new workspace for `client` with its first round dated `roundDate`.
    public static func create(
        at path: String, client: String, industry: String? = nil, consultant: String? = nil, roundDate: Day
    ) throws -> Workspace {
        if FileManager.default.fileExists(atPath: path) { throw WorkspaceError.alreadyExists(path: path) }
        do {
            try PrivateFile.createEmpty(at: path)
        } catch {
            throw error
        }
        do {
            try setPageSize(path)
            // Nothing to back up yet: the file did not exist before this process.
            let workspace = try Workspace(path: path, database: connect(path), backupSettled: true)
            try Schema.migrator.migrate(workspace.database)
            try workspace.database.write { db in
                try db.execute(
                    sql: "INSERT INTO engagement(id, client, industry, consultant, created_at) VALUES (1, ?, ?, ?, ?)",
                    arguments: [client, industry, consultant, Timestamp.now()])
                try db.execute(
                    sql: "INSERT INTO round(number, date, status, created_at) VALUES (1, ?, 'open', ?)",
                    arguments: [roundDate.iso, Timestamp.now()])
            }
            return workspace
        } catch let error as WorkspaceError {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw WorkspaceFileChecks.fileError(for: error, path: path, backup: nil)
                ?? WorkspaceError.database(path: path, message: "\(error)")
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw WorkspaceError.database(path: path, message: "\(error)")
        }
    }

    /// Opens an existing workspace, checks it with SQLite's quick check, and migrates it to this
    /// version's schema (after the day's backup, when a migration is due).
    ///
    /// - Throws: ``WorkspaceError/notFound(path:)``, ``WorkspaceError/notAWorkspace(path:)`` for
    ///   any other file, ``WorkspaceError/newerVersion(path:unknownMigrations:)`` for a workspace
    ///   written by a newer crm-audit; ``WorkspaceFileError`` for a file that is read-only,
    ///   unreadable, damaged (with how to recover) or on a full disk.
    package static func open(at path: String) throws -> Workspace {
        let mode = try WorkspaceFileChecks.checkBeforeOpening(path)
        let fileError = { (error: DatabaseError) -> any Error in
            WorkspaceFileChecks.fileError(for: error, path: path, backup: backupDescription(of: path))
                ?? WorkspaceError.notAWorkspace(path: path)
        }
        // The checks read through a read-only connection before the pool opens: opening a pool
        // writes (GRDB creates and drops a table so that the WAL file exists), and a damaged file
        // must be left exactly as it is.
        let migrationDue: Bool
        do {
            migrationDue = try inspect(path)
        } catch let error as any AuditError {
            throw error
        } catch let error as DatabaseError {
            throw fileError(error)
        } catch {
            throw WorkspaceError.notAWorkspace(path: path)
        }
        // Only a workspace is made private: another program's file is left as it is.
        let notes = [WorkspaceFileChecks.tightenMode(path, mode: mode)].compactMap { $0 }
        let pool: DatabasePool
        do {
            pool = try connect(path)
        } catch let error as DatabaseError {
            throw fileError(error)
        } catch {
            throw WorkspaceError.notAWorkspace(path: path)
        }
        let workspace = Workspace(path: path, database: pool, notes: notes)
        if migrationDue {
            do {
                try workspace.backUpBeforeFirstWrite()
                try Schema.migrator.migrate(pool)
            } catch let error as any AuditError {
                throw error
            } catch let error as DatabaseError {
                throw fileError(error)
            }
        }
        return workspace
    }

    /// Bytes per database page of a new workspace, fixed when the file is created (before WAL is
    /// turned on). 16 KB rather than SQLite's 4 KB: a million sale lines and their columnar copy
    /// take a quarter as many pages to write, link and read (`metrics` 12% faster, measured).
    static let pageSize = 16_384

    private static func setPageSize(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "VACUUM")
        }
        try queue.close()
    }

    /// Checks, on a read-only connection, that `path` is a crm-audit workspace of a known
    /// version and sound by SQLite's quick check; returns whether a migration is due.
    private static func inspect(_ path: String) throws -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Workspace.readerMapSize)") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            guard applicationID == Schema.applicationID else { throw WorkspaceError.notAWorkspace(path: path) }
            let problems = try WorkspaceFileChecks.quickCheckProblems(db)
            guard problems.isEmpty else {
                throw WorkspaceFileError.damaged(path: path, problems: problems, backup: backupDescription(of: path))
            }
            let known = Set(Schema.migrator.migrations)
            let applied = try Schema.migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(known)
            guard unknown.isEmpty else {
                throw WorkspaceError.newerVersion(path: path, unknownMigrations: unknown.sorted())
            }
            return try !Schema.migrator.hasCompletedMigrations(db)
        }
    }

    /// At most this many problems are listed by the quick check on open (the first ones name the
    /// damage; the check costs the same however many there are).
    static let quickCheckLimit = 10

    /// At most this many bytes of a workspace are mapped by a reading connection.
    static let readerMapSize = 1 << 30

    private static func connect(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // Readers map the file instead of copying its pages through read calls: reading the
        // columnar copy of a million sale lines takes 0.05 s instead of 0.17 s, and a third of the
        // system time (measured). Writers keep SQLite's default.
        configuration.prepareDatabase { db in
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(Workspace.readerMapSize)") }
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    /// Runs `body` in one write transaction; a thrown error rolls everything back. The day's
    /// backup is made first when it is due.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        try backUpBeforeFirstWrite()
        return try mappingFileErrors { try database.write(body) }
    }

    /// Runs `body` on the writer connection outside a transaction (the import manages its own),
    /// after the day's backup when it is due.
    package func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try backUpBeforeFirstWrite()
        return try mappingFileErrors { try database.writeWithoutTransaction(body) }
    }

    /// Turns SQLite's errors about the file (disk full, read-only, damaged…) into messages that
    /// say so; other errors pass unchanged.
    package func mappingFileErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if let fileError = WorkspaceFileChecks.fileError(for: error, path: path, backup: Self.backupDescription(of: path)) {
                throw fileError
            }
            throw error
        }
    }

    /// Runs `body` on a read-only snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }
}

// MARK: - Engagement and rounds

extension Workspace {
    package func engagement() throws -> Engagement {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM engagement WHERE id = 1") else {
                throw WorkspaceError.notAWorkspace(path: path)
            }
            return Engagement(
                client: row["client"], industry: row["industry"], consultant: row["consultant"],
                createdAt: row["created_at"])
        }
    }

    /// Updates the engagement's descriptive fields that are given.
    package func updateEngagement(industry: String? = nil, consultant: String? = nil) throws {
        try write { db in
            if let industry { try db.execute(sql: "UPDATE engagement SET industry = ? WHERE id = 1", arguments: [industry]) }
            if let consultant { try db.execute(sql: "UPDATE engagement SET consultant = ? WHERE id = 1", arguments: [consultant]) }
        }
    }

    /// Every round, oldest first.
    package func rounds() throws -> [AuditRound] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM round ORDER BY number").map(Workspace.round(from:)) }
    }

    /// The round numbered `number`, or the latest round when nil.
    public func round(number: Int? = nil) throws -> AuditRound {
        let row = try read { db in
            if let number {
                return try Row.fetchOne(db, sql: "SELECT * FROM round WHERE number = ?", arguments: [number])
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM round ORDER BY number DESC LIMIT 1")
        }
        guard let row else { throw WorkspaceError.noRound(path: path, number: number) }
        return Workspace.round(from: row)
    }

    /// Records which questionnaire and rulesets a round was assessed with.
    package func recordMethod(round: AuditRound, questionnaireID: String?, questionnaireVersion: String?, rulesets: String?) throws {
        try write { db in
            try db.execute(
                sql:
                    "UPDATE round SET questionnaire_id = COALESCE(?, questionnaire_id), questionnaire_version = COALESCE(?, questionnaire_version), rulesets = COALESCE(?, rulesets) WHERE id = ?",
                arguments: [questionnaireID, questionnaireVersion, rulesets, round.id])
        }
    }

    static func round(from row: Row) -> AuditRound {
        let dateText: String = row["date"]
        return AuditRound(
            id: row["id"], number: row["number"], date: Day(iso: dateText) ?? Day(ordinal: 0),
            status: AuditRound.Status(rawValue: row["status"]) ?? .open,
            questionnaireID: row["questionnaire_id"], questionnaireVersion: row["questionnaire_version"],
            rulesets: row["rulesets"])
    }
}
