import AuditModel
import Foundation
import GRDB

/// The checks on a workspace file before SQLite opens it, and the mapping of SQLite's errors
/// about the file to messages that say what is really wrong.
enum WorkspaceFileChecks {
    /// Refuses a path that is missing, a folder, unreadable, not an SQLite file or not writable;
    /// returns the file's permission bits.
    static func checkBeforeOpening(_ path: String) throws -> mode_t {
        let mode = try checkReadable(path)
        if let reason = readOnlyReason(path) { throw WorkspaceFileError.readOnly(path: path, reason: reason) }
        return mode
    }

    /// Refuses a path that is missing, a folder, unreadable or not an SQLite file; returns the
    /// file's permission bits.
    static func checkReadable(_ path: String) throws -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw WorkspaceError.notFound(path: path)
            case EACCES: throw WorkspaceFileError.permissionDenied(path: path)
            default: throw WorkspaceFileError.inputOutput(path: path, detail: String(cString: strerror(errno)))
            }
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw WorkspaceFileError.folder(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == EACCES || errno == EPERM { throw WorkspaceFileError.permissionDenied(path: path) }
            throw WorkspaceFileError.inputOutput(path: path, detail: String(cString: strerror(errno)))
        }
        var header = [UInt8](repeating: 0, count: 16)
        let count = read(descriptor, &header, 16)
        close(descriptor)
        guard count == 16, OutputSignature.isSQLite(Data(header)) else { throw WorkspaceError.notAWorkspace(path: path) }
        return status.st_mode & 0o7777
    }

    /// Why the workspace cannot be written, or nil when it can: its mode, its folder (where SQLite
    /// creates `-wal`, `-shm` and `-journal`), or a read-only file system.
    static func readOnlyReason(_ path: String) -> WorkspaceFileError.ReadOnlyReason? {
        if access(path, W_OK) != 0 {
            return errno == EROFS ? .fileSystem : .fileMode(modeText(path))
        }
        let folder = FileIdentity.parent(of: FileIdentity.resolvedPath(path))
        if access(folder, W_OK) != 0 {
            return errno == EROFS ? .fileSystem : .folder(folder)
        }
        return nil
    }

    /// The file's permission bits in octal, `0644`.
    static func modeText(_ path: String) -> String {
        "0" + String(modeBits(path) ?? 0, radix: 8)
    }

    /// The file's permission bits, nil when it does not exist.
    static func modeBits(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o777 : nil
    }

    /// Sets a workspace readable by others back to 0600 (it holds personal data); returns the
    /// note the user is told, once (the next open finds it 0600).
    static func tightenMode(_ path: String, mode: mode_t) -> LocalizedText? {
        // The backup holds the same personal data: kept private quietly.
        let backup = Workspace.backupPath(of: path)
        if let backupMode = modeBits(backup), backupMode & 0o077 != 0 { chmod(backup, 0o600) }
        guard mode & 0o077 != 0 else { return nil }
        let old = "0" + String(mode & 0o777, radix: 8)
        if chmod(path, 0o600) == 0 {
            return WorkspaceText.theWorkspaceWasReadableByOther.text(["path": .value(path), "old": .value(old)])
        }
        return WorkspaceText.warningTheWorkspaceIsReadableBy.text(["path": .value(path), "old": .value(old)])
    }

    /// Creates an empty file of mode 0600, failing if it exists; returns `errno` on failure.
    static func createPrivateFile(_ path: String) -> Int32? {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return errno }
        fchmod(descriptor, 0o600)
        close(descriptor)
        return nil
    }

    /// Flushes a written file to the disk; returns `errno` on failure.
    static func flushToDisk(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : errno
    }

    /// SQLite's verdict on the file's structure: every page, every b-tree, every record's format
    /// and NOT NULL constraint (not index contents). Empty when the file is sound.
    ///
    /// Why on every open: a damaged file otherwise gives silently different metrics, and an import
    /// would write into it. Why `quick_check` and not `integrity_check`: measured on a workspace
    /// of 1,000,000 sale lines and 50,000 customers (260 MB, 16 KB pages), quick_check takes
    /// 0.38–0.41 s of CPU (1.3–1.5 s wall on this 2-core machine at load 15), about the cost of
    /// reading every page once, and `crm-audit history` on that file 0.5 s of CPU in all;
    /// integrity_check, which also matches every index against its table, 3.1 s wall.
    /// What neither sees: bytes changed inside a record's values (64 bytes inverted at the exact
    /// middle of that file, inside a sale page's cells: both say "ok"). See docs/recovery.md.
    static func quickCheckProblems(_ db: Database) throws -> [String] {
        let lines = try String.fetchAll(db, sql: "PRAGMA quick_check(\(Workspace.quickCheckLimit))")
        return lines == ["ok"] ? [] : lines
    }

    /// The workspace error that says what a database error really means about the file, or nil
    /// for errors about the content (constraints, SQL) that the caller handles.
    static func fileError(for error: DatabaseError, path: String, backup: WorkspaceFileError.BackupDescription?) -> (any AuditError)? {
        fileError(code: error.extendedResultCode.rawValue, message: error.message, path: path, backup: backup)
    }

    /// The same for an SQLite result code (primary or extended) and its message.
    static func fileError(code: Int32, message: String?, path: String, backup: WorkspaceFileError.BackupDescription?) -> (any AuditError)? {
        let detail = message ?? "SQLite error \(code)"
        switch ResultCode(rawValue: code).primaryResultCode {
        case .SQLITE_FULL:
            return WorkspaceFileError.diskFull(path: path)
        case .SQLITE_READONLY:
            return WorkspaceFileError.readOnly(path: path, reason: readOnlyReason(path) ?? .fileMode(modeText(path)))
        case .SQLITE_PERM, .SQLITE_AUTH:
            return WorkspaceFileError.permissionDenied(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return WorkspaceFileError.busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return WorkspaceFileError.damaged(path: path, problems: [detail], backup: backup)
        case .SQLITE_CANTOPEN:
            if let reason = readOnlyReason(path) { return WorkspaceFileError.readOnly(path: path, reason: reason) }
            return WorkspaceFileError.inputOutput(path: path, detail: detail)
        case .SQLITE_IOERR:
            if errno == ENOSPC || errno == EDQUOT { return WorkspaceFileError.diskFull(path: path) }
            return WorkspaceFileError.inputOutput(path: path, detail: detail)
        default:
            return nil
        }
    }
}
