/// Reads numbers as people and accounting programs write them.
///
/// Accepts thousands separated by spaces, no-break spaces or apostrophes, a decimal comma or
/// point, currency marks before or after (₽, руб., р., $, €, RUB, USD…), negatives as `-x`,
/// `x-` or `(x)`, and exponents (`1,5E+03`). Anything else is refused, never read as zero:
/// `12 34,5,6` or `1.2.3,4` have no single meaning.
package enum NumberReader {
    /// The value of `text`, or nil when it is not one number. Blank text is not a number either.
    package static func parse(_ text: String) -> Double? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? nil : plain($0) }), let value = fast {
            return value
        }
        var bytes = Array(text.utf8)
        trim(&bytes)
        if bytes.isEmpty { return nil }
        // Fast path: plain ASCII digits with at most one '.' or ',' and a leading '-'.
        if let value = bytes.withUnsafeBufferPointer({ plain($0) }) { return value }
        var negative = false
        stripCurrency(&bytes)
        if bytes.first == 0x28, bytes.last == 0x29 {  // (1 234,00)
            negative = true
            bytes.removeFirst()
            bytes.removeLast()
            trim(&bytes)
            stripCurrency(&bytes)
        }
        if bytes.first == 0x2D || bytes.first == 0x2B {
            negative = negative != (bytes.first == 0x2D)
            bytes.removeFirst()
        } else if bytes.starts(with: [0xE2, 0x88, 0x92]) {  // U+2212 minus sign
            negative.toggle()
            bytes.removeFirst(3)
        } else if bytes.last == 0x2D {
            negative.toggle()
            bytes.removeLast()
        }
        trim(&bytes)
        stripCurrency(&bytes)
        guard !bytes.isEmpty else { return nil }
        // Split off an exponent.
        var exponent: [UInt8] = []
        if let e = bytes.firstIndex(where: { $0 == 0x45 || $0 == 0x65 }) {
            exponent = Array(bytes[(e + 1)...])
            bytes = Array(bytes[..<e])
            guard !exponent.isEmpty else { return nil }
            var digits = exponent
            if digits.first == 0x2B || digits.first == 0x2D { digits.removeFirst() }
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        }
        // Remove space-like group separators, remembering where they were.
        var cleaned: [UInt8] = []
        var groupMarks: [Int] = []  // positions in `cleaned` where a space-like separator stood
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x27 {
                groupMarks.append(cleaned.count)
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                groupMarks.append(cleaned.count)
                index += 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89 || bytes[index + 2] == 0x88
            {
                groupMarks.append(cleaned.count)
                index += 3
            } else if (byte >= 0x30 && byte <= 0x39) || byte == 0x2C || byte == 0x2E {
                cleaned.append(byte)
                index += 1
            } else {
                return nil
            }
        }
        guard let integerAndFraction = separate(cleaned, groupMarks: groupMarks) else { return nil }
        var literal = negative ? "-" : ""
        literal += integerAndFraction
        if !exponent.isEmpty { literal += "e" + String(decoding: exponent, as: UTF8.self) }
        guard let value = Double(literal), value.isFinite else { return nil }
        return value
    }

    /// Digits with `,` and `.` (spaces already removed at `groupMarks`) as `integer.fraction`.
    private static func separate(_ bytes: [UInt8], groupMarks: [Int]) -> String? {
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let commas = bytes.indices.filter { bytes[$0] == 0x2C }
        let dots = bytes.indices.filter { bytes[$0] == 0x2E }
        var decimal: Int?
        var thousands: UInt8?
        switch (commas.count, dots.count) {
        case (0, 0): break
        case (1, 0): decimal = commas[0]
        case (0, 1): decimal = dots[0]
        case (_, 0): thousands = 0x2C
        case (0, _): thousands = 0x2E
        default:
            if commas.last! > dots.last! {
                guard commas.count == 1 else { return nil }
                decimal = commas[0]
                thousands = 0x2E
            } else {
                guard dots.count == 1 else { return nil }
                decimal = dots[0]
                thousands = 0x2C
            }
        }
        let integerEnd = decimal ?? bytes.count
        // The integer part: groups split by the thousands mark or by spaces are 3 digits after the first.
        var integer: [UInt8] = []
        var boundaries: [Int] = []
        for position in 0..<integerEnd {
            if groupMarks.contains(position), position > 0 { boundaries.append(integer.count) }
            let byte = bytes[position]
            if byte == thousands {
                guard position > 0, position < integerEnd - 1 else { return nil }
                boundaries.append(integer.count)
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            integer.append(byte)
        }
        if !boundaries.isEmpty {
            var previous = 0
            for (offset, boundary) in Array(Set(boundaries)).sorted().enumerated() {
                let length = boundary - previous
                guard offset == 0 ? (1...3).contains(length) : length == 3 else { return nil }
                previous = boundary
            }
            guard integer.count - previous == 3 else { return nil }
        }
        if groupMarks.contains(where: { $0 > integerEnd }) { return nil }
        var fraction: [UInt8] = []
        if let decimal {
            for byte in bytes[(decimal + 1)...] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                fraction.append(byte)
            }
            if integer.isEmpty && fraction.isEmpty { return nil }
        }
        let integerText = integer.isEmpty ? "0" : String(decoding: integer, as: UTF8.self)
        return fraction.isEmpty ? integerText : integerText + "." + String(decoding: fraction, as: UTF8.self)
    }

    /// The common shapes, read without allocating: `123`, `-123`, `123,45`, `123.45`,
    /// `12 345,60`, `12\u{00A0}345,60` (groups of 3 after the first). Anything else: nil.
    @inline(__always)
    static func plain(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
        do {
            let n = p.count
            var index = 0
            var negative = false
            if p[0] == 0x2D {
                negative = true
                index = 1
            }
            var integer: Int64 = 0
            var digits = 0
            var groupLength = 0
            var grouped = false
            while index < n {
                let byte = p[index]
                if byte >= 0x30 && byte <= 0x39 {
                    guard digits < 15 else { return nil }
                    integer = integer * 10 + Int64(byte - 0x30)
                    digits += 1
                    groupLength += 1
                    index += 1
                } else if byte == 0x20 || (byte == 0xC2 && index + 1 < n && p[index + 1] == 0xA0) {
                    // A group separator: the group before it is 1–3 digits (first) or 3.
                    guard groupLength >= 1, grouped ? groupLength == 3 : groupLength <= 3 else { return nil }
                    grouped = true
                    groupLength = 0
                    index += byte == 0x20 ? 1 : 2
                } else {
                    break
                }
            }
            guard digits > 0 || (index < n && (p[index] == 0x2C || p[index] == 0x2E)) else { return nil }
            if grouped && groupLength != 3 { return nil }
            var fraction: Int64 = 0
            var fractionDigits = 0
            if index < n {
                let separator = p[index]
                guard separator == 0x2C || separator == 0x2E else { return nil }
                index += 1
                guard index < n else { return nil }
                while index < n {
                    let byte = p[index]
                    guard byte >= 0x30 && byte <= 0x39, fractionDigits < 15 else { return nil }
                    fraction = fraction * 10 + Int64(byte - 0x30)
                    fractionDigits += 1
                    index += 1
                }
                // `1,234` alone could be a thousands group: leave it to the full reader.
                if fractionDigits == 3 && !grouped && digits >= 1 && digits <= 3 { return nil }
            }
            // One correctly rounded division of two exact numbers: the nearest double to the text.
            guard digits + fractionDigits <= 15 else { return nil }
            var scaled = integer
            for _ in 0..<fractionDigits { scaled *= 10 }
            let value = Double(scaled + fraction) / pow10[fractionDigits]
            return negative ? -value : value
        }
    }

    private static let pow10: [Double] = (0...15).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func trim(_ bytes: inout [UInt8]) {
        func isSpace(fromEnd: Bool) -> Int {
            // returns the byte length of a space-like character at the start (or end), else 0
            if fromEnd {
                let last = bytes.count - 1
                if bytes[last] == 0x20 || bytes[last] == 0x09 || bytes[last] == 0x0A || bytes[last] == 0x0D { return 1 }
                if last >= 1, bytes[last - 1] == 0xC2, bytes[last] == 0xA0 { return 2 }
                if last >= 2, bytes[last - 2] == 0xE2, bytes[last - 1] == 0x80, bytes[last] == 0xAF || bytes[last] == 0x89 { return 3 }
                return 0
            }
            if bytes[0] == 0x20 || bytes[0] == 0x09 || bytes[0] == 0x0A || bytes[0] == 0x0D { return 1 }
            if bytes.count >= 2, bytes[0] == 0xC2, bytes[1] == 0xA0 { return 2 }
            if bytes.count >= 3, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0xAF || bytes[2] == 0x89 { return 3 }
            return 0
        }
        while !bytes.isEmpty {
            let length = isSpace(fromEnd: false)
            if length == 0 { break }
            bytes.removeFirst(length)
        }
        while !bytes.isEmpty {
            let length = isSpace(fromEnd: true)
            if length == 0 { break }
            bytes.removeLast(length)
        }
    }

    /// Currency marks, longest first so that `руб.` goes before `р`.
    private static let currencies: [[UInt8]] = [
        "рублей", "рубля", "рубль", "руб.", "руб", "р.", "р", "Руб.", "Руб", "РУБ", "Р.", "Р",
        "₽", "RUB", "RUR", "rub", "USD", "EUR", "usd", "eur", "$", "€",
    ].map { Array($0.utf8) }

    private static func stripCurrency(_ bytes: inout [UInt8]) {
        var changed = true
        while changed && !bytes.isEmpty {
            changed = false
            for mark in currencies {
                if bytes.count > mark.count, bytes.starts(with: mark) {
                    bytes.removeFirst(mark.count)
                    trim(&bytes)
                    changed = true
                } else if bytes.count > mark.count, bytes.suffix(mark.count).elementsEqual(mark) {
                    bytes.removeLast(mark.count)
                    trim(&bytes)
                    changed = true
                }
                if bytes.isEmpty { break }
            }
        }
    }
}
