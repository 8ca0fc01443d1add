import AuditModel
import TestSupport
import Testing

@testable import Analytics

/// The byte-level normalisers agree with the String-level definitions (kept below as
/// ``Reference``, as they were written before the checks moved to bytes), on fixed tables and on
/// many generated names, and never trap on bytes that are not UTF-8.
@Suite struct ByteNormalisationTests {
    @Test(
        arguments: [
            ("ООО «РОМАШКА»", "ромашка"), ("ооо ромашка", "ромашка"), ("Ромашка ООО", "ромашка"),
            ("ЗАО “Вектор”", "вектор"), ("ПАО \"Газ-Сервис\"", "газ сервис"), ("АО „Заря“", "заря"),
            ("ИП  Петров\tП.П.", "петров п п"), ("ACME Ltd", "acme"), ("Acme LLC", "acme"), ("acme, inc.", "acme"),
            ("Закрытое акционерное общество «Ёж»", "еж"), ("ЁЛКА", "елка"), ("Limited Liability Company Foo", "foo"),
            ("  Альфа   Трейд  ", "альфа трейд"), ("Alpha\u{00A0}Trade", "alpha trade"), ("Straße GmbH", "straße"),
            ("ΑΛΦΑ Ω", "αλφα ω"), ("İstanbul AŞ", "i\u{0307}stanbul aş"), ("ООО", nil), ("«»", nil), ("", nil), ("ИП ООО АО", nil),
            ("Ромашка-2", "ромашка 2"), ("№5 Ромашка", "5 ромашка"), ("Ђорђе", "ђорђе"),
        ] as [(String, String?)])
    func namesNormaliseFromBytes(text: String, key: String?) {
        #expect(Self.nameKey(Array(text.utf8)) == key)
        #expect(Normalise.nameKey(text) == key)
        #expect(Reference.nameKey(text) == key)
    }

    @Test(arguments: [
        "+7 (912) 345-67-89", "8-912-345-67-89", "9123456789", "8 912 345 67 89", "+7 912 345 67 89 доб. 12",
        "7 (912) 3456789", "тел.: +7(912)345-67-89, 8-800-555-35-35", "+44 20 7946 0958", "+1 (212) 555-0100",
        "8 (999) 999-99-99", "+7 (000) 000-00-00", "12345", "", "++79123456789", "9+123456789", "+0 12345678",
        "+7 912 345 67 8", "8\t912\t345\t67\t89", "８９１２３４５６７８９", "1234567890", "89123456789012",
    ])
    func phonesFromBytesMatchTheDefinition(text: String) {
        #expect(Normalise.phone(text) == Reference.phone(text))
        #expect(Self.phone(Array(text.utf8)) == Reference.phone(text))
    }

