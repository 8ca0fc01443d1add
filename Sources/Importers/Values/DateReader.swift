import AuditModel

/// Which of the two leading numbers of a `a.b.yyyy` or `a/b/yyyy` date is the day.
package enum DateOrder: String, Sendable, Codable, Hashable {
    /// `dd.mm.yyyy`, the Russian and European order.
    case dayFirst = "dd.mm"
    /// `mm/dd/yyyy`, the American order.
    case monthFirst = "mm.dd"
}

/// The workbook epoch that spreadsheet serial dates count from.
package enum SerialDateSystem: Sendable, Hashable {
    /// Serial 1 = 1900-01-01, with Lotus 1-2-3's phantom 1900-02-29 at serial 60.
    case excel1900
    /// Serial 0 = 1904-01-01 (old Mac Excel, `date1904="1"`).
    case excel1904

    /// The day of serial `value` (its fraction, the time of day, is dropped), or nil outside
    /// 1900…9999 and for the phantom 29 February 1900.
    package func day(_ value: Double) -> Day? {
        guard value.isFinite, value >= 0, value < 2_958_466 else { return nil }
        guard let whole = Int(checked: value, rounding: .down) else { return nil }
        switch self {
        case .excel1900:
            guard whole >= 1, whole != 60 else { return nil }
            // Before the phantom day serials count from 31 Dec 1899, after it from 30 Dec 1899.
            return Day(year: 1899, month: 12, day: whole < 60 ? 31 : 30)?.adding(days: whole)
        case .excel1904:
            return Day(year: 1904, month: 1, day: 1)?.adding(days: whole)
        }
    }
}

/// What one text date says about its column's day/month order.
package enum DateEvidence: Sendable {
    /// Not a `a.b.y` form, or one where order does not matter (ISO).
    case none
    /// Both leading numbers are 12 or less: the order decides.
    case ambiguous
    /// Only day-first reads it (the first number is over 12).
    case dayFirstOnly
    /// Only month-first reads it (the second number is over 12).
    case monthFirstOnly
}

