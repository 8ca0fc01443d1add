import AuditModel
import Foundation
import Yams

/// A mapping file: how a user tells the importer what an unusual export means.
///
/// ```yaml
/// header_row: 3            # 1-based row of the header; 0 when the file has none
/// sheet: Продажи           # XLSX: the sheet's name or 1-based number
/// encoding: windows-1251   # CSV
/// delimiter: ";"           # CSV
/// date_order: dd.mm        # or mm.dd, for a/b/yyyy dates
/// columns:                 # canonical field: the header name, or a 1-based column number
///   customer_id: Код клиента
///   amount: 5
///   cost: ~                # do not import this field
/// xml:
///   records: /Выгрузка/Документ   # the element that is one record
///   fields:                       # canonical field: child element, @attribute, child/@attribute
///     order_id: "@Номер"
///     customer_id: Контрагент/@Код
/// ```
public struct MappingFile: Sendable, Equatable {
    /// How a field is found in the source.
    package enum ColumnRef: Sendable, Equatable {
        case header(String)
        case position(Int)
        case skip
    }

    /// The mapping file itself (for messages).
    public var path: String
    /// The header's 1-based line or sheet row; 0 when the file has no header.
    package var headerRow: Int?
    /// XLSX: the sheet's name or 1-based number.
    package var sheet: String?
    /// CSV: the encoding, instead of detecting it.
    package var encoding: TextEncoding?
    /// CSV: the delimiter, instead of sniffing it.
    package var delimiter: UInt8?
    /// The day/month order of `a.b.yyyy` dates, instead of deciding it from the values.
    package var dateOrder: DateOrder?
    /// Canonical field → where it is in the file.
    package var columns: [String: ColumnRef] = [:]
    /// XML: the path from the root to the element that is one record.
    public var xmlRecords: String?
    /// XML: canonical field → child element, `@attribute` or `child/@attribute` of a record.
    package var xmlFields: [String: String] = [:]
    /// Deals: the client's own stage names (as ``normalizeWord(_:)`` writes them) → won, lost or
    /// open, for reading the status from the stage.
    package var stages: [String: String] = [:]

    /// Reads and checks a mapping file for `kind`; every problem points at its line in the file.
    public static func load(path: String, kind: DatasetKind) throws -> MappingFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.fileNotFound(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(
                at: SourceLocation(file: path, line: 1, column: 1),
                ImportText.theMappingFileMustBeUtf.text())
        }
        return try parse(text: text, path: path, kind: kind)
    }

    /// Parses mapping text (see the type's documentation for the format).
    public static func parse(text: String, path: String, kind: DatasetKind) throws -> MappingFile {
        let source = try YAMLSource(text: text, file: path)
        var result = MappingFile(path: path)
        guard case .mapping(let root) = source.root else {
            throw Diagnostic(
                at: source.location(of: source.root),
                ImportText.expectedAMappingOfKeysColumns.text())
        }
        let fieldNames = Set(kind.fields.map(\.name))
        func fail(_ node: Node, _ key: ImportText, _ arguments: [String: MessageArgument] = [:]) -> Diagnostic {
            Diagnostic(at: source.location(of: node), key.text(arguments))
        }
        for (keyNode, value) in root {
            let key = keyNode.string ?? ""
            switch key {
            case "header_row":
                guard let row = value.int, row >= 0 else {
                    throw fail(value, .mappingHeaderRowExpected)
                }
                result.headerRow = row
            case "sheet":
                result.sheet = value.string
            case "encoding":
                guard let name = value.string, let encoding = TextEncoding(name: name) else {
                    throw fail(value, .mappingEncodingExpected)
                }
                result.encoding = encoding
            case "delimiter":
                guard let text = value.string, let byte = delimiterByte(text) else {
                    throw fail(value, .mappingDelimiterExpected)
                }
                result.delimiter = byte
            case "date_order":
                guard let text = value.string, let order = DateOrder(rawValue: text.lowercased()) else {
                    throw fail(value, .mappingDateOrderExpected)
                }
                result.dateOrder = order
            case "columns":
                guard case .mapping(let columns) = value else {
                    throw fail(value, .mappingColumnsExpected)
                }
                for (fieldNode, columnNode) in columns {
                    let field = fieldNode.string ?? ""
                    guard fieldNames.contains(field) else {
                        throw fail(
                            fieldNode, .mappingUnknownField,
                            [
                                "field": .text(field), "kind": .localized(kind.title),
                                "fields": .text(kind.fields.map(\.name).joined(separator: ", ")),
                            ]
                        )
                    }
                    if case .scalar(let scalar) = columnNode,
                        scalar.tag.description.hasSuffix(":null") || scalar.string == "~" || scalar.string.isEmpty
                    {
                        result.columns[field] = .skip
                    } else if let number = columnNode.int {
                        guard number >= 1 else { throw fail(columnNode, .mappingColumnNumbersStartAt1) }
                        result.columns[field] = .position(number)
                    } else if let name = columnNode.string {
                        result.columns[field] = .header(name)
                    } else {
                        throw fail(columnNode, .mappingColumnExpected)
                    }
                }
            case "xml":
                guard case .mapping(let xml) = value else {
                    throw fail(value, .mappingXMLExpected)
                }
                for (xmlKey, xmlValue) in xml {
                    switch xmlKey.string ?? "" {
                    case "records":
                        guard let path = xmlValue.string, path.hasPrefix("/") else {
                            throw fail(xmlValue, .mappingXMLRecordsExpected)
                        }
                        result.xmlRecords = path
                    case "fields":
                        guard case .mapping(let fields) = xmlValue else {
                            throw fail(xmlValue, .mappingXMLFieldsExpected)
                        }
                        for (fieldNode, pathNode) in fields {
                            let field = fieldNode.string ?? ""
                            guard fieldNames.contains(field) else {
                                throw fail(fieldNode, .mappingXMLUnknownField, ["field": .text(field)])
                            }
                            guard let path = pathNode.string, !path.isEmpty else {
                                throw fail(pathNode, .mappingXMLElementExpected)
                            }
                            result.xmlFields[field] = path
                            result.columns[field] = .header(path)
                        }
                    default:
                        throw fail(xmlKey, .mappingXMLUnknownKey, ["key": .text(xmlKey.string ?? "")])
                    }
                }
            case "stages":
                guard kind == .deals, case .mapping(let codes) = value else {
                    throw fail(value, .mappingStagesExpected)
                }
                for (codeNode, listNode) in codes {
                    let code = codeNode.string ?? ""
                    guard ["won", "lost", "open"].contains(code) else {
                        throw fail(codeNode, .mappingStageOutcomeExpected)
                    }
                    var names: [String] = []
                    if case .sequence(let items) = listNode {
                        names = items.compactMap(\.string)
                    } else if let one = listNode.string {
                        names = [one]
                    }
                    guard !names.isEmpty else {
                        throw fail(listNode, .mappingStageListExpected, ["code": .text(code)])
                    }
                    for name in names { result.stages[normalizeWord(name)] = code }
                }
            default:
                throw fail(keyNode, .mappingUnknownKey, ["key": .text(key)])
            }
        }
        return result
    }

    /// `;`, `,`, `|`, `\t`, `tab` → the delimiter byte.
    package static func delimiterByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "\\t", "tab", "\t": return 0x09
        default:
            let bytes = Array(text.utf8)
            guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != 0x22, bytes[0] != 0x0A, bytes[0] != 0x0D else { return nil }
            return bytes[0]
        }
    }
}
