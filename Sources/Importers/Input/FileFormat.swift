import AuditModel
import Foundation

/// The file formats the importer reads, told apart by their first bytes.
enum FileFormat {
    case csv, xlsx, xml

    static func detect(path: String) throws -> FileFormat {
        var head: [UInt8] = []
        var input = try FileInput(path: path, chunkSize: 4096)
        _ = try input.readChunk { head.append(contentsOf: $0) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportError.malformed(
                SourceLocation(file: path),
                ImportText.thisIsTheOldExcelFormat.text())
        }
        // UTF-16 text (a byte-order mark, or NUL bytes every other byte) is looked at as UTF-8.
        var text = head
        let utf16 = XMLStream.utf16Encoding(of: head) ?? TextEncoding.utf16ByPattern(head)
        if let utf16 {
            var transcoder = Transcoder(utf16)
            text = []
            head.withUnsafeBufferPointer { transcoder.transcode($0, into: &text) }
        }
        var bytes = text[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), first == 0x3C {
            return .xml
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
            throw ImportError.malformed(
                SourceLocation(file: path),
                ImportText.theFileIsNamedXlsxBut.text())
        }
        if head.contains(0) && utf16 == nil {
            throw ImportError.unsupportedFormat(path: path)
        }
        return .csv
    }
}
