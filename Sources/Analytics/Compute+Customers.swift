import AuditModel

extension Computation {
    /// Customer keys with sales ranked by revenue descending, ties by customer id ascending:
    /// over all history, or (`headline`) only the customers who bought in the last 12 months, by
    /// their revenue there — so that a customer silent for a year and more is never a key account.
    func customerRanking(headline: Bool = false) -> [Int32] {
        let names = data.customerKeys.names
        let revenue = headline ? stats.revenueLast12m : stats.revenue
        var keys: [Int32] = []
        keys.reserveCapacity(stats.revenue.count)
        for key in stats.lines.indices where headline ? stats.boughtLast12m[key] : stats.lines[key] > 0 { keys.append(Int32(key)) }
        keys.sort { a, b in
            let ra = revenue[Int(a)], rb = revenue[Int(b)]
            return ra != rb ? ra > rb : names[Int(a)] < names[Int(b)]
        }
        return keys
    }

    /// Pareto metrics over ranked revenues: the headline period's (`suffix` empty, `revenue` the
    /// last 12 months') or all history's (`suffix` `.all_history`).
    mutating func pareto(ranking: [Int32], revenue: [Double], suffix: String) {
        let n = ranking.count
        let total = ranking.reduce(0.0) { $0 + revenue[Int($1)] }
        guard n > 0, total > 0 else {
            for id in ["pareto.top20_share", "pareto.customers_for_80", "pareto.customers_for_80_share",
                       "pareto.top_customer_share", "pareto.hhi"] {
                sink.set(id + suffix, nil, orElse: n == 0 && suffix.isEmpty ? .noSalesLast12Months : .zeroTotal)
            }
            return
        }
        let top = Int(clamped: 0.2 * Double(n), rounding: .up)
        var cumulative = 0.0, topRevenue = 0.0, hhi = 0.0
        var k: Int?
        for (position, key) in ranking.enumerated() {
            let value = revenue[Int(key)]
            cumulative += value
            if position < top { topRevenue += value }
            if k == nil, cumulative >= 0.8 * total { k = position + 1 }
            let share = value / total
            hhi += share * share
        }
        sink.set("pareto.top20_share" + suffix, topRevenue / total)
        sink.set("pareto.customers_for_80" + suffix, k.map(Double.init))
        sink.set("pareto.customers_for_80_share" + suffix, k.map { Double($0) / Double(n) })
        sink.set("pareto.top_customer_share" + suffix, revenue[Int(ranking[0])] / total)
        sink.set("pareto.hhi" + suffix, hhi)
    }

