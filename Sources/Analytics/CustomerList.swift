import AuditModel
import Foundation
import Workspace

/// The customer list of a round, stored column by column: free-text fields as one byte arena per
/// field, categorical fields as interned keys, customer ids as keys of ``RoundData/customerKeys``.
///
/// A value is a `String` only when someone asks for it (``CustomerRecord/subscript(_:)``): the
/// checks read the bytes. Every stored value is valid UTF-8 — exactly the bytes of the `String`
/// the value reads as (invalid input is repaired with U+FFFD when stored, as `String(decoding:)` does).
struct CustomerList: RandomAccessCollection, Sendable {
    let storage: CustomerStorage

    init() { storage = CustomerStorage(CustomerColumns(), idNames: []) }

    init(_ columns: CustomerColumns, idNames: [String]) {
        storage = CustomerStorage(columns, idNames: idNames)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.columns.sourceLines.count }
    subscript(position: Int) -> CustomerRecord { CustomerRecord(storage: storage, row: position) }

    /// The columns (for the checks that read bytes).
    var columns: CustomerColumns { storage.columns }
}

/// The immutable storage shared by a ``CustomerList`` and its records.
final class CustomerStorage: Sendable {
    let columns: CustomerColumns
    /// The customer id of each key in ``CustomerColumns/idKeys``.
    let idNames: [String]

    init(_ columns: CustomerColumns, idNames: [String]) {
        self.columns = columns
        self.idNames = idNames
    }
}

/// How one ``CustomerField`` is stored in ``CustomerColumns``.
enum CustomerFieldStorage: Sendable {
    case id
    /// Index into ``CustomerColumns/texts``.
    case text(Int)
    /// Index into ``CustomerColumns/categories``.
    case category(Int)
}

/// The customer fields, one column each (see ``CustomerList``).
struct CustomerColumns: Sendable {
    /// The key of each row's customer id in ``RoundData/customerKeys``.
    var idKeys: [Int32] = []
    var texts = [TextColumn](repeating: TextColumn(), count: CustomerField.textFields.count)
    var categories = [CategoryColumn](repeating: CategoryColumn(), count: CustomerField.categoryFields.count)
    var sourceLines: [Int] = []

    var count: Int { sourceLines.count }

    init() {}

    /// Columns with room for `rows` rows.
    init(capacity rows: Int) {
        idKeys.reserveCapacity(rows)
        sourceLines.reserveCapacity(rows)
        for slot in texts.indices {
            texts[slot].ends.reserveCapacity(rows)
            texts[slot].bytes.reserveCapacity(rows * 16)
        }
        for slot in categories.indices { categories[slot].reserveCapacity(rows) }
    }

    /// Appends the values of one row but its id: `value(field)` gives each field's trimmed UTF-8
    /// bytes (nil when blank).
    mutating func appendRow(_ value: (CustomerField) -> UnsafeBufferPointer<UInt8>?) {
        texts.withUnsafeMutableBufferPointer { texts in
            for (slot, field) in CustomerField.textFields.enumerated() { texts[slot].append(value(field)) }
        }
        categories.withUnsafeMutableBufferPointer { categories in
            for (slot, field) in CustomerField.categoryFields.enumerated() { categories[slot].append(value(field)) }
        }
    }

    func text(_ field: CustomerField) -> TextColumn? {
        if case .text(let slot) = field.storage { return texts[slot] }
        return nil
    }

    func category(_ field: CustomerField) -> CategoryColumn? {
        if case .category(let slot) = field.storage { return categories[slot] }
        return nil
    }

    /// Appends `value` (trimmed UTF-8 bytes, nil when blank) as `field` of the row being added.
    mutating func append(_ field: CustomerField, _ value: UnsafeBufferPointer<UInt8>?) {
        switch field.storage {
        case .id: break
        case .text(let slot): texts[slot].append(value)
        case .category(let slot): categories[slot].append(value)
        }
    }

    /// Whether `row` has a value for `field`.
    func has(_ field: CustomerField, _ row: Int) -> Bool {
        switch field.storage {
        case .id: true
        case .text(let slot): texts[slot].has(row)
        case .category(let slot): categories[slot].keys[row] >= 0
        }
    }
}

