import AuditModel

/// The value of one metric: a number, a text (ISO dates), or null when its inputs are missing.
///
/// Encodes as a plain JSON number, string or `null`.
package enum MetricValue: Sendable, Hashable, Codable {
    case number(Double)
    case text(String)
    case null

    /// The number, when this is one.
    package var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The text, when this is one.
    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    package var isNull: Bool { self == .null }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// Everything the analytics computed for one workspace round, as of one day.
///
/// This is the JSON contract of `crm-audit metrics --format json`:
/// `{"as_of", "metrics": {id: number|string|null}, "unavailable": {id: reason}, "series", "tables"}`.
/// It decodes back from that JSON (``decode(json:)``), so that the rules and the report read the
/// snapshot the workspace stores per round.
package struct MetricDocument: Sendable, Hashable, Codable {
    /// The day the metrics describe: `--as-of`, else the latest sale date.
    package var asOf: Day
    /// Every catalogue metric by id; null when its inputs are missing.
    package var metrics: [String: MetricValue]
    /// For each null metric, a reason code (see ``UnavailableReason``).
    package var unavailable: [String: String]
    /// Monthly series.
    package var series: MonthlySeries
    /// Per-item tables.
    package var tables: MetricTables
    /// The headline period and the 12 months before, as dates; nil in snapshots written before
    /// the audit had a headline period (their metrics mix periods and are not compared).
    package var periods: HeadlinePeriods?
    /// Per-item metrics (``MetricCatalogue/breakdowns``): metric id → item name → value. Absent
    /// from snapshots stored before they existed.
    package var breakdowns: [String: [String: Double]]?

    package init(
        asOf: Day, metrics: [String: MetricValue], unavailable: [String: String], series: MonthlySeries,
        tables: MetricTables, periods: HeadlinePeriods? = nil, breakdowns: [String: [String: Double]]? = nil
    ) {
        self.asOf = asOf
        self.metrics = metrics
        self.unavailable = unavailable
        self.series = series
        self.tables = tables
        self.periods = periods
        self.breakdowns = breakdowns
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", metrics, unavailable, series, tables, periods, breakdowns
    }

    /// The value of metric `id` (null when unknown or unavailable).
    package subscript(id: String) -> MetricValue { metrics[id] ?? .null }
}

/// Monthly series from the first to the last month with sales (up to `as_of`), one value per month.
package struct MonthlySeries: Sendable, Hashable, Codable {
    /// `YYYY-MM` labels.
    package var months: [String]
    /// Σ amount per month.
    package var revenue: [Double]
    /// Distinct orders with a line in the month.
    package var orders: [Int]
    /// Distinct customers buying in the month.
    package var customers: [Int]
    /// Customers whose first purchase falls in the month.
    package var newCustomers: [Int]
    /// Months the data do not cover whole: the first month when the first sale is after its
    /// 1st, the last when as_of is before its last day. Charts mark them; growth leaves them out.
    package var partial: [Bool]

    package init(
        months: [String] = [], revenue: [Double] = [], orders: [Int] = [], customers: [Int] = [],
        newCustomers: [Int] = [], partial: [Bool]? = nil
    ) {
        self.months = months
        self.revenue = revenue
        self.orders = orders
        self.customers = customers
        self.newCustomers = newCustomers
        self.partial = partial ?? Array(repeating: false, count: months.count)
    }

    /// Whether month `index` is partial (false outside the series).
    package func isPartial(_ index: Int) -> Bool { partial.indices.contains(index) && partial[index] }

    enum CodingKeys: String, CodingKey {
        case months, revenue, orders, customers, newCustomers = "new_customers", partial
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            months: try container.decode([String].self, forKey: .months), revenue: try container.decode([Double].self, forKey: .revenue),
            orders: try container.decode([Int].self, forKey: .orders), customers: try container.decode([Int].self, forKey: .customers),
            newCustomers: try container.decode([Int].self, forKey: .newCustomers),
            // Snapshots written before partial months were marked have no flags.
            partial: try container.decodeIfPresent([Bool].self, forKey: .partial))
    }
}

/// The audit's headline period and the 12 months before it, as days (both ends included).
package struct HeadlinePeriods: Sendable, Hashable, Codable {
    /// The headline period: (as_of − 365, as_of], i.e. [as_of − 364, as_of].
    package var last12m: DayRange
    /// The 12 months before it: [as_of − 729, as_of − 365].
    package var previous12m: DayRange
    /// Whether the data cover the previous 12 months whole (else changes between them are null).
    package var previousCovered: Bool

    package init(asOf: Day, previousCovered: Bool) {
        last12m = DayRange(from: asOf.adding(days: -364), to: asOf)
        previous12m = DayRange(from: asOf.adding(days: -729), to: asOf.adding(days: -365))
        self.previousCovered = previousCovered
    }

    enum CodingKeys: String, CodingKey {
        case last12m = "last_12m", previous12m = "prev_12m", previousCovered = "previous_covered"
    }
}

