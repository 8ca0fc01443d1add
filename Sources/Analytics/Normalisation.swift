/// How contact fields and names are normalised for validity checks and duplicate search.
package enum Normalise {
    /// A phone as `+7XXXXXXXXXX` (Russian formats: `+7 (912) 345-67-89`, `8-912-345-67-89`,
    /// `9123456789`) or `+<8–15 digits>` for other international numbers written with `+`;
    /// nil when the text is not a phone. An extension after letters (`доб. 12`, `ext 12`) is ignored.
    package static func phone(_ text: String) -> String? {
        var text = text, out: [UInt8] = []
        return text.withUTF8 { phone($0, into: &out) } ? String(decoding: out, as: UTF8.self) : nil
    }

    /// ``phone(_:)`` over UTF-8 bytes: writes the normalised phone's bytes to `out` and returns
    /// true, or returns false when the text is not a phone.
    static func phone(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        // The digits (as values 0–9) go to `out`, which then becomes the phone's text.
        out.removeAll(keepingCapacity: true)
        var plus = false
        var started = false
        scan: for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte - 48)
                started = true
            case UInt8(ascii: "+"):
                if started || plus { return false }
                plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), 0x09:
                continue
            default:
                // Letters or `,;/` after digits start an extension or a second number: judge the first.
                // A label before the number (`тел.`) is skipped.
                if started { break scan }
            }
        }
        let count = out.count
        let national: Int  // where the national number starts
        if count == 11, out[0] == 7 || (out[0] == 8 && !plus) {
            national = 1
        } else if count == 10, !plus {
            national = 0
        } else if plus, (8...15).contains(count), out[0] != 0 {
            for index in out.indices { out[index] += 48 }
            out.insert(UInt8(ascii: "+"), at: 0)
            return true
        } else {
            return false
        }
        let first = out[national]
        guard first >= 3, out[national...].contains(where: { $0 != first }) else { return false }
        for index in out.indices { out[index] += 48 }
        if national == 1 {
            out[0] = UInt8(ascii: "7")
            out.insert(UInt8(ascii: "+"), at: 0)
        } else {
            out.insert(contentsOf: [UInt8(ascii: "+"), UInt8(ascii: "7")], at: 0)
        }
        return true
    }

    /// Whether `text` is a plausible email address: one `@`, a local part of allowed characters
    /// without leading, trailing or double dots, and a domain of at least two labels (letters,
    /// digits, hyphens, or non-ASCII for IDN) whose last label has at least two letters.
    package static func isValidEmail(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValidEmail($0) }
    }

    /// ``isValidEmail(_:)`` over UTF-8 bytes.
    static func isValidEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at]
        guard !local.isEmpty, local.count <= 64, local.first != 46, local.last != 46 else { return false }
        var previous: UInt8 = 0
        for byte in local {
            guard allowedInLocalPart[Int(byte)], !(byte == 46 && previous == 46) else { return false }
            previous = byte
        }
        // The domain's labels, split at dots (empty labels included).
        var labels = 0
        var labelStart = at + 1
        var index = at + 1
        while true {
            if index == bytes.count || bytes[index] == 46 {
                let label = bytes[labelStart..<index]
                guard !label.isEmpty, label.first != 45, label.last != 45 else { return false }
                for byte in label {
                    let ok =
                        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
                        || byte >= 0x80
                    guard ok else { return false }
                }
                labels += 1
                if index == bytes.count { break }
                labelStart = index + 1
            }
            index += 1
        }
        guard labels >= 2 else { return false }
        let tld = bytes[labelStart...]
        return tld.count >= 2 && tld.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 }
    }

    private static let allowedInLocalPart: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()

    /// An email as a duplicate key: trimmed and lowercased.
    package static func emailKey(_ text: String) -> String { text.lowercased() }

    /// ``emailKey(_:)`` over UTF-8 bytes, written to `out`.
    static func emailKey(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes { out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
        } else {
            out.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
        }
    }

    /// A tax id as a duplicate key: its digits, when there are at least 8 of them.
    package static func taxID(_ text: String) -> String? {
        var text = text, out: [UInt8] = []
        return text.withUTF8 { taxID($0, into: &out) } ? String(decoding: out, as: UTF8.self) : nil
    }

    /// ``taxID(_:)`` over UTF-8 bytes: writes the digits to `out` and returns true when there are at least 8.
    static func taxID(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        for byte in bytes where byte >= 48 && byte <= 57 { out.append(byte) }
        return out.count >= 8
    }

    /// True for a Russian tax id (ИНН) whose check digits hold: 10 digits for an organisation,
    /// 12 for a person. Only such ids are trusted to tell two customers apart.
    package static func isValidINN(_ digits: String) -> Bool {
        var digits = digits
        return digits.withUTF8 { isValidINN($0) }
    }

    /// ``isValidINN(_:)`` over UTF-8 bytes.
    static func isValidINN<Digits: Collection<UInt8>>(_ digits: Digits) -> Bool where Digits.Index == Int {
        guard digits.count == 10 || digits.count == 12, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let base = digits.startIndex
        func d(_ index: Int) -> Int { Int(digits[base + index]) - 48 }
        // The weights of each check digit: the last `count` of 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8.
        func check(_ count: Int) -> Int {
            let weights = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
            var sum = 0
            for index in 0..<count {
                let weight =
                    switch 11 - count + index {
                    case 0: weights.0
                    case 1: weights.1
                    case 2: weights.2
                    case 3: weights.3
                    case 4: weights.4
                    case 5: weights.5
                    case 6: weights.6
                    case 7: weights.7
                    case 8: weights.8
                    case 9: weights.9
                    default: weights.10
                    }
                sum += weight * d(index)
            }
            return sum % 11 % 10
        }
        if digits.count == 10 { return check(9) == d(9) }
        return check(10) == d(10) && check(11) == d(11)
    }

    static let legalPhrases: [[[UInt8]]] = [
        "общество с ограниченной ответственностью", "публичное акционерное общество", "закрытое акционерное общество",
        "открытое акционерное общество", "непубличное акционерное общество", "акционерное общество",
        "индивидуальный предприниматель", "limited liability company",
    ].map { $0.split(separator: " ").map { Array($0.utf8) } }

    static let legalForms: [[UInt8]] = [
        "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "чп", "нко", "ано", "тоо", "одо", "пбоюл",
        "llc", "ltd", "inc", "corp", "co", "plc", "gmbh", "ag", "sa", "ooo", "oao", "zao", "pao", "ip",
    ].map { Array($0.utf8) }

    /// A customer name as a duplicate key: lowercased, `ё` as `е`, quotes and punctuation removed,
    /// legal forms (ООО, ИП, АО, LLC, …, also spelled out) dropped, whitespace collapsed; nil when nothing is left.
    package static func nameKey(_ text: String) -> String? {
        var text = text, buffer = NameKeyBuffer()
        return text.withUTF8 { buffer.make($0) } ? String(decoding: buffer.key, as: UTF8.self) : nil
    }
}

