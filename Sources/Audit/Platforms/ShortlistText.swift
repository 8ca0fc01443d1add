import AuditModel

/// The shortlist as plain text, for the terminal and the Markdown report.
package enum ShortlistText {
    package static func render(_ shortlist: PlatformShortlist, language: Language) -> String {
        let format = Formatter(language)
        let need = shortlist.requirements
        var lines: [String] = []
        let header = AuditText.crmShortlistUsersPricesAreList.text([
            "users": .value(need.users), "pricesCheckedOn": .value(shortlist.pricesCheckedOn),
        ])
        lines.append(header[language])
        if let limit = need.pricePerUserLimit, let basis = need.priceBasis {
            lines.append(
                AuditText.budgetPerUserAMonth.text(["money": .value(format.money(limit.rounded())), "basis": .localized(basis)])[language])
        }
        lines.append("")
        for (index, entry) in shortlist.ranked.enumerated() {
            let price = entry.platform.pricePerUserMonth
            let licences = entry.licencesPerYear
            lines.append(
                "\(index + 1). \(entry.platform.name) — "
                    + AuditText.perUserAMonthAYear.text([
                        "money": .value(format.money(price.lowerBound)), "money2": .value(format.money(price.upperBound)),
                        "money3": .value(format.money(licences.lowerBound)), "money4": .value(format.money(licences.upperBound)),
                    ])[language])
            for reason in entry.reasons { lines.append("   + " + reason[language]) }
            for concern in entry.concerns { lines.append("   \u{2212} " + concern[language]) }
            lines.append("   " + AuditText.strengths.text()[language] + entry.platform.strengths[language])
            lines.append("   " + AuditText.limits.text()[language] + entry.platform.limits[language])
        }
        if shortlist.ranked.isEmpty {
            lines.append(
                AuditText.noPlatformOfTheCatalogueMeets.text()[language])
        }
        if !shortlist.excluded.isEmpty {
            lines.append("")
            lines.append(AuditText.leftOut.text()[language])
            for entry in shortlist.excluded {
                lines.append("  • \(entry.platform.name): " + entry.exclusions.map { $0[language] }.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
