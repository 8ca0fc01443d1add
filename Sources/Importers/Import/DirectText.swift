import Foundation

/// How a field of a row is taken from the CSV record's bytes rather than from the row's values:
/// its trimmed bytes (`start..<end` in the record's buffer), or a day written as ISO text.
struct DirectField {
    /// At least 0: the bytes `start..<end`; -1: not taken from the bytes; -2: the day `end`
    /// (`year * 10000 + month * 100 + day`).
    var start: Int
    var end: Int

    static var none: DirectField { DirectField(start: -1, end: 0) }

    init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    init(day: Int) {
        start = -2
        end = day
    }
}

/// Where a row's fields taken from the CSV record's bytes are: for each canonical field, its
/// ``DirectField`` (when not ``DirectField/none``, the value is not in the row's values).
/// Valid only during the call that receives it: it points into the reader's current record.
struct DirectText {
    let reader: CSVReader?
    /// `width` entries, one per canonical field.
    let fields: UnsafeMutablePointer<DirectField>
    let width: Int
    /// The record's buffer (nil for rows not read from it).
    var base: UnsafePointer<UInt8>?

    /// Field `field`'s text when it is taken from the record's bytes.
    func string(_ field: Int) -> String? {
        let direct = fields[field]
        if direct.start >= 0, let base {
            return String(decoding: UnsafeBufferPointer(start: base + direct.start, count: direct.end - direct.start), as: UTF8.self)
        }
        if direct.start == -2 {
            return String(unsafeUninitializedCapacity: 10) { buffer in
                guard let pointer = buffer.baseAddress else { return 0 }
                writeISODate(year: direct.end / 10_000, month: direct.end / 100 % 100, day: direct.end % 100, to: pointer)
                return 10
            }
        }
        return nil
    }
}
