import AuditModel

// RFM segments (recency, frequency, money by quintiles) and the revenue of the customers at risk.

extension MetricID {
    static func rfmSegment(_ segment: String) -> MetricID { MetricID("rfm.\(segment)") }
    static let rfmRevenueAtRisk = MetricID("rfm.revenue_at_risk")
    static let rfmRevenueAtRiskShare = MetricID("rfm.revenue_at_risk_share")
    static let rfmAtRiskCustomers = MetricID("rfm.at_risk_customers")
}

extension MetricCatalogue {
    /// The RFM segments, each with the way its size should move: more customers among the best
    /// is better, more among those slipping away is worse.
    static let rfmSegmentIDs: [(id: String, name: String, direction: MetricDirection)] = [
        ("champions", "Champions", .higherIsBetter), ("loyal", "Loyal", .higherIsBetter),
        ("potential_loyalists", "Potential loyalists", .higherIsBetter), ("new", "New", .higherIsBetter),
        ("at_risk", "At risk", .lowerIsBetter), ("cant_lose", "Can't lose", .lowerIsBetter),
        ("hibernating", "Hibernating", .lowerIsBetter), ("long_inactive", "Long inactive", .lowerIsBetter),
    ]

    private static let rfmSegmentRussian = [
        "Champions": "Чемпионы", "Loyal": "Лояльные", "Potential loyalists": "Потенциально лояльные", "New": "Одна недавняя покупка",
        "At risk": "Под угрозой", "Can't lose": "Нельзя потерять", "Hibernating": "Спящие", "Long inactive": "Давно неактивные",
    ]

    /// RFM's "New" (one purchase, recent) is not the customer definition of new (first purchase
    /// in the last 12 months, `customers.new_12m`): the report calls it by what it is.
    private static let rfmSegmentEnglish = ["New": "One recent purchase"]

    /// The title of an RFM segment (as named in the tables, e.g. `At risk`) in each language.
    package static func segmentTitle(_ name: String) -> LocalizedText {
        LocalizedText(ru: rfmSegmentRussian[name] ?? name, en: rfmSegmentEnglish[name] ?? name)
    }

    static let rfmMetrics: [MetricDefinition] =
        [
            .init(
                .rfmRevenueAtRisk, .rfm, .money, .last12m, [.sales], .lowerIsBetter,
                ru: (
                    "Выручка под риском",
                    "выручка за последние 12 месяцев клиентов сегментов «Под угрозой» (At risk) и «Нельзя потерять» (Can't lose)"
                ),
                en: ("Revenue at risk", "last-12-month revenue of the customers in At risk and Can't lose")),
            .init(
                .rfmRevenueAtRiskShare, .rfm, .share, .last12m, [.sales], .lowerIsBetter,
                ru: ("Доля выручки под риском", "rfm.revenue_at_risk / sales.revenue_last_12m"),
                en: ("Share of revenue at risk", "rfm.revenue_at_risk / sales.revenue_last_12m")),
            .init(
                .rfmAtRiskCustomers, .rfm, .customers, .asOf, [.sales], .lowerIsBetter,
                ru: ("Клиенты под риском", "клиенты сегментов «Под угрозой» (At risk) и «Нельзя потерять» (Can't lose)"),
                en: ("Customers at risk", "customers in At risk and Can't lose")),
        ]
        + rfmSegmentIDs.map { segment in
            .init(
                .rfmSegment(segment.id), .rfm, .customers, .asOf, [.sales], segment.direction,
                ru: (
                    "RFM-сегмент «\(segmentTitle(segment.name).ru)»",
                    "число покупателей (за всю историю) в RFM-сегменте «\(segmentTitle(segment.name).ru)» на дату as_of"
                ),
                en: (
                    "RFM segment \(segmentTitle(segment.name).en)",
                    "number of buying customers (all history) in the RFM segment \(segmentTitle(segment.name).en) on as_of"
                ))
        }
}

