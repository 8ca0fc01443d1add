import Analytics
import AuditModel

/// How the columns of sample tables read in the report: a title in each language, and the
/// value formatted by its kind (money, dates, shares, segments).
package enum SampleColumns {
    private static let titles: [String: LocalizedText] = [
        "customer_id": LocalizedText(ru: "Код клиента", en: "Customer id"),
        "name": LocalizedText(ru: "Клиент", en: "Customer"),
        "email": LocalizedText(ru: "Email", en: "Email"),
        "phone": LocalizedText(ru: "Телефон", en: "Phone"),
        "manager": LocalizedText(ru: "Менеджер", en: "Manager"),
        "source_line": LocalizedText(ru: "Строка файла", en: "File line"),
        "order_id": LocalizedText(ru: "Документ", en: "Order"),
        "date": LocalizedText(ru: "Дата", en: "Date"),
        "amount": LocalizedText(ru: "Сумма", en: "Amount"),
        "revenue": LocalizedText(ru: "Выручка", en: "Revenue"),
        "revenue_last_12m": LocalizedText(ru: "Выручка за 12 мес.", en: "Revenue, last 12 months"),
        "revenue_prev_12m": LocalizedText(ru: "Выручка за предыдущие 12 мес.", en: "Revenue, previous 12 months"),
        "revenue_all_history": LocalizedText(ru: "Выручка за всю историю", en: "Revenue, all history"),
        "revenue_change_12m": LocalizedText(ru: "Изменение к прошлому году", en: "Change on the year before"),
        "purchase_interval_days": LocalizedText(ru: "Обычно покупает раз в, дней", en: "Usually buys every, days"),
        "orders_last_12m": LocalizedText(ru: "Заказы за 12 мес.", en: "Orders, last 12 months"),
        "customers_last_12m": LocalizedText(ru: "Клиенты за 12 мес.", en: "Customers, last 12 months"),
        "margin_last_12m": LocalizedText(ru: "Маржа за 12 мес.", en: "Margin, last 12 months"),
        "share_last_12m": LocalizedText(ru: "Доля за 12 мес.", en: "Share, last 12 months"),
        "last_purchase": LocalizedText(ru: "Последняя покупка", en: "Last purchase"),
        "recency_days": LocalizedText(ru: "Дней без покупок", en: "Days since purchase"),
        "segment": LocalizedText(ru: "RFM-сегмент", en: "RFM segment"),
        "orders": LocalizedText(ru: "Заказы", en: "Orders"),
        "customers": LocalizedText(ru: "Клиенты", en: "Customers"),
        "margin": LocalizedText(ru: "Маржа", en: "Margin"),
        "share": LocalizedText(ru: "Доля", en: "Share"),
        "last_sale_date": LocalizedText(ru: "Последняя продажа", en: "Last sale"),
        "idle": LocalizedText(ru: "Простаивает", en: "Idle"),
        "tax_id": LocalizedText(ru: "ИНН", en: "Tax id"),
        "keys": LocalizedText(ru: "Совпадает", en: "Matching on"),
        "group": LocalizedText(ru: "Группа", en: "Group"),
    ]

    package static func title(_ field: String, _ language: Language) -> String {
        titles[field]?[language] ?? field
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
            return (text == "true" ? LocalizedText(ru: "да", en: "yes") : LocalizedText(ru: "нет", en: "no"))[format.language]
        default:
            return text
        }
    }
}
