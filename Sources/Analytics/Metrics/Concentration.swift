import AuditModel

// How much of the revenue a few customers bring: Pareto shares, the customers for 80 %, the
// largest customer and the Herfindahl index, on the headline period and on the whole history.

extension MetricID {
    static let paretoTop20Share = MetricID("pareto.top20_share")
    static let paretoCustomersFor80 = MetricID("pareto.customers_for_80")
    static let paretoCustomersFor80Share = MetricID("pareto.customers_for_80_share")
    static let paretoTopCustomerShare = MetricID("pareto.top_customer_share")
    static let paretoHhi = MetricID("pareto.hhi")
}

extension MetricCatalogue {
    static let paretoMetrics: [MetricDefinition] = Window.both.flatMap(paretoMetrics(in:))

    private static func paretoMetrics(in window: Window) -> [MetricDefinition] {
        let titleRu = window.titleRu, titleEn = window.titleEn
        return [
            .init(
                .paretoTop20Share.suffixed(window.suffix), .pareto, .share, window.period, [.sales], .lowerIsBetter,
                ru: (
                    "Доля топ-20% клиентов" + titleRu,
                    "выручка первых ⌈0,2·N⌉ из N \(window.buyersRu), упорядоченных по выручке \(window.ru), / их общая выручка"
                ),
                en: (
                    "Top 20% customers' share" + titleEn,
                    "revenue of the top ⌈0.2·N⌉ of the N \(window.buyersEn), ranked by revenue \(window.en), / their total revenue"
                )),
            .init(
                .paretoCustomersFor80.suffixed(window.suffix), .pareto, .customers, window.period, [.sales], .higherIsBetter,
                ru: ("Клиентов на 80% выручки" + titleRu, "наименьшее k, при котором накопленная выручка \(window.ru) ≥ 0,8·итог"),
                en: ("Customers for 80% of revenue" + titleEn, "the smallest k whose cumulative revenue \(window.en) ≥ 0.8·total")),
            .init(
                .paretoCustomersFor80Share.suffixed(window.suffix), .pareto, .share, window.period, [.sales], .higherIsBetter,
                ru: ("Доля клиентов на 80% выручки" + titleRu, "pareto.customers_for_80\(window.suffix) / N (\(window.buyersRu))"),
                en: ("Share of customers for 80%" + titleEn, "pareto.customers_for_80\(window.suffix) / N (\(window.buyersEn))")),
            .init(
                .paretoTopCustomerShare.suffixed(window.suffix), .pareto, .share, window.period, [.sales], .lowerIsBetter,
                ru: ("Доля крупнейшего клиента" + titleRu, "выручка крупнейшего клиента / общая выручка \(window.ru)"),
                en: ("Largest customer's share" + titleEn, "the largest customer's revenue / total revenue \(window.en)")),
            .init(
                .paretoHhi.suffixed(window.suffix), .pareto, .ratio, window.period, [.sales], .lowerIsBetter,
                ru: ("Индекс концентрации выручки (Херфиндаля)" + titleRu, "Σ (выручка клиента / общая выручка)² \(window.ru)"),
                en: ("Revenue concentration index (Herfindahl)" + titleEn, "Σ (customer revenue / total revenue)² \(window.en)")),
        ]
    }
}

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
        var totals = ParetoAggregates(customers: ranking.count)
        totals.total = ranking.reduce(0.0) { $0 + revenue[Int($1)] }
        if totals.customers > 0, totals.total > 0 {
            let top = totals.topCount
            var cumulative = 0.0
            for (position, key) in ranking.enumerated() {
                let value = revenue[Int(key)]
                cumulative += value
                if position < top { totals.topRevenue += value }
                if totals.customersFor80 == nil, cumulative >= 0.8 * totals.total { totals.customersFor80 = position + 1 }
                let share = value / totals.total
                totals.hhi += share * share
            }
            totals.largest = revenue[Int(ranking[0])]
        }
        sink.setPareto(totals, suffix: suffix)
    }
}

/// What the Pareto metrics of one window are made from, over the customers ranked by revenue
/// (descending, ties by id): computed in memory or by a database (`Warehouse`).
package struct ParetoAggregates: Sendable, Hashable {
    /// The ranked customers (N).
    package var customers: Int
    /// Their total revenue.
    package var total = 0.0
    /// The revenue of the first ⌈0.2·N⌉ (``topCount``).
    package var topRevenue = 0.0
    /// The smallest k whose cumulative revenue reaches 0.8 of the total.
    package var customersFor80: Int?
    /// The first-ranked customer's revenue.
    package var largest = 0.0
    /// Σ (customer revenue / total)².
    package var hhi = 0.0

    package init(customers: Int) { self.customers = customers }

    /// ⌈0.2·N⌉, as a double computes it.
    package var topCount: Int { Int(clamped: 0.2 * Double(customers), rounding: .up) }
}

extension MetricSink {
    /// The Pareto metrics of one window (`suffix` empty for the headline period, `.all_history`).
    mutating func setPareto(_ totals: ParetoAggregates, suffix: String) {
        let n = totals.customers
        guard n > 0, totals.total > 0 else {
            for id in [MetricID.paretoTop20Share, .paretoCustomersFor80, .paretoCustomersFor80Share, .paretoTopCustomerShare, .paretoHhi] {
                set(id.suffixed(suffix), nil, orElse: n == 0 && suffix.isEmpty ? .noSalesLast12Months : .zeroTotal)
            }
            return
        }
        set(.paretoTop20Share.suffixed(suffix), totals.topRevenue / totals.total)
        set(.paretoCustomersFor80.suffixed(suffix), totals.customersFor80.map(Double.init))
        set(.paretoCustomersFor80Share.suffixed(suffix), totals.customersFor80.map { Double($0) / Double(n) })
        set(.paretoTopCustomerShare.suffixed(suffix), totals.largest / totals.total)
        set(.paretoHhi.suffixed(suffix), totals.hhi)
    }
}
