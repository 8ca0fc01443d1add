import AuditModel

/// The module's texts by key; the texts of each language are in `WorkspaceText+ru.swift` and
/// `WorkspaceText+en.swift` (docs/translating.md): arguments are named (`{file}`), a literal
/// brace is written `'{'`.
enum WorkspaceText: String, TextCatalogue {
    case theScoreOfArea
    case theFindingOfRuleAnEmpty
    case theWorkspaceWasReadableByOther
    case warningTheWorkspaceIsReadableBy
    case theWorkspaceIsReadOnlyMode
    case theFolderIsNotWritableAnd
    case theWorkspaceIsOnAFile
    case permissionDeniedReadingTheWorkspaceOr
    case theDiskHoldingTheWorkspaceIs
    case isAFolderNotAWorkspace
    case theWorkspaceIsLockedByAnother
    case cannotMakeTheBackupOfThe
    case inputOutputErrorOnTheWorkspace
    case theWorkspaceIsDamagedSqlite
    case toRecover
    case theLastGoodCopyIsThe
    case thereIsNoAutomaticBackupBak
    case orSalvageEverythingSqliteCanStill
    case sqlite3RecoverSqlite3RecoveredCrmauditDoes
    case detailsDocsRecoveryMd
    case storedValueOfWrongType
    case cannotStoreResult
    case workspaceExists
    case workspaceNotFound
    case notAWorkspace
    case newerWorkspace
    case noSuchRound
    case noRounds
    case roundDateBeforePrevious
    case respondentDidNotAnswer
    case noRespondentAnswered
    case databaseError

    static func texts(in language: Language) -> [WorkspaceText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
