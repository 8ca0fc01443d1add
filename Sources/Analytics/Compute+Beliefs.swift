import AuditModel

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
            breakdowns["channels.revenue_share_12m"] = shares
        }
        guard !names.isEmpty else {
            sink.set("managers.with_sales_12m", nil, orElse: .noValues(.sales, "manager"))
            return breakdowns
        }
        sink.set("managers.with_sales_12m", sold.filter { $0 }.count)
        let total = revenue.reduce(0, +)
        guard total > 0 else { return breakdowns }
        var shares: [String: Double] = [:]
        for (key, name) in names.enumerated() where sold[key] { shares[name] = revenue[key] / total }
        breakdowns["managers.revenue_share_12m"] = shares
        return breakdowns
    }
}
