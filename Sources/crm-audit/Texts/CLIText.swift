import AuditModel

/// The command line's own texts, by key; the texts of each language are in `CLIText+ru.swift`
/// and `CLIText+en.swift` (docs/translating.md). Arguments are named (`{file}`), and plurals
/// follow each language's rules (`{count, plural, one {…} few {…} many {…} other {…}}`).
enum CLIText: String, TextCatalogue {
    // answers
    case answersFileNeeded
    case answersChooseNeedsQuestionAndRespondent
    case answersChosen
    case answersWorkbookWritten
    case answersExported
    case answersImported
    case answersNoSuchQuestion
    case answersNoneNamed
    case answersDisagree
    case answersCountsChosen
    case answersCountsLatest
    case answersChooseHint
    // lint
    case lintSummary
    case lintUnreadable
    case lintQuestionnaireNotFound
    // interview
    case interviewInterruptedAt
    case interviewInterrupted
    case interviewEndOfInput
    // other commands
    case recoverDone
    case recoverSaleColumns
    case recoverTableDamaged
    case recoverTable
    case recoverCheck
    case checkUnknownDisabled
    case checkUnconfirmed
    case checkDisagreements
    case checkCauses
    case sampleProfileExpected
    case sampleCountsPositive
    case sampleNoSuchProblem
    case sampleWrote
    case roundStarted
    case roundCarried
    case roundImportAfresh
    case roundMethod
    case demoReadiness
    case demoMaturity
    case demoConfiguration
    case demoReport
    case marketExpected
    case planMissing
    case initCreated
    case rulesUntested
    case rulesTally
    case reportWritten
    case reportListsWritten
    case reportListsNotRedacted
    case reportUnknownSection
    case compareRoundCount
    case importEncodingExpected
    case importDelimiterExpected
    case historyLegend
    case exportWrote
    case metricsAsOf
    case metricsHeadline
    case metricsSkippedWritten
    case metricsReading
    case metricsMatching
    case metricsAmbiguous
    // import
    case importDryRun
    case importHeader
    case importFormatNote
    case importHeaderRow
    case importNoHeaderRow
    case importMapping
    case importFromMappingFile
    case importNameIsKey
    case importDateOrder
    case importDateOrderForced
    case importDayFirst
    case importMonthFirst
    case importAssignment
    case importOrderStatus
    case importUnused
    case importMissingFields
    case importPreview
    case importProblems
    case importDryRunTally
    case importTally
    case importReplaced
    case importRejectsWritten
    case importUnknownCustomers
    case importMatchedBelow
    case importMatchedLater
    case importNamesNotCodes
    case importNotData
    case importNotDataExample
    case answersRoundOf
    case testOfRuleFailedExpectedGot
    case readinessForTheCrmProject
    case overallScoreLevelConfidence
    case levelCappedByBlockingFindings
    case confidence
    case findings
    case notEvaluableCollectWhatIsMissing
    case waivedUntil
    case comparisonWritten
    case giveAWorkspaceFileOrSales
    case customersManagersSheetMappingAndSkip
    case roundGoesWithAWorkspaceFile
    case round
    case date
    case score
    case level
    case notEval
    case toConfirm
    case notAssessed
    case area
    case r
    case overall
    case methodOfRound
    case roundOf
    case crmConfigurationItemsAndTheImplementation
    case overallWeightedByArea
    case industryThereIsNoRulesetFor
    case expectedADateYyyyMmDd
    case symptomsNoun
    case maturityColumns
    case countOfKind
    case sourceNeedsASalesTable
    case columnExpectsFieldEqualsColumn
    case connectNeedsASource
    case roundConnected
    case importTableNeeded
    case importSalesFromDatabase
    case importTableRead

    static func texts(in language: Language) -> [CLIText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}

/// A catalogue text for the command line, in the CLI's language.
func say(_ key: CLIText, _ arguments: [String: MessageArgument] = [:]) {
    say(key.text(arguments))
}
