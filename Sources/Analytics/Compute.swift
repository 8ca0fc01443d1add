import AuditModel

/// Collects metric values and reasons, honouring the catalogue: a metric whose datasets are
/// missing stays null with that reason whatever the computation tries to set.
struct MetricSink {
    var metrics: [String: MetricValue] = [:]
    var unavailable: [String: String] = [:]

    /// An empty sink that marks nothing unavailable in advance (for partial computations).
    init() {}

    /// Takes every value and reason of `other` (computed by another part of the analysis).
    mutating func merge(_ other: MetricSink) {
        for (id, value) in other.metrics where unavailable[id] == nil {
            metrics[id] = value
            if let reason = other.unavailable[id] { unavailable[id] = reason }
        }
    }

    init(data: RoundData) {
        for metric in MetricCatalogue.all {
            if let missing = metric.datasets.first(where: { !data.has($0) }) {
                metrics[metric.id] = .null
                unavailable[metric.id] = UnavailableReason.noRows(missing).code
            }
        }
    }

    /// Sets a number; nil or a non-finite value makes the metric null with `reason`.
    mutating func set(_ metric: MetricID, _ value: Double?, orElse reason: UnavailableReason = .nothingToMeasure) {
        let id = metric.rawValue
        assert(MetricCatalogue.definition(of: id) != nil, "metric \(id) is not in the catalogue")
        guard unavailable[id] == nil else { return }
        if let value, value.isFinite {
            metrics[id] = .number(value == 0 ? 0 : value)
        } else {
            metrics[id] = .null
            unavailable[id] = reason.code
        }
    }

    mutating func set(_ metric: MetricID, _ value: Int) { set(metric, Double(value)) }

    mutating func set(_ metric: MetricID, day: Day?, orElse reason: UnavailableReason = .nothingToMeasure) {
        let id = metric.rawValue
        guard unavailable[id] == nil else { return }
        if let day {
            metrics[id] = .text(day.iso)
        } else {
            metrics[id] = .null
            unavailable[id] = reason.code
        }
    }

    /// `numerator / denominator`, null with `reason` when the denominator is not positive.
    mutating func ratio(
        _ metric: MetricID, _ numerator: Double, _ denominator: Double,
        orElse reason: UnavailableReason = .zeroTotal
    ) {
        set(metric, denominator > 0 ? numerator / denominator : nil, orElse: reason)
    }

    /// Any catalogue metric left unset becomes null (nothing to measure).
    mutating func finish() {
        for metric in MetricCatalogue.all where metrics[metric.id] == nil {
            metrics[metric.id] = .null
            unavailable[metric.id] = UnavailableReason.nothingToMeasure.code
        }
    }
}

/// The whole computation over one round's loaded data.
/// The customer keys behind three counts of the catalogue, kept so that a finding can show and
/// the action lists can name exactly the customers a metric counted.
struct CustomerLists: Sendable {
    /// `customers.overdue_regulars`, with each one's mean days between purchase days.
    var overdueRegulars: [(key: Int32, interval: Double)] = []
    /// Last year's top 20 % whose purchases fell by more than 30 % (`key.top20_prev_down30_share`).
    var keyDecliners: [Int32] = []
    /// `managers.unserved_customers`, with the manager each is assigned to (nil: none).
    var unserved: [(key: Int32, manager: String?)] = []
}

struct Computation: Sendable {
    let data: RoundData
    let asOf: Day
    var sink: MetricSink
    var tables = MetricTables()
    /// Each manager's customers' share of the headline period's revenue (the dependency measure,
    /// `managers.customers_revenue_share_12m`), filled by the managers' computation.
    var customerShares: [String: Double] = [:]
    /// Open deals' stale share by stage (``stageStaleness(cycle:)``).
    var stageStaleShares: [String: Double] = [:]
    /// The customers behind the counts a consultant acts on (samples and action lists).
    var customerLists = CustomerLists()
    var series = MonthlySeries()

    // Day windows as ordinals.
    let asOfDay: Int32
    let last12Start: Int32  // exclusive
    let prev12Start: Int32  // exclusive
    let last90Start: Int32  // exclusive

    // Results of the sales pass.
    var stats: CustomerStats
    var included: [Bool] = []
    var revenue = 0.0
    var includedRows = 0
    var firstDay = Int32.max
    var lastDay = Int32.min
    var ordersSeen = 0
    var soldLast90 = false
    /// Whether the data cover the previous 12 months whole (the first sale is on or before their
    /// first day); when not, every change between the two windows is null.
    var previousWindowCovered = false

    init(data: RoundData, asOf: Day) {
        self.data = data
        self.asOf = asOf
        sink = MetricSink(data: data)
        asOfDay = Int32(asOf.ordinal)
        last12Start = asOfDay - 365
        prev12Start = asOfDay - 730
        last90Start = asOfDay - 90
        stats = CustomerStats(count: data.customerKeys.count)
    }

    /// Whether manager `key`'s name sorts after `other`'s in byte order (UTF-8 keeps the order of
    /// code points: what PostgreSQL's `COLLATE "C"` and ClickHouse compare).
    private func isLater(_ key: Int32, _ other: Int32) -> Bool {
        guard other >= 0 else { return true }
        let names = data.managerKeys.names
        return names[Int(other)].utf8.lexicographicallyPrecedes(names[Int(key)].utf8)
    }

