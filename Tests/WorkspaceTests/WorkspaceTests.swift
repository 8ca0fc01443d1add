import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@Suite struct WorkspaceTests {
    @Test func createdFileIsPrivateToItsOwner() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        #expect(mode & 0o077 == 0)
    }

    @Test func newWorkspaceHasEngagementAndFirstRound() throws {
        let (workspace, directory) = try makeTestWorkspace(client: "ООО «Ромашка»")
        defer { directory.remove() }
        let reopened = try Workspace.open(at: workspace.path)
        #expect(try reopened.engagement().client == "ООО «Ромашка»")
        let round = try reopened.round()
        #expect(round.number == 1)
        #expect(round.date.iso == "2026-11-29")
    }

    @Test func creatingOverAnExistingFileIsRefused() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        #expect(throws: WorkspaceError.alreadyExists(path: workspace.path)) {
            try Workspace.create(at: workspace.path, client: "x", roundDate: Day(ordinal: 0))
        }
    }

    @Test func openingAFileThatIsNotAWorkspaceSaysSo() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let text = try directory.write("customer_id;name\n1;A\n", to: "customers.csv")
        #expect(throws: WorkspaceError.notAWorkspace(path: text)) { try Workspace.open(at: text) }
        #expect(throws: WorkspaceError.notFound(path: directory.file("missing"))) {
            try Workspace.open(at: directory.file("missing"))
        }
    }

    @Test func answersAreSavedAndReplacedPerQuestion() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let round = try workspace.round()
        try workspace.save(
            Answer(questionID: "q1", value: .option("none"), source: .interview, answeredAt: "2026-11-29T10:00:00Z"), round: round)
        try workspace.save(
            Answer(questionID: "q2", value: .dontKnow, note: "ask the CFO", source: .interview, answeredAt: "2026-11-29T10:01:00Z"),
            round: round)
        try workspace.save(
            Answer(questionID: "q1", value: .option("full"), source: .interview, answeredAt: "2026-11-29T10:02:00Z"), round: round)
        let answers = try workspace.answers(round: round)
        #expect(answers.map(\.questionID) == ["q2", "q1"])
        #expect(answers.first { $0.questionID == "q1" }?.value == .option("full"))
        #expect(answers.first { $0.questionID == "q2" }?.note == "ask the CFO")
    }
}

@Suite struct WorkspaceVersionTests {
    @Test func aWorkspaceFromANewerVersionIsRefusedWithoutTouchingIt() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try workspace.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.path))
        #expect(throws: WorkspaceError.newerVersion(path: workspace.path, unknownMigrations: ["v9-from-the-future"])) {
            try Workspace.open(at: workspace.path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path)) == before)
        let message = WorkspaceError.newerVersion(path: "a.crmaudit", unknownMigrations: ["v9"]).message(in: .en)
        #expect(message.contains("upgrade crm-audit"))
    }

    @Test func anSQLiteFileOfAnotherProgramIsNotAWorkspace() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("other.sqlite")
        // An SQLite file made by another program: valid header, no crm-audit application id.
        let scratch = TemporaryDirectory()
        defer { scratch.remove() }
        let source = scratch.file("w.crmaudit")
        do {
            let workspace = try Workspace.create(at: source, client: "x", roundDate: Day(ordinal: 0))
            try workspace.write { db in try db.execute(sql: "PRAGMA application_id = 0") }
        }  // closed here: the WAL is checkpointed into the file
        try FileManager.default.copyItem(atPath: source, toPath: path)
        #expect(throws: WorkspaceError.notAWorkspace(path: path)) { try Workspace.open(at: path) }
    }
}
