import AuditModel
import Expressions

/// A blank, printable form of a questionnaire, in Markdown or self-contained HTML.
public enum FormPrinter {
    /// The printed form's formats: Markdown or HTML.
    public enum Format: String, Sendable, CaseIterable { case md, html }

    /// The form in `language`. HTML escapes every text from the questionnaire.
    public static func render(_ questionnaire: Questionnaire, format: Format, language: Language) -> String {
        let numbers = Dictionary(uniqueKeysWithValues: questionnaire.questions.enumerated().map { ($1.id, $0 + 1) })
        switch format {
        case .md: return markdown(questionnaire, language, numbers)
        case .html: return html(questionnaire, language, numbers)
        }
    }

    static func words(_ language: Language) -> (
        dontKnow: String, notApplicable: String, help: String, only: String, several: String,
        yes: String, no: String, note: String, version: String, client: String, date: String
    ) {
        return (
            QuestionnaireText.donTKnow2.render(in: language), QuestionnaireText.notApplicable2.render(in: language),
            QuestionnaireText.whyWeAsk.render(in: language),
            QuestionnaireText.answerOnlyIfItFollowsFrom.render(in: language),
            QuestionnaireText.severalAllowed.render(in: language), QuestionnaireText.yes2.render(in: language),
            QuestionnaireText.no2.render(in: language), QuestionnaireText.notes.render(in: language),
            QuestionnaireText.version.render(in: language), QuestionnaireText.company.render(in: language),
            QuestionnaireText.date.render(in: language)
        )
    }

    static func hint(_ question: Question, _ language: Language) -> String? {
        let key: QuestionnaireText
        switch question.type {
        case .scale: key = .formHintScale
        case .number, .money:
            guard let unit = question.unit else { return QuestionnaireText.formHintNumber.render(in: language) }
            return QuestionnaireText.formHintNumberWithUnit.render(["unit": .localized(unit)], in: language)
        case .percent: key = .formHintPercent
        case .date: key = .formHintDate
        case .multi: return words(language).several
        default: return nil
        }
        return key.render(in: language)
    }

    /// The numbers of the earlier questions a condition depends on.
    static func dependsOn(_ question: Question, _ questionnaire: Questionnaire, _ numbers: [String: Int]) -> [Int] {
        var references = question.relevant?.references ?? []
        if let section = questionnaire.section(question.sectionID), let relevant = section.relevant { references += relevant.references }
        return Set(references.filter { $0.kind == .answer }.compactMap { numbers[$0.id] }).sorted()
    }

    private static func markdown(_ questionnaire: Questionnaire, _ language: Language, _ numbers: [String: Int]) -> String {
        let w = words(language)
        var out = [
            "# \(questionnaire.title[language])", "",
            "\(w.version) \(questionnaire.version) · \(w.client): ________________ · \(w.date): ____________", "",
        ]
        if let description = questionnaire.description { out += [description[language], ""] }
        for section in questionnaire.sections {
            out += ["## \(section.title[language])", ""]
            if let help = section.help { out += ["_\(help[language])_", ""] }
            for question in section.questions {
                let number = numbers[question.id] ?? 0
                var title = "**\(number). \(question.text[language])**"
                if let hint = hint(question, language) { title += " _(\(hint))_" }
                out.append(title)
                let depends = dependsOn(question, questionnaire, numbers)
                if !depends.isEmpty { out.append("_\(w.only) \(depends.map(String.init).joined(separator: ", "))._") }
                out.append("")
                for option in question.options { out.append("- [ ] \(option.label[language])") }
                if question.type == .yesNo { out += ["- [ ] \(w.yes)", "- [ ] \(w.no)"] }
                if !question.type.hasOptions && question.type != .yesNo { out.append("____________________________________________") }
                var extra: [String] = []
                if question.allowsDontKnow { extra.append("- [ ] \(w.dontKnow)") }
                if question.allowsNotApplicable { extra.append("- [ ] \(w.notApplicable)") }
                out += extra
                out += ["", "> \(w.help): \(question.help[language])", ""]
            }
        }
        out += ["## \(w.note)", "", "____________________________________________", "", "<!-- \(OutputSignature.comment) -->", ""]
        return out.joined(separator: "\n")
    }

    private static func html(_ questionnaire: Questionnaire, _ language: Language, _ numbers: [String: Int]) -> String {
        let w = words(language)
        let e = escape
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">" + OutputSignature.htmlMeta,
            "<title>\(e(questionnaire.title[language]))</title>",
            "<style>",
            "body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;max-width:48em;margin:2em auto;color:#222;line-height:1.4}",
            "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:2px solid #345;padding-bottom:.2em;margin-top:2em;break-after:avoid}",
            ".q{margin:1.2em 0;break-inside:avoid}.q p{margin:.2em 0}.hint,.cond{color:#666;font-style:italic}",
            ".opt{list-style:none;padding-left:1em;margin:.3em 0}.opt li::before{content:'\\2610\\00a0\\00a0'}",
            ".line{border-bottom:1px solid #999;height:1.6em;margin:.4em 0 .4em 1em}.help{font-size:.85em;color:#555;margin-left:1em}",
            "@page{size:A4;margin:18mm}",
            "</style></head><body>",
            "<h1>\(e(questionnaire.title[language]))</h1>",
            "<p>\(e(w.version)) \(e(questionnaire.version)) · \(e(w.client)): ________________ · \(e(w.date)): ____________</p>",
        ]
        if let description = questionnaire.description { out.append("<p>\(e(description[language]))</p>") }
        for section in questionnaire.sections {
            out.append("<section id=\"\(e(section.id))\"><h2>\(e(section.title[language]))</h2>")
            if let help = section.help { out.append("<p class=\"hint\">\(e(help[language]))</p>") }
            for question in section.questions {
                let number = numbers[question.id] ?? 0
                out.append("<div class=\"q\" id=\"\(e(question.id))\">")
                var title = "<p><strong>\(number). \(e(question.text[language]))</strong>"
                if let hint = hint(question, language) { title += " <span class=\"hint\">(\(e(hint)))</span>" }
                out.append(title + "</p>")
                let depends = dependsOn(question, questionnaire, numbers)
                if !depends.isEmpty {
                    out.append("<p class=\"cond\">\(e(w.only)) \(depends.map(String.init).joined(separator: ", ")).</p>")
                }
                var items = question.options.map { $0.label[language] }
                if question.type == .yesNo { items += [w.yes, w.no] }
                if question.allowsDontKnow { items.append(w.dontKnow) }
                if question.allowsNotApplicable { items.append(w.notApplicable) }
                if !question.type.hasOptions && question.type != .yesNo { out.append("<div class=\"line\"></div>") }
                if !items.isEmpty { out.append("<ul class=\"opt\">" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>") }
                out.append("<p class=\"help\">\(e(w.help)): \(e(question.help[language]))</p></div>")
            }
            out.append("</section>")
        }
        out += ["<h2>\(e(w.note))</h2><div class=\"line\"></div><div class=\"line\"></div>", "</body></html>", ""]
        return out.joined(separator: "\n")
    }

    /// Escapes `& < > " '` for HTML text and attributes.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
