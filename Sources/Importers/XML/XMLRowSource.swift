import AuditModel

/// XML records as rows: each record element gives one row; its attributes (`@name`), its
/// child elements (`name`), their attributes (`name/@attr`) and deeper children (`a/b`) are
/// the columns. The first row produced is a header of the column names.
package final class XMLRowSource: RowSource {
    private let path: String
    private let stream: XMLStream
    private let recordPath: [String]
    private var columns: [String] = []
    private var columnIndex: [String: Int] = [:]
    private var pending: [SourceRow] = []
    private var headerSent = false
    private var finished = false
    private var autoDetected: Bool
    /// The open elements above the reader's position (kept between records).
    private var stack: [String] = []
    private let limits: RowLimits
    /// The bytes of names and values of the record read last.
    private var lastRecordBytes = 0

    package var format: String { "xml" }
    package var serialDates: SerialDateSystem { .excel1900 }

    package var notes: [LocalizedText] {
        let path = "/" + recordPath.joined(separator: "/")
        return [
            autoDetected
                ? ImportText.xmlRecordsFoundAsTheRepeating.text(["path": .value(path)])
                : ImportText.xmlRecords.text(["path": .value(path)])
        ]
    }

    /// Opens `path`; records are the elements at `recordPath` (`/Root/Items/Item`), or the most
    /// frequent element path of the first records when nil.
    package init(path: String, recordPath: String?, fieldPaths: [String], limits: RowLimits = .standard) throws {
        self.path = path
        self.limits = limits
        if let recordPath {
            self.recordPath = recordPath.split(separator: "/").map(String.init)
            autoDetected = false
        } else {
            self.recordPath = try XMLRowSource.detectRecordPath(path: path)
            autoDetected = true
        }
        stream = try XMLStream(path: path)
        for field in fieldPaths { addColumn(field) }
        // Read ahead to learn the columns from the first records (at most 16 MiB of them).
        var pendingBytes = 0
        while pending.count < 50, pendingBytes <= limits.recordBytes, let row = try readRecord() {
            pending.append(row)
            pendingBytes += lastRecordBytes
        }
    }

    package func restrict(to columns: Set<Int>) {}

    package func nextRow() throws -> SourceRow? {
        if !headerSent {
            headerSent = true
            if pending.isEmpty && columns.isEmpty { return nil }
            return SourceRow(line: pending.first?.line ?? 1, cells: columns.map { .text($0) })
        }
        if !pending.isEmpty { return pending.removeFirst() }
        return try readRecord()
    }

    package func sha256() throws -> String { try fileSHA256(path) }

    @discardableResult
    private func addColumn(_ name: String) -> Int {
        if let index = columnIndex[name] { return index }
        columns.append(name)
        columnIndex[name] = columns.count - 1
        return columns.count - 1
    }

    /// Reads up to the end of the next record element and returns it as a row.
    private func readRecord() throws -> SourceRow? {
        guard !finished else { return nil }
        while try stream.read() {
            guard let kind = stream.kind else { continue }
            switch kind {
            case .element:
                let name = stream.localName
                stack.append(name)
                if stack == recordPath {
                    let row = try readRecordBody(line: stream.nodeLine)
                    stack.removeLast()
                    return row
                }
                if stream.isEmptyElement { stack.removeLast() }
            case .endElement:
                if !stack.isEmpty { stack.removeLast() }
            default:
                continue
            }
        }
        finished = true
        return nil
    }

    /// At a record's start tag: collects its attributes and descendants up to its end tag.
    private func readRecordBody(line: Int) throws -> SourceRow {
        var values: [String: String] = [:]
        let growing = pending.count < 50 && !headerSent
        var bytes = 0
        func put(_ key: String, _ value: String) throws {
            guard values[key] == nil else { return }
            if value.utf8.count > limits.fieldBytes { throw tooLong(line: line, field: key) }
            bytes += key.utf8.count + value.utf8.count
            if bytes > limits.recordBytes { throw tooLong(line: line, field: nil) }
            values[key] = value
        }
        for attribute in stream.attributes() { try put("@" + attribute.name, attribute.value) }
        if !stream.isEmptyElement {
            let baseDepth = stream.depth
            var relative: [String] = []
            var text = ""
            while try stream.read() {
                guard let kind = stream.kind else { continue }
                if kind == .endElement && stream.depth == baseDepth { break }
                switch kind {
                case .element:
                    relative.append(stream.localName)
                    let key = relative.joined(separator: "/")
                    for attribute in stream.attributes() { try put(key + "/@" + attribute.name, attribute.value) }
                    text = ""
                    if stream.isEmptyElement {
                        try put(key, "")
                        relative.removeLast()
                    }
                case .text, .cdata, .significantWhitespace, .whitespace:
                    text += stream.value
                    if text.utf8.count > limits.fieldBytes { throw tooLong(line: line, field: relative.joined(separator: "/")) }
                case .endElement:
                    try put(relative.joined(separator: "/"), text)
                    text = ""
                    if !relative.isEmpty { relative.removeLast() }
                default:
                    continue
                }
            }
        }
        lastRecordBytes = bytes
        if growing {
            for key in values.keys.sorted(by: { $0 < $1 }) where columnIndex[key] == nil {
                guard columns.count < XMLRowSource.columnLimit else { throw tooManyColumns(line: line) }
                addColumn(key)
            }
        }
        // As wide as the record's last column, not as all columns: a small record after wide
        // ones stays small.
        var found: [(Int, String)] = []
        for (key, value) in values where !value.isEmpty {
            if let index = columnIndex[key] { found.append((index, value)) }
        }
        var cells = [Cell](repeating: .empty, count: (found.map(\.0).max() ?? -1) + 1)
        for (index, value) in found { cells[index] = .text(value) }
        return SourceRow(line: line, cells: cells)
    }

    /// The most columns the first records may make: as many as an Excel sheet has (XFD).
    static let columnLimit = 16_384

    /// The error for a record (or, with a `field`, one of its values) past ``RowLimits``.
    private func tooLong(line: Int, field: String?) -> ImportError {
        let limit = RowLimits.size(field == nil ? limits.recordBytes : limits.fieldBytes)
        let shown = field.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }
        let what =
            shown.map { field in
                ImportText.theRecordValueIsLonger.text(["field": .value(field), "limit": .localized(limit)])
            }
            ?? ImportText.theRecordIsLongerThanThe.text(["limit": .localized(limit)])
        return .malformed(
            SourceLocation(file: path, line: line),
            ImportText.checkXMLRecords.text(["problem": .localized(what)]))
    }

    private func tooManyColumns(line: Int) -> ImportError {
        .malformed(
            SourceLocation(file: path, line: line),
            ImportText.theXmlRecordsHoldMoreThan.text(["columnLimit": .value(XMLRowSource.columnLimit)]))
    }

    /// The element path that repeats most among the first few thousand elements (shallowest
    /// first on a tie): the record element.
    private static func detectRecordPath(path: String) throws -> [String] {
        let stream = try XMLStream(path: path)
        var stack: [String] = []
        var counts: [[String]: Int] = [:]
        var order: [[String]] = []
        var seen = 0
        while seen < 5000, try stream.read() {
            guard let kind = stream.kind else { continue }
            if kind == .element {
                stack.append(stream.localName)
                if stack.count >= 2 {
                    if counts[stack] == nil { order.append(stack) }
                    counts[stack, default: 0] += 1
                }
                if stream.isEmptyElement { stack.removeLast() }
                seen += 1
            } else if kind == .endElement, !stack.isEmpty {
                stack.removeLast()
            }
        }
        guard let best = order.max(by: { (counts[$0] ?? 0, -$0.count) < (counts[$1] ?? 0, -$1.count) }) else {
            throw ImportError.empty(path: path)
        }
        return best
    }
}
