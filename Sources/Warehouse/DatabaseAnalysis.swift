import Analytics
import AuditModel
import Foundation

/// The metric catalogue of a round whose sale lines are in a client's database, computed there:
/// only the aggregates come back.
package enum DatabaseAnalysis {
    /// What a database computed, and what it cost to bring back.
    package struct Result: Sendable {
        package var document: MetricDocument
        /// Bytes of the values brought back from the database.
        package var bytesReceived: Int
        /// The headline period's Pareto curve (``ParetoCurve``).
        package var paretoCurve: [Double]
        /// The records the findings show, picked in the database.
        package var samples = DatabaseSamples()
        /// The buyers' portrait counted in the database (empty without a customer list).
        package var portrait: [PushedDownMetrics.PortraitRow] = []
    }

    /// Computes the metrics of the sale lines in `source` as of `asOf` (default: the latest sale
    /// date) on `connection`.
    /// - Parameter datasets: the datasets the round has (its sale lines in the database among
    ///   them); a metric needing another is null as for a round without those rows.
    /// - Parameters:
    ///   - customers: the round's customer list: a sale line's id that is not a listed id is
    ///     matched by tax id or name as the import does, and the lines are followed to the listed
    ///     customers and their managers (orphan lines, customers without sales, the dependency on
    ///     one manager's customers). Without it, each id is a customer of its own.
    ///   - lists: the round's managers and campaigns lists (leavers, idle managers, costs).
    package static func analyse(
        _ source: DatabaseSource, on connection: any DatabaseConnection, asOf: Day?, datasets: Set<DatasetKind> = [.sales],
        customers: CustomerListKeys? = nil, lists: GroupLists = .none, portraitKeys: PortraitKeys? = nil
    ) throws(WarehouseError) -> Result {
        let queries = try prepared(source, on: connection, customers: customers)
        let day: Day
        if let asOf { day = asOf } else { day = try latestDay(source, on: connection, queries: queries) }
        var values: [String?] = []
        for statement in queries.aggregates(asOf: day) { values += try single(connection.rows(statement), "aggregates") }
        var reader = Reader(values: values)
        var sales = SalesAggregates()
        sales.rows = try reader.int()
        sales.revenue = try reader.double()
        let lone = try reader.int()
        sales.firstDay = try reader.day()
        sales.lastDay = try reader.day()
        sales.costLines = try reader.int()
        sales.costLinesAmount = try reader.double()
        sales.cost = try reader.double()
        sales.zeroRows = try reader.int()
        sales.negativeRows = try reader.int()
        var loneInWindow = [0, 0]
        for index in 0..<2 {
            sales.windows[index].revenue = try reader.double()
            loneInWindow[index] = try reader.int()
            sales.windows[index].costLines = try reader.int()
            sales.windows[index].costLinesAmount = try reader.double()
            sales.windows[index].cost = try reader.double()
        }
        sales.afterAsOf = try reader.int()
        sales.invalidDates = try reader.int()
        // A line without an order id is an order of its own.
        sales.orders = try reader.int() + lone
        for index in 0..<2 { sales.windows[index].orders = try reader.int() + loneInWindow[index] }
        sales.buyers = try reader.int()
        for index in 0..<2 { sales.windows[index].customers = try reader.int() }
        let headline = try pareto(&reader)
        let allHistory = try pareto(&reader)
        var retention = RetentionAggregates()
        retention.buyers = sales.buyers
        retention.active = sales.windows[0].customers
        retention.previous = sales.windows[1].customers
        retention.repeaters = try reader.int()
        retention.medianInterval = try reader.optionalDouble()
        retention.new12 = try reader.int()
        retention.reactivated = try reader.int()
        retention.retained = try reader.int()
        retention.lost = try reader.int()
        retention.keptRevenue = try reader.double()
        retention.lostRevenue = try reader.double()
        retention.previousRevenue = try reader.double()
        retention.newPrevious = try reader.int()
        retention.newPreviousRetained = try reader.int()
        let cumulative = try (reader.next() ?? "").split(separator: ",").map { text throws(WarehouseError) in
            guard let value = Double(text), value.isFinite else { throw .unexpectedResult("the Pareto curve") }
            return value
        }
        let curve = ParetoCurve.points(cumulative: cumulative, buyers: headline.customers, total: headline.total)
        var keyAccounts = KeyAccountAggregates()
        keyAccounts.customers = try reader.int()
        keyAccounts.before = try reader.double()
        keyAccounts.after = try reader.double()
        keyAccounts.lost = try reader.double()
        keyAccounts.down30 = try reader.int()
        var overdue = OverdueAggregates()
        overdue.overdue = try reader.int()
        overdue.overdueRevenue = try reader.double()
        overdue.revenue = try reader.double()
        let headlineABC = try abc(&reader), historyABC = try abc(&reader)
        let abc = PushedDownMetrics.CustomerABC(
            headline: headlineABC.totals, headlineRanked: headlineABC.ranked, allHistory: historyABC.totals,
            allHistoryRanked: historyABC.ranked)
        var rfm = RFMAggregates()
        for combination in (try reader.next() ?? "").split(separator: ";") {
            var values = Reader(values: combination.split(separator: ",", omittingEmptySubsequences: false).map { String($0) })
            let r = try values.int(), f = try values.int(), m = try values.int(), single = try values.int()
            guard [r, f, m].allSatisfy((1...5).contains), single == 0 || single == 1 else { throw .unexpectedResult("an RFM score") }
            rfm.add(
                r: r, f: f, m: m, singlePurchase: single == 1, count: try values.int(), revenue: try values.double(),
                revenueLast12m: try values.double())
        }
        rfm.revenueLast12m = sales.windows[0].revenue
        var monthly: MonthlyAggregates?
        if let first = sales.firstDay, let last = sales.lastDay, first <= last {
            let firstMonth = first.monthIndex, count = last.monthIndex - firstMonth + 1
            var aggregates = MonthlyAggregates(
                firstMonth: firstMonth, revenue: Array(repeating: 0, count: count), orders: Array(repeating: 0, count: count))
            for row in try connection.rows(queries.monthly(asOf: day)) {
                var reader = Reader(values: row)
                let month = try reader.int() - firstMonth
                guard aggregates.revenue.indices.contains(month) else { throw .unexpectedResult("a month outside the sales' range") }
                aggregates.revenue[month] = try reader.double()
                aggregates.orders[month] = try reader.int() + reader.int()
            }
            for row in try connection.rows(queries.cohorts(asOf: day)) {
                var reader = Reader(values: row)
                let cohort = try reader.int() - firstMonth, month = try reader.int() - firstMonth
                aggregates.add(cohort: cohort, month: month, customers: try reader.int())
            }
            monthly = aggregates
        }
        let groups = try saleGroups(queries, on: connection, asOf: day)
        var samples = DatabaseSamples()
        var document = PushedDownMetrics.document(
            asOf: day, datasets: datasets, sales: sales, headline: headline, allHistory: allHistory, retention: retention,
            monthly: monthly, keyAccounts: keyAccounts, overdue: overdue, rfm: rfm, abc: abc, groups: groups, lists: lists)
        if sales.rows + sales.afterAsOf + sales.invalidDates > 0 {
            let level = try customerLevel(
                queries, on: connection, asOf: day, customers: customers, headlineTotal: sales.windows[0].revenue)
            let stops = PushedDownMetrics.managerStops(groups, sales: sales, asOf: day, lists: lists)
            var departed: DepartedAggregates?
            if !stops.isEmpty {
                var reader = Reader(values: try single(connection.rows(queries.departed(asOf: day, stops: stops)), "departed"))
                var totals = DepartedAggregates()
                totals.customers = try reader.int()
                totals.before = try reader.double()
                totals.after = try reader.double()
                departed = totals
            }
            var futureLines = 0
            if let roundDate = lists.roundDate {
                var reader = Reader(values: try single(connection.rows(queries.linesAfter(roundDate)), "future dates"))
                futureLines = try reader.int()
                document.setFutureDates(futureLines + lists.futureDatesOutsideSales)
            }
            document.setCustomerLevel(
                level, departed: departed, listed: customers?.codes.count, groups: groups, sales: sales, lists: lists)
            samples = try pick(
                queries, on: connection, asOf: day, customers: customers, level: level, groups: groups, sales: sales,
                keyDecliners: keyAccounts.down30, lists: lists)
            samples.lineTotals = [
                .salesOrphans: level.orphanLines, .salesFutureDates: futureLines, .salesNonPositive: sales.zeroRows + sales.negativeRows,
            ]
        }
        var portrait: [PushedDownMetrics.PortraitRow] = []
        if let portraitKeys, !portraitKeys.rows.isEmpty, sales.rows > 0 {
            for row in try connection.rows(queries.portrait(asOf: day, keys: portraitKeys)) {
                var reader = Reader(values: row)
                portrait.append(
                    PushedDownMetrics.PortraitRow(
                        column: try reader.int(), key: try reader.int(), buyers: try reader.int(), revenue: try reader.double(),
                        aCustomers: try reader.int()))
            }
        }
        return Result(
            document: document, bytesReceived: connection.bytesReceived, paretoCurve: curve, samples: samples, portrait: portrait)
    }

    /// The records the findings show, picked where the lines are.
    private static func pick(
        _ queries: any SalesSQL, on connection: any DatabaseConnection, asOf day: Day, customers: CustomerListKeys?,
        level: CustomerLevelAggregates, groups: [SaleGroup], sales: SalesAggregates, keyDecliners: Int, lists: GroupLists
    ) throws(WarehouseError) -> DatabaseSamples {
        var picked = DatabaseSamples()
        let top = level.assigned.filter { $0.manager != nil && $0.headlineBuyers > 0 }
            .max { ($0.headlineRevenue, $1.manager ?? "") < ($1.headlineRevenue, $0.manager ?? "") }
        let serving = PushedDownMetrics.servingManagers(groups, sales: sales, asOf: day, lists: lists)
        for row in try connection.rows(
            queries.customerSamples(asOf: day, list: customers, topManager: top?.manager, serving: serving.map { Array($0).sorted() }))
        {
            var reader = Reader(values: row)
            guard let name = try reader.next(), let set = SampleSet(rawValue: name), let id = try reader.next() else {
                throw .unexpectedResult("a sample row")
            }
            let revenue = try reader.double(), last12m = try reader.double(), previous = try reader.double()
            guard let first = try reader.day(), let last = try reader.day() else { throw .unexpectedResult("a sample's dates") }
            var customer = DatabaseSamples.Customer(set: set, customerID: id, firstDay: first, lastDay: last)
            (customer.revenue, customer.revenueLast12m, customer.revenuePrev12m) = (revenue, last12m, previous)
            customer.purchaseDays = try reader.int()
            (customer.r, customer.f, customer.m) = (try reader.int(), try reader.int(), try reader.int())
            customer.singlePurchase = try reader.int() == 1
            customer.assignedManager = try reader.next()
            picked.customers.append(customer)
        }
        picked.customerTotals[.customersKeyDecliners] = keyDecliners
        picked.customerTotals[.customersOfTopManager] = top?.headlineBuyers ?? 0
        for row in try connection.rows(queries.lineSamples(asOf: day, list: customers, roundDate: lists.roundDate)) {
            var reader = Reader(values: row)
            guard let name = try reader.next(), let set = SampleSet(rawValue: name) else { throw .unexpectedResult("a sample line") }
            let order = try reader.next(), customer = try reader.next(), date = try reader.day()
            picked.lines.append(
                DatabaseSamples.Line(
                    set: set, order: order, customerID: customer, date: date, amount: try reader.double(), manager: try reader.next()))
        }
        if let customers, !customers.records.isEmpty {
            var reader = Reader(
                values: try single(connection.rows(queries.withoutSales(asOf: day, records: customers.records)), "without sales"))
            let positions = (try reader.next() ?? "").split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            picked.withoutSales = positions
            picked.withoutSalesTotal = try reader.int()
        }
        return picked
    }

    /// The statements for `source`'s table as it is (its optional columns), its lines' customer ids
    /// matched to `customers` as the import matches them: only the ids that are not listed ids
    /// come back, to be matched by tax id or name here.
    static func prepared(_ source: DatabaseSource, on connection: any DatabaseConnection, customers: CustomerListKeys?)
        throws(WarehouseError) -> any SalesSQL
    {
        var queries = queries(source)
        queries.present = try columns(of: source, on: connection)
        if let customers, !customers.codes.isEmpty {
            let unlisted = try connection.rows(queries.unlisted(codes: customers.codes)).compactMap { $0.first ?? nil }
            queries.aliases = customers.aliases(of: unlisted)
        }
        return queries
    }

    /// The included lines' totals by manager, channel, campaign and product (``SaleGroup``).
    static func saleGroups(_ queries: any SalesSQL, on connection: any DatabaseConnection, asOf day: Day) throws(WarehouseError)
        -> [SaleGroup]
    {
        var groups: [SaleGroup] = []
        for statement in queries.groups(asOf: day) {
            for row in try connection.rows(statement) {
                var reader = Reader(values: row)
                guard let name = try reader.next(), let dimension = SaleGroup.Dimension(rawValue: name) else {
                    throw .unexpectedResult("a group that is none of \(SaleGroup.Dimension.allCases.map(\.rawValue))")
                }
                let key = try reader.next()
                groups.append(SaleGroup(dimension: dimension, key: key, allHistory: try totals(&reader), headline: try totals(&reader)))
            }
        }
        return groups
    }

    /// A per-item table of a round whose lines are in `source`, as of `day`: the per-customer rows
    /// read from the database in pages of `pageSize` (they come back only when asked: `crm-audit
    /// export`); the products' revenue from their groups; the managers from `analysis`.
    static func exportTable(
        _ table: ExportTable, source: DatabaseSource, on connection: any DatabaseConnection, asOf day: Day, local: Analysis,
        managers: [ManagerRow], pageSize: Int = 10_000
    ) throws(WarehouseError) -> SampleTable {
        let queries = try prepared(source, on: connection, customers: local.customerListKeys)
        func pages(_ statement: (Int) -> String) throws(WarehouseError) -> [[String?]] {
            var rows: [[String?]] = []
            while true {
                let page = try connection.rows(statement(rows.count))
                rows += page
                if page.count < pageSize { return rows }
            }
        }
        switch table {
        case .rfm:
            let rows = try pages { queries.rfmPage(asOf: day, offset: $0, limit: pageSize) }
            return Analysis.rfmTable(
                try rows.map { row throws(WarehouseError) in
                    var reader = Reader(values: row)
                    guard let id = try reader.next() else { throw .unexpectedResult("a customer without an id") }
                    return RFMExportRow(
                        customerID: id, recencyDays: try reader.int(), frequency: try reader.int(), monetary: try reader.double(),
                        r: try reader.int(), f: try reader.int(), m: try reader.int(), singlePurchase: try reader.int() == 1)
                })
        case .abc:
            let customers = try pages { queries.headlinePage(asOf: day, offset: $0, limit: pageSize) }.map { row throws(WarehouseError) in
                var reader = Reader(values: row)
                return (try reader.next() ?? "", try reader.double())
            }
            let products = try saleGroups(queries, on: connection, asOf: day)
                .compactMap { group -> (String, Double)? in
                    guard group.dimension == .product, let name = group.key, group.headline.lines > 0 else { return nil }
                    return (name, group.headline.revenue)
                }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return Analysis.abcTable(customers: customers, products: products, managers: managers)
        case .managers:
            return Analysis.managersTable(managers)
        case .duplicates:
            return local.exportTable(.duplicates)
        }
    }

    /// The latest sale date in `source` (the default as_of), or today when it has no dated line.
    package static func latestDay(_ source: DatabaseSource, on connection: any DatabaseConnection) throws(WarehouseError) -> Day {
        var queries = queries(source)
        queries.present = try columns(of: source, on: connection)
        return try latestDay(source, on: connection, queries: queries)
    }

    private static func latestDay(_ source: DatabaseSource, on connection: any DatabaseConnection, queries: any SalesSQL)
        throws(WarehouseError) -> Day
    {
        let latest = try connection.rows(queries.latestDate).first?.first ?? nil
        return try latest.map { text throws(WarehouseError) in try parseDay(text) } ?? Timestamp.today()
    }

    /// The lines followed to their customers' list entries and managers.
    private static func customerLevel(
        _ queries: any SalesSQL, on connection: any DatabaseConnection, asOf day: Day, customers: CustomerListKeys?,
        headlineTotal: Double
    ) throws(WarehouseError) -> CustomerLevelAggregates {
        var totals = CustomerLevelAggregates()
        if let customers, !customers.codes.isEmpty {
            var reader = Reader(values: try single(connection.rows(queries.listMatch(asOf: day, list: customers)), "list match"))
            totals.orphanLines = try reader.int()
            totals.orphanRevenue = try reader.double()
            totals.listedBuyers = try reader.int()
        }
        for row in try connection.rows(queries.assigned(asOf: day, list: customers)) {
            var reader = Reader(values: row)
            var assigned = CustomerLevelAggregates.Assigned(manager: try reader.next())
            assigned.headlineBuyers = try reader.int()
            assigned.headlineRevenue = try reader.double()
            assigned.revenue = try reader.double()
            totals.assigned.append(assigned)
        }
        // The own lines of the manager the dependency names: a statement of its own, for one manager.
        if let top = totals.topManager(headlineTotal: headlineTotal),
            let index = totals.assigned.firstIndex(where: { $0.manager == top })
        {
            var reader = Reader(
                values: try single(connection.rows(queries.ownLines(asOf: day, list: customers, manager: top)), "own lines"))
            totals.assigned[index].ownHeadlineRevenue = try reader.optionalDouble() ?? 0
        }
        return totals
    }

    /// The names of the columns of `source`'s sales table.
    /// - Throws: ``WarehouseError/tableNotFound(_:)`` when the database has no such table (or the
    ///   account may not see it).
    package static func columns(of source: DatabaseSource, on connection: any DatabaseConnection) throws(WarehouseError) -> Set<String> {
        let names = Set(try connection.rows(queries(source).columnsQuery).compactMap { $0.first ?? nil })
        guard !names.isEmpty else { throw .tableNotFound(source.salesTable) }
        return names
    }

    static func queries(_ source: DatabaseSource) -> any SalesSQL {
        switch source.engine {
        case .postgresql: SalesQueries(source: source)
        case .clickhouse: ClickHouseSalesQueries(source: source)
        }
    }

    private static func pareto(_ reader: inout Reader) throws(WarehouseError) -> ParetoAggregates {
        var totals = ParetoAggregates(customers: try reader.int())
        totals.total = try reader.double()
        totals.topRevenue = try reader.double()
        totals.customersFor80 = try reader.optionalInt()
        totals.largest = try reader.double()
        totals.hhi = try reader.double()
        return totals
    }

    /// One ranking's ABC classes: per class, its customers, their revenue and the smallest; nil
    /// totals when the ranking's total is not positive (no classes then).
    private static func abc(_ reader: inout Reader) throws(WarehouseError) -> (totals: ABCAggregates?, ranked: Int) {
        var totals = ABCAggregates()
        for klass in 0..<3 {
            totals.add(klass, count: try reader.int(), revenue: try reader.double(), minimum: try reader.optionalDouble())
        }
        totals.total = totals.revenue.reduce(0, +)
        let ranked = totals.count.reduce(0, +)
        return (totals.total > 0 ? totals : nil, ranked)
    }

    /// One group's totals over a period (``SalesSQL/groups(asOf:)``).
    private static func totals(_ reader: inout Reader) throws(WarehouseError) -> SaleGroup.Totals {
        var totals = SaleGroup.Totals()
        totals.lines = try reader.int()
        totals.revenue = try reader.double()
        totals.costAmount = try reader.double()
        totals.cost = try reader.double()
        totals.costLines = try reader.int()
        totals.lastDay = try reader.day()
        totals.orders = try reader.int()
        totals.customers = try reader.int()
        return totals
    }

    private static func single(_ rows: [[String?]], _ what: String) throws(WarehouseError) -> [String?] {
        guard rows.count == 1, let row = rows.first else { throw .unexpectedResult("\(what): \(rows.count) rows") }
        return row
    }

    private static func parseDay(_ text: String) throws(WarehouseError) -> Day {
        guard let day = Day(iso: text) else { throw .unexpectedResult("date '\(text)'") }
        return day
    }

    /// Reads one row's values in order, as the database writes them in text.
    struct Reader {
        var values: [String?]
        var index = 0

        mutating func next() throws(WarehouseError) -> String? {
            guard index < values.count else { throw .unexpectedResult("\(values.count) columns") }
            defer { index += 1 }
            return values[index]
        }

        mutating func int() throws(WarehouseError) -> Int {
            guard let text = try next(), let value = Int(text) else { throw .unexpectedResult("a count in column \(index)") }
            return value
        }

        mutating func optionalInt() throws(WarehouseError) -> Int? {
            guard let text = try next() else { return nil }
            guard let value = Int(text) else { throw .unexpectedResult("a count in column \(index)") }
            return value
        }

        mutating func double() throws(WarehouseError) -> Double {
            guard let text = try next(), let value = Double(text), value.isFinite else {
                throw .unexpectedResult("a finite number in column \(index)")
            }
            return value
        }

        mutating func optionalDouble() throws(WarehouseError) -> Double? {
            guard let text = try next() else { return nil }
            guard let value = Double(text), value.isFinite else { throw .unexpectedResult("a finite number in column \(index)") }
            return value
        }

        mutating func day() throws(WarehouseError) -> Day? {
            guard let text = try next() else { return nil }
            return try DatabaseAnalysis.parseDay(text)
        }
    }
}
