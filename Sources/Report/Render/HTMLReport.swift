import Analytics
import AuditModel
import Rules

/// The HTML report, section by section (the sections are in `HTMLReport+*.swift`).
struct HTMLReport {
    let input: ReportInput
    let options: ReportOptions
    let format: Formatter
    /// Findings the consultant left out: listed in the appendix only.
    let hidden: [Finding]

    init(input: ReportInput, options: ReportOptions) {
        self.hidden = input.hiddenFindings
        self.input = input.withoutHiddenFindings()
        self.options = options
        format = Formatter(options.language)
    }

    var language: Language { options.language }

    func t(_ key: ReportText) -> String { key[language] }

    func render() -> String {
        var body: [SafeHTML] = []
        let wanted = options.sections
        if wanted.contains(.summary) { body.append(summary()) }
        if wanted.contains(.beliefs), let beliefs = beliefs() { body.append(beliefs) }
        if wanted.contains(.areas) { body.append(areas()) }
        if wanted.contains(.findings) { body.append(findings()) }
        if wanted.contains(.insights) { body.append(insights()) }
        if wanted.contains(.quality) { body.append(quality()) }
        if wanted.contains(.configuration) { body.append(configuration()) }
        if wanted.contains(.roadmap) { body.append(roadmap()) }
        if wanted.contains(.progress), let progress = progressSection() { body.append(progress) }
        if wanted.contains(.appendix) { body.append(appendix()) }
        body.insert(cover(contents: contents(of: body)), at: 0)
        return Page.document(
            language: language, title: "\(t(.title)) — \(input.engagement.client)", body: SafeHTML.join(body, separator: "\n"),
            footer: "\(input.engagement.client) · \(t(.round)) \(input.round.number) · \(format.date(input.round.date))",
            runningHeader: "\(input.engagement.client) · \(t(.title)) · \(format.date(input.round.date))")
    }

    // MARK: - Cover

    /// The sections' ids and titles, read back from what was rendered, so the contents can never
    /// list a section that is not there.
    func contents(of sections: [SafeHTML]) -> [(id: String, title: String)] {
        HTMLTree.parse(SafeHTML.join(sections).raw).children.compactMap { node in
            guard node.name == "section", let id = node.attributes["id"], let title = node.first("h2") else { return nil }
            return (id, WordDocument.collapse(title.textContent))
        }
    }

    func cover(contents: [(id: String, title: String)]) -> SafeHTML {
        var rows: [(ReportText, String)] = [
            (.roundDate, format.date(input.round.date)), (.round, String(input.round.number)),
        ]
        if let consultant = input.engagement.consultant, !consultant.isEmpty { rows.append((.consultant, consultant)) }
        if let industry = input.engagement.industry, !industry.isEmpty {
            rows.append((.industry, input.method.industryTitle?[language] ?? industry))
        }
        let list = rows.map { element("dt", [], text(t($0.0))) + element("dd", [], text($0.1)) }
        return element(
            "section", [("id", "cover"), ("class", "cover")],
            element("div", [("class", "kicker")], text(t(.kicker))),
            element("h1", [], text(t(.title))),
            element("p", [("class", "client")], text(input.engagement.client)),
            element("dl", [], list),
            contents.isEmpty
                ? SafeHTML(raw: "")
                : element(
                    "nav", [("class", "toc")],
                    element("p", [("class", "toc-title")], text(Self.contentsTitle[language])),
                    element("ol", [], contents.map { element("li", [], element("a", [("href", "#" + $0.id)], text($0.title))) })),
            element("p", [("class", "confidential")], text(t(.confidential))),
            options.redact
                ? element("p", [("class", "confidential"), ("data-redacted", "true")], text(Redaction.notice[language])) : SafeHTML(raw: "")
        )
    }

    static let contentsTitle = ReportText.contents.text()

    // MARK: - Shared pieces

    func sectionElement(_ id: ReportSection, title: ReportText, lead: String? = nil, flow: Bool = false, _ content: [SafeHTML]) -> SafeHTML
    {
        var children = [element("h2", [], text(t(title)))]
        if let lead { children.append(element("p", [("class", "muted")], text(lead))) }
        children += content
        return element("section", [("id", id.rawValue)] + (flow ? [("class", "flow")] : []), children)
    }

    func table(_ headers: [(String, Bool)], _ rows: [[(String, Bool)]], class className: String? = nil) -> SafeHTML {
        let head = element("tr", [], headers.map { element("th", $0.1 ? [("class", "num")] : [], text($0.0)) })
        let body = rows.map { row in element("tr", [], row.map { element("td", $0.1 ? [("class", "num")] : [], text($0.0)) }) }
        return element("table", className.map { [("class", $0)] } ?? [], [element("thead", [], head), element("tbody", [], body)])
    }

    func badge(_ severity: Severity) -> SafeHTML {
        element("span", [("class", "badge sev-\(severity.rawValue)")], text(severity.title[language]))
    }

    func statusBadge(_ status: FindingStatus) -> SafeHTML {
        element("span", [("class", "badge st-\(status.rawValue)")], text(status.title[language]))
    }

    func metric(_ id: String) -> Double? { input.metrics[id].number }

    func areaTitle(_ id: String) -> String {
        input.scores.areas.first { $0.area == id }?.title[language] ?? id
    }

    func score(_ value: Double?) -> String {
        value.map { format.number($0, fractionDigits: 0) } ?? "—"
    }
}