/// Makes ``Normalise/nameKey(_:)`` keys from UTF-8 bytes, reusing its buffers from name to name.
struct NameKeyBuffer {
    /// The key made by the last ``make(_:)`` that returned true.
    var key: ArraySlice<UInt8> { output[..<keyCount] }
    /// The words of the name, lowercased, one after another; word `i` ends at `wordEnds[i]`.
    private var letters: [UInt8] = []
    private var wordEnds: [Int] = []
    private var output: [UInt8] = []
    private var keyCount = 0

    init() {
        wordEnds.reserveCapacity(16)
    }

    /// A legal form, or the first word of a legal phrase, by its length and first eight bytes.
    private struct Candidate {
        var prefix: UInt64
        var count: Int
        /// Index into ``Normalise/legalPhrases`` (nil for a form).
        var phrase: Int?
        /// Index into ``Normalise/legalForms``.
        var form: Int
    }

    private static let candidates: [Candidate] = {
        var candidates: [Candidate] = []
        for (index, phrase) in Normalise.legalPhrases.enumerated() {
            let prefix = phrase[0].withUnsafeBufferPointer { Self.prefix($0) }
            candidates.append(Candidate(prefix: prefix, count: phrase[0].count, phrase: index, form: 0))
        }
        for (index, form) in Normalise.legalForms.enumerated() {
            let prefix = form.withUnsafeBufferPointer { Self.prefix($0) }
            candidates.append(Candidate(prefix: prefix, count: form.count, phrase: nil, form: index))
        }
        return candidates
    }()

