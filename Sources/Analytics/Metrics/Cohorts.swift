import AuditModel

// The monthly series (charts) and the monthly acquisition cohorts with their retention.

extension MetricID {
    static func cohortRetention(month: Int) -> MetricID { MetricID("cohorts.retention_m\(month)") }
}

extension MetricCatalogue {
    static let cohortMetrics: [MetricDefinition] = [1, 3, 12].map { month in
        .init(
            .cohortRetention(month: month), .cohorts, .share, .cohorts, [.sales], .higherIsBetter,
            ru: (
                "Когортное удержание, месяц \(month)",
                "Σ клиентов когорт, купивших через \(month) мес. после месяца первой покупки / Σ размеров когорт, у которых этот месяц не позже месяца as_of"
            ),
            en: (
                "Cohort retention, month \(month)",
                "Σ customers who bought \(month) month(s) after their first purchase month / Σ sizes of the cohorts whose month \(month) is not after as_of's month"
            ))
    }
}

extension Computation {
    /// The monthly series and cohorts. `distinctPairs` is sorted (customer, day) keys, with repeats.
    mutating func buildMonthly(distinctPairs keys: [UInt64]) {
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

        var monthly = MonthlyAggregates(firstMonth: firstMonth, revenue: revenueByMonth, orders: orders.counts)
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
                monthly.add(cohort: cohort, month: cohort)
            } else if m != previousMonth {
                previousMonth = m
                monthly.add(cohort: cohort, month: Int(m))
            }
        }
        series = monthly.series(firstDay: Day(ordinal: Int(firstDay)), asOf: asOf)
        tables.cohorts = monthly.cohortRows
        sink.setCohorts(monthly, asOf: asOf)
    }
}

/// What the monthly series and the acquisition cohorts are made of, whether counted from lines in
/// memory or brought back from a database: per month from the first with sales, the revenue and
/// the distinct orders, and per cohort (the month of a customer's first purchase) how many of its
/// customers bought in each later month.
package struct MonthlyAggregates: Sendable, Equatable {
    /// `Day.monthIndex` of the first month.
    package var firstMonth: Int
    package var revenue: [Double]
    package var orders: [Int]
    /// `cohorts[c][k]`: customers whose first purchase is in month c who bought k months later
    /// (k = 0: the cohort's size); empty for a month without new customers.
    package var cohorts: [[Int]]

    package init(firstMonth: Int, revenue: [Double], orders: [Int]) {
        self.firstMonth = firstMonth
        self.revenue = revenue
        self.orders = orders
        cohorts = Array(repeating: [], count: revenue.count)
    }

    /// Counts `customers` of the cohort of month offset `cohort` buying in month offset `month`.
    package mutating func add(cohort: Int, month: Int, customers: Int = 1) {
        guard cohorts.indices.contains(cohort), month >= cohort, month < revenue.count else { return }
        if cohorts[cohort].isEmpty { cohorts[cohort] = Array(repeating: 0, count: revenue.count - cohort) }
        cohorts[cohort][month - cohort] += customers
    }

    /// The series; a month is partial when the data do not cover it whole: the first sale after
    /// its 1st, or as_of before its last day.
    package func series(firstDay: Day, asOf: Day) -> MonthlySeries {
        let count = revenue.count
        var customers = [Int](repeating: 0, count: count)
        var new = [Int](repeating: 0, count: count)
        for (cohort, active) in cohorts.enumerated() {
            for (lag, buyers) in active.enumerated() { customers[cohort + lag] += buyers }
            new[cohort] = active.first ?? 0
        }
        var partial = [Bool](repeating: false, count: count)
        if count > 0 {
            if firstDay.components.day != 1 { partial[0] = true }
            if firstMonth + count - 1 == asOf.monthIndex, asOf.components.day < Day.daysIn(month: asOf.month, year: asOf.year) {
                partial[count - 1] = true
            }
        }
        return MonthlySeries(
            months: (0..<count).map { Day.monthLabel(firstMonth + $0) }, revenue: revenue, orders: orders, customers: customers,
            newCustomers: new, partial: partial)
    }

    /// The cohorts with customers, oldest first.
    package var cohortRows: [CohortRow] {
        cohorts.enumerated().compactMap { offset, active in
            active.isEmpty ? nil : CohortRow(cohort: Day.monthLabel(firstMonth + offset), size: active[0], active: active)
        }
    }
}

extension MetricSink {
    /// The cohort retention metrics: month 1, 3 and 12 over the cohorts old enough for each.
    package mutating func setCohorts(_ monthly: MonthlyAggregates, asOf: Day) {
        let asOfMonth = asOf.monthIndex
        for lag in [1, 3, 12] {
            var retained = 0, size = 0
            for (offset, active) in monthly.cohorts.enumerated() where !active.isEmpty && monthly.firstMonth + offset + lag <= asOfMonth {
                size += active[0]
                retained += lag < active.count ? active[lag] : 0
            }
            ratio(.cohortRetention(month: lag), Double(retained), Double(size), orElse: .noCompleteCohort)
        }
    }
}