    @Test(arguments: [
        "a@b.ru", "A.B@Mail.RU", "ivan@почта.рф", "a@b", "a@@b.ru", "a..b@c.ru", "a.@c.ru", "a@c..ru", "a@-c.ru",
        "a@c-.ru", "a@c.r", "a@c.r1", "a@.ru", "@c.ru", "a@", "a b@c.ru", String(repeating: "a", count: 64) + "@c.ru",
        String(repeating: "a", count: 65) + "@c.ru", "a@c.ru.", "x+tag@sub.example.co.uk", "Иван@mail.ru",
    ])
    func emailsFromBytesMatchTheDefinition(text: String) {
        #expect(Normalise.isValidEmail(text) == Reference.isValidEmail(text))
        #expect(Array(text.utf8).withUnsafeBufferPointer { Normalise.isValidEmail($0) } == Reference.isValidEmail(text))
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { Normalise.emailKey($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == text.lowercased())
    }

    @Test(arguments: [
        "7707083893", "500100732259", "7707083894", "500100732258", "123", "77070838931", "ИНН 7707083893",
        "7707 083 893", "", "00000000",
    ])
    func taxIDsFromBytesMatchTheDefinition(text: String) {
        #expect(Normalise.taxID(text) == Reference.taxID(text))
        #expect(Normalise.isValidINN(text) == Reference.isValidINN(text))
    }

    @Test func generatedNamesPhonesAndEmailsMatchTheDefinition() {
        var random = SeededGenerator(state: 20261129)
        let pieces = [
            "ООО", "ооо", "ИП", "Ип", "АО", "ЗАО", "ПАО", "LLC", "Ltd", "inc", "общество", "с", "ограниченной",
            "ответственностью", "Общество", "акционерное", "Ромашка", "ЁЛКА", "ёж", "Trade", "ACME", "Straße",
            "İ", "ǅ", "Ω", "٣", "½", "🙂", "e\u{0301}", "«", "»", "“", "”", "\"", "'", ",", ".", "-", " ", "  ",
            "\t", "\u{00A0}", "\u{2003}", "№", "7", "+7", "(912)", "345-67-89", "8", "@", "mail.ru", "доб.",
            "Ђ", "ѓ", "Ї", "Ꙋ", "A", "z", "Я", "я", "Ё", "ё",
        ]
        for _ in 0..<3000 {
            let count = Int(random.next() % 7) + 1
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(Normalise.nameKey(text) == Reference.nameKey(text), "\(text)")
            #expect(Normalise.phone(text) == Reference.phone(text), "\(text)")
            #expect(Normalise.isValidEmail(text) == Reference.isValidEmail(text), "\(text)")
            #expect(Normalise.taxID(text) == Reference.taxID(text), "\(text)")
        }
    }

    /// Bytes that are not UTF-8 read as U+FFFD, which separates words: the key is that of the
    /// repaired text, and nothing traps (truncated sequences at the very end included).
    @Test func invalidUTF8NeitherTrapsNorChangesTheKey() {
        var random = SeededGenerator(state: 7)
        let fragments: [[UInt8]] = [
            [0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x41], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xD0], [0xD0, 0x9E], [0xE2, 0x80], [0xF0, 0x9F, 0x99], [0x80], [0xBF, 0xBF],
            Array("ООО".utf8), Array(" Ромашка".utf8), Array("abc".utf8), [0x20], Array("7".utf8),
        ]
        for _ in 0..<3000 {
            let count = Int(random.next() % 6) + 1
            let bytes = (0..<count).flatMap { _ in fragments[Int(random.next() % UInt64(fragments.count))] }
            let repaired = String(decoding: bytes, as: UTF8.self)
            #expect(Self.nameKey(bytes) == Reference.nameKey(repaired), "\(bytes)")
            _ = Self.phone(bytes)
            _ = bytes.withUnsafeBufferPointer { Normalise.isValidEmail($0) }
            var out: [UInt8] = []
            _ = bytes.withUnsafeBufferPointer { Normalise.taxID($0, into: &out) }
            #expect(
                bytes.withUnsafeBufferPointer { TextEncoding.isValidUTF8($0) } == (String(validating: bytes, as: UTF8.self) != nil),
                "\(bytes)")
        }
    }

    @Test func storedValuesAreTheStringsTheyReadAs() {
        var columns = CustomerColumns()
        let values: [[UInt8]?] = [Array("Ромашка".utf8), nil, [0x41, 0xFF, 0x42], [0xD0]]
        for value in values {
            for field in CustomerField.allCases.dropFirst() {
                if let value, field == .name || field == .city {
                    value.withUnsafeBufferPointer { columns.append(field, $0) }
                } else {
                    columns.append(field, nil)
                }
            }
            columns.idKeys.append(0)
            columns.sourceLines.append(2)
        }
        let list = CustomerList(columns, idNames: ["К-1"])
        #expect(list.count == 4)
        for (row, value) in values.enumerated() {
            let expected = value.map { String(decoding: $0, as: UTF8.self) }
            #expect(list[row][.name] == expected)
            #expect(list[row][.city] == expected)
            #expect(list[row].has(.name) == (value != nil))
            #expect(list[row][.customerID] == "К-1")
            #expect(list[row][.email] == nil)
        }
    }

    static func nameKey(_ bytes: [UInt8]) -> String? {
        var buffer = NameKeyBuffer()
        return bytes.withUnsafeBufferPointer { buffer.make($0) } ? String(decoding: buffer.key, as: UTF8.self) : nil
    }

    static func phone(_ bytes: [UInt8]) -> String? {
        var out: [UInt8] = []
        return bytes.withUnsafeBufferPointer { Normalise.phone($0, into: &out) } ? String(decoding: out, as: UTF8.self) : nil
    }
}

