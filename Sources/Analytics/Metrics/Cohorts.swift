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
            sink.ratio(.cohortRetention(month: lag), Double(retained), Double(size), orElse: .noCompleteCohort)
        }
    }
}
