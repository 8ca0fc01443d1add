import Yams

/// A YAML file parsed into nodes that remember their line and column, so that every problem
/// found in a questionnaire or ruleset can point at its place.
public struct YAMLSource {
    public let file: String
    public let root: Yams.Node

    /// Parses `text`; a syntax error becomes a ``Diagnostic`` at the place Yams reports.
    public init(text: String, file: String) throws(Diagnostic) {
        self.file = file
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                                 LocalizedText(ru: "файл пуст", en: "the file is empty"))
            }
            root = node
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as YamlError {
            throw YAMLSource.diagnostic(for: error, file: file)
        } catch {
            throw Diagnostic(at: SourceLocation(file: file),
                             LocalizedText(ru: "не удалось прочитать YAML: \(error)", en: "cannot read YAML: \(error)"))
        }
    }

    /// The location of `node` in this file.
    public func location(of node: Yams.Node) -> SourceLocation {
        YAMLSource.location(of: node, file: file)
    }

    public static func location(of node: Yams.Node, file: String) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Diagnostic(at: SourceLocation(file: file, line: mark.line, column: mark.column),
                              LocalizedText(ru: "ошибка синтаксиса YAML: \(what)", en: "YAML syntax error: \(what)"))
        default:
            return Diagnostic(at: SourceLocation(file: file),
                              LocalizedText(ru: "ошибка YAML: \(error)", en: "YAML error: \(error)"))
        }
    }
}
