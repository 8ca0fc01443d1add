/// How contact fields and names are normalised for validity checks and duplicate search.
package enum Normalise {
    /// A phone as `+7XXXXXXXXXX` (Russian formats: `+7 (912) 345-67-89`, `8-912-345-67-89`,
    /// `9123456789`) or `+<8–15 digits>` for other international numbers written with `+`;
    /// nil when the text is not a phone. An extension after letters (`доб. 12`, `ext 12`) is ignored.
    package static func phone(_ text: String) -> String? {
        var digits: [UInt8] = []
        var plus = false
        var started = false
        scan: for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - 48)
                started = true
            case UInt8(ascii: "+"):
                if started || plus { return nil }
                plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), 0x09:
                continue
            default:
                // Letters or `,;/` after digits start an extension or a second number: judge the first.
                // A label before the number (`тел.`) is skipped.
                if started { break scan }
            }
        }
        let national: ArraySlice<UInt8>
        if digits.count == 11, digits[0] == 7 || (digits[0] == 8 && !plus) {
            national = digits[1...]
        } else if digits.count == 10, !plus {
            national = digits[...]
        } else if plus, (8...15).contains(digits.count), digits[0] != 0 {
            return "+" + digits.map { String($0) }.joined()
        } else {
            return nil
        }
        guard let first = national.first, first >= 3, Set(national).count > 1 else { return nil }
        return "+7" + national.map { String($0) }.joined()
    }

    /// Whether `text` is a plausible email address: one `@`, a local part of allowed characters
    /// without leading, trailing or double dots, and a domain of at least two labels (letters,
    /// digits, hyphens, or non-ASCII for IDN) whose last label has at least two letters.
    package static func isValidEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, local.first != 46, local.last != 46 else { return false }
        var previous: UInt8 = 0
        for byte in local {
            guard allowedInLocalPart[Int(byte)], !(byte == 46 && previous == 46) else { return false }
            previous = byte
        }
        let labels = domain.split(separator: 46, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.first != 45, label.last != 45 else { return false }
            for byte in label {
                let ok = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
                    || byte >= 0x80
                guard ok else { return false }
            }
        }
        guard let tld = labels.last, tld.count >= 2,
              tld.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 }) else { return false }
        return true
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

    /// A tax id as a duplicate key: its digits, when there are at least 8 of them.
    package static func taxID(_ text: String) -> String? {
        var digits: [UInt8] = []
        for byte in text.utf8 where byte >= 48 && byte <= 57 { digits.append(byte) }
        return digits.count >= 8 ? String(decoding: digits, as: UTF8.self) : nil
    }

    /// True for a Russian tax id (ИНН) whose check digits hold: 10 digits for an organisation,
    /// 12 for a person. Only such ids are trusted to tell two customers apart.
    package static func isValidINN(_ digits: String) -> Bool {
        let d = digits.utf8.map { Int($0) - 48 }
        guard d.allSatisfy({ (0...9).contains($0) }) else { return false }
        func check(_ weights: [Int]) -> Int { zip(weights, d).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10 }
        switch d.count {
        case 10: return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9]
        case 12: return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11]
        default: return false
        }
    }

    private static let legalPhrases: [[[UInt8]]] = [
        "общество с ограниченной ответственностью", "публичное акционерное общество", "закрытое акционерное общество",
        "открытое акционерное общество", "непубличное акционерное общество", "акционерное общество",
        "индивидуальный предприниматель", "limited liability company",
    ].map { $0.split(separator: " ").map { Array($0.utf8) } }

    private static let legalForms: Set<[UInt8]> = Set([
        "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "чп", "нко", "ано", "тоо", "одо", "пбоюл",
        "llc", "ltd", "inc", "corp", "co", "plc", "gmbh", "ag", "sa", "ooo", "oao", "zao", "pao", "ip",
    ].map { Array($0.utf8) })

    /// A customer name as a duplicate key: lowercased, `ё` as `е`, quotes and punctuation removed,
    /// legal forms (ООО, ИП, АО, LLC, …, also spelled out) dropped, whitespace collapsed; nil when nothing is left.
    package static func nameKey(_ text: String) -> String? {
        // Words as lowercased UTF-8 bytes; compared and hashed as bytes (no Unicode normalisation).
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty {
                words.append(word)
                word.removeAll(keepingCapacity: true)
            }
        }
        func append(_ scalar: Unicode.Scalar) {
            word.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
            case 0x41...0x5A: word.append(UInt8(value + 0x20))
            case 0x430...0x43F: word.append(0xD0); word.append(UInt8(0x80 + value - 0x400))
            case 0x440...0x44F: word.append(0xD1); word.append(UInt8(0x80 + value - 0x440))
            case 0x410...0x41F: word.append(0xD0); word.append(UInt8(0x80 + value + 0x20 - 0x400))
            case 0x420...0x42F: word.append(0xD1); word.append(UInt8(0x80 + value + 0x20 - 0x440))
            case 0x401, 0x451: word.append(0xD0); word.append(0xB5)  // ё → е
            case 0...0x7F: flush()
            default:
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil {
                    for lower in properties.lowercaseMapping.unicodeScalars { append(lower) }
                } else {
                    flush()
                }
            }
        }
        flush()
        var kept: [UInt8] = []
        var index = 0
        scan: while index < words.count {
            for phrase in legalPhrases where index + phrase.count <= words.count && words[index] == phrase[0] {
                if words[index..<(index + phrase.count)].elementsEqual(phrase) {
                    index += phrase.count
                    continue scan
                }
            }
            if !legalForms.contains(words[index]) {
                if !kept.isEmpty { kept.append(0x20) }
                kept.append(contentsOf: words[index])
            }
            index += 1
        }
        return kept.isEmpty ? nil : String(decoding: kept, as: UTF8.self)
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
