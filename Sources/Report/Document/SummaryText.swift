import Analytics
import AuditModel

/// The summary's opening: where the company stands in business terms over the headline period.
enum SummaryText {
    static let positionTitle = LocalizedText(ru: "Где компания сейчас", en: "Where the company stands")
    static let readinessTitle = LocalizedText(ru: "Готовность к проекту CRM", en: "Readiness for the CRM project")
    static let maturityTitle = LocalizedText(ru: "Зрелость нынешней работы с клиентами", en: "Maturity of today's customer work")

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

    static let revenueText = LocalizedText(ru: "Выручка за 12 месяцев — {revenue}", en: "Revenue over the last 12 months: {revenue}")
    static let growthText = LocalizedText(ru: " ({growth} к предыдущим 12 месяцам)", en: " ({growth} on the 12 months before)")
    static let marginText = LocalizedText(ru: ", валовая маржа {margin}", en: ", gross margin {margin}")
    static let lostText = LocalizedText(ru: "За год потеряно {lost} из {before}, покупавших годом раньше ({share})",
                                        en: "{lost} of the {before} who bought the year before were lost this year ({share})")
    static let lostRevenueText = LocalizedText(ru: "; годом раньше они купили на {revenue}", en: "; the year before they had bought {revenue}")
}
