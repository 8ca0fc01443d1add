/// The character encodings a text export arrives in.
package enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case windows1251 = "windows-1251"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// Reads a user's spelling of an encoding name (`utf8`, `UTF-8`, `cp1251`, `windows-1251`…).
    package init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8", "utf8bom": self = .utf8
        case "windows1251", "cp1251", "win1251", "1251", "ansi": self = .windows1251
        case "utf16", "utf16le", "unicode": self = .utf16LE
        case "utf16be": self = .utf16BE
        default: return nil
        }
    }

    /// How a file's encoding was chosen: the encoding, the length of its byte-order mark, and
    /// the evidence, which messages about bytes that do not decode repeat.
    package struct Detection: Sendable, Equatable {
        package enum Evidence: Sendable, Equatable {
            /// A byte-order mark.
            case byteOrderMark
            /// NUL bytes in every other position: UTF-16 without a byte-order mark.
            case utf16Pattern
            /// The sample is well-formed UTF-8.
            case validUTF8
            /// UTF-8 but for `invalid` ill-formed sequences among `valid` multi-byte characters:
            /// a UTF-8 file with a few damaged cells (read as Windows-1251, every Cyrillic
            /// letter of it would turn to nonsense and no header would be found).
            case mostlyUTF8(valid: Int, invalid: Int)
            /// The sample is not UTF-8.
            case notUTF8
        }

        package var encoding: TextEncoding
        package var bom: Int
        package var evidence: Evidence
    }

    /// The encoding of `sample` (the start of a file), with the length of its byte-order mark.
    ///
    /// A UTF-8 or UTF-16 byte-order mark decides; then NUL bytes in every other position mean
    /// UTF-16 (text in any other encoding has none); then bytes that are valid UTF-8 — or
    /// nearly all valid, with at least 20 well-formed multi-byte characters for each ill-formed
    /// sequence — are UTF-8, and anything else is taken as Windows-1251, the encoding of Russian
    /// Excel and 1C. (Windows-1251 Cyrillic is almost never well-formed UTF-8: a lowercase
    /// letter, 0xE0–0xFF, would have to be followed by two of the rare bytes 0x80–0xBF.)
    package static func detect(_ sample: some Collection<UInt8>, isWholeFile: Bool) -> Detection {
        let bytes = Array(sample)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Detection(encoding: .utf8, bom: 3, evidence: .byteOrderMark)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return Detection(encoding: .utf16LE, bom: 2, evidence: .byteOrderMark) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return Detection(encoding: .utf16BE, bom: 2, evidence: .byteOrderMark) }
        if let utf16 = utf16ByPattern(bytes) { return Detection(encoding: utf16, bom: 0, evidence: .utf16Pattern) }
        let (valid, invalid) = utf8Sequences(bytes, allowTruncatedEnd: !isWholeFile)
        if invalid == 0 { return Detection(encoding: .utf8, bom: 0, evidence: .validUTF8) }
        if valid >= 20 * invalid { return Detection(encoding: .utf8, bom: 0, evidence: .mostlyUTF8(valid: valid, invalid: invalid)) }
        return Detection(encoding: .windows1251, bom: 0, evidence: .notUTF8)
    }

    /// UTF-16LE or BE when the NUL bytes of `bytes` (at least two) nearly all stand in odd or
    /// nearly all in even positions, as the high bytes of ASCII characters do; nil otherwise.
    package static func utf16ByPattern(_ bytes: [UInt8]) -> TextEncoding? {
        var even = 0, odd = 0
        for index in 0..<min(bytes.count, 4096) where bytes[index] == 0 {
            if index & 1 == 0 { even += 1 } else { odd += 1 }
        }
        guard even + odd >= 2 else { return nil }
        if odd >= 9 * even { return .utf16LE }
        if even >= 9 * odd { return .utf16BE }
        return nil
    }

    /// Well-formed multi-byte characters and ill-formed sequences in `bytes` (a sequence cut by
    /// the end of a sample counts as neither when `allowTruncatedEnd`).
    static func utf8Sequences(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var length = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: break
            }
            var good = length > 0
            var end = index + 1
            if good {
                while end < index + length && end < count {
                    let byte = bytes[end]
                    let inRange = end == index + 1 ? byte >= low && byte <= high : byte & 0xC0 == 0x80
                    if !inRange {
                        good = false
                        break
                    }
                    end += 1
                }
                if good && end < index + length {
                    // Cut by the end of the sample.
                    if !allowTruncatedEnd { invalid += 1 }
                    return (valid, invalid)
                }
            }
            if good { valid += 1 } else { invalid += 1 }
            index = good ? end : index + 1
        }
        return (valid, invalid)
    }

    /// Why a file was read in its encoding and which encodings were tried, for a message about
    /// bytes that do not decode; `forced` when the encoding was given with `--encoding`.
    package static func explanation(_ detection: Detection?, encoding: TextEncoding, forced: Bool) -> LocalizedText {
        let name = encoding.rawValue.uppercased()
        if forced || detection == nil {
            return ModelText.theEncodingWasGivenWithEncoding.text(["name": .value(name)])
        }
        switch detection?.evidence {
        case .mostlyUTF8(let valid, let invalid):
            return ModelText.theFileIsReadAsUtf.text(["valid": .value(valid), "invalid": .value(invalid)])
        case .validUTF8:
            return ModelText.theFileIsReadAsUtf2.text()
        default:
            return ModelText.theFileIsReadAs.text(["name": .value(name)])
        }
    }

    /// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    package static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            // Eight bytes at a time while they are ASCII and whole two-byte characters (Cyrillic).
            if index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let bit7 = word & highs
                if bit7 == 0 {
                    index += 8
                    continue
                }
                // Per byte, in its bit 7: bit 6, 5 of the byte, and whether any of its bits 4…1 is set.
                let bit6 = (word << 1) & highs, bit5 = (word << 2) & highs
                let low = ((word << 3) | (word << 4) | (word << 5) | (word << 6)) & highs
                let leads = bit7 & bit6, continuations = bit7 & ~bit6
                // Leads all 110xxxxx but C0/C1; each continuation right after a lead; a lead in
                // the last byte is left for the next step (its continuation is past this word).
                let lastByte: UInt64 = 0x80 << 56
                if leads & bit5 == 0 && leads & ~low == 0 && continuations == (leads & ~lastByte) << 8 {
                    index += leads & lastByte == 0 ? 8 : 7
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Two-byte characters (Cyrillic, Latin letters with marks) without the general case.
            if lead >= 0xC2 && lead <= 0xDF {
                guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard index + length <= count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}

/// Converts a stream of bytes in some ``TextEncoding`` into UTF-8, chunk by chunk.
///
/// Stateless for UTF-8 and Windows-1251; for UTF-16 an odd trailing byte or a lone high
/// surrogate at a chunk's end is carried into the next chunk.
package struct Transcoder {
    package let encoding: TextEncoding
    private var carry: [UInt8] = []

    package init(_ encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Appends the UTF-8 form of `input` to `output`.
    package mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: input)
        case .windows1251:
            output.reserveCapacity(output.count + input.count * 2)
            for byte in input {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    Transcoder.appendUTF8(UInt32(Transcoder.cp1251High[Int(byte - 0x80)]), to: &output)
                }
            }
        case .utf16LE, .utf16BE:
            var bytes = carry
            bytes.append(contentsOf: input)
            carry.removeAll()
            let bigEndian = encoding == .utf16BE
            var index = 0
            while index + 1 < bytes.count {
                let unit =
                    bigEndian
                    ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                    : UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index])
                if unit >= 0xD800, unit < 0xDC00 {
                    guard index + 3 < bytes.count else { break }
                    let low =
                        bigEndian
                        ? UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
                        : UInt32(bytes[index + 3]) << 8 | UInt32(bytes[index + 2])
                    if low >= 0xDC00, low < 0xE000 {
                        Transcoder.appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &output)
                        index += 4
                    } else {
                        Transcoder.appendUTF8(0xFFFD, to: &output)
                        index += 2
                    }
                } else if unit >= 0xDC00, unit < 0xE000 {
                    Transcoder.appendUTF8(0xFFFD, to: &output)
                    index += 2
                } else {
                    Transcoder.appendUTF8(unit, to: &output)
                    index += 2
                }
            }
            if index < bytes.count { carry = Array(bytes[index...]) }
        }
    }

    /// Whether bytes are held back waiting for the rest of a character.
    package var hasPendingBytes: Bool { !carry.isEmpty }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar < 0x80 {
            output.append(UInt8(scalar))
        } else if scalar < 0x800 {
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Windows-1251 bytes 0x80…0xFF as Unicode scalars (0x98, unassigned, maps to U+0098 as Windows does).
    static let cp1251High: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// Encodes `text` as Windows-1251 (for writing Russian Excel-style exports); characters
    /// outside the code page become `?`.
    package static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            scalar.value < 0x80 ? UInt8(scalar.value) : cp1251Reverse[scalar.value] ?? UInt8(ascii: "?")
        }
    }

    private static let cp1251Reverse: [UInt32: UInt8] = {
        var reverse: [UInt32: UInt8] = [:]
        for (offset, scalar) in cp1251High.enumerated() { reverse[UInt32(scalar)] = UInt8(0x80 + offset) }
        return reverse
    }()
}

extension TextEncoding {
    /// A whole small file (an answers CSV or YAML) as text, in the encoding ``detect(_:isWholeFile:)``
    /// finds: UTF-8 with or without a byte-order mark, UTF-16, or Windows-1251 — the encoding
    /// Russian Excel saves "CSV (разделители — запятые)" in.
    package static func decodeWholeFile(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding) {
        let detection = detect(bytes, isWholeFile: true)
        var transcoder = Transcoder(detection.encoding)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        bytes.dropFirst(detection.bom).withUnsafeBufferPointer { transcoder.transcode($0, into: &output) }
        return (String(decoding: output, as: UTF8.self), detection.encoding)
    }
}