/// Reads dates as exports write them: `dd.mm.yyyy`, `dd.mm.yy`, `yyyy-mm-dd`, `dd/mm/yyyy`,
/// `mm/dd/yyyy`, `dd-mm-yyyy`, `yyyymmdd`, `20 ноября 2026 г.`, any of them followed by a time;
/// and spreadsheet serial numbers.
package enum DateReader {
    package struct Result {
        package var day: Day?
        package var evidence: DateEvidence
    }

    /// Reads `text` with the column's `order` for ambiguous `a.b.y` forms.
    package static func parse(_ text: String, order: DateOrder, serials: SerialDateSystem = .excel1900) -> Result {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ fastPath($0, order: order) }), let result = fast {
            return result
        }
        var bytes = Array(text.utf8)
        NumberReader.trim(&bytes)
        dropYearWord(&bytes)
        guard !bytes.isEmpty else { return Result(day: nil, evidence: .none) }
        // A serial number with a time fraction: `45322,75`, `45322.75` (4 to 7 integer digits).
        if let separator = bytes.firstIndex(where: { $0 == 0x2C || $0 == 0x2E }), (4...7).contains(separator),
            bytes.count > separator + 1, bytes.indices.allSatisfy({ $0 == separator || (bytes[$0] >= 0x30 && bytes[$0] <= 0x39) }),
            let number = NumberReader.parse(text)
        {
            return Result(day: serials.day(number), evidence: .none)
        }
        // Leading numeric parts separated by . / -
        var parts: [Int] = []
        var widths: [Int] = []
        var separators: [UInt8] = []
        var index = 0
        var current = 0
        var width = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                guard width < 9 else { return Result(day: nil, evidence: .none) }
                current = current * 10 + Int(byte - 0x30)
                width += 1
            } else if (byte == 0x2E || byte == 0x2F || byte == 0x2D) && width > 0 && parts.count < 2 {
                parts.append(current)
                widths.append(width)
                separators.append(byte)
                current = 0
                width = 0
            } else {
                break
            }
            index += 1
        }
        if width > 0 {
            parts.append(current)
            widths.append(width)
        }
        let rest = bytes[index...]
        guard restIsTime(rest) else {
            if parts.count <= 1, let named = namedMonth(text) { return Result(day: named, evidence: .none) }
            return Result(day: nil, evidence: .none)
        }
        if parts.count == 1 {
            // yyyymmdd, or a serial number (possibly with a fraction, "45322,5").
            if widths[0] == 8, rest.isEmpty {
                let value = parts[0]
                if let day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100) {
                    return Result(day: day, evidence: .none)
                }
            }
            if widths[0] <= 7, let number = NumberReader.parse(text), number >= 1 {
                return Result(day: serials.day(number), evidence: .none)
            }
            return Result(day: nil, evidence: .none)
        }
        guard parts.count == 3, separators.count == 2, separators[0] == separators[1] else {
            return Result(day: nil, evidence: .none)
        }
        if widths[0] == 4 {  // yyyy-mm-dd, yyyy.mm.dd, yyyy/mm/dd
            guard widths[1] <= 2, widths[2] <= 2 else { return Result(day: nil, evidence: .none) }
            return Result(day: Day(year: parts[0], month: parts[1], day: parts[2]), evidence: .none)
        }
        guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4 || widths[2] == 2 else {
            return Result(day: nil, evidence: .none)
        }
        let year = widths[2] == 4 ? parts[2] : (parts[2] < 30 ? 2000 + parts[2] : 1900 + parts[2])
        let a = parts[0], b = parts[1]
        let evidence: DateEvidence
        if a > 12 && b <= 12 {
            evidence = .dayFirstOnly
        } else if b > 12 && a <= 12 {
            evidence = .monthFirstOnly
        } else if a <= 12 && b <= 12 {
            evidence = a == b ? .none : .ambiguous
        } else {
            return Result(day: nil, evidence: .none)
        }
        let day = order == .dayFirst ? Day(year: year, month: b, day: a) : Day(year: year, month: a, day: b)
        return Result(day: day, evidence: evidence)
    }

    /// Exactly `dd.mm.yyyy`, `dd/mm/yyyy` or `yyyy-mm-dd`, read without allocating.
    @inline(__always)
    static func fastPath(_ p: UnsafeBufferPointer<UInt8>, order: DateOrder) -> Result? {
        guard let parts = fastParts(p, order: order) else { return nil }
        guard parts.readable else { return Result(day: nil, evidence: .none) }
        return Result(day: Day(year: parts.year, month: parts.month, day: parts.day), evidence: parts.evidence)
    }

    /// The numbers of a date of ``fastPath(_:order:)``'s shapes, read in `order` (not checked to
    /// be a real day), and its evidence; `readable` false when neither order reads it. Nil for
    /// any other shape.
    struct FastParts {
        var year: Int, month: Int, day: Int
        var evidence: DateEvidence
        var readable: Bool
    }

    @inline(__always)
    static func fastParts(_ p: UnsafeBufferPointer<UInt8>, order: DateOrder) -> FastParts? {
        guard p.count == 10 else { return nil }
        @inline(__always) func digit(_ index: Int) -> Int? {
            let byte = p[index]
            return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
        }
        if p[4] == 0x2D && p[7] == 0x2D {
            guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3), let m1 = digit(5), let m2 = digit(6),
                let d1 = digit(8), let d2 = digit(9)
            else { return nil }
            return FastParts(
                year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2,
                evidence: .none, readable: true)
        }
        guard (p[2] == 0x2E && p[5] == 0x2E) || (p[2] == 0x2F && p[5] == 0x2F),
            let a1 = digit(0), let a2 = digit(1), let b1 = digit(3), let b2 = digit(4),
            let y1 = digit(6), let y2 = digit(7), let y3 = digit(8), let y4 = digit(9)
        else { return nil }
        let a = a1 * 10 + a2, b = b1 * 10 + b2, year = y1 * 1000 + y2 * 100 + y3 * 10 + y4
        let evidence: DateEvidence
        if a > 12 && b <= 12 {
            evidence = .dayFirstOnly
        } else if b > 12 && a <= 12 {
            evidence = .monthFirstOnly
        } else if a <= 12 && b <= 12 {
            evidence = a == b ? .none : .ambiguous
        } else {
            return FastParts(year: year, month: 0, day: 0, evidence: .none, readable: false)
        }
        return order == .dayFirst
            ? FastParts(year: year, month: b, day: a, evidence: evidence, readable: true)
            : FastParts(year: year, month: a, day: b, evidence: evidence, readable: true)
    }

    /// Removes the year word Russian documents write after a date (`04.11.2026 г.`, `2026г`,
    /// `04.11.2026 года`) when a digit comes before it.
    private static func dropYearWord(_ bytes: inout [UInt8]) {
        let words: [[UInt8]] = [Array("года".utf8), Array("г.".utf8), Array("г".utf8)]
        for word in words where bytes.count > word.count && Array(bytes.suffix(word.count)) == word {
            var end = bytes.count - word.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            guard end > 0, bytes[end - 1] >= 0x30, bytes[end - 1] <= 0x39 else { return }
            bytes.removeSubrange(end...)
            return
        }
    }

    /// A time after the date: nothing, or a space or `T` then digits, colons, dots, a zone.
    private static func restIsTime(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let first = rest.first else { return true }
        guard first == 0x20 || first == 0x54 else { return false }
        let time = rest.dropFirst().drop { $0 == 0x20 }
        guard let lead = time.first, lead >= 0x30 && lead <= 0x39 else { return false }
        return time.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x5A || $0 == 0x20
        }
    }

    private static let monthNames: [(String, Int)] = [
        ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6), ("июля", 7),
        ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
        ("январь", 1), ("февраль", 2), ("март", 3), ("апрель", 4), ("май", 5), ("июнь", 6), ("июль", 7),
        ("август", 8), ("сентябрь", 9), ("октябрь", 10), ("ноябрь", 11), ("декабрь", 12),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
        ("oct", 10), ("nov", 11), ("dec", 12),
    ]

    /// `20 ноября 2026 г.`, `20 November 2026`, `Nov 20, 2026`.
    private static func namedMonth(_ text: String) -> Day? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard words.count >= 3 else { return nil }
        let tail = words.dropFirst(3)
        guard tail.allSatisfy({ $0 == "г" || $0 == "года" || $0 == "год" || $0.allSatisfy(\.isNumber) }), tail.count <= 4 else {
            return nil
        }
        func month(_ word: String) -> Int? { monthNames.first { $0.0 == word }?.1 }
        if let day = Int(words[0]), let month = month(words[1]), let year = Int(words[2]), words[2].count == 4 {
            return Day(year: year, month: month, day: day)
        }
        if let month = month(words[0]), let day = Int(words[1]), let year = Int(words[2]), words[2].count == 4 {
            return Day(year: year, month: month, day: day)
        }
        return nil
    }
}

