import AuditModel

/// The shortlist as plain text, for the terminal and the Markdown report.
public enum ShortlistText {
    public static func render(_ shortlist: PlatformShortlist, language: Language) -> String {
        let format = Formatter(language)
        let need = shortlist.requirements
        var lines: [String] = []
        let header = LocalizedText(
            ru:
                "Подбор CRM: \(need.users) пользователей; цены — по прайс-листам на \(shortlist.pricesCheckedOn), перед предложением клиенту проверьте их",
            en:
                "CRM shortlist: \(need.users) users; prices are list prices as of \(shortlist.pricesCheckedOn); re-check them before quoting"
        )
        lines.append(header[language])
        if let limit = need.pricePerUserLimit, let basis = need.priceBasis {
            lines.append(
                LocalizedText(
                    ru: "Бюджет на пользователя в месяц: \(format.money(limit.rounded())) (\(basis.ru))",
                    en: "Budget per user a month: \(format.money(limit.rounded())) (\(basis.en))")[language])
        }
        lines.append("")
        for (index, entry) in shortlist.ranked.enumerated() {
            let price = entry.platform.pricePerUserMonth
            let licences = entry.licencesPerYear
            lines.append(
                "\(index + 1). \(entry.platform.name) — "
                    + LocalizedText(
                        ru:
                            "\(format.money(price.lowerBound))–\(format.money(price.upperBound)) за пользователя в месяц; подписка на год \(format.money(licences.lowerBound))–\(format.money(licences.upperBound))",
                        en:
                            "\(format.money(price.lowerBound))–\(format.money(price.upperBound)) per user a month; a year's licences \(format.money(licences.lowerBound))–\(format.money(licences.upperBound))"
                    )[language])
            for reason in entry.reasons { lines.append("   + " + reason[language]) }
            for concern in entry.concerns { lines.append("   \u{2212} " + concern[language]) }
            lines.append("   " + LocalizedText(ru: "Сильные стороны: ", en: "Strengths: ")[language] + entry.platform.strengths[language])
            lines.append("   " + LocalizedText(ru: "Ограничения: ", en: "Limits: ")[language] + entry.platform.limits[language])
        }
        if shortlist.ranked.isEmpty {
            lines.append(
                LocalizedText(
                    ru: "Ни одна платформа каталога не проходит обязательные требования.",
                    en: "No platform of the catalogue meets the hard requirements.")[language])
        }
        if !shortlist.excluded.isEmpty {
            lines.append("")
            lines.append(LocalizedText(ru: "Не подходят:", en: "Left out:")[language])
            for entry in shortlist.excluded {
                lines.append("  • \(entry.platform.name): " + entry.exclusions.map { $0[language] }.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