    /// The customer definitions, each once: active (bought in the last 12 months), new (first
    /// purchase ever there), returning (active, bought before), retained (active in both
    /// windows), reactivated (returning, silent in the previous 12 months), lost (active in the
    /// previous 12 months, not in the last 12); the retention and churn rates; repeat rate and
    /// purchase interval over all history.
    mutating func retention() {
        var buyers = 0, repeaters = 0, active = 0, lost = 0, new12 = 0, retained = 0, reactivated = 0, previous = 0
        var intervals: [Double] = []
        var lostRevenue = 0.0, keptRevenue = 0.0, previousRevenue = 0.0, newPrevious = 0, newPreviousRetained = 0
        for key in stats.lines.indices where stats.lines[key] > 0 {
            buyers += 1
            if stats.frequency[key] >= 2 {
                repeaters += 1
                intervals.append(Double(stats.lastDay[key] - stats.firstDay[key]) / Double(stats.frequency[key] - 1))
            }
            switch (stats.boughtPrev12m[key], stats.boughtLast12m[key]) {
            case (true, true):
                if stats.firstDay[key] > prev12Start { newPrevious += 1; newPreviousRetained += 1 }
                previous += 1; active += 1; retained += 1
                keptRevenue += stats.revenueLast12m[key]; previousRevenue += stats.revenuePrev12m[key]
            case (true, false):
                if stats.firstDay[key] > prev12Start { newPrevious += 1 }
                previous += 1; lost += 1; lostRevenue += stats.revenuePrev12m[key]; previousRevenue += stats.revenuePrev12m[key]
            case (false, true):
                active += 1
                if stats.firstDay[key] > last12Start { new12 += 1 } else { reactivated += 1 }
            case (false, false): break
            }
        }
        sink.ratio("customers.repeat_rate", Double(repeaters), Double(buyers))
        intervals.sort()
        let median: Double? = intervals.isEmpty ? nil
            : intervals.count % 2 == 1 ? intervals[intervals.count / 2]
            : (intervals[intervals.count / 2 - 1] + intervals[intervals.count / 2]) / 2
        sink.set("customers.median_purchase_interval_days", median)
        overdueRegulars()
        sink.ratio("customers.active_12m_share", Double(active), Double(buyers))
        sink.set("customers.new_12m", new12)
        sink.set("customers.returning_12m", active - new12)
        sink.set("customers.retained_12m", retained)
        sink.set("customers.reactivated_12m", reactivated)
        sink.set("customers.lost_12m", lost)
        sink.set("customers.lost_revenue_prev_12m", lostRevenue)
        sink.ratio("retention.rate_12m", Double(retained), Double(previous), orElse: .emptyPreviousWindow)
        sink.ratio("retention.churn_12m", Double(lost), Double(previous), orElse: .emptyPreviousWindow)
        if previousWindowCovered {
            sink.ratio("retention.revenue_12m", keptRevenue, previousRevenue, orElse: .emptyPreviousWindow)
            sink.ratio("retention.prev_new_12m", Double(newPreviousRetained), Double(newPrevious), orElse: .emptyPreviousWindow)
        } else {
            sink.set("retention.revenue_12m", nil, orElse: .previousWindowNotCovered)
            sink.set("retention.prev_new_12m", nil, orElse: .previousWindowNotCovered)
        }
    }

    /// Regular customers (purchases on three days or more, the last within 12 months) whose time
    /// since the last purchase exceeds twice their own mean interval (and 30 days) and who bought
    /// at this time of year a year ago: the reorders a manager should be chasing now, measured
    /// against each customer's own rhythm and season rather than one churn threshold for all.
    mutating func overdueRegulars() {
        // The season: a customer who bought within 45 days either side of this date a year ago
        // buys at this time of year, so their silence now is not the season's.
        let seasonStart = asOfDay - 365 - 45, seasonEnd = asOfDay - 365 + 45
        var inSeason = [Bool](repeating: false, count: stats.lines.count)
        let sales = data.sales
        for index in 0..<sales.count where included[index] && sales.day[index] > seasonStart && sales.day[index] <= seasonEnd {
            let customer = Int(sales.customer[index])
            if customer >= 0 && customer < inSeason.count { inSeason[customer] = true }
        }
        var overdue = 0, overdueRevenue = 0.0, revenue = 0.0
        for key in stats.lines.indices where stats.boughtLast12m[key] {
            revenue += stats.revenueLast12m[key]
            let days = Int(stats.frequency[key])
            guard days >= 3 else { continue }
            let interval = Double(stats.lastDay[key] - stats.firstDay[key]) / Double(days - 1)
            let since = Double(asOfDay - stats.lastDay[key])
            if since > max(2 * interval, 30), inSeason[key] {
                overdue += 1
                overdueRevenue += stats.revenueLast12m[key]
                customerLists.overdueRegulars.append((Int32(key), interval))
            }
        }
        sink.set("customers.overdue_regulars", overdue)
        sink.ratio("customers.overdue_regulars_revenue_share_12m", overdueRevenue, revenue, orElse: .noSalesLast12Months)
    }

