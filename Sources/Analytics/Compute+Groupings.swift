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

    /// Sets group `group`'s totals as a database computed them.
    mutating func set(group: Int, _ totals: SaleGroup.Totals) {
        revenue[group] = totals.revenue
        costAmount[group] = totals.costAmount
        cost[group] = totals.cost
        costLines[group] = totals.costLines
        lastDay[group] = totals.lastDay.map { Int32($0.ordinal) } ?? Int32.min
        orders.setCount(totals.orders, group: group)
        customers.setCount(totals.customers, group: group)
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
        /// Lines with neither a channel nor a campaign, their revenue and that in the headline
        /// period; the headline period's revenue; the revenue of lines with a campaign.
        var unknownRows = 0
        var unknownRevenue = 0.0
        var unknownHeadlineRevenue = 0.0
        var headlineRevenue = 0.0
        var campaignRevenue = 0.0
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
        return Groupings(
            managers: managers, managersHeadline: managersHeadline, channels: channels, campaigns: campaigns,
            products: products, productsHeadline: productsHeadline, productSoldHeadline: productSoldHeadline,
            unknownRows: unknownRows, unknownRevenue: unknownRevenue, unknownHeadlineRevenue: unknownHeadlineRevenue,
            headlineRevenue: headlineRevenue, campaignRevenue: campaignRevenue)
    }

    /// What the groupings give, for the report's samples.
    struct GroupResults: Sendable {
        var managerRows: [ManagerRow]
        var productOrder: [Int]
        var productRevenue: [Double]
        var productClasses: [Int8]?
    }

    /// The manager, channel, campaign and product metrics and tables from their totals.
    /// - Parameter customerLevel: whether the measures that follow each customer to their manager
    ///   (dependency, customers served by nobody, departed managers' customers) are computed: they
    ///   need the customers' lines, which a database does not bring back.
    mutating func groupMetrics(_ groups: Groupings, customerLevel: Bool = true) -> GroupResults {
        sink.ratio(.channelsUnknownSourceShare, Double(groups.unknownRows), Double(includedRows), orElse: .nothingToMeasure)
        sink.ratio(.channelsUnknownSourceRevenueShare, groups.unknownRevenue, revenue)
        sink.ratio(
            .channelsUnknownSourceRevenueShare12m, groups.unknownHeadlineRevenue, groups.headlineRevenue, orElse: .noSalesLast12Months)
        sink.ratio(.campaignsRevenueShare, groups.campaignRevenue, revenue)
        let managerRows = managers(groups.managers, headline: groups.managersHeadline, customerLevel: customerLevel)
        channels(groups.channels, campaigns: groups.campaigns)
        let names = data.products.names
        func ranked(_ revenue: [Double]) -> [Int] {
            revenue.indices.sorted { a, b in revenue[a] != revenue[b] ? revenue[a] > revenue[b] : names[a] < names[b] }
        }
        // Products on the headline period (those with a line in it); all history as the twin.
        let productOrder = ranked(groups.productsHeadline).filter { groups.productSoldHeadline[$0] }
        let productRevenue = productOrder.map { groups.productsHeadline[$0] }
        let productClasses = productRevenue.isEmpty ? nil : Self.abcClasses(productRevenue)
        abc(subject: "products", revenues: productRevenue, classes: productClasses, whenEmpty: names.isEmpty ? nil : .noSalesLast12Months)
        let allRevenue = ranked(groups.products).map { groups.products[$0] }
        abc(
            subject: "products", revenues: allRevenue, classes: allRevenue.isEmpty ? nil : Self.abcClasses(allRevenue),
            suffix: MetricCatalogue.allHistorySuffix)
        return GroupResults(
            managerRows: managerRows, productOrder: productOrder, productRevenue: productRevenue, productClasses: productClasses)
    }

}
