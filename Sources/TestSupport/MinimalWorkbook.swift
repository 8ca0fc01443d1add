import Foundation

/// A minimal XLSX workbook for tests: one sheet whose `<sheetData>` XML the test writes by hand
/// (to put hostile row numbers, cell references or values in it), packed in a ZIP with stored
/// (uncompressed) entries and correct CRC-32s, which any XLSX reader accepts.
package enum MinimalWorkbook {
    /// Writes a workbook with one sheet named `sheet` holding `rows` (the inside of
    /// `<sheetData>`), and `sharedStrings` when given, to `path`.
    package static func write(rows: String, sheet: String = "Продажи", sharedStrings: [String]? = nil, to path: String) throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var entries: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(relations)">\
                <sheets><sheet name="\(escape(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relations)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """
            ),
            (
                "xl/worksheets/sheet1.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><sheetData>\(rows)</sheetData></worksheet>
                """
            ),
        ]
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t>\(escape($0))</t></si>" }.joined()
            entries.append(
                (
                    "xl/sharedStrings.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="\(sharedStrings.count)">\(items)</sst>
                    """
                ))
        }
        try Data(zip(entries.map { ($0.0, Array($0.1.utf8)) })).write(to: URL(fileURLWithPath: path))
    }

    /// A row of inline-string cells (`A1`, `B1`…), for headers.
    package static func textRow(_ number: Int, _ texts: [String]) -> String {
        let cells = texts.enumerated().map { index, text in
            "<c r=\"\(column(index))\(number)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
        }
        return "<row r=\"\(number)\">\(cells.joined())</row>"
    }

    /// The letters of a 0-based column (0 → A, 26 → AA).
    package static func column(_ index: Int) -> String {
        var name = "", rest = index + 1
        while rest > 0 {
            name = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// A ZIP archive of `entries`, stored without compression.
    package static func zip(_ entries: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func le16(_ value: Int, _ buffer: inout [UInt8]) { buffer += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32, _ buffer: inout [UInt8]) {
            for shift in [0, 8, 16, 24] { buffer.append(UInt8(value >> UInt32(shift) & 0xFF)) }
        }
        for (name, bytes) in entries {
            let nameBytes = Array(name.utf8), crc = crc32(bytes), offset = UInt32(out.count)
            le32(0x0403_4B50, &out)
            le16(20, &out)
            le16(0, &out)
            le16(0, &out)
            le16(0, &out)
            le16(0x21, &out)
            le32(crc, &out)
            le32(UInt32(bytes.count), &out)
            le32(UInt32(bytes.count), &out)
            le16(nameBytes.count, &out)
            le16(0, &out)
            out += nameBytes + bytes
            le32(0x0201_4B50, &central)
            le16(20, &central)
            le16(20, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0x21, &central)
            le32(crc, &central)
            le32(UInt32(bytes.count), &central)
            le32(UInt32(bytes.count), &central)
            le16(nameBytes.count, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le32(0, &central)
            le32(offset, &central)
            central += nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        le32(0x0605_4B50, &out)
        le16(0, &out)
        le16(0, &out)
        le16(entries.count, &out)
        le16(entries.count, &out)
        le32(UInt32(central.count), &out)
        le32(centralOffset, &out)
        le16(0, &out)
        return out
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