    /// What last year's largest customers did this year: the top 20 % of the previous 12 months'
    /// buyers (by their revenue there, ties by customer id), their revenue in the last 12 months
    /// against the previous 12 (net revenue retention), and the gross revenue they lost
    /// (Σ max(0, previous − last) over previous): the measured counterpart of the key-account loss
    /// a money estimate assumes.
    mutating func keyAccountRetention() {
        let ids = ["key.top20_prev_revenue_retention_12m", "key.top20_prev_revenue_lost_share_12m", "key.top20_prev_down30_share"]
        guard previousWindowCovered else {
            for id in ids { sink.set(id, nil, orElse: .previousWindowNotCovered) }
            return
        }
        let names = data.customerKeys.names
        var keys: [Int] = []
        for key in stats.lines.indices where stats.boughtPrev12m[key] && stats.revenuePrev12m[key] > 0 { keys.append(key) }
        keys.sort { a, b in
            let ra = stats.revenuePrev12m[a], rb = stats.revenuePrev12m[b]
            return ra != rb ? ra > rb : names[a] < names[b]
        }
        let top = keys.prefix(Int(clamped: 0.2 * Double(keys.count), rounding: .up))
        var before = 0.0, after = 0.0, lost = 0.0, down30 = 0
        for key in top {
            let previous = stats.revenuePrev12m[key], last = stats.revenueLast12m[key]
            before += previous
            after += last
            lost += max(0, previous - last)
            if last < 0.7 * previous {
                down30 += 1
                customerLists.keyDecliners.append(Int32(key))
            }
        }
        guard before > 0 else {
            for id in ids { sink.set(id, nil, orElse: .emptyPreviousWindow) }
            return
        }
        sink.set(ids[0], after / before)
        sink.set(ids[1], lost / before)
        sink.ratio(ids[2], Double(down30), Double(top.count))
    }

    /// RFM scores and segments per buying customer, segment table and risk metrics.
    mutating func rfm(ranking: [Int32]) -> [Int32: RFMScore] {
        let n = ranking.count
        guard n > 0 else { return [:] }
        let recency = ranking.map { Int(asOfDay - stats.lastDay[Int($0)]) }
        let frequency = ranking.map { Int(stats.frequency[Int($0)]) }
        let monetary = ranking.map { stats.revenue[Int($0)] }
        // A smaller recency is better, so score the negated value.
        let r = Self.quintileScores(recency.map { -Double($0) })
        let f = Self.quintileScores(frequency.map(Double.init))
        let m = Self.quintileScores(monetary)
        var scores: [Int32: RFMScore] = [:]
        scores.reserveCapacity(n)
        var counts = [Int](repeating: 0, count: RFMSegment.allCases.count)
        var revenueBySegment = [Double](repeating: 0, count: counts.count)
        var last12BySegment = [Double](repeating: 0, count: counts.count)
        for (position, key) in ranking.enumerated() {
            let segment = RFMSegment(r: r[position], f: f[position], m: m[position], singlePurchase: frequency[position] == 1)
            scores[key] = RFMScore(recencyDays: recency[position], frequency: frequency[position], monetary: monetary[position],
                                   r: r[position], f: f[position], m: m[position], segment: segment)
            counts[segment.rawValue] += 1
            revenueBySegment[segment.rawValue] += monetary[position]
            last12BySegment[segment.rawValue] += stats.revenueLast12m[Int(key)]
        }
        let total = monetary.reduce(0, +)
        tables.rfmSegments = RFMSegment.allCases.map { segment in
            RFMSegmentRow(segment: segment.name, customers: counts[segment.rawValue],
                          customerShare: Double(counts[segment.rawValue]) / Double(n),
                          revenue: revenueBySegment[segment.rawValue],
                          revenueShare: total > 0 ? revenueBySegment[segment.rawValue] / total : nil,
                          revenueLast12m: last12BySegment[segment.rawValue])
        }
        for segment in RFMSegment.allCases { sink.set("rfm.\(segment.id)", counts[segment.rawValue]) }
        let atRisk = last12BySegment[RFMSegment.atRisk.rawValue] + last12BySegment[RFMSegment.cantLose.rawValue]
        sink.set("rfm.revenue_at_risk", atRisk)
        sink.set("rfm.at_risk_customers", counts[RFMSegment.atRisk.rawValue] + counts[RFMSegment.cantLose.rawValue])
        let last12 = stats.revenueLast12m.reduce(0, +)
        sink.ratio("rfm.revenue_at_risk_share", atRisk, last12)
        return scores
    }

