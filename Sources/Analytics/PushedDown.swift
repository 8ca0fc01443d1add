import AuditModel

/// The metric document of a round whose sale lines stay in the client's database: the metrics
/// made from the aggregates the database computed (`Warehouse`), with the same formulas as the
/// lines read into memory (``SalesAggregates``, ``ParetoAggregates``, ``RetentionAggregates``).
package enum PushedDownMetrics {
    /// The customers' ABC classes on the headline period and on all history: nil totals when the
    /// period's revenue is not positive; the number of customers ranked.
    package struct CustomerABC: Sendable {
        package var headline: ABCAggregates?
        package var headlineRanked: Int
        package var allHistory: ABCAggregates?
        package var allHistoryRanked: Int

        package init(headline: ABCAggregates?, headlineRanked: Int, allHistory: ABCAggregates?, allHistoryRanked: Int) {
            (self.headline, self.headlineRanked, self.allHistory, self.allHistoryRanked) =
                (headline, headlineRanked, allHistory, allHistoryRanked)
        }
    }

    /// Why a metric is null when the database computed only part of the catalogue.
    package static let notComputedInDatabase = UnavailableReason(code: "not_in_database")

    /// The document as of `asOf`. `datasets` are those the round holds in the database; a metric
    /// needing another is null as it is for a round without those rows (`no_rows:KIND`), and a
    /// metric the aggregates do not give is null with ``notComputedInDatabase``.
    package static func document(
        asOf: Day, datasets: Set<DatasetKind>, sales: SalesAggregates, headline: ParetoAggregates, allHistory: ParetoAggregates,
        retention: RetentionAggregates, monthly: MonthlyAggregates? = nil, keyAccounts: KeyAccountAggregates? = nil,
        overdue: OverdueAggregates? = nil, rfm: RFMAggregates? = nil, abc: CustomerABC? = nil, groups: [SaleGroup]? = nil,
        lists: GroupLists = .none
    ) -> MetricDocument {
        var sink = MetricSink()
        var present = datasets
        if sales.rows + sales.afterAsOf + sales.invalidDates == 0 { present.remove(.sales) }
        for metric in MetricCatalogue.all {
            if let missing = metric.datasets.first(where: { !present.contains($0) }) {
                sink.metrics[metric.id] = .null
                sink.unavailable[metric.id] = UnavailableReason.noRows(missing).code
            }
        }
        sink.setSales(sales, asOf: asOf)
        sink.setPareto(headline, suffix: "")
        sink.setPareto(allHistory, suffix: MetricCatalogue.allHistorySuffix)
        sink.setRetention(retention, previousWindowCovered: sales.coversPreviousWindow(asOf: asOf))
        if present.contains(.sales) {
            if let keyAccounts { sink.setKeyAccounts(keyAccounts, previousWindowCovered: sales.coversPreviousWindow(asOf: asOf)) }
            if let overdue { sink.setOverdue(overdue) }
        }
        var series = MonthlySeries()
        var tables = MetricTables()
        if present.contains(.sales) {
            if let rfm {
                sink.setRFM(rfm)
                tables.rfmSegments = rfm.segmentRows
            }
            if let abc {
                tables.abc["customers"] = sink.setABC(
                    subject: "customers", abc.headline, ranked: abc.headlineRanked, whenEmpty: .noSalesLast12Months)
                _ = sink.setABC(
                    subject: "customers", abc.allHistory, ranked: abc.allHistoryRanked, suffix: MetricCatalogue.allHistorySuffix)
            }
        }
        if let monthly, let firstDay = sales.firstDay {
            sink.setCohorts(monthly, asOf: asOf)
            series = monthly.series(firstDay: firstDay, asOf: asOf)
            tables.cohorts = monthly.cohortRows
        }
        var document = MetricDocument(
            asOf: asOf, metrics: sink.metrics, unavailable: sink.unavailable, series: series, tables: tables,
            periods: HeadlinePeriods(asOf: asOf, previousCovered: sales.coversPreviousWindow(asOf: asOf)))
        if present.contains(.sales), let groups { document.setGroups(groups, sales: sales, lists: lists) }
        for metric in MetricCatalogue.all where document.metrics[metric.id] == nil {
            document.metrics[metric.id] = .null
            document.unavailable[metric.id] = notComputedInDatabase.code
        }
        return document
    }

    /// The analysis of a round whose sale lines are in a database: every metric that reads sale
    /// lines from `database` (computed there, or null with its reason), the others — the customer
    /// list's, the managers', deals', activities' — from `local`, the round's imported files
    /// analysed in memory as of the same day, and the database's Pareto curve. The samples are
    /// the local ones.
    package static func combining(
        database: MetricDocument, paretoCurve: [Double], samples: DatabaseSamples? = nil, local: Analysis
    ) -> StoredAnalysis {
        var analysis = StoredAnalysis(local)
        var document = analysis.document
        document.asOf = database.asOf
        document.periods = database.periods
        for metric in MetricCatalogue.all where metric.datasets.contains(.sales) {
            document.metrics[metric.id] = database.metrics[metric.id] ?? .null
            document.unavailable[metric.id] = database.unavailable[metric.id]
        }
        // The monthly series and the cohorts come from the database; the other per-item tables that
        // read sale lines are not computed there: empty, as for a round without sales, rather than
        // the local pass's zeros (a manager who "sold nothing").
        let kept = document.tables
        document.tables = MetricTables(
            abc: database.tables.abc, rfmSegments: database.tables.rfmSegments, managers: database.tables.managers,
            cohorts: database.tables.cohorts, channels: database.tables.channels, campaigns: database.tables.campaigns,
            dealStages: kept.dealStages, dataQuality: kept.dataQuality, duplicateGroups: kept.duplicateGroups)
        document.series = database.series
        document.breakdowns = database.breakdowns

        analysis.document = document
        analysis.paretoCurve = paretoCurve
        if let samples {
            for (id, table) in sampleTables(samples, document: database, local: local) { analysis.samples[id] = table }
        }
        return analysis
    }
}

extension MetricDocument {
    /// Sets the managers', channels', campaigns' and products' metrics, tables and breakdowns from
    /// the groups a database computed (``PushedDownMetrics/groupMetrics(_:sales:asOf:lists:)``).
    mutating func setGroups(_ groups: [SaleGroup], sales: SalesAggregates, lists: GroupLists) {
        let result = PushedDownMetrics.groupMetrics(groups, sales: sales, asOf: asOf, lists: lists)
        // A metric that needs a dataset the round does not have keeps saying so.
        for (id, value) in result.metrics where !(unavailable[id]?.hasPrefix(UnavailableReason.noRowsPrefix) ?? false) {
            metrics[id] = value
            unavailable[id] = result.unavailable[id]
        }
        tables.managers = result.tables.managers
        tables.channels = result.tables.channels
        tables.campaigns = result.tables.campaigns
        for subject in ["managers", "products"] { tables.abc[subject] = result.tables.abc[subject] }
        var merged = breakdowns ?? [:]
        for (id, values) in result.breakdowns { merged[id] = values }
        breakdowns = merged.isEmpty ? nil : merged
    }
}
