import Analytics
import AuditModel
import Rules

/// The rows of the report's "What you believe / what the data shows" table: one per rule with
/// a `belief:` block that applies to the company, in the interview's order.
struct BeliefTable {
    /// How a row's verdict reads.
    enum Tone: String {
        /// Inside the rule's tolerance.
        case confirmed
        /// Past the rule's `warn` band.
        case near
        /// Past the `fail` band, or the statement does not hold.
        case off
        /// One side is unknown.
        case unknown
    }

    struct Row {
        var ruleID: String
        var label: String
        var period: String
        var stated: String
        var measured: String
        var note: String?
        var verdict: String
        var tone: Tone
    }

    let rows: [Row]

    init(_ input: ReportInput, language: Language) {
        let writer = BeliefWriter(
            language: language, asOf: input.metrics.asOf,
            firstSale: input.metrics["sales.first_date"].text.flatMap { Day(iso: $0) })
        // In the order the interview asked (the answers are in questionnaire order), so that the
        // table reads like the conversation it comes from.
        var position: [String: Int] = [:]
        for (index, answer) in input.answers.enumerated() where position[answer.questionID] == nil { position[answer.questionID] = index }
        func place(_ finding: Finding) -> Int {
            finding.belief?.questions.compactMap { position[$0] }.min() ?? Int.max
        }
        rows = input.findings.enumerated()
            .filter { $0.element.belief != nil && $0.element.status != .notApplicable }
            .sorted { (place($0.element), $0.offset) < (place($1.element), $1.offset) }
            .compactMap { writer.row(for: $0.element) }
    }

    /// What the data shows for each question a belief compares with it (the disagreements
    /// block sets it beside what each person said).
    static func measuredByQuestion(_ input: ReportInput, language: Language) -> [String: String] {
        let writer = BeliefWriter(
            language: language, asOf: input.metrics.asOf,
            firstSale: input.metrics["sales.first_date"].text.flatMap { Day(iso: $0) })
        var result: [String: String] = [:]
        for finding in input.findings where finding.status != .notApplicable {
            guard let belief = finding.belief, belief.measured != nil || belief.measuredText != nil,
                let row = writer.row(for: finding)
            else { continue }
            for question in belief.questions where result[question] == nil { result[question] = row.measured }
        }
        return result
    }

    /// How many beliefs the data confirms, of those it could check, and how many rows it could
    /// not check (so that the tally and the table's rows add up).
    var confirmed: (count: Int, of: Int, unchecked: Int) {
        let checked = rows.filter { $0.tone != .unknown }
        return (checked.filter { $0.tone == .confirmed }.count, checked.count, rows.count - checked.count)
    }
}

/// Writes the values, period and verdict of a belief in one language.
struct BeliefWriter {
    let language: Language
    let asOf: Day
    let firstSale: Day?
    var format: Formatter { Formatter(language) }

    func text(_ key: BeliefText) -> String { key.text[language] }

    func row(for finding: Finding) -> BeliefTable.Row? {
        guard let belief = finding.belief else { return nil }
        let stated = belief.stated.map { value(belief, $0) } ?? belief.statedText?[language] ?? text(.noAnswer)
        let measured = belief.measured.map { value(belief, $0) } ?? belief.measuredText?[language] ?? text(.noData)
        let (verdict, tone) = self.verdict(belief, status: finding.status)
        return BeliefTable.Row(
            ruleID: finding.ruleID, label: belief.label[language], period: period(belief.period),
            stated: stated, measured: measured, note: belief.note?[language], verdict: verdict, tone: tone)
    }

    /// A value in the belief's unit: `45 %`, `844 клиента`, `90,3 дня`, `3,1 года`.
    func value(_ belief: BeliefOutcome, _ number: Double) -> String {
        switch belief.unit {
        case "percent": return format.percent(number)
        case "count": return counted(number, fractionDigits: 0, forms: belief.noun)
        case "days": return counted(number, fractionDigits: 1, forms: BeliefText.days.text)
        case "years": return counted(number, fractionDigits: 1, forms: BeliefText.years.text)
        case "money": return format.money(number, fractionDigits: 0)
        default: return format.number(number)
        }
    }

    private func counted(_ number: Double, fractionDigits: Int, forms: LocalizedText?) -> String {
        let digits = number == number.rounded() ? 0 : fractionDigits
        let shown = format.number(number, fractionDigits: digits)
        guard let forms else { return shown }
        // The noun agrees with the number as shown (90,3 → "дня", 844 → "клиента").
        let rounded = (number * 10).rounded() / 10
        return shown + "\u{00A0}" + Plural.form(digits == 0 ? number.rounded() : rounded, forms[language], language)
    }

    /// The window both values refer to, with its dates.
    func period(_ period: BeliefPeriod) -> String {
        switch period {
        case .last12Months: return text(.last12Months).replacingOccurrences(of: "{to}", with: format.date(asOf))
        case .wholeHistory:
            guard let firstSale else { return text(.wholeHistory).replacingOccurrences(of: "{from} ", with: "") }
            return text(.wholeHistoryFrom).replacingOccurrences(of: "{from}", with: format.date(firstSale))
                .replacingOccurrences(of: "{to}", with: format.date(asOf))
        case .asOf: return text(.onDay).replacingOccurrences(of: "{to}", with: format.date(asOf))
        }
    }

    /// "confirmed", "overstated by 356 customers (42 %)", "not confirmed", …
    func verdict(_ belief: BeliefOutcome, status: FindingStatus) -> (String, BeliefTable.Tone) {
        switch status {
        case .ok where belief.comparison == .plausibility:
            // An indirect measure can contradict a statement but never confirm it.
            return (text(.cannotCheckDirectly) + "; " + text(.consistent), .unknown)
        case .ok:
            return (text(.confirmed), .confirmed)
        case .waived:
            return (text(.waived), .unknown)
        case .notEvaluable, .notApplicable:
            if belief.stated == nil && belief.statedText != nil { return (text(.ownerDoesNotKnow), .unknown) }
            if belief.measured == nil && belief.measuredText == nil { return (text(.noDataToCompare), .unknown) }
            return (text(.notAnswered), .unknown)
        case .finding, .warn:
            let tone: BeliefTable.Tone = status == .finding ? .off : .near
            switch belief.comparison {
            case .plausibility: return (text(.cannotCheckDirectly) + "; " + text(.inconsistent), tone)
            case .match: return (text(.notConfirmed), tone)
            case .coverage: return status == .finding ? (text(.cannotCheckUnrecorded), .unknown) : (text(.partlyRecorded), .near)
            case .difference:
                guard let stated = belief.stated, let measured = belief.measured else { return (text(.notConfirmed), tone) }
                return (difference(belief, stated: stated, measured: measured), tone)
            }
        }
    }

    private func difference(_ belief: BeliefOutcome, stated: Double, measured: Double) -> String {
        let gap = stated - measured
        let direction = text(gap > 0 ? .overstatedBy : .understatedBy)
        let size: String
        if belief.unit == "percent" {
            size = format.number(abs(gap) * 100, fractionDigits: 1) + "\u{00A0}" + text(.percentagePoints)
        } else {
            size = value(belief, abs(gap)) + (measured != 0 ? " (\(format.percent(abs(gap / measured), fractionDigits: 0)))" : "")
        }
        return direction + " " + size
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