    /// Scores 1–5 by quintiles of the percentile rank, higher values scoring higher:
    /// p = (values strictly lower + ½·(values tied − 1)) / (N − 1), score = min(5, 1 + ⌊5·p⌋);
    /// ties get one score, and a single customer scores 3.
    static func quintileScores(_ values: [Double]) -> [Int] {
        let n = values.count
        guard n > 1 else { return values.map { _ in 3 } }
        let sorted = values.sorted()
        return values.map { value in
            let lower = lowerBound(sorted, value)
            let upper = upperBound(sorted, value)
            // 5·p in integers: 5·(2·lower + ties − 1) / (2·(N − 1)), so that no rounding moves a boundary.
            return min(5, 1 + 5 * (2 * lower + (upper - lower) - 1) / (2 * (n - 1)))
        }
    }

    static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// ABC classes over items ranked by revenue descending: A is the prefix up to and including
    /// the item whose cumulative revenue reaches 80% of the total, B up to 95%, C the rest.
    /// Returns the class of each ranked item (0, 1, 2), or nil when the total is not positive.
    static func abcClasses(_ revenues: [Double]) -> [Int8]? {
        let total = revenues.reduce(0, +)
        guard total > 0 else { return nil }
        var classes = [Int8](repeating: 2, count: revenues.count)
        var cumulative = 0.0
        var current: Int8 = 0
        for (index, value) in revenues.enumerated() {
            // An item belongs to the class that was open before it was added.
            classes[index] = current
            cumulative += value
            if current == 0, cumulative >= 0.8 * total { current = 1 }
            if current == 1, cumulative >= 0.95 * total { current = 2 }
        }
        return classes
    }

    /// The ABC metrics of one subject (`customers`, `products`, `managers`) on the headline
    /// period (`suffix` empty; also its table) or all history (`suffix` `.all_history`).
    /// - Parameter whenEmpty: why the metrics are null when there is nothing to rank (default: the
    ///   subject's field is empty in every sale line).
    mutating func abc(subject: String, revenues: [Double], classes: [Int8]?, suffix: String = "", whenEmpty: UnavailableReason? = nil) {
        let prefix = "abc.\(subject)."
        guard let classes else {
            let reason = revenues.isEmpty ? whenEmpty ?? .noValues(.sales, String(subject.dropLast())) : .zeroTotal
            for letter in ["a", "b", "c"] {
                sink.set(prefix + letter + "_count" + suffix, nil, orElse: reason)
                sink.set(prefix + letter + "_revenue_share" + suffix, nil, orElse: reason)
            }
            return
        }
        let total = revenues.reduce(0, +)
        var counts = [0, 0, 0], sums = [0.0, 0.0, 0.0]
        var minimums: [Double?] = [nil, nil, nil]
        for (index, value) in revenues.enumerated() {
            let klass = Int(classes[index])
            counts[klass] += 1
            sums[klass] += value
            minimums[klass] = min(minimums[klass] ?? value, value)
        }
        var rows: [ABCClassRow] = []
        for (offset, letter) in ["a", "b", "c"].enumerated() {
            sink.set(prefix + letter + "_count" + suffix, counts[offset])
            sink.set(prefix + letter + "_revenue_share" + suffix, sums[offset] / total)
            rows.append(ABCClassRow(abcClass: letter.uppercased(), count: counts[offset],
                                    countShare: Double(counts[offset]) / Double(revenues.count),
                                    revenue: sums[offset], revenueShare: sums[offset] / total, minRevenue: minimums[offset]))
        }
        if suffix.isEmpty { tables.abc[subject] = rows }
    }
}
