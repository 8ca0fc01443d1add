import AuditModel
import Foundation
import Yams

/// Reads typed values from YAML nodes, collecting every problem as a ``Diagnostic`` instead of
/// stopping at the first. Shared with the rules engine's loader (`package` access).
package struct NodeReader {
    package let source: YAMLSource
    package let lines: [Substring]
    package private(set) var diagnostics: [Diagnostic] = []

    package init(source: YAMLSource, text: String) {
        self.source = source
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    package func location(_ node: Node) -> SourceLocation { source.location(of: node) }

    /// Adds diagnostics found by a reader built on this one (the expression parser's).
    package mutating func report(_ found: [Diagnostic]) { diagnostics += found }

    package mutating func error(_ node: Node, _ text: LocalizedText) {
        diagnostics.append(Diagnostic(.error, at: location(node), text))
    }

    package mutating func warning(_ node: Node, _ text: LocalizedText) {
        diagnostics.append(Diagnostic(.warning, at: location(node), text))
    }

    package mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The pairs of a mapping by key, reporting a non-mapping, duplicate keys and keys not in
    /// `allowed` (with a "did you mean").
    package mutating func mapping(_ node: Node, _ what: LocalizedText, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(
                node, ModelText.expectedAMappingKeyValue.text(["what": .localized(what)])
            )
            return nil
        }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(key, ModelText.aKeyMustBeAString.text())
                continue
            }
            if fields.values[name] != nil {
                error(key, ModelText.duplicateKey.text(["name": .value(name)]))
                continue
            }
            if !allowed.contains(name) {
                let near = allowed.min { nearness(name, $0) < nearness(name, $1) }.flatMap { nearness(name, $0) <= 3 ? $0 : nil }
                let arguments: [String: MessageArgument] = ["what": .localized(what), "name": .text(name)]
                if let near {
                    error(key, ModelText.unknownKeyNear.text(arguments.merging(["near": .text(near)]) { $1 }))
                } else {
                    error(key, ModelText.unknownKey.text(arguments.merging(["allowed": .text(allowed.joined(separator: ", "))]) { $1 }))
                }
                continue
            }
            fields.values[name] = value
            fields.keys[name] = key
        }
        return fields
    }

    /// A scalar string field.
    package mutating func string(_ fields: Fields, _ key: String, required: Bool = false, _ what: LocalizedText) -> String? {
        guard let node = fields.values[key] else {
            if required { missing(fields, key, what) }
            return nil
        }
        guard let scalar = node.scalar else {
            error(node, ModelText.mustBeAString.text(["what": .localized(what), "key": .value(key)]))
            return nil
        }
        return scalar.string
    }

    /// An identifier: lower snake_case (dots allowed when `dots`).
    package mutating func identifier(_ fields: Fields, _ key: String, required: Bool = true, dots: Bool = false, _ what: LocalizedText)
        -> String?
    {
        guard let text = string(fields, key, required: required, what) else { return nil }
        if !NodeReader.isIdentifier(text, dots: dots), let node = fields.values[key] {
            error(
                node,
                ModelText.isNotAnIdUseLower.text(["what": .localized(what), "text": .value(text)]))
        }
        return text
    }

    package static func isIdentifier(_ text: String, dots: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, first >= "a", first <= "z" else { return false }
        return text.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || (dots && $0 == ".") }
    }

    /// A `{ru: …, en: …}` text; both languages must be present and non-empty.
    package mutating func text(_ fields: Fields, _ key: String, required: Bool = true, _ what: LocalizedText) -> LocalizedText? {
        guard let node = fields.values[key] else {
            if required { missing(fields, key, what) }
            return nil
        }
        let context = ModelText.contextAndKey.text(["what": .localized(what), "key": .value(key)])
        guard let map = mapping(node, context, allowed: Language.allCases.map(\.rawValue)) else { return nil }
        var found: [Language: String] = [:]
        for language in Language.allCases {
            guard let value = map.values[language.rawValue] else {
                error(
                    node,
                    ModelText.theTranslationIsMissing.text(["context": .localized(context), "language": .value(language.rawValue)]))
                continue
            }
            guard let string = value.scalar?.string, !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                error(
                    value,
                    ModelText.theTextIsEmpty.text(["context": .localized(context), "language": .value(language.rawValue)]))
                continue
            }
            found[language] = string.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let ru = found[.ru], let en = found[.en] else { return nil }
        return LocalizedText(ru: ru, en: en)
    }

    package mutating func number(_ fields: Fields, _ key: String, _ what: LocalizedText) -> Double? {
        guard let node = fields.values[key] else { return nil }
        guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
            error(node, ModelText.mustBeANumber.text(["what": .localized(what), "key": .value(key)]))
            return nil
        }
        return value
    }

    package mutating func integer(_ fields: Fields, _ key: String, _ what: LocalizedText) -> Int? {
        guard let node = fields.values[key] else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            error(
                node, ModelText.mustBeAWholeNumber.text(["what": .localized(what), "key": .value(key)]))
            return nil
        }
        return value
    }

    package mutating func bool(_ fields: Fields, _ key: String, _ what: LocalizedText) -> Bool? {
        guard let node = fields.values[key] else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(
                node, ModelText.mustBeTrueOrFalse.text(["what": .localized(what), "key": .value(key)])
            )
            return nil
        }
    }

    package mutating func sequence(_ fields: Fields, _ key: String, required: Bool = false, _ what: LocalizedText) -> [Node]? {
        guard let node = fields.values[key] else {
            if required { missing(fields, key, what) }
            return nil
        }
        guard case .sequence(let items) = node else {
            error(node, ModelText.mustBeAList.text(["what": .localized(what), "key": .value(key)]))
            return nil
        }
        return Array(items)
    }

    /// Where an expression's first character is: after the quote of a quoted scalar, on the
    /// line after the indicator of a block scalar.
    package func expressionOrigin(of node: Node, scalar: Node.Scalar) -> (SourceLocation, Int) {
        let base = location(node)
        guard let line = base.line, let column = base.column else { return (base, 0) }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return (SourceLocation(file: base.file, line: line, column: column + 1), 0)
        case .literal, .folded:
            var index = line  // the line after the indicator (0-based index = line)
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
            guard index < lines.count else { return (base, 0) }
            let indent = lines[index].prefix { $0 == " " }.count
            return (SourceLocation(file: base.file, line: index + 1, column: indent + 1), indent)
        default:
            return (base, max(0, column - 1))
        }
    }

    private mutating func missing(_ fields: Fields, _ key: String, _ what: LocalizedText) {
        error(
            fields.node,
            ModelText.theRequiredKeyIsMissing.text(["what": .localized(what), "key": .value(key)]))
    }

    private func nearness(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}

/// The checked fields of one YAML mapping.
package struct Fields {
    package let node: Node
    package var values: [String: Node] = [:]
    package var keys: [String: Node] = [:]

    package subscript(_ key: String) -> Node? { values[key] }
}
