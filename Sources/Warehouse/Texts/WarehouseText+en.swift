import AuditModel

extension WarehouseText {
    static let english: [WarehouseText: String] = [
        .badURL: "'{url}' is not a database address; expected postgresql://USER@HOST:PORT/DATABASE or clickhouse://USER@HOST:PORT/DATABASE",
        .unsupportedEngine: "the database '{scheme}' is not supported; postgresql:// and clickhouse:// are",
        .passwordInURL:
            "the database address holds a password; take it out and pass it in the environment variable CRM_AUDIT_DB_PASSWORD (or PGPASSWORD): a password must not reach the workspace or the shell history",
        .unknownField: "unknown sales field '{field}'; the fields are: {fields}",
        .cannotConnect: "cannot connect to {url}: {message}",
        .queryFailed: "a query to {url} failed: {message}",
        .unexpectedResult: "the database returned something unexpected: {what}",
    ]
}