/// The values of one free-text field: the rows' bytes one after another in `bytes`; row `i`
/// spans `ends[i - 1]..<ends[i]` (empty = no value: a stored value is never empty).
struct TextColumn: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    func range(_ row: Int) -> Range<Int> { (row == 0 ? 0 : ends[row - 1])..<ends[row] }

    func has(_ row: Int) -> Bool { ends[row] > (row == 0 ? 0 : ends[row - 1]) }

    func string(_ row: Int) -> String? {
        let range = range(row)
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    mutating func append(_ value: UnsafeBufferPointer<UInt8>?) {
        if let value {
            if TextEncoding.isValidUTF8(value) {
                bytes.append(contentsOf: value)
            } else {
                bytes.append(contentsOf: String(decoding: value, as: UTF8.self).utf8)
            }
        }
        ends.append(bytes.count)
    }
}

/// The values of one categorical field as keys (−1 = no value) into its distinct values.
///
/// Values are interned by their bytes (``Interner``); only a value not seen before is checked for
/// UTF-8 and made a `String`.
struct CategoryColumn: Sendable {
    private var values = Interner()
    var keys: [Int32] = []

    /// The distinct values, in order of first appearance.
    var names: [String] { values.names }

    var count: Int { values.count }

    func string(_ row: Int) -> String? {
        let key = keys[row]
        return key >= 0 ? values.name(Int(key)) : nil
    }

    /// The key of `text`, nil when no row has it.
    func key(_ text: String) -> Int32? { values.key(text) }

    mutating func reserveCapacity(_ rows: Int) { keys.reserveCapacity(rows) }

    mutating func append(_ value: UnsafeBufferPointer<UInt8>?) {
        keys.append(value.map { values.internRepairing($0) } ?? -1)
    }

    /// The hash the interners use (eight bytes at a time, then MurmurHash3's finaliser).
    static func hash(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 { Interner.hash(buffer) }
}

/// One customer of the customer list: a row of a ``CustomerList``.
struct CustomerRecord: Sendable {
    let storage: CustomerStorage
    let row: Int

    /// The line of the imported file the customer came from.
    var sourceLine: Int { storage.columns.sourceLines[row] }

    /// The value of `field` (trimmed), nil when blank.
    subscript(field: CustomerField) -> String? {
        let columns = storage.columns
        switch field.storage {
        case .id: return storage.idNames[Int(columns.idKeys[row])]
        case .text(let slot): return columns.texts[slot].string(row)
        case .category(let slot): return columns.categories[slot].string(row)
        }
    }

    /// Whether `field` has a value (without making its `String`).
    func has(_ field: CustomerField) -> Bool { storage.columns.has(field, row) }
}

extension CustomerField {
    /// The free-text fields (stored as bytes), in ``CustomerColumns/texts`` order.
    static let textFields: [CustomerField] = [.name, .taxID, .email, .phone, .birthDate, .createdAt]
    /// The categorical fields (stored as interned keys), in ``CustomerColumns/categories`` order.
    static let categoryFields: [CustomerField] = [
        .type, .gender, .city, .region, .industry, .segment, .source, .manager,
        .emailConsent,
    ]

    var storage: CustomerFieldStorage {
        switch self {
        case .customerID: .id
        case .name: .text(0)
        case .taxID: .text(1)
        case .email: .text(2)
        case .phone: .text(3)
        case .birthDate: .text(4)
        case .createdAt: .text(5)
        case .type: .category(0)
        case .gender: .category(1)
        case .city: .category(2)
        case .region: .category(3)
        case .industry: .category(4)
        case .segment: .category(5)
        case .source: .category(6)
        case .manager: .category(7)
        case .emailConsent: .category(8)
        }
    }
}

/// Decoding of UTF-8 scalars from bytes.
enum UTF8Decoding {
    /// The length of the well-formed multi-byte sequence at `index` (lead byte ≥ 0x80), nil when not well formed.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index], count = bytes.count
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE, 0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    /// The scalar at `index` and its length in bytes; U+FFFD and length 1 when the bytes there are not well formed.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        guard let length = sequenceLength(bytes, at: index) else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