    /// The default as_of: the latest readable sale date, else the round's date.
    static func defaultAsOf(_ data: RoundData) -> Day {
        var latest = Int32.min
        for day in data.sales.day where day > latest { latest = day }
        return latest == Int32.min ? data.roundDate : Day(ordinal: Int(latest))
    }

    /// One pass over the sale lines: totals, windows, per-customer aggregates.
    mutating func salesPass() {
        let sales = data.sales
        included = Array(repeating: false, count: sales.count)
        var orderSeen = [Bool](repeating: false, count: data.orderCount)
        var last12 = 0.0, prev12 = 0.0
        var costAmount = 0.0, costSum = 0.0, costRows = 0
        // The two 12-month windows: orders seen and the margin of the lines with a cost.
        var window = [WindowTotals(orders: data.orderCount), WindowTotals(orders: data.orderCount)]
        var invalidDates = 0, afterAsOf = 0, zeroRows = 0, negativeRows = 0
        var lastManagerDay = [Int32](repeating: Int32.min, count: stats.revenue.count)
        for index in 0..<sales.count {
            let day = sales.day[index]
            if day == Int32.min {
                invalidDates += 1
                continue
            }
            if day > asOfDay {
                afterAsOf += 1
                continue
            }
            included[index] = true
            includedRows += 1
            let amount = sales.amount[index]
            revenue += amount
            if amount == 0 { zeroRows += 1 } else if amount < 0 { negativeRows += 1 }
            let order = Int(sales.order[index])
            if !orderSeen[order] {
                orderSeen[order] = true
                ordersSeen += 1
            }
            let cost = sales.cost[index]
            if !cost.isNaN {
                costAmount += amount
                costSum += cost
                costRows += 1
            }
            if day < firstDay { firstDay = day }
            if day > lastDay { lastDay = day }
            let customer = Int(sales.customer[index])
            stats.revenue[customer] += amount
            stats.lines[customer] += 1
            if day < stats.firstDay[customer] { stats.firstDay[customer] = day }
            if day > stats.lastDay[customer] { stats.lastDay[customer] = day }
            if day > last12Start {
                last12 += amount
                stats.revenueLast12m[customer] += amount
                stats.boughtLast12m[customer] = true
                if day > last90Start { soldLast90 = true }
                window[0].add(order: order, amount: amount, cost: cost)
            } else if day > prev12Start {
                prev12 += amount
                stats.revenuePrev12m[customer] += amount
                stats.boughtPrev12m[customer] = true
                window[1].add(order: order, amount: amount, cost: cost)
            }
            // The manager of the customer's latest line; on a day with several, the name that sorts
            // last (byte order): the line order of an export says nothing, and a database has none.
            let manager = sales.manager[index]
            if manager >= 0,
                day > lastManagerDay[customer] || day == lastManagerDay[customer] && isLater(manager, stats.lastManager[customer])
            {
                lastManagerDay[customer] = day
                stats.lastManager[customer] = manager
            }
        }
        countDistinctDays()

        var totals = SalesAggregates()
        totals.rows = includedRows
        totals.revenue = revenue
        totals.orders = ordersSeen
        totals.buyers = stats.lines.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        totals.firstDay = firstDay == Int32.max ? nil : Day(ordinal: Int(firstDay))
        totals.lastDay = lastDay == Int32.min ? nil : Day(ordinal: Int(lastDay))
        totals.costLines = costRows
        totals.costLinesAmount = costAmount
        totals.cost = costSum
        totals.windows = [
            window[0].aggregate(revenue: last12, customers: stats.boughtLast12m.reduce(0) { $0 + ($1 ? 1 : 0) }),
            window[1].aggregate(revenue: prev12, customers: stats.boughtPrev12m.reduce(0) { $0 + ($1 ? 1 : 0) }),
        ]
        totals.zeroRows = zeroRows
        totals.negativeRows = negativeRows
        totals.afterAsOf = afterAsOf
        totals.invalidDates = invalidDates
        previousWindowCovered = totals.coversPreviousWindow(asOf: asOf)
        sink.setSales(totals, asOf: asOf)
    }

}

/// Orders, and the margin of the lines with a cost, in one 12-month window.
struct WindowTotals {
    private var seen: [Bool]
    private(set) var orders = 0
    private var costAmount = 0.0
    private var cost = 0.0
    private(set) var costLines = 0

    init(orders: Int) { seen = Array(repeating: false, count: orders) }

    mutating func add(order: Int, amount: Double, cost lineCost: Double) {
        if !seen[order] {
            seen[order] = true
            orders += 1
        }
        if !lineCost.isNaN {
            costAmount += amount
            cost += lineCost
            costLines += 1
        }
    }

    /// The window's totals for ``SalesAggregates``.
    func aggregate(revenue: Double, customers: Int) -> SalesAggregates.Window {
        SalesAggregates.Window(
            revenue: revenue, orders: orders, customers: customers, costLines: costLines, costLinesAmount: costAmount, cost: cost)
    }
}
