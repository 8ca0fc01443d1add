import AuditModel

/// A KPI's target worked out from its current value, so that a target is never a tool default
/// sitting below where the company already is. The ruleset writes targets relative to the
/// baseline: `+10 %` (a relative rise of an amount or count; for a rate of change, at least that
/// rate and never below the current one), `+10 pp` / `−5 pp` (percentage points on a share),
/// `−30 %` (a relative fall); absolute targets (`< 25 %`, `0`, `≥ 80 %`) stay as written and say
/// when the current value already meets them.
enum KPITarget {
    /// The target in words with how it follows from the baseline; nil when it cannot be worked
    /// out (no baseline, or a form it does not know), and the written target is shown as is.
    static func text(_ target: String, unit: MetricUnit?, baseline: Double?) -> LocalizedText? {
        guard let baseline, let unit else { return nil }
        let written = target.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
        func both(_ make: (Formatter) -> String) -> LocalizedText { .inEach { make(Formatter($0)) } }
        if let points = number(in: written, suffix: "pp") {
            guard unit == .share else { return nil }
            let goal = min(1, max(0, baseline + points / 100))
            return both { f in
                f.percent(goal)
                    + RuleText.theCurrentPp.text(["percent": .value(f.percent(baseline)), "signed": .value(signed(points, f))])[f.language]
            }
        }
        if let percent = number(in: written, suffix: "%"), written.hasPrefix("+") || written.hasPrefix("-") {
            if unit == .change {
                // A growth rate: at least the stated rate, and never below the rate already reached.
                let goal = max(baseline, percent / 100)
                return both { f in
                    let value = f.metric(goal, unit: .change)
                    guard goal > percent / 100 else {
                        return value
                            + RuleText.now.text(["metric": .value(f.metric(baseline, unit: .change))])[
                                f.language]
                    }
                    return value
                        + RuleText.noLowerThanTheGrowthAlready.text(["written": .value(written)])[f.language]
                }
            }
            guard [.money, .count, .customers, .share, .days].contains(unit) else { return nil }
            let goal = baseline * (1 + percent / 100)
            return both { f in
                f.metric(goal, unit: unit)
                    + RuleText.onTheCurrent.text(["written": .value(written), "metric": .value(f.metric(baseline, unit: unit))])[f.language]
            }
        }
        return nil
    }

    /// The number of `+10 pp`, `-30 %`: nil when the text does not end with `suffix`.
    private static func number(in text: String, suffix: String) -> Double? {
        guard text.hasSuffix(suffix) else { return nil }
        return Double(text.dropLast(suffix.count).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."))
    }

    private static func signed(_ value: Double, _ formatter: Formatter) -> String {
        (value >= 0 ? "+" : "−") + formatter.number(abs(value), fractionDigits: 1)
    }
}
