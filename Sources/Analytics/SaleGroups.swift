import AuditModel

/// The included sale lines' totals for one manager, channel, campaign or product, over all history
/// and over the headline period: what a database brings back instead of the lines
/// (``PushedDownMetrics/groupMetrics(_:sales:asOf:lists:)``).
package struct SaleGroup: Sendable, Hashable {
    /// What the lines are grouped by.
    package enum Dimension: String, Sendable, CaseIterable {
        case manager, channel, campaign, product
        /// The lines with neither a channel nor a campaign (one group, no key).
        case unknownSource = "unknown_source"
    }

    /// One group's totals over a period.
    package struct Totals: Sendable, Hashable {
        package var lines = 0
        package var revenue = 0.0
        /// The amount, the cost and the number of the lines with a cost.
        package var costAmount = 0.0
        package var cost = 0.0
        package var costLines = 0
        package var lastDay: Day?
        /// Distinct orders (a line without an order id is an order of its own) and customers.
        package var orders = 0
        package var customers = 0

        package init() {}
    }

    package var dimension: Dimension
    /// The manager's, channel's, campaign's or product's name; nil for the lines without one.
    package var key: String?
    package var allHistory: Totals
    package var headline: Totals

    package init(dimension: Dimension, key: String?, allHistory: Totals, headline: Totals) {
        (self.dimension, self.key, self.allHistory, self.headline) = (dimension, key, allHistory, headline)
    }
}

/// The managers list and the campaigns list of a round: what the group metrics read besides the
/// sale lines' totals. Empty when the round has none (or when the database is read without a round).
package struct GroupLists: Sendable {
    var data: RoundData
    /// The round's date (nil: the database is read without a round) and its dates after it
    /// outside the sale lines (`quality.future_dates`).
    package var roundDate: Day?
    package var futureDatesOutsideSales = 0

    package static let none = GroupLists(data: RoundData(roundDate: Day(ordinal: 0)))

    init(data: RoundData) { self.data = data }
}

extension Analysis {
    /// The round's managers list and campaigns list.
    package var groupLists: GroupLists {
        var lists = RoundData(roundDate: data.roundDate)
        lists.managers = data.managers
        lists.campaignList = data.campaignList
        var result = GroupLists(data: lists)
        result.roundDate = data.roundDate
        result.futureDatesOutsideSales = data.futureDatesOutsideSales
        return result
    }
}

extension PushedDownMetrics {
    /// The metrics and tables of the managers, channels, campaigns and products from the groups a
    /// database computed, with the same code as the lines read into memory
    /// (``Computation/groupMetrics(_:customerLevel:)``), except the measures that follow each
    /// customer to their manager (dependency, customers served by nobody, departed managers'
    /// customers): a metric not set is left to the caller.
    /// - Parameter lists: the round's managers and campaigns lists (idle managers and leavers,
    ///   campaign costs).
    package static func groupMetrics(_ groups: [SaleGroup], sales: SalesAggregates, asOf: Day, lists: GroupLists) -> (
        metrics: [String: MetricValue], unavailable: [String: String], tables: MetricTables, breakdowns: [String: [String: Double]]
    ) {
        var data = lists.data
        var ordered: [SaleGroup.Dimension: [SaleGroup]] = [:]
        for group in groups { ordered[group.dimension, default: []].append(group) }
        for dimension in SaleGroup.Dimension.allCases {
            ordered[dimension]?.sort { ($0.key ?? "") < ($1.key ?? "") }
        }
        // Names as the in-memory pass interns them; the lines without one are no group (a channel's
        // are the "(none)" group).
        for group in ordered[.manager] ?? [] { if let key = group.key { _ = data.managerKeys.intern(key) } }
        for group in ordered[.channel] ?? [] { if let key = group.key { _ = data.channels.intern(key) } }
        for group in ordered[.campaign] ?? [] { if let key = group.key { _ = data.campaigns.intern(key) } }
        for group in ordered[.product] ?? [] { if let key = group.key { _ = data.products.intern(key) } }
        var computation = Computation(data: data, asOf: asOf)
        computation.sink = MetricSink()
        computation.revenue = sales.revenue
        computation.includedRows = sales.rows
        computation.soldLast90 = sales.lastDay.map { $0.ordinal > asOf.ordinal - 90 } ?? false

        let managerCount = data.managerKeys.count, channelCount = data.channels.count
        var groupings = Computation.Groupings(
            managers: GroupTotals(groups: managerCount, orders: 0, customers: 0),
            managersHeadline: GroupTotals(groups: managerCount, orders: 0, customers: 0),
            channels: GroupTotals(groups: channelCount + 1, orders: 0, customers: 0),
            campaigns: GroupTotals(groups: data.campaigns.count, orders: 0, customers: 0),
            products: Array(repeating: 0, count: data.products.count), productsHeadline: Array(repeating: 0, count: data.products.count),
            productSoldHeadline: Array(repeating: false, count: data.products.count))
        groupings.headlineRevenue = sales.windows[0].revenue
        var breakdowns: [String: [String: Double]] = [:]
        var managerShares: [String: Double] = [:], channelShares: [String: Double] = [:]
        for (dimension, members) in ordered {
            // A group's slot is its name's key; the lines without a name come after (channels) or
            // are in no group.
            var next = 0
            for group in members {
                let index: Int
                if group.key != nil || dimension == .unknownSource {
                    index = next
                    next += 1
                } else if dimension == .channel {
                    index = channelCount
                } else {
                    continue
                }
                switch dimension {
                case .manager:
                    groupings.managers.set(group: index, group.allHistory)
                    groupings.managersHeadline.set(group: index, group.headline)
                    if group.headline.lines > 0, let key = group.key { managerShares[key] = group.headline.revenue }
                case .channel:
                    groupings.channels.set(group: index, group.allHistory)
                    if group.headline.lines > 0, let key = group.key { channelShares[key] = group.headline.revenue }
                case .campaign:
                    groupings.campaigns.set(group: index, group.allHistory)
                    groupings.campaignRevenue += group.allHistory.revenue
                case .product:
                    groupings.products[index] = group.allHistory.revenue
                    groupings.productsHeadline[index] = group.headline.revenue
                    groupings.productSoldHeadline[index] = group.headline.lines > 0
                case .unknownSource:
                    groupings.unknownRows = group.allHistory.lines
                    groupings.unknownRevenue = group.allHistory.revenue
                    groupings.unknownHeadlineRevenue = group.headline.revenue
                }
            }
        }
        _ = computation.groupMetrics(groupings, customerLevel: false)
        // The beliefs' measures: managers with sales in the headline period, each manager's and
        // channel's share of its revenue (``Computation/beliefMeasures()``).
        if managerCount == 0 {
            computation.sink.set(.managersWithSales12m, nil, orElse: .noValues(.sales, "manager"))
        } else {
            computation.sink.set(.managersWithSales12m, managerShares.count)
        }
        let windowRevenue = sales.windows[0].revenue
        if windowRevenue > 0 {
            if channelCount > 0 {
                breakdowns[MetricID.channelsRevenueShare12m.rawValue] = channelShares.mapValues { $0 / windowRevenue }
            }
        }
        let managersRevenue = managerShares.values.reduce(0, +)
        if managersRevenue > 0 {
            breakdowns[MetricID.managersRevenueShare12m.rawValue] = managerShares.mapValues { $0 / managersRevenue }
        }
        return (computation.sink.metrics, computation.sink.unavailable, computation.tables, breakdowns)
    }
}
