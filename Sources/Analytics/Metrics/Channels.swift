import AuditModel

// Where customers and revenue come from: channels and campaigns.

extension MetricID {
    static let channelsCount = MetricID("channels.count")
    static let channelsTopShare = MetricID("channels.top_share")
    static let channelsUnknownSourceShare = MetricID("channels.unknown_source_share")
    static let channelsUnknownSourceRevenueShare = MetricID("channels.unknown_source_revenue_share")
    static let channelsUnknownSourceRevenueShare12m = MetricID("channels.unknown_source_revenue_share_12m")
    static let campaignsCount = MetricID("campaigns.count")
    static let campaignsRevenueShare = MetricID("campaigns.revenue_share")
    static let campaignsRoi = MetricID("campaigns.roi")
}

extension MetricCatalogue {
    static let channelMetrics: [MetricDefinition] = [
        .init(
            .channelsCount, .channels, .count, .allHistory, [.sales], .neutral,
            ru: ("Каналов продаж", "различные channel в строках продаж"), en: ("Sales channels", "distinct channel in sale lines")),
        .init(
            .channelsTopShare, .channels, .share, .allHistory, [.sales], .neutral,
            ru: ("Доля крупнейшего канала", "выручка крупнейшего канала / выручка строк с каналом"),
            en: ("Largest channel's share", "the largest channel's revenue / revenue of lines with a channel")),
        .init(
            .channelsUnknownSourceShare, .channels, .share, .allHistory, [.sales], .lowerIsBetter,
            ru: ("Продажи без источника", "доля строк продаж без канала и без кампании"),
            en: ("Sales with no known source", "share of sale lines with neither a channel nor a campaign")),
        .init(
            .channelsUnknownSourceRevenueShare, .channels, .share, .allHistory, [.sales], .lowerIsBetter,
            ru: ("Выручка без источника", "Σ amount строк без канала и кампании / sales.revenue.all_history"),
            en: ("Revenue with no known source", "Σ amount of lines with neither channel nor campaign / sales.revenue.all_history")),
        .init(
            .channelsUnknownSourceRevenueShare12m, .channels, .share, .last12m, [.sales], .lowerIsBetter,
            ru: (
                "Выручка без источника за 12 месяцев",
                "Σ amount строк с датой в (as_of − 365, as_of] без канала и кампании / sales.revenue_last_12m"
            ),
            en: (
                "Revenue with no known source, 12 months",
                "Σ amount of lines dated in (as_of − 365, as_of] with neither channel nor campaign / sales.revenue_last_12m"
            )),
        .init(
            .campaignsCount, .channels, .count, .allHistory, [.sales], .neutral,
            ru: ("Кампаний с продажами", "различные campaign в строках продаж"),
            en: ("Campaigns with sales", "distinct campaign in sale lines")),
        .init(
            .campaignsRevenueShare, .channels, .share, .allHistory, [.sales], .higherIsBetter,
            ru: ("Доля выручки кампаний", "Σ amount строк с кампанией / sales.revenue.all_history"),
            en: ("Campaign revenue share", "Σ amount of lines with a campaign / sales.revenue.all_history")),
        .init(
            .campaignsRoi, .channels, .change, .allHistory, [.sales, .campaigns], .higherIsBetter,
            ru: ("ROI кампаний", "(Σ выручки кампаний с затратами − Σ их затрат) / Σ затрат"),
            en: ("Campaign ROI", "(Σ revenue of campaigns with a cost − Σ their cost) / Σ cost")),
    ]
}

extension Computation {
    /// Channel and campaign tables and metrics.
    mutating func channels(_ channels: GroupTotals, campaigns: GroupTotals) {
        var names = data.channels.names
        names.append("(none)")
        let withChannel = channels.revenue.dropLast().reduce(0, +)
        tables.channels = channels.ranking(names: names).compactMap { key in
            channels.customers.counts[key] == 0 && channels.revenue[key] == 0
                ? nil
                : ChannelRow(
                    channel: names[key], revenue: channels.revenue[key], orders: channels.orders.counts[key],
                    customers: channels.customers.counts[key], share: revenue > 0 ? channels.revenue[key] / revenue : nil)
        }
        if data.channels.count == 0 {
            sink.set(.channelsCount, nil, orElse: .noValues(.sales, "channel"))
            sink.set(.channelsTopShare, nil, orElse: .noValues(.sales, "channel"))
        } else {
            sink.set(.channelsCount, data.channels.count)
            sink.ratio(.channelsTopShare, channels.revenue.dropLast().max() ?? 0, withChannel)
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
            return CampaignRow(
                campaign: name, channel: listChannel[name], revenue: campaigns.revenue[key],
                orders: campaigns.orders.counts[key], customers: campaigns.customers.counts[key], cost: cost,
                roi: cost.flatMap { $0 > 0 ? (campaigns.revenue[key] - $0) / $0 : nil })
        }
        var seen = Set(campaignNames)
        for campaign in data.campaignList where !seen.contains(campaign.campaign) {
            seen.insert(campaign.campaign)
            let cost = costs[campaign.campaign]
            rows.append(
                CampaignRow(
                    campaign: campaign.campaign, channel: listChannel[campaign.campaign], revenue: 0, orders: 0,
                    customers: 0, cost: cost, roi: cost.flatMap { $0 > 0 ? -1 : nil }))
        }
        tables.campaigns = rows
        if campaignNames.isEmpty {
            sink.set(.campaignsCount, nil, orElse: .noValues(.sales, "campaign"))
        } else {
            sink.set(.campaignsCount, campaignNames.count)
        }
        let costed = rows.filter { ($0.cost ?? 0) > 0 }
        let totalCost = costed.reduce(0.0) { $0 + ($1.cost ?? 0) }
        let costedRevenue = costed.reduce(0.0) { $0 + $1.revenue }
        sink.set(
            .campaignsRoi, totalCost > 0 ? (costedRevenue - totalCost) / totalCost : nil,
            orElse: .noValues(.campaigns, "cost"))
    }
}
