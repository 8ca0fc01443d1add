import Foundation

/// A `major.minor.patch` version.
package struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var parts: [Int]

    package init?(_ text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count) else { return nil }
        var parts: [Int] = []
        for piece in pieces {
            guard let number = Int(piece), number >= 0 else { return nil }
            parts.append(number)
        }
        while parts.count < 3 { parts.append(0) }
        self.parts = parts
    }

    package static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { lhs.parts.lexicographicallyPrecedes(rhs.parts) }

    package var description: String { parts.map(String.init).joined(separator: ".") }
}

/// The versions a migration step applies to: `1.0.0`, `<2.0.0` or `<=1.4.0`.
package struct VersionRange: Sendable, Hashable {
    enum Bound: Sendable, Hashable { case exactly, below, atMost }
    let bound: Bound
    let version: SemanticVersion

    package init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (bound, rest): (Bound, Substring) =
            trimmed.hasPrefix("<=")
            ? (.atMost, trimmed.dropFirst(2))
            : trimmed.hasPrefix("<") ? (.below, trimmed.dropFirst()) : (.exactly, Substring(trimmed))
        guard let version = SemanticVersion(rest.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.bound = bound
        self.version = version
    }

    package func contains(_ other: SemanticVersion) -> Bool {
        switch bound {
        case .exactly: other == version
        case .below: other < version
        case .atMost: other <= version
        }
    }
}
