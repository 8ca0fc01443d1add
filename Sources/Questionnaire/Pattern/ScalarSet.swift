/// The Unicode scalars one step of a ``TextPattern`` accepts: literals and ranges, `.`, `\d`,
/// `\w`, `\s` and their negations, the whole possibly negated (`[^…]`).
///
/// The classes mean what they meant under Swift's `Regex` (which matched characters, where this
/// engine matches scalars), applied to each scalar: `\d` is any scalar with a numeric type (so
/// `½` and `٣` are digits, as before), `\w` a letter (Unicode `Alphabetic`), such a number or `_`,
/// `\s` Unicode white space, and `.` anything but a line break (LF, VT, FF, CR, NEL, U+2028,
/// U+2029).
struct ScalarSet: Sendable, Hashable {
    enum Class: Sendable, Hashable {
        case digit, word, space, notLineBreak

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .digit: scalar.properties.numericType != nil
            case .word: scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            case .space: scalar.properties.isWhitespace
            case .notLineBreak: !ScalarSet.isLineBreak(scalar)
            }
        }
    }

    /// A class, or its complement (`\D`, `\W`, `\S`).
    struct Member: Sendable, Hashable {
        var kind: Class
        var negated: Bool

        func contains(_ scalar: Unicode.Scalar) -> Bool { kind.contains(scalar) != negated }
    }

    var ranges: [ClosedRange<UInt32>] = []
    var members: [Member] = []
    /// `[^…]`: every scalar that the ranges and members do not hold.
    var negated = false

    static func literal(_ scalar: Unicode.Scalar) -> ScalarSet {
        ScalarSet(ranges: [scalar.value...scalar.value])
    }

    static func member(_ kind: Class, negated: Bool = false) -> ScalarSet {
        ScalarSet(members: [Member(kind: kind, negated: negated)])
    }

    /// `.`: any scalar but a line break.
    static let anyButLineBreak = member(.notLineBreak)

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let listed = ranges.contains { $0.contains(scalar.value) } || members.contains { $0.contains(scalar) }
        return listed != negated
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
