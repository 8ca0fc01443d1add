import AuditModel
import Foundation
import ZIPFoundation

/// The parts of an XLSX package needed to read a sheet: sheet names and files, shared
/// strings, which cell styles are dates, and the date system.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var part: String
        var hidden: Bool
    }

    let path: String
    let archive: Archive
    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    /// Per cell style index (`s`): whether it formats a date.
    var dateStyles: [Bool] = []
    var serialDates: SerialDateSystem = .excel1900

    /// The largest part we unpack (a guard against ZIP bombs).
    static let partLimit = 1 << 30

    init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError.malformed(SourceLocation(file: path), LocalizedText(
                ru: "не удалось открыть книгу XLSX (повреждённый ZIP): \(error)",
                en: "cannot open the XLSX workbook (damaged ZIP): \(error)"))
        }
        guard let workbook = try stream("xl/workbook.xml") else {
            throw ImportError.malformed(SourceLocation(file: path), LocalizedText(
                ru: "в файле нет xl/workbook.xml: это не книга Excel", en: "no xl/workbook.xml inside: not an Excel workbook"))
        }
        let relations = try readRelations()
        while try workbook.read() {
            guard workbook.kind == .element else { continue }
            switch workbook.localName {
            case "workbookPr":
                let flag = workbook.attribute("date1904")?.lowercased()
                if flag == "1" || flag == "true" { serialDates = .excel1904 }
            case "sheet":
                let attributes = workbook.attributes()
                let name = attributes.first { $0.name == "name" }?.value ?? "Sheet\(sheets.count + 1)"
                let id = attributes.first { $0.name == "id" }?.value ?? ""
                let state = attributes.first { $0.name == "state" }?.value ?? "visible"
                guard let target = relations[id] else { continue }
                sheets.append(Sheet(name: name, part: target, hidden: state != "visible"))
            default:
                continue
            }
        }
        guard !sheets.isEmpty else { throw ImportError.empty(path: path) }
        if let strings = try stream("xl/sharedStrings.xml") { sharedStrings = try XLSXWorkbook.readSharedStrings(strings) }
        if let styles = try stream("xl/styles.xml") { dateStyles = try XLSXWorkbook.readDateStyles(styles) }
    }

    /// The sheet named `name` (case-insensitive), or numbered `name` (1-based), or the first visible one.
    func sheet(_ name: String?) throws -> Sheet {
        guard let name else { return sheets.first { !$0.hidden } ?? sheets[0] }
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let sheet = sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key }) { return sheet }
        if let number = Int(key), number >= 1, number <= sheets.count { return sheets[number - 1] }
        throw ImportError.sheetNotFound(path: path, requested: name, available: sheets.map(\.name))
    }

    /// The part at `name` as an XML stream, or nil when the package has none; `label` names it in
    /// messages after the file (the part's name by default). The part is unpacked once, straight
    /// into the memory the XML reader reads (a worksheet's XML is the workbook's largest part).
    func stream(_ name: String, label: String? = nil) throws -> XMLStream? {
        guard let bytes = try partBuffer(name) else { return nil }
        return try XMLStream(taking: bytes, file: path + "#" + (label ?? name))
    }

    /// The bytes of the part at `name` in memory the caller owns and must deallocate, or nil
    /// when the package has none.
    private func partBuffer(_ name: String) throws -> UnsafeMutableBufferPointer<UInt8>? {
        let wanted = name.hasPrefix("/") ? String(name.dropFirst()) : name
        guard let entry = archive[wanted] ?? archive.first(where: { $0.path.lowercased() == wanted.lowercased() }) else { return nil }
        guard entry.uncompressedSize <= UInt64(XLSXWorkbook.partLimit) else { throw tooLarge(wanted) }
        var capacity = max(Int(entry.uncompressedSize), 1)
        var base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        var exceeded = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                if count + data.count > capacity {
                    // The entry's header understated its size: grow, within the limit.
                    guard count + data.count <= XLSXWorkbook.partLimit else {
                        exceeded = true
                        throw ImportError.malformed(SourceLocation(file: path), LocalizedText(both: "too large"))
                    }
                    let larger = max(capacity * 2, count + data.count)
                    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
                    grown.initialize(from: base, count: count)
                    base.deallocate()
                    base = grown
                    capacity = larger
                }
                data.copyBytes(to: base + count, count: data.count)
                count += data.count
            }
        } catch let error as ImportError {
            base.deallocate()
            if exceeded { throw tooLarge(wanted) }
            throw error
        } catch {
            base.deallocate()
            throw ImportError.malformed(SourceLocation(file: path), LocalizedText(
                ru: "не удалось распаковать \(wanted) из книги: \(error)", en: "cannot unpack \(wanted) from the workbook: \(error)"))
        }
        return UnsafeMutableBufferPointer(start: base, count: count)
    }

    private func tooLarge(_ part: String) -> ImportError {
        .malformed(SourceLocation(file: path), LocalizedText(
            ru: "часть книги \(part) больше 1 ГиБ в распакованном виде; разбейте книгу или сохраните лист как CSV",
            en: "the workbook part \(part) unpacks to more than 1 GiB; split the workbook or save the sheet as CSV"))
    }

    /// Relationship id → part path (`xl/worksheets/sheet1.xml`).
    private func readRelations() throws -> [String: String] {
        guard let stream = try stream("xl/_rels/workbook.xml.rels") else { return [:] }
        var relations: [String: String] = [:]
        while try stream.read() {
            guard stream.kind == .element, stream.localName == "Relationship",
                  let id = stream.attribute("Id"), let target = stream.attribute("Target") else { continue }
            relations[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return relations
    }

    private static func readSharedStrings(_ stream: XMLStream) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, inPhonetic = false
        while try stream.read() {
            guard let kind = stream.kind else { continue }
            switch kind {
            case .element:
                switch stream.localName {
                case "si":
                    current = ""
                    inItem = true
                    if stream.isEmptyElement { strings.append(""); inItem = false }
                case "t": inText = !stream.isEmptyElement
                case "rPh": inPhonetic = !stream.isEmptyElement
                default: break
                }
            case .text, .cdata, .significantWhitespace, .whitespace:
                if inItem && inText && !inPhonetic { current += stream.value }
            case .endElement:
                switch stream.localName {
                case "si":
                    strings.append(current)
                    inItem = false
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            default:
                continue
            }
        }
        return strings
    }

    /// For each `cellXfs` style: whether its number format shows a date.
    private static func readDateStyles(_ stream: XMLStream) throws -> [Bool] {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        while try stream.read() {
            guard let kind = stream.kind else { continue }
            if kind == .element {
                switch stream.localName {
                case "numFmt":
                    if let id = stream.attribute("numFmtId").flatMap(Int.init), let code = stream.attribute("formatCode") { custom[id] = code }
                case "cellXfs":
                    inCellXfs = !stream.isEmptyElement
                case "xf" where inCellXfs:
                    formats.append(stream.attribute("numFmtId").flatMap(Int.init) ?? 0)
                default:
                    break
                }
            } else if kind == .endElement, stream.localName == "cellXfs" {
                inCellXfs = false
            }
        }
        return formats.map { id in
            if let code = custom[id] { return isDateFormat(code) }
            return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
        }
    }

    /// Whether a number format code shows a date: it has `d` or `y` (or `m` with them) outside
    /// quoted text, escapes and `[...]` sections.
    static func isDateFormat(_ code: String) -> Bool {
        var plain = ""
        var inQuote = false, inBracket = false, escape = false
        for character in code {
            if escape { escape = false; continue }
            if inQuote { if character == "\"" { inQuote = false }; continue }
            if inBracket { if character == "]" { inBracket = false }; continue }
            switch character {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": escape = true
            default: plain.append(character)
            }
        }
        let lower = plain.lowercased()
        if lower == "general" || lower.isEmpty { return false }
        return lower.contains("d") || lower.contains("y") || lower.contains("д") || lower.contains("г")
    }
}
