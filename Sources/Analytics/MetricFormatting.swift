import AuditModel

extension Formatter {
    /// A metric's number written in its unit: `271,6 млн ₽`-style money with the currency,
    /// `844 клиента`, `35,7 %`, `+22,4 %` for a change, `+1,2 п. п.`, `21,8 дня`.
    public func metric(_ value: Double, unit: MetricUnit) -> String {
        switch unit {
        case .money: return money(value, fractionDigits: abs(value) >= 1_000 ? 0 : nil)
        case .count: return count(value)
        case .customers: return count(value, .customers)
        case .share: return percent(value)
        case .change: return signed(percent(abs(value)), value)
        case .points: return signed(number(abs(value) * 100, fractionDigits: 1), value) + LocalizedText(ru: "\u{00A0}п.\u{00A0}п.", en: "\u{00A0}pp")[language]
        case .days: return days(value)
        case .ratio: return number(value, fractionDigits: 3)
        case .date: return number(value)
        }
    }

    /// A metric's value from a document, in its unit; nil when the metric is null or unknown.
    public func metric(_ id: String, in document: MetricDocument) -> String? {
        guard let definition = MetricCatalogue.definition(of: id) else { return nil }
        switch document[id] {
        case .number(let value): return metric(value, unit: definition.unit)
        case .text(let text): return Day(iso: text).map(date) ?? text
        case .null: return nil
        }
    }

    /// The headline period as words with its dates: `12 мес. по 20.11.2026 (21.11.2025–20.11.2026)`
    /// / `12 months to 2026-11-20 (2025-11-21 – 2026-11-20)`.
    public func headlinePeriod(_ periods: HeadlinePeriods) -> String {
        let range = periods.last12m
        return LocalizedText(ru: "12 мес. по \(date(range.to)) (\(date(range.from))–\(date(range.to)))",
                             en: "12 months to \(date(range.to)) (\(date(range.from)) – \(date(range.to)))")[language]
    }

    /// The 12 months before the headline period, with their dates.
    public func previousPeriod(_ periods: HeadlinePeriods) -> String {
        let range = periods.previous12m
        return LocalizedText(ru: "предыдущие 12 мес. (\(date(range.from))–\(date(range.to)))",
                             en: "the previous 12 months (\(date(range.from)) – \(date(range.to)))")[language]
    }

    /// The headline period against the one before, as one phrase for a heading:
    /// `12 мес. по 20.11.2026 (…) в сравнении с предыдущими 12 мес. (…)`.
    public func headlineComparison(_ periods: HeadlinePeriods) -> String {
        let previous = periods.previous12m
        return headlinePeriod(periods) + LocalizedText(ru: " в сравнении с предыдущими 12 мес. (\(date(previous.from))–\(date(previous.to)))",
                                                       en: " compared with the previous 12 months (\(date(previous.from)) – \(date(previous.to)))")[language]
    }

    /// `+text` for a positive value, `−text` for a negative one, `±text` when it rounds to zero.
    private func signed(_ text: String, _ value: Double) -> String {
        let zero = text.allSatisfy { !("1"..."9").contains($0) }
        return (zero ? "±" : value > 0 ? "+" : "−") + text
    }
}
