import AuditModel
import Workspace

/// Revenue, orders, customers and costs of the items of one grouping (managers, channels, campaigns).
struct GroupTotals {
    var revenue: [Double]
    var costAmount: [Double]
    var cost: [Double]
    var costLines: [Int]
    var lastDay: [Int32]
    var orders: DistinctPairCounter
    var customers: DistinctPairCounter

    init(groups: Int, orders: Int, customers: Int) {
        revenue = Array(repeating: 0, count: groups)
        costAmount = Array(repeating: 0, count: groups)
        cost = Array(repeating: 0, count: groups)
        costLines = Array(repeating: 0, count: groups)
        lastDay = Array(repeating: Int32.min, count: groups)
        self.orders = DistinctPairCounter(items: orders, groups: groups)
        self.customers = DistinctPairCounter(items: customers, groups: groups)
    }

    mutating func add(group: Int32, line index: Int, sales: SaleLines) {
        let g = Int(group)
        let amount = sales.amount[index]
        revenue[g] += amount
        let lineCost = sales.cost[index]
        if !lineCost.isNaN {
            costAmount[g] += amount
            cost[g] += lineCost
            costLines[g] += 1
        }
        if sales.day[index] > lastDay[g] { lastDay[g] = sales.day[index] }
        orders.add(group: group, item: sales.order[index])
        customers.add(group: group, item: sales.customer[index])
    }

    /// Groups ranked by revenue descending, ties by name ascending.
    func ranking(names: [String]) -> [Int] {
        revenue.indices.sorted { a, b in revenue[a] != revenue[b] ? revenue[a] > revenue[b] : names[a] < names[b] }
    }
}

extension Computation {
    /// The totals of one pass over the included lines: managers and products over the headline
    /// period and over all history, channels and campaigns over all history.
    struct Groupings {
        var managers: GroupTotals
        var managersHeadline: GroupTotals
        var channels: GroupTotals
        var campaigns: GroupTotals
        var products: [Double]
        var productsHeadline: [Double]
        /// Products with a line in the headline period.
        var productSoldHeadline: [Bool]
    }

    /// Manager, channel, campaign and product totals in one pass over the included lines.
    mutating func groupings() -> Groupings {
        let sales = data.sales
        var managers = GroupTotals(groups: data.managerKeys.count, orders: data.orderCount, customers: data.customerKeys.count)
        var managersHeadline = GroupTotals(groups: data.managerKeys.count, orders: data.orderCount, customers: data.customerKeys.count)
        var channels = GroupTotals(groups: data.channels.count + 1, orders: data.orderCount, customers: data.customerKeys.count)
        var campaigns = GroupTotals(groups: data.campaigns.count, orders: data.orderCount, customers: data.customerKeys.count)
        var products = [Double](repeating: 0, count: data.products.count)
        var productsHeadline = products
        var productSoldHeadline = [Bool](repeating: false, count: data.products.count)
        let none = Int32(data.channels.count)
        var unknownRows = 0, unknownRevenue = 0.0, campaignRevenue = 0.0
        var headlineRevenue = 0.0, unknownHeadlineRevenue = 0.0
        for index in 0..<sales.count where included[index] {
            let headline = sales.day[index] > last12Start
            if headline { headlineRevenue += sales.amount[index] }
            let manager = sales.manager[index]
            if manager >= 0 {
                managers.add(group: manager, line: index, sales: sales)
                if headline { managersHeadline.add(group: manager, line: index, sales: sales) }
            }
            let channel = sales.channel[index]
            channels.add(group: channel >= 0 ? channel : none, line: index, sales: sales)
            let campaign = sales.campaign[index]
            if campaign >= 0 {
                campaigns.add(group: campaign, line: index, sales: sales)
                campaignRevenue += sales.amount[index]
            } else if channel < 0 {
                unknownRows += 1
                unknownRevenue += sales.amount[index]
                if headline { unknownHeadlineRevenue += sales.amount[index] }
            }
            let product = sales.product[index]
            if product >= 0 {
                products[Int(product)] += sales.amount[index]
                if headline {
                    productsHeadline[Int(product)] += sales.amount[index]
                    productSoldHeadline[Int(product)] = true
                }
            }
        }
        sink.ratio("channels.unknown_source_share", Double(unknownRows), Double(includedRows), orElse: .nothingToMeasure)
        sink.ratio("channels.unknown_source_revenue_share", unknownRevenue, revenue)
        sink.ratio("channels.unknown_source_revenue_share_12m", unknownHeadlineRevenue, headlineRevenue, orElse: .noSalesLast12Months)
        sink.ratio("campaigns.revenue_share", campaignRevenue, revenue)
        return Groupings(managers: managers, managersHeadline: managersHeadline, channels: channels, campaigns: campaigns,
                         products: products, productsHeadline: productsHeadline, productSoldHeadline: productSoldHeadline)
    }

