import Foundation

/// The report's own HTML read back as a tree, for the Word copy. It reads only what
/// ``HTMLReport`` writes — elements with quoted attributes, the five escapes `HTMLEscape`
/// produces and numeric references — not HTML in general: the Word document is made from the
/// same page as the PDF, so the two can never say different things.
indirect enum HTMLNode: Sendable {
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    case text(String)

    var name: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    var attributes: [String: String] {
        if case .element(_, let attributes, _) = self { return attributes }
        return [:]
    }

    var children: [HTMLNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// The text of the node and everything under it.
    var textContent: String {
        switch self {
        case .text(let text): text
        case .element(_, _, let children): children.map(\.textContent).joined()
        }
    }

    /// The first element named `name` in document order.
    func first(_ name: String) -> HTMLNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(name) { return found }
        }
        return nil
    }
}

enum HTMLTree {
    /// Elements that never have content.
    static let void: Set<String> = ["meta", "br", "img", "hr", "link", "input", "col", "wbr"]

    /// Parses `html` into the children of a synthetic root; an end tag that closes nothing open
    /// is ignored, and elements left open at the end are closed.
    static func parse(_ html: String) -> HTMLNode {
        var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [("#root", [:], [])]
        var index = html.startIndex
        func closeTop() {
            let top = stack.removeLast()
            stack[stack.count - 1].children.append(.element(name: top.name, attributes: top.attributes, children: top.children))
        }
        while index < html.endIndex {
            guard let open = html[index...].firstIndex(of: "<") else {
                stack[stack.count - 1].children.append(.text(decode(html[index...])))
                break
            }
            if open > index { stack[stack.count - 1].children.append(.text(decode(html[index..<open]))) }
            guard let close = html[open...].firstIndex(of: ">") else { break }
            let tag = html[html.index(after: open)..<close]
            index = html.index(after: close)
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                guard stack.dropFirst().contains(where: { $0.name == name }) else { continue }
                while stack.last?.name != name { closeTop() }
                closeTop()
                continue
            }
            let (name, attributes, selfClosing) = element(tag)
            if name == "style" || name == "script" {
                // Raw text up to the end tag: CSS is not content.
                if let end = html[index...].range(of: "</\(name)>") { index = end.upperBound }
                continue
            }
            stack.append((name, attributes, []))
            if selfClosing || void.contains(name) { closeTop() }
        }
        while stack.count > 1 { closeTop() }
        return .element(name: "#root", attributes: [:], children: stack[0].children)
    }

    private static func element(_ tag: Substring) -> (String, [String: String], Bool) {
        var rest = tag
        let selfClosing = rest.hasSuffix("/")
        if selfClosing { rest = rest.dropLast() }
        let nameEnd = rest.firstIndex(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        var attributes: [String: String] = [:]
        rest = rest[nameEnd...]
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            var after = rest[rest.index(after: equals)...]
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let end = after.firstIndex(of: quote) else { break }
            attributes[key] = decode(after[..<end])
            rest = after[after.index(after: end)...]
        }
        return (name, attributes, selfClosing)
    }

    /// Replaces `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` and `&#…;` references.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            case "nbsp": out += "\u{00A0}"
            default:
                let number =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
