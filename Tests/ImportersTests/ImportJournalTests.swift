import AuditModel
import Foundation
import GRDB
import TestSupport
import Testing
import Workspace

@testable import Importers

/// An import writes through SQLite's rollback journal when it has the workspace to itself (each
/// page written once), and the workspace is back in WAL mode afterwards, whatever happened.
@Suite struct ImportJournalTests {
    static let sales = """
        Дата;Клиент;Сумма
        01.11.2026;A;100
        02.11.2026;B;200,5
        """

    private func journalMode(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } ?? ""
    }

    @Test func aStoredImportLeavesTheWorkspaceInWALMode() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        // A read first: its idle connection must not keep the import from taking the file.
        _ = try workspace.rounds()
        let path = try directory.write(Self.sales, to: "sales.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        #expect(report.rowsStored == 2)
        #expect(
            try rows(workspace, "SELECT customer_id, amount FROM sale ORDER BY row_id") == [
                ["customer_id": "A", "amount": "100.0"], ["customer_id": "B", "amount": "200.5"],
            ])
        #expect(try journalMode(workspace.path) == "wal")
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "-journal"))
    }

    @Test func aRefusedImportStoresNothingAndLeavesTheWorkspaceInWALMode() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.sales + "\n31.11.2026;C;300", to: "sales.csv")
        #expect(throws: ImportError.self) {
            try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        #expect(try rows(workspace, "SELECT * FROM sale").isEmpty)
        #expect(try workspace.datasets(round: try workspace.round()).isEmpty)
        #expect(try journalMode(workspace.path) == "wal")
    }

    @Test func anImportWhileAnotherConnectionReadsStillCommitsInWALMode() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.sales, to: "sales.csv")
        // Another program holding a read transaction open: the journal cannot change, and the
        // import must neither wait for it nor fail.
        let other = try DatabaseQueue(path: workspace.path)
        try other.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sale") == 0)
            let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
            #expect(report.rowsStored == 2)
            // The reader's snapshot still predates the import.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sale") == 0)
        }
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sale") } == 2)
        #expect(try journalMode(workspace.path) == "wal")
    }
}
