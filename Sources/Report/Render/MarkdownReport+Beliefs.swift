import AuditModel

extension MarkdownReport {
    /// The beliefs table, as in the HTML (without the cards).
    func beliefs() -> String {
        let table = BeliefTable(input, language: language)
        guard !table.rows.isEmpty else { return disagreements() }
        func b(_ key: BeliefText) -> String { key.text[language] }
        let tally = table.confirmed
        let tallyText =
            b(.tally).replacingOccurrences(of: "{n}", with: String(tally.count))
            .replacingOccurrences(of: "{of}", with: String(tally.of))
            .replacingOccurrences(of: "{beliefs}", with: Plural.form(Double(tally.of), b(.beliefForms), language))
            + (tally.unchecked > 0 ? b(.uncheckedTally).replacingOccurrences(of: "{n}", with: String(tally.unchecked)) : "")
        var out = "## \(md(b(.title)))\n\n\(md(b(.lead)))\n\n**\(md(tallyText))**\n\n"
        out += self.table(
            [b(.belief), b(.period), b(.stated), b(.measured), b(.verdict)],
            table.rows.map { row in
                [row.label, row.period, row.stated, row.measured + (row.note.map { " (\($0))" } ?? ""), row.verdict]
            })
        return out + "\n" + disagreements()
    }

    /// The questions the people interviewed answered differently, each with who said what.
    func disagreements() -> String {
        guard !input.disagreements.isEmpty else { return "" }
        var out = "### \(md(DisagreementText.title[language]))\n\n\(md(DisagreementText.lead[language]))\n\n"
        let measured = BeliefTable.measuredByQuestion(input, language: language)
        let withData = input.disagreements.contains { measured[$0.questionID] != nil }
        let columns =
            [DisagreementText.question[language], DisagreementText.answers[language]] + (withData ? [DisagreementText.data[language]] : [])
        out += table(
            columns,
            input.disagreements.map { row in
                [
                    row.question[language],
                    row.views.map { view in
                        (view.counts ? "✓ " : "") + view.who + ": " + view.answer[language]
                            + (view.note.map { " — " + DisagreementText.quoted($0) } ?? "")
                    }.joined(separator: "; "),
                ] + (withData ? [measured[row.questionID] ?? "—"] : [])
            })
        return out + "\n"
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
