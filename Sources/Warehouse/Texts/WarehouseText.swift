import AuditModel

/// The module's texts by key; the texts of each language are in `WarehouseText+ru.swift` and
/// `WarehouseText+en.swift` (docs/translating.md).
enum WarehouseText: String, TextCatalogue {
    case badURL
    case unsupportedEngine
    case passwordInURL
    case unknownField
    case cannotConnect
    case queryFailed
    case unexpectedResult
    case missingColumns
    case salesAlreadyImported
    case storedSourceUnreadable
    case salesInDatabase
    case tableNotFound

    static func texts(in language: Language) -> [WarehouseText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
