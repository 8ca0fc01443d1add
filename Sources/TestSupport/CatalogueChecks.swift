import AuditModel

/// The counts every plural-bearing text is rendered for: each CLDR category of Russian and
/// English, and the numbers where they turn (11–14 are `many` in Russian, 21 `one`, 22 `few`).
package let pluralProbeCounts: [Double] = [0, 1, 2, 5, 11, 21, 22, 25, 111]

/// Every problem of catalogue `C`: its own (missing texts, templates that do not parse,
/// arguments that differ between languages, plural forms missing) and, for each text with a
/// plural, a rendering for each of ``pluralProbeCounts`` in each language that is empty or
/// leaves an argument unfilled.
package func catalogueProblems<C: TextCatalogue>(_ catalogue: C.Type) -> [String] {
    var problems = C.problems()
    for key in C.allCases {
        for language in Language.allCases {
            guard let source = C.texts(in: language)[key], let template = try? MessageTemplate(source) else { continue }
            guard !template.pluralForms.isEmpty else { continue }
            for count in pluralProbeCounts {
                var arguments: [String: MessageArgument] = [:]
                for name in template.argumentNames { arguments[name] = .number(count) }
                let rendered = template.render(arguments, in: language)
                if rendered.isEmpty || rendered.contains("{") {
                    problems.append("\(key.rawValue) (\(language.rawValue), \(count)): '\(rendered)'")
                }
            }
        }
    }
    return problems
}
