/// A workbook's shared strings, packed: their UTF-8 bytes end to end and where each one ends.
///
/// Four bytes a string plus its text, where an array of `String` took 16 bytes a string plus a
/// heap object for any past 15 bytes; the counts are bounded by ``XLSXLimits``.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    /// Room for `count` strings, without allocating past `limit` of them.
    mutating func reserve(_ count: Int, limit: Int) {
        ends.reserveCapacity(max(0, min(count, limit)))
    }

    /// The text of the string being read grows by `text`; false (nothing added) when the whole
    /// would pass `limit` bytes.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        guard text.count <= limit - bytes.count else { return false }
        bytes.append(contentsOf: text)
        return true
    }

    /// Ends the string being read (an empty one when nothing was appended since the last).
    mutating func finishString() {
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// The UTF-8 length of the string being read.
    var currentLength: Int { bytes.count - Int(ends.last ?? 0) }

    /// String `index`, or nil when there is none (an index past the table).
    func text(_ index: Int) -> String? {
        guard index >= 0 && index < ends.count else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        if start == end { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }
}
