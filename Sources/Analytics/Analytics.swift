import AuditModel
import Foundation
import Workspace

/// Entry points of the analytics engine.
package enum Analytics {
    /// How the round's sale lines find their customers in its customer list (by code, tax id or
    /// normalised name; the ambiguous names), read without computing the catalogue: what an
    /// import of sales or customers tells the consultant. Nil without both.
    package static func customerMatching(_ workspace: Workspace, round: AuditRound) throws -> CustomerMatching? {
        let data = try RoundData.load(from: workspace, round: round)
        return data.has(.sales) ? data.customerMatching : nil
    }

    /// Computes every catalogue metric for `round` of `workspace`.
    ///
    /// - Parameter asOf: the day the metrics describe; nil means the latest sale date (or the
    ///   round's date when the round has no sales). Sale lines after it are left out.
    /// - Complexity: one read of the round, then O(n log n) in the number of sale lines. The
    ///   round is read on two or three threads, each in its own read transaction: run it while
    ///   no import writes to the same round.
    /// - Throws: ``AnalyticsError`` when the workspace cannot be read.
    package static func analyse(_ workspace: Workspace, round: AuditRound, asOf: Day? = nil) throws -> Analysis {
        try analyse(workspace, round: round, asOf: asOf, sales: nil)
    }

    /// Computes every catalogue metric for `round` of `workspace`, its sale lines being `sales`
    /// (read from files by `Importer.readSales`) rather than the round's own.
    package static func analyse(_ workspace: Workspace, round: AuditRound, asOf: Day?, sales: [SaleColumns]?) throws -> Analysis {
        // Two threads: this one reads the sale lines while the other reads the customer list and
        // the small datasets, then checks the customers' contacts and duplicates.
        let clock = ContinuousClock()
        let start = clock.now
        let side = CustomerSideWork(workspace: workspace, round: round)
        defer { _ = side.result() }  // no work goes on after return, even on an error
        var salesPart: RoundData
        var readRows = false
        let minimum = ProcessInfo.processInfo.environment["CRM_AUDIT_SPLIT_MIN"].flatMap { Int($0) } ?? 200_000
        if let sales {
            salesPart = RoundData(copies: sales, roundDate: round.date)
        } else if let copies = try RoundData.loadSalesColumns(from: workspace, round: round) {
            salesPart = copies
        } else if let halves = try RoundData.salesSplit(from: workspace, round: round, minimum: minimum) {
            readRows = true
            // A big round: a third thread reads the second half of the sale lines.
            let second = Background { try RoundData.loadSalesSide(from: workspace, round: round, rows: halves[1]) }
            let first = Result { try RoundData.loadSalesSide(from: workspace, round: round, rows: halves[0]) }
            let later = Result { try second.wait() }  // both halves done before either error is thrown
            salesPart = try first.get()
            salesPart.append(sales: try later.get())
        } else {
            readRows = true
            salesPart = try RoundData.loadSalesSide(from: workspace, round: round)
        }
        if readRows {
            // Imports store only finite amounts within ±10^15; a value written by hand stops here
            // with its place, before an infinity reaches a metric. (A columnar copy was checked
            // as it was read: one that fails is ignored and the rows are read.)
            try StoredAmounts.check(salesPart.sales, workspace: workspace, round: round)
        }
        let salesRead = clock.now
        var data = try side.data()
        data.adopt(sales: salesPart)
        let loaded = clock.now
        var analysis = analyse(data: data, asOf: asOf, customerSide: { side.result() })
        analysis.timings =
            [("sales.read", salesRead - start), ("load", loaded - start)] + analysis.timings + [("compute", clock.now - loaded)]
        analysis.timings += side.timings()
        return analysis
    }

    /// Computes the metrics, stores the document as the round's snapshot (with what `check`,
    /// `config` and `report` reuse while the inputs stay the same: ``StoredAnalysis``), and
    /// returns the analysis.
    package static func computeAndStore(_ workspace: Workspace, round: AuditRound, asOf: Day? = nil) throws -> Analysis {
        try computeAndStore(workspace, round: round, asOf: asOf, fingerprint: try inputFingerprint(workspace, round: round, asOf: asOf))
    }

    static func computeAndStore(_ workspace: Workspace, round: AuditRound, asOf: Day?, fingerprint: String) throws -> Analysis {
        let analysis = try analyse(workspace, round: round, asOf: asOf)
        // Encoded before anything is written: a document that does not encode (a number that is
        // not finite) is refused and the round keeps its earlier snapshot.
        let document: String
        do {
            document = try analysis.document.jsonString()
        } catch {
            throw UnstorableResult(
                workspace: workspace.path,
                what: AnalyticsText.theMetricsOfRound.text(["number": .value(round.number)]))
        }
        // The reusable part; a part that does not encode is simply not stored (the next command computes again).
        let reusable = (try? JSONEncoder().encode(StoredAnalysis(analysis))).map { String(decoding: $0, as: UTF8.self) }
        do {
            try workspace.saveMetrics(
                document: document, asOf: analysis.asOf, round: round,
                analysis: reusable.map { (fingerprint: fingerprint, json: $0) })
        } catch let error as any AuditError {
            throw error
        } catch {
            throw AnalyticsError.database(path: workspace.path, message: "\(error)")
        }
        return analysis
    }

    /// The metric document stored for `round`, or nil when metrics were never computed for it.
    package static func storedDocument(_ workspace: Workspace, round: AuditRound) throws -> MetricDocument? {
        guard let text = try workspace.metricsDocument(round: round) else { return nil }
        do {
            return try MetricDocument.decode(json: text)
        } catch {
            throw AnalyticsError.corruptSnapshot(path: workspace.path, round: round.number, message: "\(error)")
        }
    }

    /// - Parameter customerSide: the contact checks and duplicates computed elsewhere (nil: compute them here).
    static func analyse(data: RoundData, asOf requested: Day?, customerSide: (() -> CustomerSideResult?)? = nil) -> Analysis {
        let asOf = requested ?? Computation.defaultAsOf(data)
        var computation = Computation(data: data, asOf: asOf)
        let clock = ContinuousClock()
        var mark = clock.now
        var laps: [(phase: String, duration: Duration)] = []
        func lap(_ name: String) {
            let now = clock.now
            laps.append((name, now - mark))
            mark = now
        }
        computation.salesPass()
        lap("salesPass")
        // Managers, channels, campaigns and products on a thread of their own, from a copy of the
        // computation as the sales pass left it (they read nothing the customer ranking writes).
        let afterSalesPass = computation
        let grouping = Background { Grouping.compute(from: afterSalesPass) }
        let ranking = computation.customerRanking()
        let headlineRanking = computation.customerRanking(headline: true)
        lap("ranking")
        // Concentration on the headline period; its whole-history twin for reference.
        computation.pareto(ranking: headlineRanking, revenue: computation.stats.revenueLast12m, suffix: "")
        computation.pareto(ranking: ranking, revenue: computation.stats.revenue, suffix: MetricCatalogue.allHistorySuffix)
        lap("pareto")
        computation.managersOnStaff()
        computation.retention()
        computation.keyAccountRetention()
        lap("retention")
        let rfm = computation.rfm(ranking: ranking)
        lap("rfm")

        // ABC classes on the headline period: a customer who bought nothing in the last 12 months
        // has no class (and is never an A customer or a key account).
        let headlineRevenue = headlineRanking.map { computation.stats.revenueLast12m[Int($0)] }
        let classes = Computation.abcClasses(headlineRevenue)
        computation.abc(subject: "customers", revenues: headlineRevenue, classes: classes, whenEmpty: .noSalesLast12Months)
        let rankedRevenue = ranking.map { computation.stats.revenue[Int($0)] }
        computation.abc(
            subject: "customers", revenues: rankedRevenue, classes: Computation.abcClasses(rankedRevenue),
            suffix: MetricCatalogue.allHistorySuffix)
        lap("abc")
        var customerClass = [Int8](repeating: -1, count: data.customerKeys.count)
        if let classes {
            for (position, key) in headlineRanking.enumerated() { customerClass[Int(key)] = classes[position] }
        }

        let grouped = (try? grouping.wait()) ?? Grouping.compute(from: afterSalesPass)  // the work cannot throw
        lap("groups (waited)")
        laps.append(("groups (own thread)", grouped.duration))
        computation.sink.merge(grouped.computation.sink)
        computation.tables.managers = grouped.computation.tables.managers
        computation.customerShares = grouped.computation.customerShares
        computation.tables.channels = grouped.computation.tables.channels
        computation.tables.campaigns = grouped.computation.tables.campaigns
        computation.customerLists.unserved = grouped.computation.customerLists.unserved
        computation.tables.abc.merge(grouped.computation.tables.abc) { _, theirs in theirs }  // managers', products'
        let managerRows = grouped.managerRows, productOrder = grouped.productOrder, productRevenue = grouped.productRevenue
        let productClasses = grouped.productClasses

        let side = customerSide?() ?? CustomerSideResult.compute(data)
        lap("customerSide")
        computation.sink.merge(side.sink)
        computation.tables.dataQuality = side.dataQuality
        computation.tables.duplicateGroups = Array(side.duplicates.prefix(200))
        let quality = side.quality
        let duplicates = side.duplicates
        computation.referentialQuality()
        lap("referentialQuality")
        computation.portrait(customerClass: customerClass, side: side)
        lap("portrait")
        computation.dealsAndActivities()
        lap("dealsAndActivities")
        var breakdowns = computation.beliefMeasures()
        if !computation.customerShares.isEmpty {
            breakdowns[MetricID.managersCustomersRevenueShare12m.rawValue] = computation.customerShares
        }
        if !computation.stageStaleShares.isEmpty { breakdowns[MetricID.dealsStageStaleShare.rawValue] = computation.stageStaleShares }
        computation.sink.finish()
        lap("sink.finish")

        let document = MetricDocument(
            asOf: asOf, metrics: computation.sink.metrics, unavailable: computation.sink.unavailable,
            series: computation.series, tables: computation.tables,
            periods: HeadlinePeriods(asOf: asOf, previousCovered: computation.previousWindowCovered),
            breakdowns: breakdowns)
        return Analysis(
            document: document, data: data, asOf: asOf, stats: computation.stats, ranking: ranking, headlineRanking: headlineRanking,
            customerClass: customerClass,
            productRanking: productOrder.enumerated().map { position, key in
                (Int32(key), productRevenue[position], productClasses?[position] ?? 2)
            },
            managerRows: managerRows, rfm: rfm, customerLists: computation.customerLists, duplicateGroups: duplicates,
            emailStatus: quality.email,
            phoneStatus: quality.phone, normalisedPhones: quality.phones, timings: laps)
    }
}

