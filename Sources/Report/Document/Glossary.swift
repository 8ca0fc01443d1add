import AuditModel

/// The terms the report uses, each with the one definition its figures are computed by (the
/// metric catalogue's; docs/metrics.md has the formulas).
enum Glossary {
    static let title = ReportText.glossary.text()

    static let entries: [(term: LocalizedText, definition: LocalizedText)] = [
        (
            ReportText.asOfDate.text(),
            ReportText.theDayEveryFigureDescribesThe.text()
        ),
        (
            ReportText.headlinePeriod2.text(),
            ReportText.theMonthsToTheAsOf.text()
        ),
        (
            ReportText.activeCustomer.text(),
            ReportText.aCustomerWhoBoughtAtLeast.text()
        ),
        (
            ReportText.newCustomer.text(),
            ReportText.anActiveCustomerWhoseFirstPurchase.text()
        ),
        (
            ReportText.lostCustomer.text(),
            ReportText.boughtInThePreviousMonthsAnd2.text()
        ),
        (
            ReportText.monthRetention.text(),
            ReportText.theShareOfThePreviousMonths.text()
        ),
        (
            ReportText.cohort2.text(),
            ReportText.theCustomersWhoseFirstPurchaseFell.text()
        ),
        (
            ReportText.paretoTop.text(),
            ReportText.theShareOfTheHeadlinePeriod.text()
        ),
        (
            ReportText.abcAnalysis.text(),
            ReportText.customersProductsManagersByTheHeadline.text()
        ),
        (
            ReportText.rfmSegments.text(),
            ReportText.groupsOfCustomersByHowRecently.text()
        ),
        (
            ReportText.grossMargin.text(),
            ReportText.revenueCostRevenueOverTheSale.text()
        ),
        (
            ReportText.possibleLossAndPossibleRecovery.text(),
            ReportText.aRangeTheMonthRevenueA.text()
        ),
        (
            ReportText.rootCause.text(),
            ReportText.oneCauseSeveralFindingsGrowFrom.text()
        ),
        (
            ReportText.maturityLevel.text(),
            ReportText.howTodayCustomerWorkIs.text()
        ),
        (
            ReportText.confidence2.text(),
            ReportText.howMuchOfTheMethodCould.text()
        ),
    ]
}
