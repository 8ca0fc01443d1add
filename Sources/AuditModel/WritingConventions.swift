/// How a language writes numbers, money, percents, dates and months: the one place that knows
/// (adding a language is adding its conventions here; the formatter never branches on it).
struct WritingConventions: Sendable {
    var decimalMark: String
    var groupSeparator: String
    /// The currency around an amount, with the magnitude word (`млн`, `M`) when compacted.
    var money: @Sendable (_ amount: String, _ magnitude: Magnitude) -> String
    var percentSuffix: String
    /// Days as `29.11.2026`; false: ISO `2026-11-29`.
    var dayFirstDates: Bool
    var monthNames: [String]

    /// The scale of a compacted amount.
    enum Magnitude: Sendable { case units, thousands, millions, billions }

    static func of(_ language: Language) -> WritingConventions {
        switch language {
        case .ru: russian
        case .en: english
        }
    }

    static let russian = WritingConventions(
        decimalMark: ",", groupSeparator: "\u{00A0}",
        money: { amount, magnitude in
            let word =
                switch magnitude {
                case .units: ""
                case .thousands: "тыс."
                case .millions: "млн"
                case .billions: "млрд"
                }
            return word.isEmpty ? amount + "\u{00A0}₽" : amount + "\u{00A0}" + word + "\u{00A0}₽"
        },
        percentSuffix: "\u{00A0}%", dayFirstDates: true,
        monthNames: ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"])

    static let english = WritingConventions(
        decimalMark: ".", groupSeparator: ",",
        money: { amount, magnitude in
            let suffix =
                switch magnitude {
                case .units: ""
                case .thousands: "K"
                case .millions: "M"
                case .billions: "B"
                }
            return "RUB\u{00A0}" + amount + suffix
        },
        percentSuffix: "%", dayFirstDates: false,
        monthNames: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
}
