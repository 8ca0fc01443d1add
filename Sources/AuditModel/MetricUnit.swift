/// What a metric's number measures, and so how it is written: `12 345 ₽`, `844 customers`,
/// `35.7 %`, `+22.4 %`, `+1.2 pp`, `21.8 days`.
package enum MetricUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the data's currency units (roubles).
    case money
    /// A whole number of things (lines, orders, deals, managers).
    case count
    /// A whole number of customers.
    case customers
    /// A fraction 0–1, shown as a percentage (revenue retention, which counts growth, may pass 1).
    case share
    /// A relative change or return (growth 0.224 = +22.4 %), shown as a signed percentage.
    case change
    /// A difference of two shares (margin 0.23 − 0.21 = +2 pp), shown in percentage points.
    case points
    /// A number of days.
    case days
    /// An index without a unit (the Herfindahl index, 0–1).
    case ratio
    /// An ISO `YYYY-MM-DD` day (the value is a string).
    case date

    package var title: LocalizedText {
        switch self {
        case .money: ModelText.rub.text()
        case .count: ModelText.count.text()
        case .customers: ModelText.customers.text()
        case .share: ModelText.percentSign.text()
        case .change: ModelText.plusMinusPercent.text()
        case .points: ModelText.pp.text()
        case .days: ModelText.days.text()
        case .ratio: ModelText.index.text()
        case .date: ModelText.date.text()
        }
    }
}

extension Formatter {
    /// A metric's number written in its unit: `271,6 млн ₽`-style money with the currency,
    /// `844 клиента`, `35,7 %`, `+22,4 %` for a change, `+1,2 п. п.`, `21,8 дня`.
    package func metric(_ value: Double, unit: MetricUnit) -> String {
        switch unit {
        case .money: return money(value, fractionDigits: abs(value) >= 1_000 ? 0 : nil)
        case .count: return count(value)
        case .customers: return count(value, .customers)
        case .share: return percent(value)
        case .change: return signed(percent(abs(value)), value)
        case .points:
            return signed(number(abs(value) * 100, fractionDigits: 1), value)
                + ModelText.pp2.text()[language]
        case .days: return days(value)
        case .ratio: return number(value, fractionDigits: 3)
        case .date: return number(value)
        }
    }

    /// `+text` for a positive value, `−text` for a negative one, `±text` when it rounds to zero.
    package func signed(_ text: String, _ value: Double) -> String {
        let zero = text.allSatisfy { !("1"..."9").contains($0) }
        return (zero ? "±" : value > 0 ? "+" : "−") + text
    }
}
