import AuditModel
import Rules

extension HTMLReport {
    /// "What you believe / what the data shows": the sharpest gaps as cards, then every belief
    /// the data could check, with its period, both values and the verdict.
    func beliefs() -> SafeHTML? {
        let table = BeliefTable(input, language: language)
        guard !table.rows.isEmpty else {
            guard let block = disagreements() else { return nil }
            return element("section", [("id", ReportSection.beliefs.rawValue)], [block])
        }
        func b(_ key: BeliefText) -> String { key.text[language] }
        let tally = table.confirmed
        let tallyText =
            b(.tally).replacingOccurrences(of: "{n}", with: String(tally.count))
            .replacingOccurrences(of: "{of}", with: String(tally.of))
            .replacingOccurrences(of: "{beliefs}", with: Plural.form(Double(tally.of), b(.beliefForms), language))
            + (tally.unchecked > 0 ? b(.uncheckedTally).replacingOccurrences(of: "{n}", with: String(tally.unchecked)) : "")
        let cards = table.rows.filter { $0.tone == .off }.prefix(3).map { row in
            var parts: [SafeHTML] = [
                element("h4", [], text(row.label)),
                element(
                    "p", [("class", "said")], element("span", [("class", "meta")], text(b(.stated) + ": ")),
                    element("b", [], text(row.stated))),
                element(
                    "p", [("class", "shows")], element("span", [("class", "meta")], text(b(.measured) + ": ")),
                    element("b", [], text(row.measured))),
            ]
            if let note = row.note, !note.isEmpty { parts.append(element("p", [("class", "meta")], text(note))) }
            parts.append(element("p", [("class", "meta")], text(row.period)))
            return element("div", [("class", "belief-card")], parts)
        }
        let head = element("tr", [], [b(.belief), b(.period), b(.stated), b(.measured), b(.verdict)].map { element("th", [], text($0)) })
        let body = table.rows.map { row -> SafeHTML in
            var measured: [SafeHTML] = [element("b", [], text(row.measured))]
            if let note = row.note, !note.isEmpty { measured.append(element("div", [("class", "meta")], text(note))) }
            return element(
                "tr", [],
                element("td", [], text(row.label)),
                element("td", [("class", "meta")], text(row.period)),
                element("td", [], text(row.stated)),
                element("td", [], measured),
                element("td", [("class", "verdict-\(row.tone.rawValue)")], text(row.verdict)))
        }
        var content: [SafeHTML] = [
            element("p", [("class", "muted")], text(b(.lead))),
            element("p", [], element("strong", [], text(tallyText))),
        ]
        if !cards.isEmpty { content.append(element("div", [("class", "belief-cards")], Array(cards))) }
        content.append(element("table", [("class", "beliefs")], [element("thead", [], head), element("tbody", [], body)]))
        if let block = disagreements() { content.append(block) }
        return element("section", [("id", ReportSection.beliefs.rawValue)], [element("h2", [], text(b(.title)))] + content)
    }

    /// The questions the people interviewed answered differently, each with who said what.
    func disagreements() -> SafeHTML? {
        guard !input.disagreements.isEmpty else { return nil }
        let measured = BeliefTable.measuredByQuestion(input, language: language)
        let withData = input.disagreements.contains { measured[$0.questionID] != nil }
        let columns = [DisagreementText.question, DisagreementText.answers] + (withData ? [DisagreementText.data] : [])
        let head = element("tr", [], columns.map { element("th", [], text($0[language])) })
        let body = input.disagreements.map { row -> SafeHTML in
            let views = row.views.map { view -> SafeHTML in
                var parts: [SafeHTML] = [text((view.counts ? "✓ " : "") + view.who + ": "), element("b", [], text(view.answer[language]))]
                if let note = view.note, !note.isEmpty {
                    parts.append(element("span", [("class", "meta")], text(" — " + DisagreementText.quoted(note))))
                }
                return element("li", [], parts)
            }
            var cells = [element("td", [], text(row.question[language])), element("td", [], element("ul", [], views))]
            if withData { cells.append(element("td", [], element("b", [], text(measured[row.questionID] ?? "—")))) }
            return element("tr", [], cells)
        }
        return element(
            "div", [("class", "disagreements")],
            [
                element("h3", [], text(DisagreementText.title[language])),
                element("p", [("class", "muted")], text(DisagreementText.lead[language])),
                element("table", [("class", "disagreements")], [element("thead", [], head), element("tbody", [], body)]),
            ])
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
