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
        }
        return text[language]
    }
}
