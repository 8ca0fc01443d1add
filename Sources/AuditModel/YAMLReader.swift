import Yams

/// Reads a YAML document field by field, collecting every problem with its line and column
/// instead of stopping at the first: the base of `crm-audit lint`.
public final class YAMLReader {
    public let source: YAMLSource
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ source: YAMLSource) {
        self.source = source
    }

    public var file: String { source.file }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records a problem at `node`.
    public func report(_ severity: Diagnostic.Severity = .error, at node: Yams.Node?, ru: String, en: String) {
        let location = node.map(source.location(of:)) ?? SourceLocation(file: file)
        diagnostics.append(Diagnostic(severity, at: location, LocalizedText(ru: ru, en: en)))
    }

    /// Adds problems found elsewhere (an expression's own diagnostics).
    public func report(_ more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }

    /// The pairs of a mapping, keys as text; reports and returns nil for anything else.
    public func mapping(_ node: Yams.Node?, _ what: String) -> [(key: String, keyNode: Yams.Node, value: Yams.Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report(at: node, ru: "«\(what)»: ожидается словарь (ключ: значение)", en: "'\(what)': expected a mapping (key: value)")
            return nil
        }
        return mapping.map { pair in (key: pair.key.string ?? "", keyNode: pair.key, value: pair.value) }
    }

    /// The items of a sequence; reports and returns nil for anything else.
    public func sequence(_ node: Yams.Node?, _ what: String) -> [Yams.Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            report(at: node, ru: "«\(what)»: ожидается список", en: "'\(what)': expected a list")
            return nil
        }
        return Array(sequence)
    }

    /// Looks up `key` in a mapping's pairs.
    public func value(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String) -> Yams.Node? {
        pairs.first { $0.key == key }?.value
    }

    /// Reports keys that are not in `allowed` (a typo in a key would otherwise be ignored) and keys given twice.
    public func checkKeys(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], allowed: Set<String>, in what: String) {
        var seen: Set<String> = []
        for pair in pairs {
            if !seen.insert(pair.key).inserted {
                report(at: pair.keyNode, ru: "ключ «\(pair.key)» повторяется в \(what)", en: "key '\(pair.key)' appears twice in \(what)")
            }
            if !allowed.contains(pair.key) {
                let list = allowed.sorted().joined(separator: ", ")
                report(at: pair.keyNode, ru: "неизвестный ключ «\(pair.key)» в \(what); допустимы: \(list)",
                       en: "unknown key '\(pair.key)' in \(what); expected one of: \(list)")
            }
        }
    }

    /// A required or optional scalar string.
    public func string(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, in what: String,
                       required: Bool = false, at parent: Yams.Node? = nil) -> String? {
        guard let node = value(pairs, key) else {
            if required {
                report(at: parent, ru: "в \(what) нет обязательного поля «\(key)»", en: "\(what) lacks the required field '\(key)'")
            }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(at: node, ru: "«\(key)»: ожидается строка", en: "'\(key)': expected a string")
            return nil
        }
        return scalar.string
    }

    /// A number field.
    public func number(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, in what: String) -> Double? {
        guard let node = value(pairs, key) else { return nil }
        guard let number = node.float ?? node.int.map(Double.init) else {
            report(at: node, ru: "«\(key)»: ожидается число", en: "'\(key)': expected a number")
            return nil
        }
        return number
    }

    /// A yes/no field.
    public func bool(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, in what: String) -> Bool? {
        guard let node = value(pairs, key) else { return nil }
        guard let flag = node.bool else {
            report(at: node, ru: "«\(key)»: ожидается true или false", en: "'\(key)': expected true or false")
            return nil
        }
        return flag
    }

    /// A list of strings.
    public func strings(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, in what: String) -> [String] {
        guard let items = sequence(value(pairs, key), key) else { return [] }
        return items.compactMap { item in
            guard let text = item.string else {
                report(at: item, ru: "«\(key)»: ожидается строка", en: "'\(key)': expected a string")
                return nil
            }
            return text
        }
    }

    /// A text in every language: `{ru: …, en: …}`; a missing translation is an error.
    public func localized(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, in what: String,
                          required: Bool = false, at parent: Yams.Node? = nil) -> LocalizedText? {
        guard let node = value(pairs, key) else {
            if required {
                report(at: parent, ru: "в \(what) нет обязательного текста «\(key)» (ru, en)", en: "\(what) lacks the required text '\(key)' (ru, en)")
            }
            return nil
        }
        guard let texts = mapping(node, key) else { return nil }
        checkKeys(texts, allowed: Set(Language.allCases.map(\.rawValue)), in: key)
        var values: [Language: String] = [:]
        for language in Language.allCases {
            guard let text = value(texts, language.rawValue)?.string, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                report(at: node, ru: "«\(key)» в \(what): нет перевода на «\(language.rawValue)»",
                       en: "'\(key)' in \(what): the '\(language.rawValue)' translation is missing")
                continue
            }
            values[language] = text
        }
        guard let ru = values[.ru], let en = values[.en] else { return nil }
        return LocalizedText(ru: ru, en: en)
    }

    /// Where `node`'s text starts, for expressions embedded in a scalar: plain and quoted
    /// scalars start one column later when quoted.
    public func expressionOrigin(of node: Yams.Node) -> SourceLocation {
        var location = source.location(of: node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            location.column = location.column.map { $0 + 1 }
        }
        return location
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
