import Analytics
import AuditModel

/// The summary's opening: where the company stands in business terms over the headline period.
enum SummaryText {
    /// The keys of this text's catalogue; the texts are in `SummaryText+ru.swift` and `SummaryText+en.swift`.
    enum Key: String, TextCatalogue {
        case positionTitle, readinessTitle, maturityTitle, revenueText, growthText, marginText, lostText, lostRevenueText

        static func texts(in language: Language) -> [Key: String] {
            switch language {
            case .ru: russian
            case .en: english
            }
        }
    }

    static let positionTitle = Key.positionTitle.text()
    static let readinessTitle = Key.readinessTitle.text()
    static let maturityTitle = Key.maturityTitle.text()

    /// One or two sentences from the headline period: revenue and its change, the gross margin,
    /// the customers lost (of those who bought the year before) and what they had bought. Parts
    /// whose figures are missing are left out; empty without revenue.
    static func position(_ metrics: MetricDocument, _ format: Formatter) -> String {
        let language = format.language
        guard let revenue = metrics["sales.revenue_last_12m"].number else { return "" }
        var first = revenueText[language].replacingOccurrences(of: "{revenue}", with: format.compactMoney(revenue))
        if let growth = format.metric("sales.growth_12m", in: metrics) {
            first += growthText[language].replacingOccurrences(of: "{growth}", with: growth)
        }
        if let margin = metrics["sales.gross_margin_last_12m"].number {
            first += marginText[language].replacingOccurrences(of: "{margin}", with: format.percent(margin))
        }
        var sentences = [first + "."]
        if let lost = metrics["customers.lost_12m"].number, let before = metrics["customers.active_prev_12m"].number, before > 0 {
            var text = lostText[language].replacingOccurrences(of: "{lost}", with: format.count(lost, .customers))
                .replacingOccurrences(of: "{before}", with: format.count(before))
                .replacingOccurrences(of: "{share}", with: format.percent(lost / before))
            if let lostRevenue = metrics["customers.lost_revenue_prev_12m"].number, lostRevenue > 0 {
                text += lostRevenueText[language].replacingOccurrences(of: "{revenue}", with: format.compactMoney(lostRevenue))
            }
            sentences.append(text + ".")
        }
        return sentences.joined(separator: " ")
    }

    static let revenueText = Key.revenueText.text()
    static let growthText = Key.growthText.text()
    static let marginText = Key.marginText.text()
    static let lostText = Key.lostText.text()
    static let lostRevenueText = Key.lostRevenueText.text()
}