    /// Manager rows (the headline period), idle managers, concentration and dependency (the
    /// headline period and all history).
    mutating func managers(_ all: GroupTotals, headline totals: GroupTotals) -> [ManagerRow] {
        let names = data.managerKeys.names
        let left = Dictionary(data.managers.map { ($0.manager, $0.leftAt) }, uniquingKeysWith: { a, b in a ?? b })
        func hasLeft(_ name: String) -> Bool {
            guard let date = left[name] ?? nil else { return false }
            return date.ordinal <= asOf.ordinal
        }
        let ranking = totals.ranking(names: names)
        let attributed = totals.revenue.reduce(0, +)
        var rows: [ManagerRow] = ranking.map { key in
            let margin = totals.costLines[key] > 0 && totals.costAmount[key] != 0
                ? (totals.costAmount[key] - totals.cost[key]) / totals.costAmount[key] : nil
            let last = all.lastDay[key]
            return ManagerRow(
                manager: names[key], revenue: totals.revenue[key], orders: totals.orders.counts[key],
                customers: totals.customers.counts[key], margin: margin,
                share: attributed > 0 ? totals.revenue[key] / attributed : nil,
                lastSaleDate: last == Int32.min ? nil : Day(ordinal: Int(last)).iso,
                idle: soldLast90 && last <= last90Start && !hasLeft(names[key]), revenueAllHistory: all.revenue[key])
        }
        var listed = Set(names)
        for manager in data.managers where !listed.contains(manager.manager) {
            listed.insert(manager.manager)
            rows.append(ManagerRow(manager: manager.manager, revenue: 0, orders: 0, customers: 0, margin: nil,
                                   share: attributed > 0 ? 0 : nil, lastSaleDate: nil,
                                   idle: soldLast90 && !hasLeft(manager.manager), revenueAllHistory: 0))
        }
        let noManagers = UnavailableReason.noValues(.sales, "manager")
        if names.isEmpty {
            sink.set("managers.with_sales", nil, orElse: noManagers)
        } else {
            sink.set("managers.with_sales", names.count)
        }
        if soldLast90 {
            sink.set("managers.idle", rows.filter(\.idle).count)
        } else {
            sink.set("managers.idle", nil, orElse: .noSalesLast90Days)
        }
        for (window, suffix) in [(totals, ""), (all, MetricCatalogue.allHistorySuffix)] {
            // Managers with a line in the window, ranked by their revenue there.
            let ranked = window.ranking(names: names).filter { window.orders.counts[$0] > 0 }
            let attributed = window.revenue.reduce(0, +)
            if attributed > 0 {
                let top = Int(clamped: 0.2 * Double(ranked.count), rounding: .up)
                sink.set("managers.top20_share" + suffix, ranked.prefix(top).reduce(0.0) { $0 + window.revenue[$1] } / attributed)
                sink.set("managers.top_share" + suffix, window.revenue[ranked[0]] / attributed)
            } else {
                let reason = names.isEmpty ? noManagers : .zeroTotal
                sink.set("managers.top20_share" + suffix, nil, orElse: reason)
                sink.set("managers.top_share" + suffix, nil, orElse: reason)
            }
            let revenues = ranked.map { window.revenue[$0] }
            abc(subject: "managers", revenues: revenues, classes: names.isEmpty ? nil : Self.abcClasses(revenues), suffix: suffix,
                whenEmpty: names.isEmpty ? nil : .noSalesLast12Months)
        }
        dependency(headline: true)
        dependency(headline: false)
        dependencyOnOwnLines()
        departedManagersCustomers(left: left, lastSale: all.lastDay)
        var serving = Set<String>()
        for key in names.indices where all.lastDay[key] > last90Start && !hasLeft(names[key]) { serving.insert(names[key]) }
        unserved(serving: soldLast90 ? serving : nil)
        marginSpread(rows)
        let departments = Dictionary(data.managers.compactMap { record in record.department.map { (record.manager, $0) } },
                                     uniquingKeysWith: { first, _ in first })
        for index in rows.indices { rows[index].department = departments[rows[index].manager] }
        tables.managers = rows
        return rows
    }

    /// Customers who bought in the headline period and whose manager (the customer list's, else
    /// the one on their latest sale) is not among `serving` (sold in the last 90 days and has not
    /// left) or is missing: the revenue nobody is looking after. `nil` when the company made no
    /// sale in the last 90 days, so "serving" cannot be told.
    private mutating func unserved(serving: Set<String>?) {
        guard let serving else {
            sink.set("managers.unserved_customers", nil, orElse: .noSalesLast90Days)
            sink.set("managers.unserved_revenue_share_12m", nil, orElse: .noSalesLast90Days)
            return
        }
        var count = 0, revenue = 0.0, total = 0.0
        for key in stats.lines.indices where stats.boughtLast12m[key] {
            total += stats.revenueLast12m[key]
            let manager = assignedManager(of: key)
            if manager.map({ !serving.contains($0) }) ?? true {
                count += 1
                revenue += stats.revenueLast12m[key]
                customerLists.unserved.append((Int32(key), manager))
            }
        }
        sink.set("managers.unserved_customers", count)
        sink.ratio("managers.unserved_revenue_share_12m", revenue, total, orElse: .noSalesLast12Months)
    }

