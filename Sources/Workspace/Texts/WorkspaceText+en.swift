import AuditModel

extension WorkspaceText {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [WorkspaceText: String] = [
        .theScoreOfArea: "the score of area '{area}' ({value})",
        .theFindingOfRuleAnEmpty: "the finding of rule {ruleID} (an empty document)",
        .theWorkspaceWasReadableByOther:
            "The workspace {path} was readable by other users (mode {old}); its mode is now 0600: it holds personal data.",
        .warningTheWorkspaceIsReadableBy:
            "Warning: the workspace {path} is readable by other users (mode {old}) and its mode could not be changed; it holds personal data: chmod 600 {path}",
        .theWorkspaceIsReadOnlyMode:
            "the workspace {path} is read-only (mode {mode}); crm-audit needs to write to it (SQLite keeps its journal in it too). Make it writable: chmod 600 {path}",
        .theFolderIsNotWritableAnd:
            "the folder {folder} is not writable, and SQLite keeps its journal beside the workspace {path}. Make the folder writable, or copy the workspace to a writable folder",
        .theWorkspaceIsOnAFile:
            "the workspace {path} is on a file system mounted read-only (a disc, a locked drive or an image); copy it to a writable disk",
        .permissionDeniedReadingTheWorkspaceOr:
            "permission denied reading the workspace {path} (or a folder on its path); it belongs to another user or its permissions were removed. Work as its owner, or restore them: chmod 600 {path}",
        .theDiskHoldingTheWorkspaceIs:
            "the disk holding the workspace {path} is full (or the quota is used up); the last change was rolled back and the file is intact. Free some space and run the command again",
        .isAFolderNotAWorkspace: "{path} is a folder, not a workspace file; give the .crmaudit file",
        .theWorkspaceIsLockedByAnother:
            "the workspace {path} is locked by another program (an import running, or sqlite3 holding it); wait for it to finish and run the command again",
        .cannotMakeTheBackupOfThe:
            "cannot make the backup {backup} of the workspace {path}: {reason}. Nothing was written to the workspace; free some space or make the folder writable, and run the command again",
        .inputOutputErrorOnTheWorkspace:
            "input/output error on the workspace {path}: {detail}. Check the disk; if the file is damaged, see docs/recovery.md",
        .theWorkspaceIsDamagedSqlite: "the workspace {path} is damaged; SQLite's quick check reports: {shown}. The file was not changed.",
        .toRecover: "To recover:",
        .theLastGoodCopyIsThe:
            "  1. The last good copy is the automatic backup {path} (made {madeAt}): keep the damaged file and restore the copy: mv {path2} {path2}.damaged && cp {path} {path2}",
        .thereIsNoAutomaticBackupBak:
            "  1. There is no automatic backup {path}.bak; restore the file from your own backup if you have one.",
        .orSalvageEverythingSqliteCanStill:
            "  2. Or salvage everything SQLite can still read into a new workspace: crm-audit recover {path} --out recovered.crmaudit — then check it: crm-audit history recovered.crmaudit",
        .sqlite3RecoverSqlite3RecoveredCrmauditDoes:
            "     (sqlite3 {path} \".recover\" | sqlite3 recovered.crmaudit does the same where sqlite3 is built with .recover; Debian 12's is not)",
        .detailsDocsRecoveryMd: "Details: docs/recovery.md",
        .storedValueOfWrongType:
            "the workspace's table {table}, column {column}, holds '{value}', a value of the wrong type; the file was edited by hand or is damaged. Restore it from the last good copy, or fix the value (sqlite3)",
        .cannotStoreResult:
            "cannot store {what}: a value is not a finite number; nothing was stored and the round is as it was. Check the rules (crm-audit lint) and the round's data",
        .workspaceExists: "the workspace {path} already exists; choose another name, or use it with the other commands",
        .workspaceNotFound: "the workspace {path} does not exist; create it with `crm-audit init {path} --client NAME`",
        .notAWorkspace: "{path} is not a crm-audit workspace (not an SQLite database, or one of another program)",
        .newerWorkspace: "{path} was written by a newer crm-audit (unknown schema changes: {migrations}); upgrade crm-audit",
        .noSuchRound: "{path} has no audit round #{number}",
        .noRounds: "{path} has no audit round",
        .roundDateBeforePrevious:
            "the new round's date {date} is earlier than the latest round's date {previous}; pass a --date on or after {previous}",
        .respondentDidNotAnswer: "'{respondent}' did not answer '{question}'; it was answered by: {known}",
        .noRespondentAnswered: "'{respondent}' did not answer '{question}'; no named respondent answered it",
        .databaseError: "database error in {path}: {message}",
    ]
}