/// Days from `from` to `to`, both included.
package struct DayRange: Sendable, Hashable, Codable {
    package var from: Day
    package var to: Day
}

/// The per-item tables of a ``MetricDocument``. Long lists are cut (see each field); the full
/// per-item tables come from ``Analysis/exportTable(_:)``.
package struct MetricTables: Sendable, Hashable, Codable {
    /// ABC classes of customers, products and managers (absent when their inputs are missing).
    package var abc: [String: [ABCClassRow]]
    package var rfmSegments: [RFMSegmentRow]
    package var managers: [ManagerRow]
    package var cohorts: [CohortRow]
    package var portrait: [PortraitField]
    package var typicalACustomer: [TypicalTrait]
    package var channels: [ChannelRow]
    package var campaigns: [CampaignRow]
    package var dealStages: [DealStageRow]
    package var dataQuality: [FieldQualityRow]
    /// The first groups of likely duplicate customers (all of them via the `duplicates` export).
    package var duplicateGroups: [DuplicateGroup]

    package init(
        abc: [String: [ABCClassRow]] = [:], rfmSegments: [RFMSegmentRow] = [], managers: [ManagerRow] = [],
        cohorts: [CohortRow] = [], portrait: [PortraitField] = [], typicalACustomer: [TypicalTrait] = [],
        channels: [ChannelRow] = [], campaigns: [CampaignRow] = [], dealStages: [DealStageRow] = [],
        dataQuality: [FieldQualityRow] = [], duplicateGroups: [DuplicateGroup] = []
    ) {
        self.abc = abc
        self.rfmSegments = rfmSegments
        self.managers = managers
        self.cohorts = cohorts
        self.portrait = portrait
        self.typicalACustomer = typicalACustomer
        self.channels = channels
        self.campaigns = campaigns
        self.dealStages = dealStages
        self.dataQuality = dataQuality
        self.duplicateGroups = duplicateGroups
    }

    enum CodingKeys: String, CodingKey {
        case abc, rfmSegments = "rfm_segments", managers, cohorts, portrait, typicalACustomer = "typical_a_customer"
        case channels, campaigns, dealStages = "deal_stages", dataQuality = "data_quality"
        case duplicateGroups = "duplicate_groups"
    }
}

/// One ABC class: how many items it holds and their share of revenue.
package struct ABCClassRow: Sendable, Hashable, Codable {
    package var abcClass: String
    package var count: Int
    package var countShare: Double
    package var revenue: Double
    package var revenueShare: Double
    /// The smallest revenue of an item in the class: the class's lower cut-off.
    package var minRevenue: Double?

    enum CodingKeys: String, CodingKey {
        case abcClass = "class", count, countShare = "count_share", revenue, revenueShare = "revenue_share", minRevenue = "min_revenue"
    }
}

/// One RFM segment with its customers and revenue (all history, and the last 12 months).
package struct RFMSegmentRow: Sendable, Hashable, Codable {
    package var segment: String
    package var customers: Int
    package var customerShare: Double
    package var revenue: Double
    package var revenueShare: Double?
    package var revenueLast12m: Double

    enum CodingKeys: String, CodingKey {
        case segment, customers, customerShare = "customer_share", revenue, revenueShare = "revenue_share"
        case revenueLast12m = "revenue_last_12m"
    }
}

/// One manager's performance over the headline period (the last 12 months).
package struct ManagerRow: Sendable, Hashable, Codable {
    package var manager: String
    /// Σ amount of the manager's lines in the last 12 months.
    package var revenue: Double
    /// Distinct orders with a line of the manager's in the last 12 months.
    package var orders: Int
    /// Distinct customers the manager sold to in the last 12 months.
    package var customers: Int
    /// (Σ amount − Σ cost) / Σ amount over the manager's lines with a cost in the last 12 months; null without costs.
    package var margin: Double?
    /// The manager's share of the last 12 months' revenue attributed to a manager.
    package var share: Double?
    /// The manager's latest sale up to as_of, however long ago.
    package var lastSaleDate: String?
    /// No sale in the last 90 days while the company sold.
    package var idle: Bool
    /// Σ amount of the manager's lines over all history (for reference; nil in older snapshots).
    package var revenueAllHistory: Double?
    /// The manager's department in the managers' list (nil without one, and in older snapshots).
    package var department: String? = nil

    enum CodingKeys: String, CodingKey {
        case manager, revenue, orders, customers, margin, share, lastSaleDate = "last_sale_date", idle
        case revenueAllHistory = "revenue_all_history", department
    }
}

