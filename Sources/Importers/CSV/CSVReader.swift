import AuditModel

/// A streaming reader of delimited text (CSV, TSV, 1C and Excel text exports).
///
/// It reads the file in 1 MiB chunks, converts them to UTF-8, and splits records over bytes:
/// quoted fields may hold delimiters, doubled quotes and line breaks; lines end in LF, CRLF or
/// CR. Memory holds one chunk plus the record being read, however large the file; a record or
/// field past ``RowLimits`` stops the reading with an error naming its line.
package final class CSVReader {
    package let path: String
    /// The encoding used (detected unless forced).
    package let encoding: TextEncoding
    /// Whether the encoding was detected rather than forced.
    package let encodingDetected: Bool
    /// The delimiter used (sniffed unless forced).
    package let delimiter: UInt8
    package let delimiterDetected: Bool
    /// How the encoding was chosen, for messages about bytes it cannot read.
    package let encodingDetection: TextEncoding.Detection
    let limits: RowLimits

    // A reader is used by one thread at a time: the per-record state skips the dynamic
    // exclusivity checks (a few percent of an import's reading thread).
    private var input: FileInput
    private var transcoder: Transcoder
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var atEOF = false
    @exclusivity(unchecked) private var nextLine = 1

    /// The current record's fields, in memory the reader owns: no array uniqueness checks per field.
    @exclusivity(unchecked) private var bounds: FieldBounds

    /// The first line of the current record.
    @exclusivity(unchecked) package private(set) var line = 0

    /// Whether a quote never closed makes its line a broken record (see ``brokenQuoteColumn``)
    /// and reading goes on from the next line, instead of stopping the reading. Also takes a
    /// quoted field that runs over a line break and holds a bare quote (`"ООО "Ромашка;100`
    /// closed lines later by another field's quote) for such a quote.
    package var recoversBrokenQuotes = false

    /// For a record that is the line of a quote never closed (with ``recoversBrokenQuotes``):
    /// the character position of that quote on the line; its fields are the line split at the
    /// delimiter, quotes taken as characters. Nil for other records.
    @exclusivity(unchecked) package private(set) var brokenQuoteColumn: Int?

    /// Opens `path`, detecting the encoding from its first 64 KiB and sniffing the delimiter
    /// among `,` `;` TAB `|`, unless they are given.
    package init(
        path: String, encoding forcedEncoding: TextEncoding? = nil, delimiter forcedDelimiter: UInt8? = nil,
        fingerprint: Bool = true, limits: RowLimits = .standard
    ) throws(ImportError) {
        self.path = path
        self.limits = limits
        bounds = CSVReader.initialBounds(limits)
        var input = try FileInput(path: path, fingerprint: fingerprint, hashInBackground: true)
        var raw: [UInt8] = []
        while raw.count < 65_536, try input.readChunk({ raw.append(contentsOf: $0) }) {}
        let whole = input.isAtEnd || raw.count < 65_536
        let detection = TextEncoding.detect(raw, isWholeFile: whole)
        let (detected, bomLength) = (detection.encoding, detection.bom)
        var encoding = forcedEncoding ?? detected
        var skip = 0
        if let forcedEncoding {
            if forcedEncoding == detected {
                skip = bomLength
            } else if forcedEncoding == .utf8, raw.starts(with: [0xEF, 0xBB, 0xBF]) {
                skip = 3
            }
            encoding = forcedEncoding
        } else {
            skip = bomLength
        }
        self.encoding = encoding
        encodingDetected = forcedEncoding == nil
        encodingDetection = detection
        var transcoder = Transcoder(encoding)
        var text: [UInt8] = []
        raw.withUnsafeBufferPointer { pointer in
            transcoder.transcode(UnsafeBufferPointer(rebasing: pointer[skip...]), into: &text)
        }
        atEOF = input.isAtEnd
        self.input = input
        self.transcoder = transcoder
        buffer = text
        if let forcedDelimiter {
            delimiter = forcedDelimiter
            delimiterDetected = false
        } else {
            delimiter = CSVReader.sniffDelimiter(text, isWhole: atEOF)
            delimiterDetected = true
        }
    }

    deinit { bounds.deallocate() }

    /// Memory for the bounds of up to `limits.fields` fields (a record with more is refused).
    private static func initialBounds(_ limits: RowLimits) -> FieldBounds {
        FieldBounds(capacity: 64, limit: limits.fields)
    }

    /// The number of fields of the current record.
    package var fieldCount: Int { bounds.count }

    /// Bytes read from the file so far.
    package var bytesRead: Int { input.bytesRead }

    /// The SHA-256 of the file; complete once ``nextRecord()`` has returned false.
    package func sha256() -> String { input.sha256() }

    /// Field `index` of the current record as text, or nil when its bytes are not valid UTF-8
    /// (a file in another encoding than the one detected).
    package func field(_ index: Int) -> String? {
        precondition(index >= 0 && index < bounds.count)
        let start = bounds.starts[index], end = bounds.ends[index]
        if start == end { return "" }
        return buffer.withUnsafeBufferPointer { pointer in
            let bytes = UnsafeBufferPointer(rebasing: pointer[start..<end])
            var ascii = true
            for byte in bytes where byte >= 0x80 {
                ascii = false
                break
            }
            if !ascii && !TextEncoding.isValidUTF8(bytes) { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The current record as cells, trimmed of blanks (spaces, tabs, no-break spaces); columns
    /// not `wanted` come back empty. One pass over the record's bytes.
    package func cells(wanted: [Bool]?) -> [Cell] {
        let starts = bounds.starts, ends = bounds.ends, count = bounds.count
        return buffer.withUnsafeBufferPointer { p in
            var cells: [Cell] = []
            cells.reserveCapacity(count)
            for index in 0..<count {
                if let wanted, index >= wanted.count || !wanted[index] {
                    cells.append(.empty)
                    continue
                }
                let (start, end) = CSVReader.trim(p, starts[index], ends[index])
                if start == end {
                    cells.append(.empty)
                    continue
                }
                let bytes = UnsafeBufferPointer(rebasing: p[start..<end])
                var highest: UInt8 = 0
                for byte in bytes { highest = max(highest, byte) }
                if highest >= 0xE0 && !TextEncoding.isValidUTF8(bytes) {
                    cells.append(.undecodable)
                    continue
                }
                let text = String(decoding: bytes, as: UTF8.self)
                // Below E0 (ASCII, Cyrillic, Latin letters…) every ill-formed part is one byte,
                // which decoding replaces by the three bytes of U+FFFD: the text is then longer
                // than its bytes. So the standard library's validation is the only pass needed.
                if highest >= 0x80 && highest < 0xE0 && text.utf8.count != bytes.count {
                    cells.append(.undecodable)
                } else {
                    cells.append(.text(text))
                }
            }
            return cells
        }
    }

    /// `start..<end` without leading and trailing spaces, tabs and no-break spaces.
    @inline(__always)
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start, end = end
        while start < end {
            let byte = p[start]
            if byte == 0x20 || byte == 0x09 {
                start += 1
            } else if byte == 0xC2 && start + 1 < end && p[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let byte = p[end - 1]
            if byte == 0x20 || byte == 0x09 {
                end -= 1
            } else if byte == 0xA0 && end - 2 >= start && p[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return (start, end)
    }

    /// The bytes of field `index` of the current record, trimmed as ``cells(wanted:)`` trims
    /// them; empty when the record has fewer fields. Valid only inside `body`.
    @inline(__always)
    package func withTrimmedField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard index < bounds.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = bounds.starts[index], end = bounds.ends[index]
        return buffer.withUnsafeBufferPointer { p in
            let (from, to) = CSVReader.trim(p, start, end)
            return body(UnsafeBufferPointer(rebasing: p[from..<to]))
        }
    }

    /// The current record's bytes and fields, for reading many of its fields at once. Valid
    /// only inside `body`.
    @inline(__always)
    func withRecord<R>(_ body: (CSVRecord) throws -> R) rethrows -> R {
        let starts = bounds.starts, ends = bounds.ends, count = bounds.count
        return try buffer.withUnsafeBufferPointer { p in
            try body(CSVRecord(bytes: p, starts: starts, ends: ends, count: count))
        }
    }

    /// Whether field `index` is empty or only blanks.
    package func isBlank(_ index: Int) -> Bool {
        precondition(index >= 0 && index < bounds.count)
        let start = bounds.starts[index], end = bounds.ends[index]
        if start == end { return true }
        return buffer.withUnsafeBufferPointer { pointer in
            for offset in start..<end where pointer[offset] != 0x20 && pointer[offset] != 0x09 { return false }
            return true
        }
    }

    /// The total byte length of the current record's fields (used by benchmarks to touch the data).
    package var recordByteCount: Int {
        var total = 0
        for index in 0..<bounds.count { total += bounds.ends[index] - bounds.starts[index] }
        return total
    }

    /// Moves to the next record; false at the end of the file.
    /// - Throws: ``ImportError/malformed(_:_:)`` for a quote opened and never closed.
    package func nextRecord() throws(ImportError) -> Bool {
        while true {
            if position >= buffer.count && atEOF { return false }
            var bounds = self.bounds
            let from = position, delimiter = delimiter, atEOF = atEOF
            let recover = recoversBrokenQuotes
            let outcome = buffer.withUnsafeBufferPointer { pointer in
                CSVReader.parse(pointer, from: from, delimiter: delimiter, atEOF: atEOF, into: &bounds, recover: recover)
            }
            self.bounds = bounds
            brokenQuoteColumn = nil
            switch outcome {
            case .record(let next, let newlines):
                // Only a record longer than a field may be can hold a field too long.
                if bounds.overflowed || next - from > limits.fieldBytes { try checkLimits(recordBytes: next - from) }
                position = next
                line = nextLine
                nextLine += newlines
                if bounds.anyEscaped { unescapeFields() }
                return true
            case .needMore:
                if buffer.count - position > limits.recordBytes { throw tooLong(record: true, column: nil) }
                try refill()
            case .unclosedQuote(let newlinesBefore, let column, let openedAt):
                if recoversBrokenQuotes {
                    if try takeBrokenLine(from: from, openedAt: openedAt, newlinesBefore: newlinesBefore, column: column) { return true }
                    continue
                }
                throw ImportError.malformed(
                    SourceLocation(file: path, line: nextLine + newlinesBefore, column: column),
                    ImportText.aQuoteOpensHereAndIs2.text())
            }
        }
    }

    /// Makes the line holding the quote opened at `openedAt` the current record (split at the
    /// delimiter, quotes taken as characters) and moves past it; false when the line's end is
    /// not in the buffer yet (the buffer was refilled: split the record again).
    private func takeBrokenLine(from: Int, openedAt: Int, newlinesBefore: Int, column: Int) throws(ImportError) -> Bool {
        let delimiter = delimiter, atEOF = atEOF
        var bounds = self.bounds
        let next: Int? = buffer.withUnsafeBufferPointer { p -> Int? in
            var end = openedAt
            while end < p.count && p[end] != 0x0A && p[end] != 0x0D { end += 1 }
            if end >= p.count && !atEOF { return nil }
            // From the record's start: lines of the record above the quote's are not lost.
            let start = from
            bounds.count = 0
            bounds.anyEscaped = false
            bounds.overflowed = false
            var fieldStart = start
            for index in start..<end where p[index] == delimiter {
                bounds.append(fieldStart, index, escaped: false)
                fieldStart = index + 1
            }
            bounds.append(fieldStart, end, escaped: false)
            if end < p.count && p[end] == 0x0D && end + 1 < p.count && p[end + 1] == 0x0A { return end + 2 }
            return end < p.count ? end + 1 : end
        }
        self.bounds = bounds
        guard let next else {
            if buffer.count - position > limits.recordBytes { throw tooLong(record: true, column: nil) }
            try refill()
            return false
        }
        if bounds.overflowed || next - position > limits.fieldBytes { try checkLimits(recordBytes: next - position) }
        position = next
        line = nextLine + newlinesBefore
        nextLine = line + 1
        brokenQuoteColumn = column
        return true
    }

    /// Refuses the record just split when it passes ``RowLimits``.
    private func checkLimits(recordBytes: Int) throws(ImportError) {
        if bounds.overflowed {
            throw ImportError.malformed(
                SourceLocation(file: path, line: nextLine, column: limits.fields + 1),
                ImportText.theRecordHasMoreThanFields.text(["fields": .value(limits.fields)]))
        }
        if recordBytes > limits.recordBytes { throw tooLong(record: true, column: nil) }
        for index in 0..<bounds.count where bounds.ends[index] - bounds.starts[index] > limits.fieldBytes {
            throw tooLong(record: false, column: index + 1)
        }
    }

    /// The error for a record (or field `column`) past its limit, at the record's first line.
    private func tooLong(record: Bool, column: Int?) -> ImportError {
        let limit = record ? limits.recordBytes : limits.fieldBytes
        let key: ImportText = record ? .recordTooLongInCSV : .fieldTooLongInCSV
        return .malformed(
            SourceLocation(file: path, line: nextLine, column: column), key.text(["limit": .localized(RowLimits.size(limit))]))
    }

    private func refill() throws(ImportError) {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        // A record is split again from its start after each refill: reading at least as much
        // again as is pending keeps the bytes of a long record scanned a few times, not once per
        // chunk (which made a 200 MB line quadratic).
        let target = buffer.count * 2
        repeat {
            let more = try input.readChunk { chunk in transcoder.transcode(chunk, into: &buffer) }
            if !more {
                atEOF = true
                return
            }
        } while buffer.count < target
    }

    private func unescapeFields() {
        let starts = bounds.starts, ends = bounds.ends, escaped = bounds.escaped, count = bounds.count
        buffer.withUnsafeMutableBufferPointer { pointer in
            for index in 0..<count where escaped[index] {
                var read = starts[index], write = starts[index]
                let end = ends[index]
                while read < end {
                    let byte = pointer[read]
                    pointer[write] = byte
                    write += 1
                    read += (byte == 0x22 && read + 1 < end && pointer[read + 1] == 0x22) ? 2 : 1
                }
                ends[index] = write
            }
        }
    }

    enum Outcome {
        case record(next: Int, newlines: Int)
        case needMore
        case unclosedQuote(newlinesBefore: Int, column: Int, openedAt: Int)
    }

    /// Splits one record starting at `start`. Pure: the buffer is not modified.
    static func parse(
        _ p: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, atEOF: Bool,
        into fields: inout FieldBounds, recover: Bool = false
    ) -> Outcome {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let n = p.count
        fields.count = 0
        fields.anyEscaped = false
        fields.overflowed = false
        var i = start
        var newlines = 0
        let lineStart = start
        while true {
            if i < n && p[i] == quote {
                let openedAt = i
                let fieldStart = i + 1
                var j = fieldStart
                var hasEscapes = false
                var sawStrayQuote = false
                var fieldEnd = 0
                var newlinesInField = 0
                while true {
                    if j >= n {
                        if !atEOF { return .needMore }
                        return unclosed(p, lineStart: lineStart, openedAt: openedAt, newlines: newlines)
                    }
                    let c = p[j]
                    if c == quote {
                        if j + 1 >= n {
                            if !atEOF { return .needMore }
                            fieldEnd = j
                            i = j + 1
                            break
                        }
                        let d = p[j + 1]
                        if d == quote {
                            hasEscapes = true
                            if sawStrayQuote {
                                // `"ООО "Ромашка"";` — in a field that already had a bare quote, `""`
                                // before a delimiter is that name's closing quote plus the field's.
                                if j + 2 >= n {
                                    if !atEOF { return .needMore }
                                    fieldEnd = j + 1
                                    i = j + 2
                                    break
                                }
                                let e = p[j + 2]
                                if e == delimiter || e == lf || e == cr {
                                    fieldEnd = j + 1
                                    i = j + 2
                                    break
                                }
                            }
                            j += 2
                            continue
                        }
                        if d == delimiter || d == lf || d == cr {
                            if recover && sawStrayQuote && newlinesInField > 0 {
                                // A bare quote and a line break in one field: a quote left open
                                // on its line, closed by a quote of a later line.
                                return unclosed(p, lineStart: lineStart, openedAt: openedAt, newlines: newlines)
                            }
                            fieldEnd = j
                            i = j + 1
                            break
                        }
                        hasEscapes = true  // a stray quote inside a quoted field is kept as a character
                        sawStrayQuote = true
                        j += 1
                        continue
                    }
                    if c == lf { newlinesInField += 1 }
                    j += 1
                }
                newlines += newlinesInField
                fields.append(fieldStart, fieldEnd, escaped: hasEscapes)
            } else {
                var j = i
                // Eight bytes at a time, up to the first one that ends the field. For each of
                // the three bytes, `(x - 0x01…) & ~x & 0x80…` marks the bytes of `x` that are zero;
                // its lowest mark is exact (marks above it may be false), so the lowest mark of
                // the three together is the first byte that ends the field (little-endian load).
                if let base = p.baseAddress {
                    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                    let d8 = ones &* UInt64(delimiter), lf8 = ones &* UInt64(lf), cr8 = ones &* UInt64(cr)
                    while j + 8 <= n {
                        let word = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                        let d = word ^ d8, l = word ^ lf8, c = word ^ cr8
                        let marks = (((d &- ones) & ~d) | ((l &- ones) & ~l) | ((c &- ones) & ~c)) & highs
                        if marks != 0 {
                            j += marks.trailingZeroBitCount >> 3
                            break
                        }
                        j += 8
                    }
                }
                while j < n {
                    let c = p[j]
                    if c == delimiter || c == lf || c == cr { break }
                    j += 1
                }
                if j >= n && !atEOF { return .needMore }
                fields.append(i, j, escaped: false)
                i = j
            }
            if i >= n { return .record(next: n, newlines: newlines + 1) }
            let c = p[i]
            if c == delimiter {
                i += 1
                continue
            }
            if c == lf { return .record(next: i + 1, newlines: newlines + 1) }
            // CR or CRLF
            if i + 1 < n { return .record(next: p[i + 1] == lf ? i + 2 : i + 1, newlines: newlines + 1) }
            if !atEOF { return .needMore }
            return .record(next: i + 1, newlines: newlines + 1)
        }
    }

    /// A quote opened at `openedAt` and never closed: where, as a line and character position.
    private static func unclosed(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, openedAt: Int, newlines: Int) -> Outcome {
        var start = openedAt
        while start > lineStart && p[start - 1] != 0x0A && p[start - 1] != 0x0D { start -= 1 }
        var column = 1
        for offset in start..<openedAt where p[offset] & 0xC0 != 0x80 { column += 1 }
        return .unclosedQuote(newlinesBefore: newlines, column: column, openedAt: openedAt)
    }

    /// The delimiter among `;` `,` TAB `|` that splits the sample's lines most consistently.
    package static func sniffDelimiter(_ sample: [UInt8], isWhole: Bool) -> UInt8 {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var inQuotes = false
        for (index, byte) in sample.enumerated() {
            if byte == 0x22 { inQuotes.toggle() }
            if byte == 0x0A && !inQuotes {
                lines.append(sample[lineStart..<index])
                lineStart = index + 1
                if lines.count >= 60 { break }
            }
        }
        if lines.count < 60 && isWhole && lineStart < sample.count { lines.append(sample[lineStart...]) }
        if lines.isEmpty { lines.append(sample[...]) }
        let candidates: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
        var best: (delimiter: UInt8, score: Int) = (0x2C, 0)
        for candidate in candidates {
            var counts: [Int: Int] = [:]
            for line in lines {
                var count = 0
                var quoted = false
                for byte in line {
                    if byte == 0x22 { quoted.toggle() } else if byte == candidate && !quoted { count += 1 }
                }
                if count > 0 { counts[count, default: 0] += 1 }
            }
            guard let mode = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let score = mode.value * 1000 + min(mode.key, 999)
            if score > best.score { best = (candidate, score) }
        }
        return best.delimiter
    }
}

/// Where the fields of a record are in the reader's buffer (before trimming), in memory
/// allocated once: the per-record path makes no array uniqueness checks.
struct FieldBounds {
    private(set) var starts: UnsafeMutablePointer<Int>
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var escaped: UnsafeMutablePointer<Bool>
    var count = 0
    private(set) var capacity: Int
    /// Whether a field of the record holds doubled quotes to undo.
    var anyEscaped = false
    /// The most fields kept (the capacity never passes it); past it ``overflowed`` is set and
    /// fields are dropped, so that a record of millions of delimiters allocates no more.
    let limit: Int
    var overflowed = false

    init(capacity: Int, limit: Int = .max) {
        let capacity = max(1, min(capacity, limit))
        self.capacity = capacity
        self.limit = limit
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        escaped = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, escaped isEscaped: Bool) {
        if count == capacity {
            if capacity >= limit {
                overflowed = true
                return
            }
            grow()
        }
        starts[count] = start
        ends[count] = end
        escaped[count] = isEscaped
        if isEscaped { anyEscaped = true }
        count += 1
    }

    private mutating func grow() {
        let larger = min(capacity * 2, limit)
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newEscaped = UnsafeMutablePointer<Bool>.allocate(capacity: larger)
        newStarts.initialize(from: starts, count: count)
        newEnds.initialize(from: ends, count: count)
        newEscaped.initialize(from: escaped, count: count)
        deallocate()
        starts = newStarts
        ends = newEnds
        escaped = newEscaped
        capacity = larger
    }

    func deallocate() {
        starts.deallocate()
        ends.deallocate()
        escaped.deallocate()
    }
}

/// The current record of a ``CSVReader``: its bytes and field bounds, valid only inside
/// ``CSVReader/withRecord(_:)``.
struct CSVRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafePointer<Int>
    let ends: UnsafePointer<Int>
    let count: Int

    /// Where field `index` is once trimmed as ``CSVReader/cells(wanted:)`` trims it; an empty
    /// range when the record has fewer fields.
    @inline(__always)
    func trimmedRange(_ index: Int) -> (start: Int, end: Int) {
        guard index < count else { return (0, 0) }
        return CSVReader.trim(bytes, starts[index], ends[index])
    }
}
