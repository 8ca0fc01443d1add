import AuditModel

/// Every fixed text of the report, in each language. A test checks that none is empty and that
/// the Russian variant is in Russian.
enum ReportText: String, TextCatalogue {
    case kicker, title, client, roundDate, round, consultant, industry, generated, confidential
    case summaryTitle, verdictScore, verdictLevel, verdictConfidence, blockedBy, topRisks, firstActions
    case noRisks, moneyAtStake, areasTitle, areasLead, confidence, notAssessed, notEnoughEvidence, answersPart, rulesPart
    case findingsTitle, findingsLead, matrixCaption, impact, effort, quickWins, bigBets, fillIns, thankless
    case evidence, expected, observed, records, recordsAll, recordsInList, pointsLost, notEvaluableTitle, notEvaluableLead, missing
    case waivedTitle, waivedBy, waivedUntil, notApplicableTitle, okTitle, okOthers, okWithoutStrength
    case insightsTitle, revenueByMonth, revenueByMonthLead, paretoTitle, paretoLead, customersShare, revenueShare
    case abcTitle, abcLead, abcClass, items, count, revenue, share, rfmTitle, rfmLead, segment, customers, revenueLast12m
    case managersTitle, managersLead, manager, orders, margin, lastSale, idle, cohortsTitle, cohortsLead, cohort, monthsSince
    case portraitTitle, portraitLead, field, value, overIndex, typicalCustomer
    case qualityTitle, qualityLead, fillRate, filled, valid, duplicatesTitle, duplicateKeys, orphanSales, invalidContacts
    case configurationTitle, configurationLead, reasons, baseline, target
    case roadmapTitle, roadmapLead, now, within3, within6
    case progressLead
    case appendixTitle, answersTitle, question, answer, note, methodTitle, methodText, metricsTitle, metricDefinition
    case sourcesTitle, file, kind, rows, rejected, checksum, importedAt, questionnaire, rulesets, unconfirmed
    case provisional, severity, status, area, score, level, noData, kpiRevenue, kpiCustomers, kpiOrders, kpiAOV, kpiMargin
    case headlinePeriod, vsPrevious, noComparison, partialMonth, partialMonthMark, customersTitle, customersLead, definition
    case activePrevious, retained, lost, newCustomers, reactivated, activeNow, lostNote, retentionVsCohorts, period, unit
    case stage
    case weeks
    case owner
    case costOfTheWork
    case whichCrmFits
    case pricesAreListPricesAsOf
    case userAMonth
    case against
    case notOnTheList
    case whatItCostsAndWhatIt
    case firstYearCost
    case valueAYearGrossMargin
    case item
    case amount
    case paybackToMonths
    case assumption
    case firstPurchaseMonth
    case ofTheMonthsBuyersBringShare
    case stagesInDependencyOrderNoneStarts
    case personDays
    case forUsersPricesAreTheVendors
    case noPlatformOfTheCatalogueMeets
    case perUserAMonthAYear
    case against2
    case strengths
    case limits
    case paybackToMonthsFromTheBest
    case besidesTheProjectGuardsAgainstLosses
    case notCounted
    case phone
    case worthOverTheWholeExportA
    case contents
    case customers2
    case boughtInThePreviousMonths
    case boughtInThePreviousMonthsAnd
    case boughtInThePreviousMonthsNothing
    case firstPurchaseEverInTheLast
    case boughtBeforeSkippedThePreviousMonths
    case boughtAtLeastOnceInThe
    case pp
    case days
    case high
    case medium
    case low
    case low2
    case medium2
    case high2
    case theProjectPlanByWeek
    case weeks2
    case paybackInMonths
    case theProjectFirstYearBy
    case theGoLiveWasSetFor
    case movesTheFiguresNow
    case start
    case glossary
    case asOfDate
    case theDayEveryFigureDescribesThe
    case headlinePeriod2
    case theMonthsToTheAsOf
    case activeCustomer
    case aCustomerWhoBoughtAtLeast
    case newCustomer
    case anActiveCustomerWhoseFirstPurchase
    case lostCustomer
    case boughtInThePreviousMonthsAnd2
    case monthRetention
    case theShareOfThePreviousMonths
    case cohort2
    case theCustomersWhoseFirstPurchaseFell
    case paretoTop
    case theShareOfTheHeadlinePeriod
    case abcAnalysis
    case customersProductsManagersByTheHeadline
    case rfmSegments
    case groupsOfCustomersByHowRecently
    case grossMargin
    case revenueCostRevenueOverTheSale
    case possibleLossAndPossibleRecovery
    case aRangeTheMonthRevenueA
    case rootCause
    case oneCauseSeveralFindingsGrowFrom
    case maturityLevel
    case howTodayCustomerWorkIs
    case confidence2
    case howMuchOfTheMethodCould
    case whereThePeopleInterviewedDisagree
    case differentPeopleAnsweredTheseQuestionsDifferently
    case question2
    case whoSaidWhat
    case theDataShows
    case theEstimatesOfDifferentFindingsAre
    case assumptionsBehindTheMoneyEstimates
    case eachEstimateIsTheMonthRevenue
    case measuredOnThisCompanyData
    case assumption2
    case range
    case sourceReason
    case ruleset
    case yes
    case no
    case ageBand
    case company
    case privatePerson
    case customersShareOfThoseWhoBought
    case theLargestCustomerHoldsShareOf
    case customers3
    case products
    case managers
    case pseudonymisedCopyCustomerNamesAndCodes
    case closesFindings

    /// The text in both languages, from the catalogue files `ReportText+ru.swift` and `ReportText+en.swift`.
    var text: LocalizedText { LocalizedText(ru: render(in: .ru), en: render(in: .en)) }
    case statedBudget
    case statedBudgetShort
    case pdfNeedsChromium
    case chromiumFailed
    case salesDatabaseName
    case salesDatabaseNote
    case salesDatabaseSummary
    case sectionNotInDatabase
    case notInDatabaseValue

    static func texts(in language: Language) -> [ReportText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }

    subscript(language: Language) -> String { text[language] }
}
