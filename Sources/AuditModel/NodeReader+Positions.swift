import AuditModel
import Yams

extension NodeReader {
    /// Where the scalar at `offset` (0-based, in Unicode scalars) of a string node's value lies
    /// in the file, so that a problem inside a value (a pattern's bad escape) points at its
    /// column. Exact for a value on one line, plain or quoted, YAML escapes (`\\`, `\"`, `''`,
    /// `\x41`) included; the node's own place for block scalars and values that span lines.
    /// - Complexity: O(*k*) in the length of the node's line.
    public func location(ofScalar offset: Int, in node: Node) -> SourceLocation {
        let base = location(node)
        guard let scalar = node.scalar, let line = base.line, let column = base.column,
            line >= 1, line <= lines.count, column >= 1, offset >= 0
        else { return base }
        let raw = Array(lines[line - 1].unicodeScalars.dropFirst(column - 1))
        let value = Array(scalar.string.unicodeScalars)
        guard offset <= value.count else { return base }
        var rawIndex: Int
        switch scalar.style {
        case .plain: rawIndex = 0
        case .singleQuoted, .doubleQuoted: rawIndex = 1
        default: return base
        }
        for decoded in 0..<offset {
            guard rawIndex < raw.count else { return base }
            let (width, produced) = NodeReader.nextScalar(raw, at: rawIndex, style: scalar.style)
            if let produced, produced != value[decoded] { return base }
            rawIndex += width
        }
        return SourceLocation(file: base.file, line: line, column: column + rawIndex)
    }

    /// How many scalars of the file make the value's next scalar, and that scalar when it is
    /// easily known (nil for rare escapes, which are taken on trust).
    private static func nextScalar(_ raw: [Unicode.Scalar], at index: Int, style: Node.Scalar.Style) -> (Int, Unicode.Scalar?) {
        let first = raw[index]
        switch style {
        case .singleQuoted where first == "'":
            return (2, "'")
        case .doubleQuoted where first == "\\" && index + 1 < raw.count:
            let letter = raw[index + 1]
            let hexDigits: Int? =
                switch letter {
                case "x": 2
                case "u": 4
                case "U": 8
                default: nil
                }
            if let hexDigits {
                let digits = String(String.UnicodeScalarView(raw[(index + 2)..<min(raw.count, index + 2 + hexDigits)]))
                return (2 + hexDigits, UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init))
            }
            let produced: Unicode.Scalar? =
                switch letter {
                case "\\", "\"", "/", " ": letter
                case "t": "\t"
                case "n": "\n"
                case "r": "\r"
                default: nil
                }
            return (2, produced)
        default:
            return (1, first)
        }
    }
}
