import AuditModel
import Rules

/// The words of the root-causes section, shared by the Markdown and HTML reports.
enum CauseText {
    /// The keys of this text's catalogue; the texts are in `CauseText+ru.swift` and `CauseText+en.swift`.
    enum Key: String, TextCatalogue {
        case title, lead, symptoms

        static func texts(in language: Language) -> [Key: String] {
            switch language {
            case .ru: russian
            case .en: english
            }
        }
    }

    static let title = Key.title.text()
    static let lead = Key.lead.text()
    static let symptoms = Key.symptoms.text()
}

extension MarkdownReport {
    /// The ranked root causes, each with its symptoms and their evidence.
    func causesMarkdown() -> String {
        guard !input.causes.isEmpty else { return "" }
        var out = "## \(md(CauseText.title[language]))\n\n\(md(CauseText.lead[language]))\n\n"
        for (index, group) in input.causes.enumerated() {
            out += "### \(index + 1). \(md(group.cause.title[language]))\n\n"
            var meta = "*\(md(group.severity.title[language]))"
            if let money = group.money { meta += " · \(md(money.kind.title[language])): \(md(money.text(language)))" }
            out += meta + "*\n\n"
            if group.declared { out += "\(md(group.cause.explanation[language]))\n\n" }
            out += "**\(md(CauseText.symptoms[language])):**\n\n"
            for symptom in group.symptoms {
                out += "- \(md(symptom.ruleID)) · \(md(symptom.title[language]))"
                if let evidence = symptom.evidence { out += " — \(md(evidence[language]))" }
                out += "\n"
            }
            out += "\n→ \(md(group.cause.recommendation[language]))\n\n"
        }
        return out
    }
}

extension HTMLReport {
    /// The ranked root causes, each with its symptoms and their evidence.
    func causesHTML() -> [SafeHTML] {
        guard !input.causes.isEmpty else { return [] }
        var content: [SafeHTML] = [
            element("h3", [], text(CauseText.title[language])),
            element("p", [("class", "muted")], text(CauseText.lead[language])),
        ]
        for (index, group) in input.causes.enumerated() {
            let meta = group.money.map { " \($0.kind.title[language]): \($0.text(language))" } ?? ""
            var parts: [SafeHTML] = [
                element("h4", [], text("\(index + 1). \(group.cause.title[language])")),
                element("p", [("class", "meta")], badge(group.severity), text(meta)),
            ]
            if group.declared { parts.append(element("p", [], text(group.cause.explanation[language]))) }
            parts.append(
                element(
                    "ul", [],
                    group.symptoms.map { symptom in
                        element(
                            "li", [],
                            text("\(symptom.ruleID) · \(symptom.title[language])" + (symptom.evidence.map { " — \($0[language])" } ?? "")))
                    }))
            parts.append(element("p", [], text("→ \(group.cause.recommendation[language])")))
            content.append(element("div", [("class", "finding")], parts))
        }
        return content
    }
}
