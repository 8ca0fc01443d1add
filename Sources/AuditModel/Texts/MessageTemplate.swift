import Foundation

/// A text of a catalogue with named arguments and plural forms, in a subset of ICU
/// MessageFormat that translators know:
///
/// * `{file}` — the argument `file`, as text (a number is formatted for the language);
/// * `{count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}}` — the form
///   of the argument's plural category (``PluralCategory``), `#` standing for the number as the
///   language writes it; `=0 {…}` matches exactly zero;
/// * `'{'` writes a brace.
package struct MessageTemplate: Sendable, Hashable {
    /// One part of a parsed template.
    indirect enum Part: Sendable, Hashable {
        case literal(String)
        case argument(String)
        /// The argument's name and, by category (or `=N`), the parts of each form.
        case plural(String, [String: [Part]])
        /// `#` inside a plural form.
        case number
    }

    let parts: [Part]
    package let source: String

    /// A problem in a template: where and what.
    package struct SyntaxError: Error, Sendable, CustomStringConvertible {
        package var offset: Int
        package var message: String
        package var description: String { "at \(offset): \(message)" }
    }

    package init(_ source: String) throws(SyntaxError) {
        self.source = source
        var parser = Parser(Array(source))
        parts = try parser.parts(inPlural: false)
        if parser.index < parser.characters.count {
            throw SyntaxError(offset: parser.index, message: "unexpected '}'")
        }
    }

    /// The names of the arguments the template uses.
    package var argumentNames: Set<String> {
        func names(_ parts: [Part]) -> Set<String> {
            parts.reduce(into: Set<String>()) { result, part in
                switch part {
                case .argument(let name): result.insert(name)
                case .plural(let name, let forms):
                    result.insert(name)
                    for form in forms.values { result.formUnion(names(form)) }
                case .literal, .number: break
                }
            }
        }
        return names(parts)
    }

    /// The plural arguments and the forms (categories or `=N`) each gives.
    package var pluralForms: [String: Set<String>] {
        func collect(_ parts: [Part], into result: inout [String: Set<String>]) {
            for part in parts {
                if case .plural(let name, let forms) = part {
                    result[name, default: []].formUnion(forms.keys)
                    for form in forms.values { collect(form, into: &result) }
                }
            }
        }
        var result: [String: Set<String>] = [:]
        collect(parts, into: &result)
        return result
    }

    /// The text with `arguments` put in, numbers and plural forms as `language` writes them; an
    /// argument not given shows as `{name}` (a test makes sure none is missing).
    package func render(_ arguments: [String: MessageArgument], in language: Language) -> String {
        let formatter = Formatter(language)
        func text(_ parts: [Part], number: Double?) -> String {
            var result = ""
            for part in parts {
                switch part {
                case .literal(let literal): result += literal
                case .number: result += number.map { formatter.number($0, fractionDigits: $0 == $0.rounded() ? 0 : 1) } ?? "#"
                case .argument(let name):
                    switch arguments[name] {
                    case .text(let value)?: result += value
                    case .number(let value)?: result += formatter.number(value, fractionDigits: value == value.rounded() ? 0 : 1)
                    case .localized(let value)?: result += value[language]
                    case nil: result += "{\(name)}"
                    }
                case .plural(let name, let forms):
                    guard case .number(let value)? = arguments[name] else {
                        result += "{\(name)}"
                        continue
                    }
                    let exact = value == value.rounded() && abs(value) < 1e15 ? forms["=\(Int64(value))"] : nil
                    let form = exact ?? forms[PluralCategory.of(value, in: language).rawValue] ?? forms["other"] ?? []
                    result += text(form, number: value)
                }
            }
            return result
        }
        return text(parts, number: nil)
    }

    struct Parser {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        mutating func parts(inPlural: Bool) throws(SyntaxError) -> [Part] {
            var parts: [Part] = []
            var literal = ""
            func flush() {
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = ""
                }
            }
            while index < characters.count {
                let character = characters[index]
                switch character {
                case "'" where index + 2 < characters.count && characters[index + 2] == "'" && "{}#".contains(characters[index + 1]):
                    literal.append(characters[index + 1])
                    index += 3
                case "{":
                    flush()
                    index += 1
                    parts.append(try argument())
                case "}":
                    flush()
                    return parts  // the caller consumes it (or reports it at the top level)
                case "#" where inPlural:
                    flush()
                    parts.append(.number)
                    index += 1
                default:
                    literal.append(character)
                    index += 1
                }
            }
            flush()
            return parts
        }

        mutating func word() -> String {
            var word = ""
            while index < characters.count,
                characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                    || characters[index] == "="
            {
                word.append(characters[index])
                index += 1
            }
            return word
        }

        mutating func skipSpaces() {
            while index < characters.count, characters[index] == " " { index += 1 }
        }

        mutating func expect(_ character: Character) throws(SyntaxError) {
            guard index < characters.count, characters[index] == character else {
                throw SyntaxError(offset: index, message: "expected '\(character)'")
            }
            index += 1
        }

        /// After `{`: `name}` or `name, plural, one {…} other {…}}`.
        mutating func argument() throws(SyntaxError) -> Part {
            skipSpaces()
            let start = index
            let name = word()
            guard !name.isEmpty else { throw SyntaxError(offset: start, message: "expected an argument name") }
            skipSpaces()
            if index < characters.count, characters[index] == "}" {
                index += 1
                return .argument(name)
            }
            try expect(",")
            skipSpaces()
            let kindStart = index
            guard word() == "plural" else { throw SyntaxError(offset: kindStart, message: "expected 'plural'") }
            skipSpaces()
            try expect(",")
            var forms: [String: [Part]] = [:]
            while true {
                skipSpaces()
                if index < characters.count, characters[index] == "}" {
                    index += 1
                    break
                }
                let formStart = index
                let key = word()
                guard key.hasPrefix("=") ? Int(key.dropFirst()) != nil : PluralCategory(rawValue: key) != nil else {
                    throw SyntaxError(offset: formStart, message: "expected a plural category (one, few, many, other) or =N")
                }
                skipSpaces()
                try expect("{")
                forms[key] = try parts(inPlural: true)
                try expect("}")
            }
            guard forms["other"] != nil else { throw SyntaxError(offset: start, message: "a plural needs an 'other' form") }
            return .plural(name, forms)
        }
    }
}

