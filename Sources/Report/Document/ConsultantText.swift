import AuditModel
import Rules

/// The report's texts around the consultant's own words.
enum ConsultantText {
    /// The keys of this text's catalogue; the texts are in `ConsultantText+ru.swift` and `ConsultantText+en.swift`.
    enum Key: String, TextCatalogue {
        case summary, comment, scope, interviewees, limitations, hidden, signOff, consultant, client, configurationCommand, signatureLine

        static func texts(in language: Language) -> [Key: String] {
            switch language {
            case .ru: russian
            case .en: english
            }
        }
    }

    static let summary = Key.summary.text()
    static let comment = Key.comment.text()
    static let scope = Key.scope.text()
    static let interviewees = Key.interviewees.text()
    static let limitations = Key.limitations.text()
    static let hidden = Key.hidden.text()
    static let signOff = Key.signOff.text()
    static let consultant = Key.consultant.text()
    static let client = Key.client.text()
    static let configurationCommand = Key.configurationCommand.text()
    static let signatureLine = Key.signatureLine.text()
}

extension ReportInput {
    /// The findings the consultant chose to leave out of the report (`hide: true`).
    var hiddenFindings: [Finding] {
        guard let notes else { return [] }
        return findings.filter { notes.findings[$0.ruleID]?.hidden == true }
    }

    /// The input without the hidden findings: what every section of the report shows.
    func withoutHiddenFindings() -> ReportInput {
        guard let notes, notes.findings.values.contains(where: \.hidden) else { return self }
        var visible = self
        visible.findings = findings.filter { notes.findings[$0.ruleID]?.hidden != true }
        return visible
    }

    /// The consultant's comment on a finding, if any.
    func comment(on finding: Finding) -> LocalizedText? { notes?.findings[finding.ruleID]?.comment }
}

extension HTMLReport {
    /// The consultant's summary, first thing in the executive summary.
    func consultantSummary() -> SafeHTML? {
        guard let summary = input.notes?.summary else { return nil }
        return element(
            "div", [("class", "consultant-summary")], element("h3", [], text(ConsultantText.summary[language])),
            element("p", [], text(summary[language])))
    }

    func consultantComment(_ finding: Finding) -> SafeHTML? {
        guard let comment = input.comment(on: finding) else { return nil }
        return element(
            "p", [("class", "consultant-comment")], element("strong", [], text(ConsultantText.comment[language] + ": ")),
            text(comment[language]))
    }

    /// Scope, people interviewed, limitations, what was left out, and the sign-off block.
    func consultantAppendix(hidden: [Finding]) -> [SafeHTML] {
        var content: [SafeHTML] = []
        let notes = input.notes ?? ConsultantNotes()
        if let scope = notes.scope {
            content += [element("h3", [], text(ConsultantText.scope[language])), element("p", [], text(scope[language]))]
        }
        if !notes.interviewees.isEmpty {
            content.append(element("h3", [], text(ConsultantText.interviewees[language])))
            content.append(
                element(
                    "ul", [],
                    notes.interviewees.map { person in
                        element("li", [], text(person.name + (person.role.map { " — " + $0[language] } ?? "")))
                    }))
        }
        if let limitations = notes.limitations {
            content += [element("h3", [], text(ConsultantText.limitations[language])), element("p", [], text(limitations[language]))]
        }
        if !hidden.isEmpty {
            content.append(element("h3", [], text(ConsultantText.hidden[language])))
            content.append(
                element(
                    "ul", [],
                    hidden.map { finding in
                        let reason = notes.findings[finding.ruleID]?.reason.map { ": " + $0[language] } ?? ""
                        return element("li", [], text("\(finding.ruleID) · \(finding.title[language])\(reason)"))
                    }))
        }
        content.append(element("h3", [], text(ConsultantText.signOff[language])))
        let consultant = input.engagement.consultant ?? ""
        content.append(
            element(
                "table", [("class", "sign-off")],
                element(
                    "tbody", [],
                    element(
                        "tr", [], element("td", [], text(ConsultantText.consultant[language])), element("td", [], text(consultant)),
                        element("td", [("class", "signature")], text(ConsultantText.signatureLine[language]))),
                    element(
                        "tr", [], element("td", [], text(ConsultantText.client[language])),
                        element("td", [], text(input.engagement.client)),
                        element("td", [("class", "signature")], text(ConsultantText.signatureLine[language]))))))
        return content
    }
}

extension MarkdownReport {
    func consultantSummary() -> String {
        guard let summary = input.notes?.summary else { return "" }
        return "### \(md(ConsultantText.summary[language]))\n\n\(md(summary[language]))\n\n"
    }

    func consultantComment(_ finding: Finding) -> String {
        guard let comment = input.comment(on: finding) else { return "" }
        return "**\(md(ConsultantText.comment[language])):** \(md(comment[language]))\n\n"
    }

    func consultantAppendix(hidden: [Finding]) -> String {
        let notes = input.notes ?? ConsultantNotes()
        var out = ""
        if let scope = notes.scope { out += "\n### \(md(ConsultantText.scope[language]))\n\n\(md(scope[language]))\n" }
        if !notes.interviewees.isEmpty {
            out += "\n### \(md(ConsultantText.interviewees[language]))\n\n"
            for person in notes.interviewees { out += "- \(md(person.name + (person.role.map { " — " + $0[language] } ?? "")))\n" }
        }
        if let limitations = notes.limitations {
            out += "\n### \(md(ConsultantText.limitations[language]))\n\n\(md(limitations[language]))\n"
        }
        if !hidden.isEmpty {
            out += "\n### \(md(ConsultantText.hidden[language]))\n\n"
            for finding in hidden {
                let reason = notes.findings[finding.ruleID]?.reason.map { ": " + $0[language] } ?? ""
                out += "- \(md("\(finding.ruleID) · \(finding.title[language])\(reason)"))\n"
            }
        }
        out += "\n### \(md(ConsultantText.signOff[language]))\n\n"
        out += table(
            ["", "", ""],
            [
                [
                    ConsultantText.consultant[language], input.engagement.consultant ?? "",
                    "____________ " + ConsultantText.signatureLine[language],
                ],
                [ConsultantText.client[language], input.engagement.client, "____________ " + ConsultantText.signatureLine[language]],
            ])
        return out
    }
}