/// The manager, channel, campaign and product totals of ``Analytics/analyse(data:asOf:customerSide:)``,
/// computed on their own thread from a copy of the computation after its sales pass: the copy
/// (its metric sink and tables hold what they set) and their results.
private struct Grouping: Sendable {
    var computation: Computation
    var managerRows: [ManagerRow]
    var productOrder: [Int]
    var productRevenue: [Double]
    var productClasses: [Int8]?
    var duration: Duration

    static func compute(from computation: Computation) -> Grouping {
        let clock = ContinuousClock()
        let start = clock.now
        var copy = computation
        copy.sink = MetricSink()
        copy.tables = MetricTables()
        let results = copy.groupMetrics(copy.groupings())
        return Grouping(
            computation: copy, managerRows: results.managerRows, productOrder: results.productOrder,
            productRevenue: results.productRevenue, productClasses: results.productClasses, duration: clock.now - start)
    }
}

extension MetricDocument {
    /// The JSON contract: sorted keys, plain numbers, nulls written out.
    package func jsonString(pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a document written by ``jsonString(pretty:)``.
    package static func decode(json: String) throws -> MetricDocument {
        try JSONDecoder().decode(MetricDocument.self, from: Data(json.utf8))
    }
}

extension Analysis {
    /// The day the metrics describe.
    package var asOfDay: Day { asOf }
}

/// What can go wrong computing or reading metrics.
package enum AnalyticsError: AuditError, Equatable {
    case database(path: String, message: String)
    case corruptSnapshot(path: String, round: Int, message: String)
    case unknownSampleSet(String)

    package var location: SourceLocation? {
        switch self {
        case .database(let path, _), .corruptSnapshot(let path, _, _): SourceLocation(file: path)
        case .unknownSampleSet: nil
        }
    }

    package func message(in language: Language) -> String {
        let text: LocalizedText
        switch self {
        case .database(let path, let message): text = AnalyticsText.cannotReadRound.text(["path": .text(path), "message": .text(message)])
        case .corruptSnapshot(_, let round, let message):
            text = AnalyticsText.storedMetricsDamaged.text(["round": .value(round), "message": .text(message)])
        case .unknownSampleSet(let id):
            text = AnalyticsText.unknownSampleSet.text([
                "id": .text(id), "allowed": .text(SampleSet.allCases.map(\.rawValue).joined(separator: ", ")),
            ])
        }
        return text[language]
    }
}