    /// The highest minus the lowest gross margin among managers holding at least 5 % of the
    /// headline period's revenue with costs on their lines: discount discipline differs by person.
    private mutating func marginSpread(_ rows: [ManagerRow]) {
        let margins = rows.compactMap { row -> Double? in
            guard let share = row.share, share >= 0.05 else { return nil }
            return row.margin
        }
        guard margins.count >= 2, let high = margins.max(), let low = margins.min() else {
            sink.set("managers.margin_spread_12m", nil, orElse: .noValues(.sales, "cost"))
            return
        }
        sink.set("managers.margin_spread_12m", high - low)
    }

    /// The largest share of revenue held by one manager's customers, over the headline period
    /// (the customers who bought in it, their revenue there) or all history.
    private mutating func dependency(headline: Bool) {
        let revenue = headline ? stats.revenueLast12m : stats.revenue
        let total = headline ? stats.revenueLast12m.reduce(0, +) : self.revenue
        let suffix = headline ? "" : MetricCatalogue.allHistorySuffix
        // Managers by key (names compared as bytes); names only in the customer list get keys after.
        var names = data.managerKeys
        var byManager = [Double](repeating: 0, count: names.count)
        var assigned = false
        for key in stats.lines.indices where headline ? stats.boughtLast12m[key] : stats.lines[key] > 0 {
            let listIndex = Int(data.customerListIndex[key])
            var manager: Int32 = -1
            if listIndex >= 0, let listed = data.customers[listIndex][.manager] {
                manager = names.intern(listed)
                if Int(manager) == byManager.count { byManager.append(0) }
            } else {
                manager = stats.lastManager[key]
            }
            guard manager >= 0 else { continue }
            byManager[Int(manager)] += revenue[key]
            assigned = true
        }
        if !assigned {
            sink.set("managers.dependency" + suffix, nil, orElse: .noValues(.sales, "manager"))
        } else {
            sink.ratio("managers.dependency" + suffix, byManager.max() ?? 0, total)
            if headline, total > 0 {
                for (key, amount) in byManager.enumerated() where amount > 0 { customerShares[names.name(key)] = amount / total }
            }
        }
    }

    /// Channel and campaign tables and metrics.
    mutating func channels(_ channels: GroupTotals, campaigns: GroupTotals) {
        var names = data.channels.names
        names.append("(none)")
        let withChannel = channels.revenue.dropLast().reduce(0, +)
        tables.channels = channels.ranking(names: names).compactMap { key in
            channels.customers.counts[key] == 0 && channels.revenue[key] == 0 ? nil : ChannelRow(
                channel: names[key], revenue: channels.revenue[key], orders: channels.orders.counts[key],
                customers: channels.customers.counts[key], share: revenue > 0 ? channels.revenue[key] / revenue : nil)
        }
        if data.channels.count == 0 {
            sink.set("channels.count", nil, orElse: .noValues(.sales, "channel"))
            sink.set("channels.top_share", nil, orElse: .noValues(.sales, "channel"))
        } else {
            sink.set("channels.count", data.channels.count)
            sink.ratio("channels.top_share", channels.revenue.dropLast().max() ?? 0, withChannel)
        }

        var costs: [String: Double] = [:]
        var listChannel: [String: String] = [:]
        for campaign in data.campaignList {
            if let cost = campaign.cost { costs[campaign.campaign, default: 0] += cost }
            if let channel = campaign.channel, listChannel[campaign.campaign] == nil { listChannel[campaign.campaign] = channel }
        }
        let campaignNames = data.campaigns.names
        var rows: [CampaignRow] = campaigns.ranking(names: campaignNames).map { key in
            let name = campaignNames[key]
            let cost = costs[name]
            return CampaignRow(campaign: name, channel: listChannel[name], revenue: campaigns.revenue[key],
                               orders: campaigns.orders.counts[key], customers: campaigns.customers.counts[key], cost: cost,
                               roi: cost.flatMap { $0 > 0 ? (campaigns.revenue[key] - $0) / $0 : nil })
        }
        var seen = Set(campaignNames)
        for campaign in data.campaignList where !seen.contains(campaign.campaign) {
            seen.insert(campaign.campaign)
            let cost = costs[campaign.campaign]
            rows.append(CampaignRow(campaign: campaign.campaign, channel: listChannel[campaign.campaign], revenue: 0, orders: 0,
                                    customers: 0, cost: cost, roi: cost.flatMap { $0 > 0 ? -1 : nil }))
        }
        tables.campaigns = rows
        if campaignNames.isEmpty {
            sink.set("campaigns.count", nil, orElse: .noValues(.sales, "campaign"))
        } else {
            sink.set("campaigns.count", campaignNames.count)
        }
        let costed = rows.filter { ($0.cost ?? 0) > 0 }
        let totalCost = costed.reduce(0.0) { $0 + ($1.cost ?? 0) }
        let costedRevenue = costed.reduce(0.0) { $0 + $1.revenue }
        sink.set("campaigns.roi", totalCost > 0 ? (costedRevenue - totalCost) / totalCost : nil,
                 orElse: .noValues(.campaigns, "cost"))
    }
}