/// A value put into a catalogue text.
package enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case number(Double)
    /// A text that is itself given in each language (a verdict, a level's title).
    case localized(LocalizedText)

    package init(stringLiteral value: String) { self = .text(value) }
    package init(integerLiteral value: Int) { self = .number(Double(value)) }

    package static func count(_ value: Int) -> MessageArgument { .number(Double(value)) }

    /// A value written differently in each language (a date, a count with its noun), made by
    /// `make` for each: `.inEach { Formatter($0).date(day) }`.
    package static func inEach(_ make: (Language) -> String) -> MessageArgument {
        .localized(LocalizedText.inEach(make))
    }

    /// Names each in the language's quotes, joined by commas: `«a», «b»` / `'a', 'b'`.
    package static func quotedList(_ names: [String]) -> MessageArgument {
        .inEach { language in names.map { ModelText.quoted.render(["text": .text($0)], in: language) }.joined(separator: ", ") }
    }

    /// Any value as string interpolation writes it (`"\(value)"`): an id, a path, a line number.
    package static func value(_ value: Any) -> MessageArgument { .text(String(describing: value)) }
}

/// A set of texts a translator works in: one dictionary per language from typed keys to
/// templates (``MessageTemplate``). `CatalogueTests` checks that every key has a text in every
/// language, that each parses, that the languages use the same arguments and that each
/// plural gives every form its language needs.
package protocol TextCatalogue: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The texts of `language`, by key.
    static func texts(in language: Language) -> [Self: String]
}

extension TextCatalogue {
    /// The text in every language, with `arguments` put in.
    package func text(_ arguments: [String: MessageArgument] = [:]) -> LocalizedText {
        LocalizedText.inEach { render(arguments, in: $0) }
    }

    /// A list written as one text (`Цена; Сроки; …`), item by item in every language (as many
    /// items as the shortest language has; the catalogue test keeps them equal).
    package func items(separatedBy separator: String) -> [LocalizedText] {
        let lists = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, render(in: $0).components(separatedBy: separator)) })
        let count = lists.values.map(\.count).min() ?? 0
        return (0..<count).map { index in .inEach { lists[$0]?[index] ?? "" } }
    }

    /// The text in `language`, with `arguments` put in (the key itself when a text is missing,
    /// which the catalogue test prevents).
    package func render(_ arguments: [String: MessageArgument] = [:], in language: Language) -> String {
        let key = ParsedTemplates.Key(catalogue: ObjectIdentifier(Self.self), key: rawValue, language: language)
        guard let template = ParsedTemplates.shared.template(key, source: { Self.texts(in: language)[self] }) else { return rawValue }
        return template.render(arguments, in: language)
    }

    /// Every problem of the catalogue: missing texts, templates that do not parse, arguments
    /// that differ between languages, plurals missing a form their language needs.
    package static func problems() -> [String] {
        var problems: [String] = []
        for key in allCases {
            var names: [Language: Set<String>] = [:]
            for language in Language.allCases {
                guard let source = texts(in: language)[key] else {
                    problems.append("\(key.rawValue): no \(language.rawValue) text")
                    continue
                }
                do {
                    let template = try MessageTemplate(source)
                    names[language] = template.argumentNames
                    for (argument, forms) in template.pluralForms {
                        let missing = PluralCategory.required(in: language).map(\.rawValue).filter { !forms.contains($0) }
                        if !missing.isEmpty {
                            problems.append(
                                "\(key.rawValue) (\(language.rawValue)): the plural of '\(argument)' lacks \(missing.joined(separator: ", "))"
                            )
                        }
                    }
                } catch {
                    problems.append("\(key.rawValue) (\(language.rawValue)): \(error)")
                }
            }
            if Set(names.values).count > 1 {
                problems.append(
                    "\(key.rawValue): the languages use different arguments: "
                        + names.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value.sorted())" }.joined(
                            separator: ", "))
            }
        }
        return problems
    }
}

/// Every catalogue text parsed once per process, not at each use: an import of a file with a
/// hundred thousand bad values renders the same message as often.
///
/// Unchecked: `templates` is read and written only with `lock` held, and a
/// ``MessageTemplate`` is an immutable value.
final class ParsedTemplates: @unchecked Sendable {
    struct Key: Hashable {
        var catalogue: ObjectIdentifier
        var key: String
        var language: Language
    }

    static let shared = ParsedTemplates()
    private let lock = NSLock()
    private var templates: [Key: MessageTemplate] = [:]

    /// The parsed template of `key`; nil when its catalogue has no text for it or the text does
    /// not parse (which the catalogue tests prevent).
    func template(_ key: Key, source: () -> String?) -> MessageTemplate? {
        lock.lock()
        defer { lock.unlock() }
        if let known = templates[key] { return known }
        guard let text = source(), let parsed = try? MessageTemplate(text) else { return nil }
        templates[key] = parsed
        return parsed
    }
}