    /// The first eight bytes of `bytes` (fewer, zero-padded, when shorter) as one number.
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<min(8, bytes.count) { prefix |= UInt64(bytes[index]) << UInt64(8 * index) }
        return prefix
    }

    /// Bit `n` is set when a legal form or the first word of a legal phrase is `n` bytes long.
    private static let legalLengths: UInt64 = (Normalise.legalForms + Normalise.legalPhrases.map { $0[0] })
        .reduce(0) { $0 | ($1.count < 64 ? 1 << UInt64($1.count) : 0) }

    /// Makes the key of the name in `text` (UTF-8; bytes that are not well formed separate words,
    /// as the U+FFFD they read as would); false when nothing is left.
    mutating func make(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // A scalar of one byte or more lowercases to at most three scalars of at most four bytes.
        let capacity = text.count * 12 + 16
        if letters.count < capacity {
            letters = [UInt8](repeating: 0, count: capacity)
            output = [UInt8](repeating: 0, count: capacity * 2)  // the words and a space after each
        }
        wordEnds.removeAll(keepingCapacity: true)
        // Words as lowercased UTF-8 bytes; compared as bytes (no Unicode normalisation).
        letters.withUnsafeMutableBufferPointer { letters in
            var length = 0
            var wordStart = 0
            func flush() {
                if length > wordStart {
                    wordEnds.append(length)
                    wordStart = length
                }
            }
            var index = 0
            let count = text.count
            while index < count {
                let byte = text[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39:
                        letters[length] = byte
                        length += 1
                    case 0x41...0x5A:
                        letters[length] = byte + 0x20
                        length += 1
                    default: flush()
                    }
                    continue
                }
                var value: UInt32
                if byte >= 0xC2, byte <= 0xDF, index + 1 < count, text[index + 1] & 0xC0 == 0x80 {
                    value = UInt32(byte & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F)
                    index += 2
                } else {
                    let scalar = UTF8Decoding.scalar(text, at: index)
                    value = scalar.value
                    index += scalar.length
                }
                switch value {
                case 0x430...0x43F:
                    letters[length] = 0xD0
                    letters[length + 1] = UInt8(0x80 + value - 0x400)
                    length += 2
                case 0x440...0x44F:
                    letters[length] = 0xD1
                    letters[length + 1] = UInt8(0x80 + value - 0x440)
                    length += 2
                case 0x410...0x41F:
                    letters[length] = 0xD0
                    letters[length + 1] = UInt8(0x80 + value + 0x20 - 0x400)
                    length += 2
                case 0x420...0x42F:
                    letters[length] = 0xD1
                    letters[length + 1] = UInt8(0x80 + value + 0x20 - 0x440)
                    length += 2
                case 0x401, 0x451:
                    letters[length] = 0xD0
                    letters[length + 1] = 0xB5
                    length += 2  // ё → е
                default:
                    guard let scalar = Unicode.Scalar(value) else {
                        flush()
                        continue
                    }
                    let properties = scalar.properties
                    if properties.isAlphabetic || properties.numericType != nil {
                        for byte in properties.lowercaseMapping.utf8 {
                            letters[length] = byte
                            length += 1
                        }
                    } else {
                        flush()
                    }
                }
            }
            flush()
        }
        let wordsCount = wordEnds.count
        var word = 0
        let ends = wordEnds
        let phrases = Normalise.legalPhrases, forms = Normalise.legalForms, candidates = Self.candidates
        keyCount = letters.withUnsafeBufferPointer { letters in
            output.withUnsafeMutableBufferPointer { output in
                var keyCount = 0
                func bytes(_ word: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: letters[(word == 0 ? 0 : ends[word - 1])..<ends[word]])
                }
                scan: while word < wordsCount {
                    let current = bytes(word)
                    // Only a word whose length and first eight bytes are those of a legal form or
                    // of a phrase's first word can be one (phrases first, as the definition reads).
                    if current.count >= 64 || Self.legalLengths & (1 << UInt64(current.count)) != 0 {
                        let prefix = Self.prefix(current)
                        for candidate in candidates where candidate.prefix == prefix && candidate.count == current.count {
                            if let phrase = candidate.phrase {
                                let words = phrases[phrase]
                                if word + words.count <= wordsCount,
                                    words.indices.allSatisfy({ bytes(word + $0).elementsEqual(words[$0]) })
                                {
                                    word += words.count
                                    continue scan
                                }
                            } else if current.elementsEqual(forms[candidate.form]) {
                                word += 1
                                continue scan
                            }
                        }
                    }
                    if keyCount > 0 {
                        output[keyCount] = 0x20
                        keyCount += 1
                    }
                    for byte in current {
                        output[keyCount] = byte
                        keyCount += 1
                    }
                    word += 1
                }
                return keyCount
            }
        }
        return keyCount > 0
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
