import Analytics
import AuditModel

/// The insight tables of the report as text cells (the second of each pair: right-aligned, a
/// number), built once so that the HTML, the Markdown and the Word copies show the same figures.
struct InsightTables {
    let input: ReportInput
    let format: Formatter
    var language: Language { format.language }

    typealias Cell = (text: String, numeric: Bool)

    func metric(_ id: String) -> Double? { input.metrics[id].number }

    /// The Pareto facts under the curve: how many customers bring 80 % of the revenue, and the largest one's share.
    func paretoFacts() -> [String] {
        var facts: [String] = []
        if let k = metric("pareto.customers_for_80"), let share = metric("pareto.customers_for_80_share") {
            facts.append(
                Self.customersFor80[language].replacingOccurrences(of: "{customers}", with: format.count(k, .customers))
                    .replacingOccurrences(of: "{share}", with: format.percent(share)))
        }
        if let top = metric("pareto.top_customer_share") {
            facts.append(Self.largestCustomer[language].replacingOccurrences(of: "{share}", with: format.percent(top)))
        }
        return facts
    }

    static let customersFor80 = ReportText.customersShareOfThoseWhoBought.text()
    static let largestCustomer = ReportText.theLargestCustomerHoldsShareOf.text()

    /// ABC classes of customers, products and managers on the headline period.
    func abc() -> (headers: [Cell], rows: [[Cell]]) {
        let abc = input.metrics.tables.abc
        var rows: [[Cell]] = []
        let names: [(String, LocalizedText)] = [
            ("customers", ReportText.customers3.text()), ("products", ReportText.products.text()),
            ("managers", ReportText.managers.text()),
        ]
        for (key, title) in names {
            for row in abc[key] ?? [] {
                rows.append([
                    (title[language], false), (row.abcClass, false), (format.count(Double(row.count)), true),
                    (format.percent(row.countShare), true), (format.percent(row.revenueShare), true),
                ])
            }
        }
        return (
            [
                (ReportText.items[language], false), (ReportText.abcClass[language], false), (ReportText.count[language], true),
                (ReportText.customersShare[language], true), (ReportText.revenueShare[language], true),
            ], rows
        )
    }

    /// The newest 18 monthly cohorts: their size and the share active each month after the first.
    func cohorts() -> (months: [String], sizes: [Int], width: Int, shares: [[Double?]]) {
        let cohorts = Array(input.metrics.tables.cohorts.suffix(18))
        let width = min(13, cohorts.map(\.active.count).max() ?? 0)
        let shares = cohorts.map { row in
            (0..<width).map { index -> Double? in
                index < row.active.count && row.size > 0 ? Double(row.active[index]) / Double(row.size) : nil
            }
        }
        return (cohorts.map(\.cohort), cohorts.map(\.size), width, shares)
    }

    /// Customer-field values over-represented among the buyers (over-index above 1.2, three
    /// buyers at least), and the typical A customer's traits.
    func portrait() -> (headers: [Cell], rows: [[Cell]], typical: String?) {
        let tables = input.metrics.tables
        var rows: [[Cell]] = []
        for field in tables.portrait {
            for value in field.values where (value.overIndex ?? 0) > 1.2 && value.buyers >= 3 && !value.value.hasPrefix("(") {
                rows.append([
                    (PortraitText.field(field.field, language), false),
                    (PortraitText.value(value.value, field: field.field, language), false), (format.percent(value.customerShare), true),
                    (value.buyerShare.map { format.percent($0) } ?? "—", true),
                    (value.revenueShare.map { format.percent($0) } ?? "—", true),
                    (value.overIndex.map { format.number($0, fractionDigits: 2) } ?? "—", true),
                ])
            }
        }
        // A trait is typical only when a quarter of the A customers share it: "age 25–34 (2 %)"
        // among companies describes nobody.
        let shared = tables.typicalACustomer.filter { $0.share >= PortraitText.typicalShare }
        let typical =
            shared.isEmpty
            ? nil
            : shared.map {
                "\(PortraitText.field($0.field, language)): \(PortraitText.value($0.value, field: $0.field, language)) (\(format.percent($0.share, fractionDigits: 0)))"
            }.joined(separator: "; ")
        return (
            [
                (ReportText.field[language], false), (ReportText.value[language], false), (PortraitText.customersShare[language], true),
                (PortraitText.buyersShare[language], true), (PortraitText.revenueShare[language], true),
                (ReportText.overIndex[language], true),
            ],
            Array(rows.prefix(20)), typical
        )
    }

    /// `2025-06` as the charts name a month (`июн 2025` / `Jun 2025`).
    static func monthLabel(_ yearMonth: String, _ format: Formatter) -> String {
        let parts = yearMonth.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return yearMonth }
        return format.month(year * 12 + month - 1)
    }
}
