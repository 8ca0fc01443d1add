import Foundation

/// Where a command may write a file for the user (a report, an export, a configuration, a
/// rejects file…), decided before anything is written.
///
/// * The workspace, the files SQLite keeps beside it (`-wal`, `-shm`, `-journal`) and its
///   automatic backup (`.bak`) are never written over, not even with `--force`. The same file is
///   recognised however it is named — a symbolic or hard link, `./`, `..` — by device and inode,
///   or, for a companion SQLite has not created yet, by its resolved real path.
/// * An existing file is replaced only when crm-audit wrote it (``OutputSignature``), or with
///   `--force`. A folder, a block device or a socket is never written to.
/// * A terminal, `/dev/null` or a pipe (a character device or FIFO) is written to in place.
package struct OutputGuard: Sendable {
    /// The files that must never be written over, as given and as resolved.
    package let protectedFiles: [String]
    /// The workspace they belong to, for messages.
    package let workspace: String?
    /// Replace an existing file that crm-audit does not recognise as its own.
    package let force: Bool

    /// A guard protecting `workspace` (when given) and its companions.
    package init(workspace: String? = nil, force: Bool = false) {
        self.workspace = workspace
        self.force = force
        guard let workspace else {
            protectedFiles = []
            return
        }
        let resolved = FileIdentity.resolvedPath(workspace)
        var files = Self.companions(of: workspace)
        if resolved != workspace { files += Self.companions(of: resolved) }
        protectedFiles = files
    }

    /// The workspace file and the files beside it that belong to it.
    package static func companions(of workspace: String) -> [String] {
        ["", "-wal", "-shm", "-journal", ".bak"].map { workspace + $0 }
    }

    /// Where the output for `path` goes.
    package enum Target: Sendable, Equatable {
        /// A regular file (new or to be replaced) at this resolved path: written to a temporary
        /// file beside it and renamed over it.
        case file(String)
        /// A character device or FIFO (a terminal, `/dev/null`, a pipe): written in place.
        case stream(String)
    }

    /// Checks that `path` may be written.
    /// - Parameter expecting: how an earlier output of this command is recognised; nil when the
    ///   content is not known yet, which defers the decision on an unmarked existing file to the
    ///   write (an SQLite database and the workspace are refused at once).
    /// - Returns: where to write, with symbolic links resolved (the link itself stays).
    @discardableResult
    package func check(_ path: String, expecting: OutputSignature.Recognition? = nil) throws(OutputRefusal) -> Target {
        if let protected = protectedFiles.first(where: { FileIdentity.same(path, $0) }) {
            throw OutputRefusal.workspace(path: path, workspace: workspace ?? protected)
        }
        let target = FileIdentity.resolvedPath(path)
        var status = stat()
        guard stat(target, &status) == 0 else { return .file(target) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFCHR, S_IFIFO: return .stream(target)
        case S_IFDIR: throw OutputRefusal.folder(path: path)
        default: throw OutputRefusal.special(path: path)
        }
        guard !force else { return .file(target) }
        if Self.startsAsSQLite(target) { throw OutputRefusal.notOurs(path: path, database: true) }
        if let expecting, !OutputSignature.isOurs(target, recognition: expecting) {
            throw OutputRefusal.notOurs(path: path, database: false)
        }
        return .file(target)
    }

    private static func startsAsSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return OutputSignature.isSQLite((try? handle.read(upToCount: 16)) ?? Data())
    }
}

/// Why an output file was not written.
package enum OutputRefusal: AuditError, Equatable {
    /// The path is the workspace, one of its SQLite files or its backup.
    case workspace(path: String, workspace: String)
    /// The path is a folder.
    case folder(path: String)
    /// The path is a block device or a socket.
    case special(path: String)
    /// An existing file crm-audit did not write (an SQLite database, when `database`).
    case notOurs(path: String, database: Bool)

    package var location: SourceLocation? {
        switch self {
        case .workspace(let path, _), .folder(let path), .special(let path), .notOurs(let path, _):
            SourceLocation(file: path)
        }
    }

    package func message(in language: Language) -> String {
        switch self {
        case .workspace(let path, let workspace):
            ModelText.notWriteWorkspace.render(["path": .text(path), "workspace": .text(workspace)], in: language)
        case .folder(let path): ModelText.notWriteFolder.render(["path": .text(path)], in: language)
        case .special(let path): ModelText.notWriteSpecialFile.render(["path": .text(path)], in: language)
        case .notOurs(let path, true): ModelText.notReplaceDatabase.render(["path": .text(path)], in: language)
        case .notOurs(let path, false): ModelText.notReplaceForeignFile.render(["path": .text(path)], in: language)
        }
    }
}
