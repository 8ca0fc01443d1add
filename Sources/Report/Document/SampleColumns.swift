import Analytics
import AuditModel

/// How the columns of sample tables read in the report: a title in each language, and the
/// value formatted by its kind (money, dates, shares, segments).
package enum SampleColumns {
    /// The columns' titles, by the field each shows (its raw value); the texts are in
    /// `SampleColumns+ru.swift` and `SampleColumns+en.swift`.
    package enum Title: String, TextCatalogue {
        case customerId = "customer_id"
        case name
        case email
        case phone
        case manager
        case sourceLine = "source_line"
        case orderId = "order_id"
        case date
        case amount
        case revenue
        case revenueLast12m = "revenue_last_12m"
        case revenuePrev12m = "revenue_prev_12m"
        case revenueAllHistory = "revenue_all_history"
        case revenueChange12m = "revenue_change_12m"
        case purchaseIntervalDays = "purchase_interval_days"
        case ordersLast12m = "orders_last_12m"
        case customersLast12m = "customers_last_12m"
        case marginLast12m = "margin_last_12m"
        case shareLast12m = "share_last_12m"
        case lastPurchase = "last_purchase"
        case recencyDays = "recency_days"
        case segment
        case orders
        case customers
        case margin
        case share
        case lastSaleDate = "last_sale_date"
        case idle
        case taxId = "tax_id"
        case keys
        case group

        package static func texts(in language: Language) -> [Title: String] {
            switch language {
            case .ru: russian
            case .en: english
            }
        }
    }

    package static func title(_ field: String, _ language: Language) -> String {
        Title(rawValue: field)?.render(in: language) ?? field
    }

    /// What a column holds, for a spreadsheet cell of the right type.
    package enum Kind: Sendable {
        case money, share, change, count, date, text
    }

    package static func kind(_ field: String) -> Kind {
        switch field {
        case "amount", "revenue", "revenue_last_12m", "revenue_prev_12m", "revenue_all_history", "monetary": .money
        case "margin", "share", "margin_last_12m", "share_last_12m": .share
        case "revenue_change_12m": .change
        case "orders", "customers", "orders_last_12m", "customers_last_12m", "recency_days", "source_line", "purchase_interval_days": .count
        case "date", "last_purchase", "last_sale_date": .date
        default: .text
        }
    }

    /// Whether a column holds numbers (right-aligned in tables).
    static func isNumeric(_ field: String) -> Bool {
        switch kind(field) {
        case .money, .share, .change, .count: true
        case .date, .text: false
        }
    }

    /// A sample value as the reader should see it.
    package static func value(_ text: String, field: String, _ format: Formatter) -> String {
        guard !text.isEmpty else { return text }
        switch kind(field) {
        case .money: return Double(text).map { format.money($0, fractionDigits: 0) } ?? text
        case .share: return Double(text).map { format.percent($0) } ?? text
        case .change: return Double(text).map { format.signedPercent($0) } ?? text
        case .count: return Double(text).map(format.count) ?? text
        case .date: return Day(iso: text).map(format.date) ?? text
        case .text: break
        }
        switch field {
        case "segment":
            return MetricCatalogue.segmentTitle(text)[format.language]
        case "keys":
            // The fields a duplicate group matches on, in words (`name, email` → `Наименование, Email`).
            return text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { PortraitText.field(String($0), format.language) }
                .joined(separator: ", ")
        case "idle":
            return (text == "true" ? ReportText.yes.text() : ReportText.no.text())[format.language]
        default:
            return text
        }
    }
}
