/// Numbers, money, shares and dates written the way each language's readers expect:
/// `1 234 567,89 ₽` and `29.11.2026` in Russian, `RUB 1,234,567.89` and `2026-11-29` in English.
///
/// Pure Swift (no ICU), so that the report renders the same on every machine.
public struct Formatter: Sendable {
    public var language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// A number with grouping and at most `fractionDigits` decimals (trailing zeros dropped
    /// unless `fixed`).
    public func number(_ value: Double, fractionDigits: Int = 2, fixed: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        let scale = pow10(fractionDigits)
        var scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let integerPart = (scaled / scale).rounded(.down)
        scaled -= integerPart * scale
        var fraction = fractionDigits > 0 ? String(Int(scaled)) : ""
        if fractionDigits > 0 {
            fraction = String(repeating: "0", count: max(0, fractionDigits - fraction.count)) + fraction
            if !fixed { while fraction.hasSuffix("0") { fraction.removeLast() } }
        }
        let grouped = group(digits: String(Int64(min(integerPart, 9e18))))
        let decimalMark = language == .ru ? "," : "."
        return (negative ? "−" : "") + grouped + (fraction.isEmpty ? "" : decimalMark + fraction)
    }

    /// A whole count: `12 345` / `12,345`.
    public func count(_ value: Double) -> String { number(value, fractionDigits: 0) }

    /// Money in the data's currency (roubles): two decimals when there are kopecks.
    public func money(_ value: Double, fractionDigits: Int? = nil) -> String {
        let digits = fractionDigits ?? (abs(value) >= 100_000 ? 0 : 2)
        let text = number(value, fractionDigits: digits, fixed: digits > 0 && value.rounded() != value)
        return language == .ru ? text + "\u{00A0}₽" : "RUB\u{00A0}" + text
    }

    /// A compact money amount for charts and headlines: `12,3 млн ₽` / `RUB 12.3M`.
    public func compactMoney(_ value: Double) -> String {
        let magnitude = abs(value)
        let (divisor, ru, en): (Double, String, String) =
            magnitude >= 1e9 ? (1e9, "млрд", "B") : magnitude >= 1e6 ? (1e6, "млн", "M") : magnitude >= 1e3 ? (1e3, "тыс.", "K") : (1, "", "")
        let text = number(value / divisor, fractionDigits: divisor == 1 ? 0 : 1)
        if language == .ru { return ru.isEmpty ? text + "\u{00A0}₽" : text + "\u{00A0}" + ru + "\u{00A0}₽" }
        return "RUB\u{00A0}" + text + en
    }

    /// A share (0–1) as a percent: `35,2 %` / `35.2%`.
    public func percent(_ share: Double, fractionDigits: Int = 1) -> String {
        let text = number(share * 100, fractionDigits: fractionDigits)
        return language == .ru ? text + "\u{00A0}%" : text + "%"
    }

    /// A day: `29.11.2026` / `2026-11-29`.
    public func date(_ day: Day) -> String {
        guard language == .ru else { return day.iso }
        let (y, m, d) = day.components
        return two(d) + "." + two(m) + "." + String(y)
    }

    /// A month label for charts: `ноя 2026` / `Nov 2026`.
    public func month(_ monthIndex: Int) -> String {
        let ruMonths = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
        let enMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let names = language == .ru ? ruMonths : enMonths
        return names[((monthIndex % 12) + 12) % 12] + " " + String(monthIndex / 12)
    }

    private func group(digits: String) -> String {
        let separator = language == .ru ? "\u{00A0}" : ","
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(character)
        }
        return out
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private func pow10(_ digits: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, digits) { result *= 10 }
        return result
    }
}