/// One monthly acquisition cohort: its size and how many of its customers bought in each month
/// since their first purchase (index 0 is the first month).
package struct CohortRow: Sendable, Hashable, Codable {
    package var cohort: String
    package var size: Int
    package var active: [Int]
}

/// The share of customers versus the share of revenue for the values of one customer field.
package struct PortraitField: Sendable, Hashable, Codable {
    package var field: String
    package var values: [PortraitValue]
}

/// One value of a portrait field (the 20 most common values, then `(other)`; `(empty)` for no value).
package struct PortraitValue: Sendable, Hashable, Codable {
    package var value: String
    /// Customers of the list with this value, and their share of the list (on the as-of date).
    package var customers: Int
    package var customerShare: Double
    /// Of them, those who bought in the last 12 months, and their share of the list's buyers.
    package var buyers: Int
    package var buyerShare: Double?
    /// Their revenue in the last 12 months and its share of the list's.
    package var revenue: Double
    package var revenueShare: Double?
    /// revenue share / buyer share: both over the last 12 months, so a group that buys more
    /// per buying customer than the average is above 1, whatever the dead part of the list.
    package var overIndex: Double?

    enum CodingKeys: String, CodingKey {
        case value, customers, customerShare = "customer_share", buyers, buyerShare = "buyer_share", revenue
        case revenueShare = "revenue_share", overIndex = "over_index"
    }

    package init(
        value: String, customers: Int, customerShare: Double, buyers: Int, buyerShare: Double?, revenue: Double,
        revenueShare: Double?, overIndex: Double?
    ) {
        self.value = value
        self.customers = customers
        self.customerShare = customerShare
        self.buyers = buyers
        self.buyerShare = buyerShare
        self.revenue = revenue
        self.revenueShare = revenueShare
        self.overIndex = overIndex
    }

    /// Reads documents stored before buyers were counted (their index is against the list).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(String.self, forKey: .value)
        customers = try container.decode(Int.self, forKey: .customers)
        customerShare = try container.decode(Double.self, forKey: .customerShare)
        buyers = try container.decodeIfPresent(Int.self, forKey: .buyers) ?? 0
        buyerShare = try container.decodeIfPresent(Double.self, forKey: .buyerShare)
        revenue = try container.decode(Double.self, forKey: .revenue)
        revenueShare = try container.decodeIfPresent(Double.self, forKey: .revenueShare)
        overIndex = try container.decodeIfPresent(Double.self, forKey: .overIndex)
    }
}

/// The most common value of one field among A-class customers.
package struct TypicalTrait: Sendable, Hashable, Codable {
    package var field: String
    package var value: String
    package var share: Double
}

/// Revenue of one sales channel (`(none)` for lines without one).
package struct ChannelRow: Sendable, Hashable, Codable {
    package var channel: String
    package var revenue: Double
    package var orders: Int
    package var customers: Int
    package var share: Double?
}

/// Revenue, cost and return of one campaign.
package struct CampaignRow: Sendable, Hashable, Codable {
    package var campaign: String
    package var channel: String?
    package var revenue: Double
    package var orders: Int
    package var customers: Int
    package var cost: Double?
    /// (revenue − cost) / cost; null without a positive cost.
    package var roi: Double?
}

/// Deals in one stage.
package struct DealStageRow: Sendable, Hashable, Codable {
    package var stage: String
    package var status: String
    package var deals: Int
    package var amount: Double
}

/// Fill rate and validity of one customer field.
package struct FieldQualityRow: Sendable, Hashable, Codable {
    package var field: String
    package var filled: Int
    package var fillRate: Double
    /// For email and phone: filled values that are valid.
    package var valid: Int?

    enum CodingKeys: String, CodingKey {
        case field, filled, fillRate = "fill_rate", valid
    }
}

/// Customers that are likely one and the same, and the keys they share.
package struct DuplicateGroup: Sendable, Hashable, Codable {
    package var group: Int
    package var customerIDs: [String]
    /// Which keys matched: `tax_id`, `email`, `phone`, `name`, `customer_id`.
    package var keys: [String]

    enum CodingKeys: String, CodingKey {
        case group, customerIDs = "customer_ids", keys
    }
}
