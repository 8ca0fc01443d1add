import AuditModel

/// The few records a finding shows, picked by a database where the sale lines are: the first
/// ``StoredAnalysis/sampleLimit`` customers or lines of each sample set that reads sale lines, in
/// the order the in-memory samples use (lines, which a table holds in no order, by date,
/// customer and order).
package struct DatabaseSamples: Sendable {
    /// A customer picked for a ranked sample set, with the figures its table shows.
    package struct Customer: Sendable {
        package var set: SampleSet
        package var customerID: String
        package var revenue = 0.0
        package var revenueLast12m = 0.0
        package var revenuePrev12m = 0.0
        package var firstDay: Day
        package var lastDay: Day
        package var purchaseDays = 0
        /// The RFM scores (1–5) and whether the customer bought on one day only.
        package var r = 3, f = 3, m = 3
        package var singlePurchase = false
        /// The manager the customer is counted under (the list's, else their latest line's).
        package var assignedManager: String?

        package init(set: SampleSet, customerID: String, firstDay: Day, lastDay: Day) {
            (self.set, self.customerID, self.firstDay, self.lastDay) = (set, customerID, firstDay, lastDay)
        }
    }

    /// A sale line picked for a sample set of lines.
    package struct Line: Sendable {
        package var set: SampleSet
        package var order, customerID: String?
        package var date: Day?
        package var amount: Double
        package var manager: String?

        package init(set: SampleSet, order: String?, customerID: String?, date: Day?, amount: Double, manager: String?) {
            (self.set, self.order, self.customerID, self.date, self.amount, self.manager) = (set, order, customerID, date, amount, manager)
        }
    }

    package var customers: [Customer] = []
    package var lines: [Line] = []
    /// How many lines each sample set of lines holds in all, and how many customers each ranked set.
    package var lineTotals: [SampleSet: Int] = [:]
    package var customerTotals: [SampleSet: Int] = [:]
    /// The customer list's records (0-based, in list order) whose customer has no included line:
    /// the first ones, and how many in all.
    package var withoutSales: [Int] = []
    package var withoutSalesTotal = 0

    package init() {}

    /// The ranked sample sets the database picks customers for.
    package static let customerSets: [SampleSet] = [
        .customersAtRisk, .customersLost, .customersTop, .customersOfTopManager, .customersOverdueRegulars, .customersKeyDecliners,
        .customersUnserved,
    ]
    /// The sample sets of sale lines.
    package static let lineSets: [SampleSet] = [.salesOrphans, .salesFutureDates, .salesNonPositive]
}

extension PushedDownMetrics {
    /// The sample tables of the sets that read sale lines, from what a database picked: the
    /// customers' names and listed managers from the round's customer list (`local`), the totals
    /// from `document`'s metrics, the idle managers from its managers' table.
    package static func sampleTables(_ picked: DatabaseSamples, document: MetricDocument, local: Analysis) -> [String: SampleTable] {
        var tables: [String: SampleTable] = [:]
        let listed = Dictionary(
            local.data.customers.enumerated().compactMap { index, record in record[.customerID].map { ($0, index) } },
            uniquingKeysWith: { first, _ in first })
        let asOf = document.asOf
        // The sets' sizes are metrics of the document (the others come with the picks).
        let counted: [SampleSet: MetricID] = [
            .customersAtRisk: .rfmAtRiskCustomers, .customersLost: MetricID("customers.lost_12m"),
            .customersTop: MetricID("customers.active_12m"), .customersOverdueRegulars: .customersOverdueRegulars,
            .customersUnserved: .managersUnservedCustomers,
        ]
        for set in DatabaseSamples.customerSets {
            let rows = picked.customers.filter { $0.set == set }.map { customer -> [String?] in
                let record = listed[customer.customerID].map { local.data.customers[$0] }
                let segment = RFMSegment(r: customer.r, f: customer.f, m: customer.m, singlePurchase: customer.singlePurchase)
                return Analysis.rankedRow(
                    id: customer.customerID, name: record?[.name], revenue: customer.revenue, last12m: customer.revenueLast12m,
                    previous: customer.revenuePrev12m, firstDay: Int32(customer.firstDay.ordinal),
                    lastDay: Int32(customer.lastDay.ordinal), purchaseDays: customer.purchaseDays,
                    recencyDays: asOf.ordinal - customer.lastDay.ordinal, segment: segment.name,
                    manager: set == .customersUnserved ? customer.assignedManager : record?[.manager])
            }
            let total =
                picked.customerTotals[set] ?? counted[set].flatMap { document.metrics[$0.rawValue]?.number }.map { Int($0) } ?? rows.count
            tables[set.rawValue] = SampleTable(id: set.rawValue, columns: Analysis.rankedColumns, rows: rows, total: max(total, rows.count))
        }
        for set in DatabaseSamples.lineSets {
            let rows = picked.lines.filter { $0.set == set }.map { line -> [String?] in
                [nil, line.order, line.customerID, line.date?.iso, Analysis.money(line.amount), line.manager]
            }
            tables[set.rawValue] = SampleTable(
                id: set.rawValue, columns: Analysis.salesColumns, rows: rows, total: picked.lineTotals[set] ?? rows.count)
        }
        let without = SampleSet.customersWithoutSales
        tables[without.rawValue] = local.customerRecords(without, picked.withoutSales, total: picked.withoutSalesTotal)
        let idle = document.tables.managers.filter(\.idle).map(Analysis.managerRow)
        tables[SampleSet.managersIdle.rawValue] = SampleTable(
            id: SampleSet.managersIdle.rawValue, columns: Analysis.managerColumns, rows: Array(idle.prefix(StoredAnalysis.sampleLimit)),
            total: idle.count)
        return tables
    }
}
