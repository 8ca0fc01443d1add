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
        let n = ranking.count
        let total = ranking.reduce(0.0) { $0 + revenue[Int($1)] }
        guard n > 0, total > 0 else {
            for id in [MetricID.paretoTop20Share, .paretoCustomersFor80, .paretoCustomersFor80Share, .paretoTopCustomerShare, .paretoHhi] {
                sink.set(id.suffixed(suffix), nil, orElse: n == 0 && suffix.isEmpty ? .noSalesLast12Months : .zeroTotal)
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
        sink.set(.paretoTop20Share.suffixed(suffix), topRevenue / total)
        sink.set(.paretoCustomersFor80.suffixed(suffix), k.map(Double.init))
        sink.set(.paretoCustomersFor80Share.suffixed(suffix), k.map { Double($0) / Double(n) })
        sink.set(.paretoTopCustomerShare.suffixed(suffix), revenue[Int(ranking[0])] / total)
        sink.set(.paretoHhi.suffixed(suffix), hhi)
    }
}
