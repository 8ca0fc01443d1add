import AuditModel

// The measures the owner's beliefs are checked against (rules with a `belief:` block): counts of
// the headline period (the 12 months to as_of) and per-item metrics (a number per name).

extension MetricID {
    static let managersWithSales12m = MetricID("managers.with_sales_12m")
    static let managersRevenueShare12m = MetricID("managers.revenue_share_12m")
    static let managersCustomersRevenueShare12m = MetricID("managers.customers_revenue_share_12m")
    static let dealsStageStaleShare = MetricID("deals.stage_stale_share")
    static let channelsRevenueShare12m = MetricID("channels.revenue_share_12m")
}

extension MetricCatalogue {
    /// Headline-period counts that the interview asks the owner to estimate (active customers,
    /// also asked, is the one ``customerMetrics`` definition `customers.active_12m`).
    static let beliefMetrics: [MetricDefinition] = [
        .init(
            .managersWithSales12m, .managers, .count, .last12m, [.sales], .neutral,
            ru: ("Менеджеров с продажами за 12 месяцев", "различные manager в строках продаж с датой в (as_of − 365, as_of]"),
            en: ("Managers with sales, 12 months", "distinct manager in sale lines dated in (as_of − 365, as_of]"))
    ]

    /// Per-item metrics: for each item (a manager), one number. They are in the JSON under
    /// `breakdowns`, and rules read them as tables: `lookup(metric.<id>, name)`,
    /// `rank(metric.<id>, name)`, `top(metric.<id>)`.
    package static let breakdowns: [MetricDefinition] = [
        .init(
            .managersRevenueShare12m, .managers, .share, .last12m, [.sales], .neutral,
            ru: (
                "Доля выручки менеджера за 12 месяцев",
                "для каждого менеджера: Σ amount его строк с датой в (as_of − 365, as_of] / Σ amount строк с менеджером за то же окно"
            ),
            en: (
                "Manager's share of revenue, 12 months",
                "per manager: Σ amount of their lines dated in (as_of − 365, as_of] / Σ amount of lines with a manager in that window"
            )),
        .init(
            .managersCustomersRevenueShare12m, .managers, .share, .last12m, [.sales], .neutral,
            ru: (
                "Доля выручки клиентов менеджера за 12 месяцев",
                "для каждого менеджера: выручка за (as_of − 365, as_of] его клиентов (менеджер клиента — из списка клиентов, иначе из его последней продажи) / вся выручка за то же окно; наибольшая из них — managers.dependency"
            ),
            en: (
                "Manager's customers' share of revenue, 12 months",
                "per manager: revenue in (as_of − 365, as_of] of their customers (a customer's manager from the customer list, else from their latest sale) / all revenue in that window; the largest is managers.dependency"
            )),
        .init(
            .dealsStageStaleShare, .deals, .share, .asOf, [.deals], .neutral,
            ru: (
                "Доля давних сделок на этапе",
                "для каждого этапа с ≥ 5 открытыми сделками: доля открытых сделок этапа, созданных раньше (as_of − 2 × средний цикл выигранных сделок, не меньше 30 дней; без выигранных — 90 дней)"
            ),
            en: (
                "Share of old deals at a stage",
                "per stage with ≥ 5 open deals: the share of its open deals created before as_of − 2 × the won deals' mean cycle (at least 30 days; 90 without won deals)"
            )),
        .init(
            .channelsRevenueShare12m, .channels, .share, .last12m, [.sales], .neutral,
            ru: (
                "Доля выручки канала за 12 месяцев",
                "для каждого канала: Σ amount его строк с датой в (as_of − 365, as_of] / Σ amount всех строк за то же окно (строки без канала — не канал)"
            ),
            en: (
                "Channel's share of revenue, 12 months",
                "per channel: Σ amount of its lines dated in (as_of − 365, as_of] / Σ amount of all lines in that window (lines without a channel are no channel)"
            )),
    ]

    /// The definition of the per-item metric `id`, if the catalogue has it.
    package static func breakdown(_ id: String) -> MetricDefinition? { breakdowns.first { $0.id == id } }
}

extension Computation {
    /// Managers with sales in the 12 months to as_of, and each manager's and channel's share of
    /// that window's revenue (returned as the document's `breakdowns`). Active customers, which
    /// beliefs also read, are the headline `customers.active_12m` set with the sales totals.
    mutating func beliefMeasures() -> [String: [String: Double]] {
        let sales = data.sales
        let names = data.managerKeys.names, channelNames = data.channels.names
        var revenue = [Double](repeating: 0, count: names.count)
        var sold = [Bool](repeating: false, count: names.count)
        var channelRevenue = [Double](repeating: 0, count: channelNames.count)
        var channelSold = [Bool](repeating: false, count: channelNames.count)
        var windowRevenue = 0.0
        for index in 0..<sales.count where included[index] && sales.day[index] > last12Start {
            let amount = sales.amount[index]
            windowRevenue += amount
            let channel = Int(sales.channel[index])
            if channel >= 0 {
                channelRevenue[channel] += amount
                channelSold[channel] = true
            }
            let manager = Int(sales.manager[index])
            guard manager >= 0 else { continue }
            revenue[manager] += amount
            sold[manager] = true
        }
        var breakdowns: [String: [String: Double]] = [:]
        if windowRevenue > 0, !channelNames.isEmpty {
            var shares: [String: Double] = [:]
            for (key, name) in channelNames.enumerated() where channelSold[key] { shares[name] = channelRevenue[key] / windowRevenue }
            breakdowns[MetricID.channelsRevenueShare12m.rawValue] = shares
        }
        guard !names.isEmpty else {
            sink.set(.managersWithSales12m, nil, orElse: .noValues(.sales, "manager"))
            return breakdowns
        }
        sink.set(.managersWithSales12m, sold.filter { $0 }.count)
        let total = revenue.reduce(0, +)
        guard total > 0 else { return breakdowns }
        var shares: [String: Double] = [:]
        for (key, name) in names.enumerated() where sold[key] { shares[name] = revenue[key] / total }
        breakdowns[MetricID.managersRevenueShare12m.rawValue] = shares
        return breakdowns
    }
}
