import AuditModel

/// What is wrong with a workspace *file* — as opposed to its content — said plainly, with what
/// to do: a read-only file or folder, a full disk, a permission, a damaged file.
package enum WorkspaceFileError: AuditError, Equatable {
    /// Why a workspace cannot be written to.
    package enum ReadOnlyReason: Sendable, Equatable {
        /// The file's mode does not let its user write it (mode given in octal, e.g. 0400).
        case fileMode(String)
        /// The folder holding it is not writable (SQLite keeps its journal files beside the workspace).
        case folder(String)
        /// The file system is mounted read-only.
        case fileSystem
    }

    /// The workspace cannot be written to.
    case readOnly(path: String, reason: ReadOnlyReason)
    /// The workspace (or the folder leading to it) cannot be read by this user.
    case permissionDenied(path: String)
    /// The disk (or the user's quota) is full.
    case diskFull(path: String)
    /// The path is a folder.
    case folder(path: String)
    /// Another program holds a lock on the workspace for longer than the wait.
    case busy(path: String)
    /// SQLite's quick check (or a read) found the file damaged. `problems` are the first lines
    /// SQLite reported; `backup` describes the automatic backup when there is one.
    case damaged(path: String, problems: [String], backup: BackupDescription?)
    /// The automatic backup could not be made; nothing was written to the workspace.
    case backupFailed(path: String, backup: String, reason: String)
    /// Any other input/output error of the operating system.
    case inputOutput(path: String, detail: String)

    /// The automatic backup of a workspace, as a recovery message names it.
    package struct BackupDescription: Sendable, Equatable {
        /// Its path (`WS.bak`).
        package var path: String
        /// When it was made, local time `YYYY-MM-DD HH:MM`.
        package var madeAt: String
    }

    package var location: SourceLocation? {
        switch self {
        case .readOnly(let path, _), .permissionDenied(let path), .diskFull(let path), .folder(let path), .busy(let path),
            .damaged(let path, _, _), .backupFailed(let path, _, _), .inputOutput(let path, _):
            SourceLocation(file: path)
        }
    }

    package func message(in language: Language) -> String {
        switch self {
        case .readOnly(let path, .fileMode(let mode)):
            return WorkspaceText.theWorkspaceIsReadOnlyMode.text(["path": .value(path), "mode": .value(mode)])[language]
        case .readOnly(let path, .folder(let folder)):
            return WorkspaceText.theFolderIsNotWritableAnd.text(["folder": .value(folder), "path": .value(path)])[language]
        case .readOnly(let path, .fileSystem):
            return WorkspaceText.theWorkspaceIsOnAFile.text(["path": .value(path)])[language]
        case .permissionDenied(let path):
            return WorkspaceText.permissionDeniedReadingTheWorkspaceOr.text(["path": .value(path)])[language]
        case .diskFull(let path):
            return WorkspaceText.theDiskHoldingTheWorkspaceIs.text(["path": .value(path)])[language]
        case .folder(let path):
            return WorkspaceText.isAFolderNotAWorkspace.text(["path": .value(path)])[language]
        case .busy(let path):
            return WorkspaceText.theWorkspaceIsLockedByAnother.text(["path": .value(path)])[language]
        case .damaged(let path, let problems, let backup):
            return Self.damageMessage(path: path, problems: problems, backup: backup, language: language)
        case .backupFailed(let path, let backup, let reason):
            return WorkspaceText.cannotMakeTheBackupOfThe.text(["backup": .value(backup), "path": .value(path), "reason": .value(reason)])[
                language]
        case .inputOutput(let path, let detail):
            return WorkspaceText.inputOutputErrorOnTheWorkspace.text(["path": .value(path), "detail": .value(detail)])[
                language]
        }
    }

    private static func damageMessage(path: String, problems: [String], backup: BackupDescription?, language: Language) -> String {
        let shown = problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "")
        var lines: [String] = []
        lines.append(
            WorkspaceText.theWorkspaceIsDamagedSqlite.text(["path": .value(path), "shown": .value(shown)])[language])
        lines.append(WorkspaceText.toRecover.text()[language])
        if let backup {
            lines.append(
                WorkspaceText.theLastGoodCopyIsThe.text([
                    "path": .value(backup.path), "madeAt": .value(backup.madeAt), "path2": .value(path),
                ])[language])
        } else {
            lines.append(
                WorkspaceText.thereIsNoAutomaticBackupBak.text(["path": .value(path)])[language])
        }
        lines.append(
            WorkspaceText.orSalvageEverythingSqliteCanStill.text(["path": .value(path)])[language])
        lines.append(
            WorkspaceText.sqlite3RecoverSqlite3RecoveredCrmauditDoes.text(["path": .value(path)])[language])
        lines.append(WorkspaceText.detailsDocsRecoveryMd.text()[language])
        return lines.joined(separator: "\n")
    }
}
