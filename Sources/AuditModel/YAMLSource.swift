import Yams

/// A YAML file parsed into nodes that remember their line and column, so that every problem
/// found in a questionnaire or ruleset can point at its place.
package struct YAMLSource {
    package let file: String
    package let root: Yams.Node

    /// Parses `text`; a syntax error becomes a ``Diagnostic`` at the place Yams reports.
    package init(text: String, file: String) throws(Diagnostic) {
        self.file = file
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw Diagnostic(
                    at: SourceLocation(file: file, line: 1, column: 1),
                    ModelText.theFileIsEmpty.text())
            }
            root = node
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as YamlError {
            throw YAMLSource.diagnostic(for: error, file: file)
        } catch {
            throw Diagnostic(
                at: SourceLocation(file: file),
                ModelText.cannotReadYaml.text(["error": .value(error)]))
        }
    }

    /// The location of `node` in this file.
    package func location(of node: Yams.Node) -> SourceLocation {
        YAMLSource.location(of: node, file: file)
    }

    package static func location(of node: Yams.Node, file: String) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            // A quote or bracket that never closes is found at the end of the file; the place to
            // fix is where it opens (the context's mark), so the error is put there.
            if let context, context.mark.line > 0, context.mark.line < mark.line {
                return Diagnostic(
                    at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                    ModelText.yamlSyntaxErrorLineWhatOpens.text(["what": .value(what), "line": .value(mark.line)]))
            }
            return Diagnostic(
                at: SourceLocation(file: file, line: mark.line, column: mark.column),
                ModelText.yamlSyntaxError.text(["what": .value(what)]))
        case .reader(let problem, let offset, _, let yaml):
            // A byte YAML does not allow (a control character, invalid UTF-8): at its line, not
            // with the whole line quoted as Yams' own description does.
            return Diagnostic(
                at: location(ofCharacter: offset, in: yaml, file: file),
                ModelText.aCharacterYamlDoesNotAllow.text(["problem": .value(problem)]))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams' description of this error holds the whole document: name the keys only.
            let line = context.mark.line > 0 ? context.mark.line : nil
            return Diagnostic(
                at: SourceLocation(file: file, line: line, column: line == nil ? nil : context.mark.column),
                ModelText.duplicateKeysInMapping.text(["keys": .count(duplicates.count), "list": .quotedList(duplicates)]))
        default:
            return Diagnostic(
                at: SourceLocation(file: file),
                ModelText.yamlError.text(["error": .value(error)]))
        }
    }

    /// The line and column of the `offset`-th character of `text` (Yams counts characters).
    static func location(ofCharacter offset: Int?, in text: String, file: String) -> SourceLocation {
        guard let offset, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        let before = text[..<index]
        let lineStart = before.lastIndex(where: \.isNewline).map(before.index(after:)) ?? before.startIndex
        let line = before.reduce(1) { $1.isNewline ? $0 + 1 : $0 }
        return SourceLocation(file: file, line: line, column: before[lineStart...].unicodeScalars.count + 1)
    }
}