extension Day {
    /// `YYYY-MM-DD`, built from bytes (the import writes millions of these).
    var isoText: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return iso }
        let bytes: [UInt8] = [
            UInt8(48 + y / 1000), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10), 0x2D,
            UInt8(48 + m / 10), UInt8(48 + m % 10), 0x2D, UInt8(48 + d / 10), UInt8(48 + d % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes `year-month-day` as ISO `YYYY-MM-DD` (10 bytes) at `p`; the year is 0…9999.
@inline(__always)
func writeISODate(year y: Int, month m: Int, day d: Int, to p: UnsafeMutablePointer<UInt8>) {
    p[0] = UInt8(truncatingIfNeeded: 48 + y / 1000)
    p[1] = UInt8(truncatingIfNeeded: 48 + y / 100 % 10)
    p[2] = UInt8(truncatingIfNeeded: 48 + y / 10 % 10)
    p[3] = UInt8(truncatingIfNeeded: 48 + y % 10)
    p[4] = 0x2D
    p[5] = UInt8(truncatingIfNeeded: 48 + m / 10)
    p[6] = UInt8(truncatingIfNeeded: 48 + m % 10)
    p[7] = 0x2D
    p[8] = UInt8(truncatingIfNeeded: 48 + d / 10)
    p[9] = UInt8(truncatingIfNeeded: 48 + d % 10)
}
