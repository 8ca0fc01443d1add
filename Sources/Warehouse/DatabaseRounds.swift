import Analytics
import AuditModel
import Foundation
import Workspace

/// Rounds whose sale lines stay in a client database: the source recorded with the round (never
/// a password), and the round's analysis made of what the database computes and what the round's
/// imported files give.
package enum DatabaseRounds {
    /// The environment variable the database password is read from (PostgreSQL also reads
    /// `PGPASSWORD` and `~/.pgpass` itself).
    package static let passwordVariable = "CRM_AUDIT_DB_PASSWORD"

    /// The password in the environment, if any.
    package static var environmentPassword: String? { ProcessInfo.processInfo.environment[passwordVariable] }

    /// Records `source` as where `round`'s sale lines are, after checking that it answers and that
    /// its table has the columns the audit reads.
    /// - Throws: ``WarehouseError`` when the round already has sales imported from files, the
    ///   database cannot be reached or read, or a required column is missing.
    /// - Returns: the table's columns the audit will read, by field.
    @discardableResult
    package static func connect(_ source: DatabaseSource, password: String?, workspace: Workspace, round: AuditRound) throws
        -> [SalesColumn: String]
    {
        if try workspace.datasets(round: round).contains(where: { $0.kind == .sales }) {
            throw WarehouseError.salesAlreadyImported(round: round.number)
        }
        let connection = try source.connect(password: password)
        let present = try DatabaseAnalysis.columns(of: source, on: connection)
        var read: [SalesColumn: String] = [:]
        var missing: [String] = []
        for field in SalesColumn.allCases {
            let column = source.column(field)
            if present.contains(column) {
                read[field] = column
            } else if field.isRequired || source.columns[field.rawValue] != nil {
                missing.append(column)
            }
        }
        guard missing.isEmpty else { throw WarehouseError.missingColumns(table: source.salesTable, columns: missing) }
        try workspace.setSalesSource(try source.stored(), round: round)
        return read
    }

    /// The database source recorded for `round`, nil when its sale lines are imported from files.
    package static func source(of round: AuditRound, in workspace: Workspace) throws -> DatabaseSource? {
        guard let text = try workspace.salesSource(round: round) else { return nil }
        return try DatabaseSource(stored: text, workspace: workspace.path)
    }

    /// The analysis of `round`, whose sale lines are in `source` (``source(of:in:)``): the sales
    /// metrics computed there, the rest from the round's files, as of `asOf` (default: the latest
    /// sale date), stored as the round's snapshot.
    ///
    /// The database is read again when `refresh` is set (`metrics` does) or when nothing was stored
    /// from the same source, files and day; otherwise the stored analysis is reused, so that
    /// `check` and the report's copies in each language describe the same reading and do not load
    /// the client's database each time. A closed round is history: it never reads it again once
    /// stored.
    package static func analysis(
        _ workspace: Workspace, round: AuditRound, source: DatabaseSource, asOf: Day?, password: String?, refresh: Bool = false
    ) throws -> StoredAnalysis {
        let fingerprint = "database \(try source.stored()) \(try Analytics.inputFingerprint(workspace, round: round, asOf: asOf))"
        if round.status == .closed || !refresh, let stored = try Analytics.storedAnalysis(workspace, round: round, fingerprint: fingerprint)
        {
            return stored
        }
        let connection = try source.connect(password: password)
        let kinds = Set(try workspace.datasets(round: round).map(\.kind))
        // The round's files as of the database's day: their lists go with the queries.
        let day: Day
        if let asOf { day = asOf } else { day = try DatabaseAnalysis.latestDay(source, on: connection) }
        let local = try Analytics.analyse(workspace, round: round, asOf: day)
        let remote = try DatabaseAnalysis.analyse(
            source, on: connection, asOf: day, datasets: kinds.union([.sales]), customers: local.customerListKeys,
            lists: local.groupLists, portraitKeys: local.portraitKeys)
        var analysis = PushedDownMetrics.combining(
            database: remote.document, paretoCurve: remote.paretoCurve, samples: remote.samples, local: local)
        if let keys = local.portraitKeys, !remote.portrait.isEmpty {
            (analysis.document.tables.portrait, analysis.document.tables.typicalACustomer) = PushedDownMetrics.portrait(
                keys, rows: remote.portrait)
        }
        if round.status != .closed { try Analytics.store(analysis, in: workspace, round: round, fingerprint: fingerprint) }
        return analysis
    }
}

extension DatabaseRounds {
    /// A per-item table (`crm-audit export`) of `round`, whose lines are in `source`, as of
    /// `asOf` (default: the latest sale date): its per-customer rows are read from the database in
    /// pages, the rest from the round's analysis.
    package static func exportTable(
        _ table: ExportTable, workspace: Workspace, round: AuditRound, source: DatabaseSource, asOf: Day?, password: String?
    ) throws -> (table: SampleTable, asOf: Day) {
        let analysis = try analysis(workspace, round: round, source: source, asOf: asOf, password: password)
        let day = analysis.asOfDay
        let local = try Analytics.analyse(workspace, round: round, asOf: day)
        if table == .duplicates { return (local.exportTable(.duplicates), day) }
        let connection = try source.connect(password: password)
        let rows = try DatabaseAnalysis.exportTable(
            table, source: source, on: connection, asOf: day, local: local, managers: analysis.document.tables.managers)
        return (rows, day)
    }
}

extension DatabaseSource {
    /// The JSON a workspace keeps: the address without a password, the table and its columns.
    package func stored() throws(WarehouseError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(self) else { throw .unexpectedResult("a source that does not encode") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A source as a workspace keeps it.
    /// - Throws: ``WarehouseError/storedSourceUnreadable(_:)`` for a description edited out of shape.
    package init(stored text: String, workspace: String) throws(WarehouseError) {
        guard let source = try? JSONDecoder().decode(DatabaseSource.self, from: Data(text.utf8)) else {
            throw .storedSourceUnreadable(workspace)
        }
        self = source
    }
}
