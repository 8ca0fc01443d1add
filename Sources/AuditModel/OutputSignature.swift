import Foundation

/// How crm-audit recognises a file it wrote itself, so that writing an output again replaces
/// its own earlier output without `--force`, and nothing else.
///
/// A file is crm-audit's own when it is a regular file, not an SQLite database, and
/// * it carries the generator mark: `generator` followed closely by `crm-audit`, as every
///   format with room for a comment has it — HTML `<meta name="generator" content="crm-audit">`,
///   Markdown `<!-- generator: crm-audit -->`, YAML `# generator: crm-audit`, PDF
///   `%generator: crm-audit` — within its first 64 KiB or its last 4 KiB; or
/// * for a format without comments, it is an earlier output of the same command: a CSV whose
///   first line is the header about to be written, or a JSON object with exactly the top-level
///   keys of the one about to be written.
///
/// Anything else — a client's export, a workspace, a file of another program — is replaced only
/// with `--force`. Nothing replaces the workspace itself (see ``OutputGuard``).
package enum OutputSignature {
    /// The HTML form of the mark, for the `<head>` of every page crm-audit writes.
    package static let htmlMeta = "<meta name=\"generator\" content=\"crm-audit\">"
    /// The text of the mark inside a comment (Markdown, YAML, PDF).
    package static let comment = "generator: crm-audit"

    /// What makes an existing file an earlier output, besides the mark.
    package enum Recognition: Sendable, Hashable {
        /// Only the generator mark (HTML, Markdown, YAML, PDF).
        case mark
        /// A CSV whose first line (after a byte-order mark) starts with this header.
        case header(String)
        /// A JSON object with exactly these top-level keys.
        case jsonKeys(Set<String>)
    }

    /// The recognition that fits `content`: the keys of a JSON object, the header of a CSV
    /// (a first line holding `,` or `;`), else the mark.
    package static func recognition(for content: Data) -> Recognition {
        if let first = content.firstIndex(where: { !isSpace($0) }), content[first] == UInt8(ascii: "{"),
            let keys = jsonKeys(content)
        {
            return .jsonKeys(keys)
        }
        if let header = firstLine(content), header.contains(where: { $0 == "," || $0 == ";" }) {
            return .header(header)
        }
        return .mark
    }

    /// Whether the existing regular file at `path` is crm-audit's own by `recognition`.
    /// - Complexity: reads at most 68 KiB, or the whole file (up to 64 MiB) for JSON keys.
    package static func isOurs(_ path: String, recognition: Recognition) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        if isSQLite(head) { return false }
        if hasMark(head) { return true }
        if let size = try? handle.seekToEnd(), size > UInt64(head.count) {
            let tailStart = max(UInt64(head.count), size - min(size, 4 * 1024))
            try? handle.seek(toOffset: tailStart)
            if hasMark((try? handle.read(upToCount: 4 * 1024)) ?? Data()) { return true }
        }
        switch recognition {
        case .mark:
            return false
        case .header(let header):
            return firstLine(head).map { $0.hasPrefix(header) } ?? false
        case .jsonKeys(let keys):
            try? handle.seek(toOffset: 0)
            guard let whole = try? handle.read(upToCount: 64 * 1024 * 1024) else { return false }
            return jsonKeys(whole) == keys
        }
    }

    /// Whether `data` starts with SQLite's file header.
    package static func isSQLite(_ data: Data) -> Bool {
        data.prefix(16) == Data("SQLite format 3\0".utf8)
    }

    /// Whether `data` holds `generator` followed, within 16 bytes, by `crm-audit`.
    static func hasMark(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        let generator = Array("generator".utf8), name = Array("crm-audit".utf8)
        var index = 0
        while let found = firstIndex(of: generator, in: bytes, from: index) {
            let after = found + generator.count
            let windowEnd = min(bytes.count, after + 16 + name.count)
            if firstIndex(of: name, in: Array(bytes[after..<windowEnd]), from: 0) != nil { return true }
            index = found + 1
        }
        return false
    }

    /// The first line of a text, without a UTF-8 byte-order mark or line end.
    static func firstLine(_ data: Data) -> String? {
        var bytes = data.prefix(64 * 1024)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard !line.isEmpty else { return nil }
        return String(decoding: line, as: UTF8.self)
    }

    private static func jsonKeys(_ data: Data) -> Set<String>? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return Set(object.keys)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
