// XLSX workbooks. An input starting with `PK` is a whole workbook, read as it is (the damaged-ZIP
// paths). Any other input is the workbook's XML parts separated by a line `--part--`: the sheet,
// then optionally the shared strings, the styles and xl/workbook.xml; the target packs them into
// a workbook (stored, not deflated) so that mutations reach the XML readers instead of failing
// the ZIP's checksums. scripts/fuzz.sh makes such seeds from the fixture workbooks.
import AuditModel
import Foundation
import FuzzSupport
import ZIPFoundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let workbook = bytes.starts(with: [0x50, 0x4B]) ? bytes : WorkbookParts(bytes).packed()
    let path = Scratch.write(workbook, as: "input.xlsx")
    ImportHarness.dryRun(path, as: .sales)
    ImportHarness.dryRun(path, as: .customers)
    return 0
}

/// The XML parts a fuzz input gives, and the fixed parts a workbook needs around them.
struct WorkbookParts {
    static let separator = Array("\n--part--\n".utf8)
    var parts: [String: [UInt8]] = [:]

    init(_ input: [UInt8]) {
        let names = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
        for (name, part) in zip(names, WorkbookParts.split(input)) { parts[name] = part }
        if parts["xl/workbook.xml"] == nil {
            parts["xl/workbook.xml"] = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8)
        }
        parts["xl/_rels/workbook.xml.rels"] = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="worksheets/sheet1.xml"/></Relationships>
            """.utf8)
        parts["[Content_Types].xml"] = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """.utf8)
    }

    /// `input` cut at each separator line.
    static func split(_ input: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0, index = 0
        while index + separator.count <= input.count {
            if input[index..<(index + separator.count)].elementsEqual(separator) {
                pieces.append(Array(input[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(Array(input[start...]))
        return pieces
    }

    /// The parts as a ZIP archive in memory.
    func packed() -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for (name, bytes) in parts.sorted(by: { $0.key < $1.key }) {
                let data = Data(bytes)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Date(timeIntervalSince1970: 1_700_000_000)) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { finding("the in-memory archive has no data") }
            return Array(data)
        } catch {
            finding("cannot pack the workbook parts: \(error)")
        }
    }
}
