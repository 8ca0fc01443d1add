import AuditModel
import Foundation
import ZIPFoundation

/// The parts of an XLSX package needed to read a sheet: sheet names and files, shared
/// strings, which cell styles are dates, and the date system. Parts are streamed out of the
/// package as they are parsed, never unpacked whole into memory.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var part: String
        var hidden: Bool
    }

    let path: String
    let archive: Archive
    let limits: XLSXLimits
    var sheets: [Sheet] = []
    var sharedStrings = SharedStrings()
    /// Per cell style index (`s`): whether it formats a date.
    var dateStyles: [Bool] = []
    var serialDates: SerialDateSystem = .excel1900

    init(path: String, limits: XLSXLimits = .standard) throws {
        self.path = path
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError.malformed(
                SourceLocation(file: path),
                ImportText.cannotOpenTheXlsxWorkbookDamaged.text(["error": .value(error)]))
        }
        guard let workbook = try stream("xl/workbook.xml") else {
            throw ImportError.malformed(
                SourceLocation(file: path),
                ImportText.noXlWorkbookXmlInsideNot.text())
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
        if let (strings, size) = try streamAndSize("xl/sharedStrings.xml") {
            sharedStrings = try XLSXWorkbook.readSharedStrings(strings, unpackedSize: size, limits: limits)
        }
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
    /// messages after the file (the part's name by default). The part is unpacked as the stream
    /// is read, on a thread of its own (see ``ZIPEntryPipe``): memory holds about 1 MiB of it.
    func stream(_ name: String, label: String? = nil) throws -> XMLStream? {
        try streamAndSize(name, label: label)?.stream
    }

    /// The stream of ``stream(_:label:)`` and the size the package declares for the unpacked part.
    private func streamAndSize(_ name: String, label: String? = nil) throws -> (stream: XMLStream, size: Int)? {
        let wanted = name.hasPrefix("/") ? String(name.dropFirst()) : name
        guard let entry = archive[wanted] ?? archive.first(where: { $0.path.lowercased() == wanted.lowercased() }) else { return nil }
        guard entry.uncompressedSize <= UInt64(limits.partBytes) else {
            throw ZIPEntryPipe.tooLarge(wanted, file: path, limit: limits.partBytes)
        }
        let pipe = ZIPEntryPipe(archivePath: path, entry: entry.path, limit: limits.partBytes)
        let stream = try XMLStream(pipe: pipe, file: path + "#" + (label ?? wanted))
        return (stream, Int(entry.uncompressedSize))
    }

    /// Relationship id → part path (`xl/worksheets/sheet1.xml`).
    private func readRelations() throws -> [String: String] {
        guard let stream = try stream("xl/_rels/workbook.xml.rels") else { return [:] }
        var relations: [String: String] = [:]
        while try stream.read() {
            guard stream.kind == .element, stream.localName == "Relationship",
                let id = stream.attribute("Id"), let target = stream.attribute("Target")
            else { continue }
            relations[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return relations
    }

    /// The shared strings, packed, refused past ``XLSXLimits/sharedStrings`` strings or
    /// ``XLSXLimits/sharedStringBytes`` bytes of text. The declared `uniqueCount` only sizes the
    /// table's first allocation, within the limit and what `unpackedSize` bytes can hold (each
    /// string takes at least `<si/>`, five bytes).
    static func readSharedStrings(_ stream: XMLStream, unpackedSize: Int, limits: XLSXLimits) throws -> SharedStrings {
        var strings = SharedStrings()
        var inItem = false, inText = false, inPhonetic = false
        func tooMany(_ what: LocalizedText) -> ImportError {
            .malformed(
                SourceLocation(file: stream.file, line: stream.line),
                ImportText.theWorkbookHoldsMoreSharedStrings.text(["what": .localized(what)]))
        }
        while try stream.read() {
            guard let kind = stream.kind else { continue }
            switch kind {
            case .element:
                switch stream.localName {
                case "sst":
                    if let declared = stream.attribute("uniqueCount").flatMap(Int.init) {
                        strings.reserve(min(declared, unpackedSize / 5), limit: limits.sharedStrings)
                    }
                case "si":
                    guard strings.count < limits.sharedStrings else {
                        throw tooMany(
                            ImportText.moreThanStrings.text(["sharedStrings": .value(limits.sharedStrings)]))
                    }
                    inItem = true
                    if stream.isEmptyElement {
                        strings.finishString()
                        inItem = false
                    }
                case "t": inText = !stream.isEmptyElement
                case "rPh": inPhonetic = !stream.isEmptyElement
                default: break
                }
            case .text, .cdata, .significantWhitespace, .whitespace:
                if inItem && inText && !inPhonetic {
                    let added = stream.withValueBytes { strings.append($0, limit: limits.sharedStringBytes) }
                    guard added else {
                        throw tooMany(
                            ImportText.moreThanMibOfText.text(["sharedStringBytes": .value(limits.sharedStringBytes >> 20)]))
                    }
                    if strings.currentLength > limits.row.fieldBytes {
                        let limit = RowLimits.size(limits.row.fieldBytes)
                        throw ImportError.malformed(
                            SourceLocation(file: stream.file, line: stream.line),
                            ImportText.sharedStringIsLongerThanThe.text(["count": .value(strings.count + 1), "limit": .localized(limit)]))
                    }
                }
            case .endElement:
                switch stream.localName {
                case "si":
                    strings.finishString()
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
                    if let id = stream.attribute("numFmtId").flatMap(Int.init), let code = stream.attribute("formatCode") {
                        custom[id] = code
                    }
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
            if escape {
                escape = false
                continue
            }
            if inQuote {
                if character == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if character == "]" { inBracket = false }
                continue
            }
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
