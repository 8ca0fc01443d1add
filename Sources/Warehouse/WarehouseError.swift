import AuditModel

/// What can go wrong reading a client database.
package enum WarehouseError: AuditError, Equatable {
    case badURL(String)
    case unsupportedEngine(String)
    case passwordInURL
    case unknownField(String)
    case connection(String, message: String)
    case query(String, message: String)
    case unexpectedResult(String)
    case missingColumns(table: String, columns: [String])
    case tableNotFound(String)
    case salesAlreadyImported(round: Int)
    case salesInDatabase(round: Int)
    case storedSourceUnreadable(String)

    package var location: SourceLocation? { nil }

    package func message(in language: Language) -> String {
        let text: LocalizedText
        switch self {
        case .badURL(let url): text = WarehouseText.badURL.text(["url": .text(url)])
        case .unsupportedEngine(let scheme): text = WarehouseText.unsupportedEngine.text(["scheme": .text(scheme)])
        case .passwordInURL: text = WarehouseText.passwordInURL.text()
        case .unknownField(let field):
            text = WarehouseText.unknownField.text([
                "field": .text(field), "fields": .text(SalesColumn.allCases.map(\.rawValue).joined(separator: ", ")),
            ])
        case .connection(let url, let message): text = WarehouseText.cannotConnect.text(["url": .text(url), "message": .text(message)])
        case .query(let url, let message): text = WarehouseText.queryFailed.text(["url": .text(url), "message": .text(message)])
        case .unexpectedResult(let what): text = WarehouseText.unexpectedResult.text(["what": .text(what)])
        case .missingColumns(let table, let columns):
            text = WarehouseText.missingColumns.text([
                "table": .text(table), "columns": .quotedList(columns), "count": .count(columns.count),
            ])
        case .tableNotFound(let table): text = WarehouseText.tableNotFound.text(["table": .text(table)])
        case .salesAlreadyImported(let round): text = WarehouseText.salesAlreadyImported.text(["round": .value(round)])
        case .salesInDatabase(let round): text = WarehouseText.salesInDatabase.text(["round": .value(round)])
        case .storedSourceUnreadable(let path): text = WarehouseText.storedSourceUnreadable.text(["path": .text(path)])
        }
        return text[language]
    }
}
