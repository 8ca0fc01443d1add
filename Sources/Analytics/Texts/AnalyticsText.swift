import AuditModel

/// The module's texts by key; the texts of each language are in `AnalyticsText+ru.swift` and
/// `AnalyticsText+en.swift` (docs/translating.md): arguments are named (`{file}`), a literal
/// brace is written `'{'`.
enum AnalyticsText: String, TextCatalogue {
    case sales
    case customerPareto
    case customersRetentionAndChurn
    case rfmSegments
    case abcAnalysis
    case managers
    case cohorts
    case channelsAndCampaigns
    case deals
    case activities
    case dataQuality
    case theRoundHasNoRowsImport
    case theFieldIsEmptyInEvery
    case theTotalTheMetricDividesBy
    case noSalesInThePreviousMonths
    case theDataBeginAfterTheStart
    case theCompanyHasNoSalesIn
    case theCompanyHasNoSalesIn2
    case noClosedDeals
    case noCohortIsOldEnoughYet
    case noManagerLeftOrStoppedSelling
    case noValuesToMeasure
    case customersWithoutAnEmail
    case customersWithAnInvalidEmail
    case customersWithAnInvalidPhone
    case customersWithoutABirthDate
    case customersWithoutASegment
    case customersWithoutAnIndustry
    case customersWithoutARegion
    case customersWithoutAManager
    case duplicateCustomers
    case customersEnteredMoreThanOnceUnder
    case customersWithoutSales
    case salesOfCustomersNotInThe
    case salesDatedInTheFuture
    case salesWithAZeroOrNegative
    case idleManagers
    case customersAtRisk
    case lostCustomers
    case keyAccounts
    case customersOfTheManagerWithThe
    case regularCustomersPastTheirUsualReorder
    case lastYearLargestCustomersWho
    case customersNobodyLooksAfter
    case higherIsBetter
    case lowerIsBetter
    case neutral
    case monthsTo
    case thePreviousMonths
    case comparedWithThePreviousMonths
    case theMetricsOfRound
    case cannotReadRound
    case storedMetricsDamaged
    case unknownSampleSet
    case storedAmountAtLine
    case storedAmountFromFile
    case storedAmount
    case notComputedInTheDatabase

    static func texts(in language: Language) -> [AnalyticsText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
