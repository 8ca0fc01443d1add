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
    mutating func set(_ id: String, _ value: Double?, orElse reason: UnavailableReason = .nothingToMeasure) {
        assert(MetricCatalogue.definition(of: id) != nil, "metric \(id) is not in the catalogue")
        guard unavailable[id] == nil else { return }
        if let value, value.isFinite {
            metrics[id] = .number(value == 0 ? 0 : value)
        } else {
            metrics[id] = .null
            unavailable[id] = reason.code
        }
    }

    mutating func set(_ id: String, _ value: Int) { set(id, Double(value)) }

    mutating func set(_ id: String, day: Day?, orElse reason: UnavailableReason = .nothingToMeasure) {
        guard unavailable[id] == nil else { return }
        if let day {
            metrics[id] = .text(day.iso)
        } else {
            metrics[id] = .null
            unavailable[id] = reason.code
        }
    }

    /// `numerator / denominator`, null with `reason` when the denominator is not positive.
    mutating func ratio(_ id: String, _ numerator: Double, _ denominator: Double,
                        orElse reason: UnavailableReason = .zeroTotal) {
        set(id, denominator > 0 ? numerator / denominator : nil, orElse: reason)
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
            if day == Int32.min { invalidDates += 1; continue }
            if day > asOfDay { afterAsOf += 1; continue }
            included[index] = true
            includedRows += 1
            let amount = sales.amount[index]
            revenue += amount
            if amount == 0 { zeroRows += 1 } else if amount < 0 { negativeRows += 1 }
            let order = Int(sales.order[index])
            if !orderSeen[order] { orderSeen[order] = true; ordersSeen += 1 }
            let cost = sales.cost[index]
            if !cost.isNaN { costAmount += amount; costSum += cost; costRows += 1 }
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
            let manager = sales.manager[index]
            if manager >= 0, day >= lastManagerDay[customer] {
                lastManagerDay[customer] = day
                stats.lastManager[customer] = manager
            }
        }
        countDistinctDays()

        sink.set("sales.rows", includedRows)
        sink.set("sales.revenue.all_history", revenue)
        sink.set("sales.orders.all_history", ordersSeen)
        let buyers = stats.lines.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        sink.set("sales.customers.all_history", buyers)
        sink.ratio("sales.avg_order_value.all_history", revenue, Double(ordersSeen), orElse: .nothingToMeasure)
        sink.ratio("sales.avg_revenue_per_customer.all_history", revenue, Double(buyers), orElse: .nothingToMeasure)
        let first = firstDay == Int32.max ? nil : Day(ordinal: Int(firstDay))
        let last = lastDay == Int32.min ? nil : Day(ordinal: Int(lastDay))
        sink.set("sales.first_date", day: first, orElse: .noValidDates)
        sink.set("sales.last_date", day: last, orElse: .noValidDates)
        if let first, let last {
            sink.set("sales.months", last.monthIndex - first.monthIndex + 1)
        } else {
            sink.set("sales.months", nil, orElse: .noValidDates)
        }
        previousWindowCovered = firstDay <= prev12Start + 1
        sink.set("sales.gross_margin.all_history", costRows > 0 && costAmount != 0 ? (costAmount - costSum) / costAmount : nil,
                 orElse: costRows == 0 ? .noValues(.sales, "cost") : .zeroTotal)
        headlineTotals(last12: last12, prev12: prev12, last: window[0], previous: window[1])
        sink.ratio("sales.cost_coverage", Double(costRows), Double(includedRows), orElse: .nothingToMeasure)

        sink.set("quality.zero_amount_rows", zeroRows)
        sink.set("quality.negative_amount_rows", negativeRows)
        sink.set("quality.sales_after_as_of", afterAsOf)
        sink.set("quality.invalid_sale_dates", invalidDates)
    }

    /// The headline period's revenue, orders, average order and margin, the same for the 12 months
    /// before, and the change between them (null when the data do not cover the previous window).
    private mutating func headlineTotals(last12: Double, prev12: Double, last: WindowTotals, previous: WindowTotals) {
        sink.set("sales.revenue_last_12m", last12)
        sink.set("sales.revenue_prev_12m", prev12)
        sink.set("sales.orders_last_12m", last.orders)
        sink.set("sales.orders_prev_12m", previous.orders)
        let active = stats.boughtLast12m.reduce(0) { $0 + ($1 ? 1 : 0) }
        let activeBefore = stats.boughtPrev12m.reduce(0) { $0 + ($1 ? 1 : 0) }
        sink.set("customers.active_12m", active)
        sink.set("customers.active_prev_12m", activeBefore)
        let orderValue = last.orders > 0 ? last12 / Double(last.orders) : nil
        let orderValueBefore = previous.orders > 0 ? prev12 / Double(previous.orders) : nil
        sink.set("sales.avg_order_value_last_12m", orderValue)
        sink.set("sales.avg_order_value_prev_12m", orderValueBefore)
        sink.ratio("sales.avg_revenue_per_customer_last_12m", last12, Double(active), orElse: .nothingToMeasure)
        let noCost = UnavailableReason.noValues(.sales, "cost")
        sink.set("sales.gross_margin_last_12m", last.margin, orElse: last.costLines == 0 ? noCost : .zeroTotal)
        sink.set("sales.gross_margin_prev_12m", previous.margin, orElse: previous.costLines == 0 ? noCost : .zeroTotal)

        // A change needs a previous window the data cover whole, with something in it.
        func change(_ id: String, _ now: Double?, _ before: Double?, difference: Bool = false) {
            guard previousWindowCovered else { return sink.set(id, nil, orElse: .previousWindowNotCovered) }
            guard let now, let before else { return sink.set(id, nil, orElse: .emptyPreviousWindow) }
            if difference { return sink.set(id, now - before) }
            sink.set(id, before != 0 ? now / before - 1 : nil, orElse: .emptyPreviousWindow)
        }
        change("sales.growth_12m", last12, prev12)
        change("sales.orders_growth_12m", Double(last.orders), Double(previous.orders))
        change("sales.avg_order_value_growth_12m", orderValue, orderValueBefore)
        change("customers.active_growth_12m", Double(active), Double(activeBefore))
        change("sales.gross_margin_change_12m", last.margin, previous.margin, difference: true)
    }

    /// Distinct purchase days per customer, monthly active customers and the cohort matrix,
    /// from the sorted distinct (customer, day) pairs.
    private mutating func countDistinctDays() {
        let sales = data.sales
        var keys = [UInt64]()
        keys.reserveCapacity(includedRows)
        // Lines of one order repeat their (customer, day): skip consecutive repeats before sorting.
        var last = UInt64.max
        for index in 0..<sales.count where included[index] {
            let key = UInt64(UInt32(bitPattern: sales.customer[index])) << 32
                | UInt64(UInt32(bitPattern: sales.day[index] &+ Int32.min))
            if key != last {
                keys.append(key)
                last = key
            }
        }
        keys.sort()
        var previous = UInt64.max
        for key in keys where key != previous {
            previous = key
            stats.frequency[Int(key >> 32)] += 1
        }
        buildMonthly(distinctPairs: keys)
    }

    /// The monthly series and cohorts. `distinctPairs` is sorted (customer, day) keys, with repeats.
    private mutating func buildMonthly(distinctPairs keys: [UInt64]) {
        guard firstDay <= lastDay else { return }
        let firstMonth = Day(ordinal: Int(firstDay)).monthIndex
        let lastMonth = Day(ordinal: Int(lastDay)).monthIndex
        let monthCount = lastMonth - firstMonth + 1
        // Month of each day in range, looked up rather than computed per line.
        let base = Int(firstDay)
        var monthOfDay = [Int32](repeating: 0, count: Int(lastDay) - base + 1)
        var day = Day(ordinal: base)
        var month = day.monthIndex - firstMonth
        var monthEnd = day.startOfMonth.adding(days: Day.daysIn(month: day.month, year: day.year)).ordinal
        for offset in monthOfDay.indices {
            if base + offset >= monthEnd {
                month += 1
                day = Day(ordinal: base + offset)
                monthEnd = day.adding(days: Day.daysIn(month: day.month, year: day.year)).ordinal
            }
            monthOfDay[offset] = Int32(month)
        }

        var revenueByMonth = [Double](repeating: 0, count: monthCount)
        var orders = DistinctPairCounter(items: data.orderCount, groups: monthCount)
        let sales = data.sales
        for index in 0..<sales.count where included[index] {
            let m = monthOfDay[Int(sales.day[index]) - base]
            revenueByMonth[Int(m)] += sales.amount[index]
            orders.add(group: m, item: sales.order[index])
        }

        var customersByMonth = [Int](repeating: 0, count: monthCount)
        var newByMonth = [Int](repeating: 0, count: monthCount)
        var cohortActive = [[Int]](repeating: [], count: monthCount)
        var previousCustomer = UInt64.max
        var previousMonth: Int32 = -1
        var cohort = 0
        for key in keys {
            let customer = key >> 32
            let dayOrdinal = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key)) &- Int32.min)
            let m = monthOfDay[dayOrdinal - base]
            if customer != previousCustomer {
                previousCustomer = customer
                previousMonth = m
                cohort = Int(m)
                newByMonth[cohort] += 1
                customersByMonth[Int(m)] += 1
                if cohortActive[cohort].isEmpty { cohortActive[cohort] = Array(repeating: 0, count: monthCount - cohort) }
                cohortActive[cohort][0] += 1
            } else if m != previousMonth {
                previousMonth = m
                customersByMonth[Int(m)] += 1
                cohortActive[cohort][Int(m) - cohort] += 1
            }
        }
        // A month is partial when the data do not cover it whole: the first sale after its 1st, or
        // as_of before its last day.
        var partial = [Bool](repeating: false, count: monthCount)
        if Day(ordinal: Int(firstDay)).components.day != 1 { partial[0] = true }
        if lastMonth == asOf.monthIndex, asOf.components.day < Day.daysIn(month: asOf.month, year: asOf.year) {
            partial[monthCount - 1] = true
        }
        series = MonthlySeries(
            months: (0..<monthCount).map { Day.monthLabel(firstMonth + $0) }, revenue: revenueByMonth,
            orders: orders.counts, customers: customersByMonth, newCustomers: newByMonth, partial: partial)
        tables.cohorts = cohortActive.enumerated().compactMap { offset, active in
            active.isEmpty ? nil : CohortRow(cohort: Day.monthLabel(firstMonth + offset), size: active[0], active: active)
        }
        let asOfMonth = asOf.monthIndex
        for lag in [1, 3, 12] {
            var retained = 0, size = 0
            for (offset, active) in cohortActive.enumerated() where !active.isEmpty && firstMonth + offset + lag <= asOfMonth {
                size += active[0]
                retained += lag < active.count ? active[lag] : 0
            }
            sink.ratio("cohorts.retention_m\(lag)", Double(retained), Double(size), orElse: .noCompleteCohort)
        }
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
        if !seen[order] { seen[order] = true; orders += 1 }
        if !lineCost.isNaN { costAmount += amount; cost += lineCost; costLines += 1 }
    }

    /// (Σ amount − Σ cost) / Σ amount over the lines with a cost; nil without them.
    var margin: Double? { costLines > 0 && costAmount != 0 ? (costAmount - cost) / costAmount : nil }
}
