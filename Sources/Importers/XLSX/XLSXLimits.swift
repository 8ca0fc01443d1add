/// The most a workbook may hold before the reader refuses it, each checked before anything
/// sized from it is allocated. Tests pass smaller ones.
struct XLSXLimits: Sendable {
    /// Excel's own grid: rows 1…1,048,576 and columns A…XFD. A row or cell past it (or a
    /// `<dimension>` declaring one) is not a sheet Excel can make, and its number must not size
    /// anything (issue 17: a sheet declaring 21 million rows passed 13 GB).
    var rows = 1_048_576
    var columns = 16_384
    /// Shared strings: at most 2^24 of them, 256 MiB of text in all. Why: they are held for the
    /// whole read (a sheet refers to them by number), at 4 bytes each plus their text, so these
    /// bound that memory to about 320 MB; a million rows of 16 distinct texts each still fit.
    /// A 1.5 MB workbook of 200 million empty strings took 5.3 GB and 38 s (issue 17).
    var sharedStrings = 1 << 24
    var sharedStringBytes = 256 << 20
    /// The longest cell and row of text, and the first rows together (see ``RowLimits``): a row
    /// that uses one 1 MiB shared string in every column would otherwise make 16 GB of strings.
    var row = RowLimits.standard
    /// The largest unpacked part (a guard against ZIP bombs: it bounds the time spent parsing).
    var partBytes = 1 << 30

    static let standard = XLSXLimits()

    /// `XFD`: the name of the 0-based column `index`.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }
}