extension Computation {
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
        var totals = RFMAggregates()
        for (position, key) in ranking.enumerated() {
            let segment = RFMSegment(r: r[position], f: f[position], m: m[position], singlePurchase: frequency[position] == 1)
            scores[key] = RFMScore(
                recencyDays: recency[position], frequency: frequency[position], monetary: monetary[position],
                r: r[position], f: f[position], m: m[position], segment: segment)
            totals.add(segment, revenue: monetary[position], revenueLast12m: stats.revenueLast12m[Int(key)])
        }
        totals.revenueLast12m = stats.revenueLast12m.reduce(0, +)
        setRFM(totals)
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
}

/// The buyers' RFM segments (``Computation/rfm(ranking:)``): each segment's customers, their
/// revenue over all history and over the last 12 months. Computed in memory or by a database
/// (`Warehouse`), which scores the customers there and brings back one row per combination of
/// scores.
package struct RFMAggregates: Sendable, Hashable {
    package var customers = [Int](repeating: 0, count: RFMSegment.allCases.count)
    package var revenue = [Double](repeating: 0, count: RFMSegment.allCases.count)
    package var segmentRevenueLast12m = [Double](repeating: 0, count: RFMSegment.allCases.count)
    /// Every buyer's revenue over all history (the segments' share's denominator), and every
    /// customer's over the last 12 months (the at-risk share's).
    package var totalRevenue = 0.0
    package var revenueLast12m = 0.0

    package init() {}

    /// Adds one customer, or `count` customers with the scores (1–5) `r`, `f`, `m` and their sums.
    package mutating func add(r: Int, f: Int, m: Int, singlePurchase: Bool, count: Int, revenue: Double, revenueLast12m: Double) {
        add(RFMSegment(r: r, f: f, m: m, singlePurchase: singlePurchase), count: count, revenue: revenue, revenueLast12m: revenueLast12m)
    }

    mutating func add(_ segment: RFMSegment, count: Int = 1, revenue: Double, revenueLast12m: Double) {
        customers[segment.rawValue] += count
        self.revenue[segment.rawValue] += revenue
        totalRevenue += revenue
        segmentRevenueLast12m[segment.rawValue] += revenueLast12m
    }
}

extension Computation {
    /// The segment table and the segments' metrics, from their totals.
    mutating func setRFM(_ totals: RFMAggregates) {
        tables.rfmSegments = totals.segmentRows
        sink.setRFM(totals)
    }
}

extension RFMAggregates {
    /// The segment table: nothing when there is no buyer.
    var segmentRows: [RFMSegmentRow] {
        let n = customers.reduce(0, +)
        guard n > 0 else { return [] }
        let total = totalRevenue
        return RFMSegment.allCases.map { segment in
            RFMSegmentRow(
                segment: segment.name, customers: customers[segment.rawValue],
                customerShare: Double(customers[segment.rawValue]) / Double(n), revenue: revenue[segment.rawValue],
                revenueShare: total > 0 ? revenue[segment.rawValue] / total : nil,
                revenueLast12m: segmentRevenueLast12m[segment.rawValue])
        }
    }
}

extension MetricSink {
    /// The segments' sizes and the revenue at risk (At risk and Can't lose); nothing is set when
    /// there is no buyer.
    package mutating func setRFM(_ totals: RFMAggregates) {
        guard totals.customers.reduce(0, +) > 0 else { return }
        for segment in RFMSegment.allCases { set(.rfmSegment(segment.id), totals.customers[segment.rawValue]) }
        let atRisk = totals.segmentRevenueLast12m[RFMSegment.atRisk.rawValue] + totals.segmentRevenueLast12m[RFMSegment.cantLose.rawValue]
        set(.rfmRevenueAtRisk, atRisk)
        set(.rfmAtRiskCustomers, totals.customers[RFMSegment.atRisk.rawValue] + totals.customers[RFMSegment.cantLose.rawValue])
        ratio(.rfmRevenueAtRiskShare, atRisk, totals.revenueLast12m)
    }
}
