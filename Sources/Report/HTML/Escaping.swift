/// Escaping for HTML text, attribute values and SVG: every value that comes from data or
/// answers passes through here before it reaches the page.
package enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, which makes the text safe in element content and in
    /// quoted attribute values alike, in HTML and in XML (the Word copy uses it too, so it also
    /// drops the two noncharacters XML forbids).
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are never meaningful in a report.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A fragment of HTML that is already safe (escaped or built from escaped parts).
struct SafeHTML: Sendable, CustomStringConvertible {
    let raw: String

    init(raw: String) { self.raw = raw }

    /// Text from data, escaped.
    init(text: String) { raw = HTMLEscaping.escape(text) }

    var description: String { raw }

    static func + (lhs: SafeHTML, rhs: SafeHTML) -> SafeHTML { SafeHTML(raw: lhs.raw + rhs.raw) }

    static func join(_ parts: [SafeHTML], separator: String = "") -> SafeHTML {
        SafeHTML(raw: parts.map(\.raw).joined(separator: separator))
    }
}

/// Builds an element: `element("p", class: "lead", text)`; attribute values are escaped.
func element(_ name: String, _ attributes: [(String, String)] = [], _ children: SafeHTML...) -> SafeHTML {
    element(name, attributes, children)
}

func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [SafeHTML]) -> SafeHTML {
    var open = "<" + name
    for (key, value) in attributes { open += " \(key)=\"\(HTMLEscaping.escape(value))\"" }
    return SafeHTML(raw: open + ">" + children.map(\.raw).joined() + "</\(name)>")
}

/// Escaped text as an HTML fragment.
func text(_ value: String) -> SafeHTML { SafeHTML(text: value) }
