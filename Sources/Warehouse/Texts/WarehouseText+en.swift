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
        .missingColumns:
            "the table '{table}' has no {count, plural, one {column} other {columns}} {columns}; say which column holds the field: --column FIELD=COLUMN (e.g. --column customer_id=client_code)",
        .salesAlreadyImported:
            "round {round} already has sales imported from a file; a round's sale lines come from one place — start a new round (crm-audit round new) or connect the database to a round without sales",
        .storedSourceUnreadable: "the round's database description in {path} is damaged; connect the database again: crm-audit connect",
        .salesInDatabase:
            "round {round} reads its sale lines from the client's database (crm-audit connect); import sales from a file into another round (crm-audit round new)",
        .tableNotFound:
            "the database has no table or view '{table}' (or the account may not see it); give it as table or schema.table, and grant access: GRANT SELECT ON … TO …",
    ]
}