/// The String-level definitions as first written (docs/metrics.md), the oracle of the byte-level ones.
enum Reference {
    static func phone(_ text: String) -> String? {
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

    static func isValidEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, local.first != 46, local.last != 46 else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-".utf8)
        var previous: UInt8 = 0
        for byte in local {
            guard allowed.contains(byte), !(byte == 46 && previous == 46) else { return false }
            previous = byte
        }
        let labels = domain.split(separator: 46, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.first != 45, label.last != 45 else { return false }
            for byte in label {
                let ok =
                    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
                    || byte >= 0x80
                guard ok else { return false }
            }
        }
        guard let tld = labels.last, tld.count >= 2,
            tld.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 })
        else { return false }
        return true
    }

    static func taxID(_ text: String) -> String? {
        var digits: [UInt8] = []
        for byte in text.utf8 where byte >= 48 && byte <= 57 { digits.append(byte) }
        return digits.count >= 8 ? String(decoding: digits, as: UTF8.self) : nil
    }

    static func isValidINN(_ digits: String) -> Bool {
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

    private static let legalForms: Set<[UInt8]> = Set(
        [
            "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "чп", "нко", "ано", "тоо", "одо", "пбоюл",
            "llc", "ltd", "inc", "corp", "co", "plc", "gmbh", "ag", "sa", "ooo", "oao", "zao", "pao", "ip",
        ].map { Array($0.utf8) })

    static func nameKey(_ text: String) -> String? {
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
            case 0x430...0x43F:
                word.append(0xD0)
                word.append(UInt8(0x80 + value - 0x400))
            case 0x440...0x44F:
                word.append(0xD1)
                word.append(UInt8(0x80 + value - 0x440))
            case 0x410...0x41F:
                word.append(0xD0)
                word.append(UInt8(0x80 + value + 0x20 - 0x400))
            case 0x420...0x42F:
                word.append(0xD1)
                word.append(UInt8(0x80 + value + 0x20 - 0x440))
            case 0x401, 0x451:
                word.append(0xD0)
                word.append(0xB5)
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

/// The customer list is read in the order of its datasets, then rows, however the rows were stored.
@Suite struct CustomerListOrderTests {
    @Test func datasetsWrittenOutOfOrderAreReadInDatasetOrder() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let first = Array(Fixture.customers.prefix(3)), second = Array(Fixture.customers.dropFirst(3))
        try insertCanonicalRows(first, kind: .customers, into: workspace, fileName: "a.csv")
        try insertCanonicalRows(second, kind: .customers, into: workspace, fileName: "b.csv")
        try insertCanonicalRows([], kind: .customers, into: workspace, fileName: "c.csv")
        // The first file's rows now belong to the last dataset: stored first, listed last.
        try workspace.write { db in
            try db.execute(
                sql: """
                    UPDATE customer SET dataset_id = (SELECT max(id) FROM dataset)
                    WHERE dataset_id = (SELECT min(id) FROM dataset)
                    """)
        }
        let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Fixture.asOf)
        let ids = analysis.data.customers.map { $0[.customerID] }
        #expect(ids == ["C4", "C5", "C6", "C7", "C1", "C2", "C3"])
        #expect(analysis.data.customers.map(\.sourceLine) == [2, 3, 4, 5, 2, 3, 4])
        #expect(analysis.data.customers.last?[.email] == "gamma@gamma.ru")
    }
}
