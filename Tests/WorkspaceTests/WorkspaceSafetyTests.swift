import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Workspace

/// A workspace with enough customers to span many pages, closed so that its WAL is folded into
/// the file (what a damaged copy on disk looks like).
private func workspaceWithCustomers(_ count: Int = 3_000) throws -> (path: String, directory: TemporaryDirectory) {
    let directory = TemporaryDirectory()
    let path = directory.file("acme.crmaudit")
    do {
        let workspace = try Workspace.create(at: path, client: "ООО «Акме»", roundDate: Day(year: 2026, month: 11, day: 29)!)
        let rows: [[String: String?]] = (1...count).map { ["customer_id": "C\($0)", "name": "Покупатель номер \($0) с длинным именем"] }
        try insertCanonicalRows(rows, kind: .customers, into: workspace)
    }
    return (path, directory)
}

/// Inverts `count` bytes at the start of the page in the middle of the file: whatever b-tree
/// or overflow page lies there loses its header.
func damageMiddlePage(of path: String, count: Int = 512) throws {
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).uint64Value
    let pages = size / UInt64(Workspace.pageSize)
    try invert(count, bytesAt: pages / 2 * UInt64(Workspace.pageSize), of: path)
}

/// Inverts the start of the page that holds `text`.
private func damagePage(holding text: String, of path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let found = try #require(data.range(of: Data(text.utf8)))
    let page = UInt64(found.lowerBound) / UInt64(Workspace.pageSize)
    try invert(512, bytesAt: page * UInt64(Workspace.pageSize), of: path)
}

private func invert(_ count: Int, bytesAt offset: UInt64, of path: String) throws {
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: offset)
    let bytes = try #require(try handle.read(upToCount: count))
    try handle.seek(toOffset: offset)
    try handle.write(contentsOf: Data(bytes.map { ~$0 }))
}

private func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

private func answerIDs(_ path: String) throws -> [String] {
    try Workspace.open(at: path).answers(round: try Workspace.open(at: path).round()).map(\.questionID)
}

private func saveAnswer(_ id: String, in path: String) throws {
    let workspace = try Workspace.open(at: path)
    try workspace.save(
        Answer(questionID: id, value: .text(id), source: .interview, answeredAt: "2026-11-29T10:00:00Z"),
        round: try workspace.round())
}

@Suite struct WorkspaceBackupTests {
    @Test func aNewWorkspaceNeedsNoBackupOfItsFirstDay() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try workspace.save(
            Answer(questionID: "q1", value: .text("x"), source: .interview, answeredAt: "2026-11-29T10:00:00Z"),
            round: try workspace.round())
        #expect(!FileManager.default.fileExists(atPath: workspace.backupPath))
    }

    @Test func theFirstWriteOfTheDayKeepsTheStateBeforeItInAPrivateBackup() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = workspace.path, backup = workspace.backupPath
        try saveAnswer("q1", in: path)
        #expect(try mode(backup) == 0o600)
        try saveAnswer("q2", in: path)
        try saveAnswer("q3", in: path)
        #expect(try answerIDs(path).sorted() == ["q1", "q2", "q3"])
        // The backup of a fresh workspace's first reopening holds what was there before it: nothing.
        let copy = directory.file("copy.crmaudit")
        try FileManager.default.copyItem(atPath: backup, toPath: copy)
        #expect(try answerIDs(copy) == [])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(names.isEmpty)
    }

    @Test func aBackupFromAnEarlierDayIsReplacedBeforeTheNextWrite() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = workspace.path, backup = workspace.backupPath
        try saveAnswer("q1", in: path)
        try saveAnswer("q2", in: path)
        let twoDaysAgo = Date(timeIntervalSinceNow: -2 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: twoDaysAgo], ofItemAtPath: backup)
        try saveAnswer("q3", in: path)
        let copy = directory.file("copy.crmaudit")
        try FileManager.default.copyItem(atPath: backup, toPath: copy)
        #expect(try answerIDs(copy).sorted() == ["q1", "q2"])
        #expect(try mode(backup) == 0o600)
    }

    @Test func readingMakesNoBackup() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let reopened = try Workspace.open(at: workspace.path)
        _ = try reopened.rounds()
        _ = try reopened.answers(round: try reopened.round())
        #expect(!FileManager.default.fileExists(atPath: workspace.backupPath))
    }

    @Test func theDayIsTheLocalCalendarDay() {
        let now = time(nil)
        #expect(!LocalDay(now).isBefore(LocalDay(now)))
        #expect(LocalDay(now - 2 * 86_400).isBefore(LocalDay(now)))
        #expect(!LocalDay(now + 2 * 86_400).isBefore(LocalDay(now)))
    }
}

@Suite struct WorkspaceDamageTests {
    @Test func aDamagedWorkspaceIsRefusedWithHowToRecoverAndLeftAsItIs() throws {
        let (path, directory) = try workspaceWithCustomers()
        defer { directory.remove() }
        try saveAnswer("q1", in: path)  // makes the day's backup
        try damageMiddlePage(of: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: WorkspaceFileError.self) { try Workspace.open(at: path) }
        guard case .damaged(let reported, let problems, let backup) = error else {
            Issue.record("expected a damaged workspace, got \(error)")
            return
        }
        #expect(reported == path)
        #expect(!problems.isEmpty)
        #expect(backup?.path == path + ".bak")
        for language in Language.allCases {
            let message = error.message(in: language)
            #expect(message.contains("\(path).bak"))
            #expect(message.contains("crm-audit recover \(path) --out recovered.crmaudit"))
            #expect(message.contains("\".recover\""))
            #expect(message.contains("docs/recovery.md"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func withoutABackupTheMessageSaysThereIsNone() throws {
        let (path, directory) = try workspaceWithCustomers()
        defer { directory.remove() }
        try damageMiddlePage(of: path)
        let error = try #require(throws: WorkspaceFileError.self) { try Workspace.open(at: path) }
        #expect(error.message(in: .en).contains("There is no automatic backup \(path).bak"))
        #expect(error.message(in: .ru).contains("Автоматической резервной копии \(path).bak нет"))
    }

    @Test func recoverySalvagesTheReadableRowsIntoAWorkspaceThatOpens() throws {
        let (path, directory) = try workspaceWithCustomers()
        defer { directory.remove() }
        try damagePage(holding: "Покупатель номер 1500 с", of: path)
        let target = directory.file("recovered.crmaudit")
        let report = try Workspace.recover(from: path, to: target, guard: OutputGuard(workspace: path))
        let customers = try #require(report.tables.first { $0.name == "customer" })
        #expect(customers.damaged)
        #expect(customers.rows > 2_000 && customers.rows < 3_000)
        #expect(report.tables.filter { $0.name != "customer" }.allSatisfy { !$0.damaged })
        let recovered = try Workspace.open(at: target)
        #expect(try recovered.engagement().client == "ООО «Акме»")
        #expect(try recovered.round().number == 1)
        #expect(try mode(target) == 0o600)
    }

    @Test func recoveryNeverWritesOverTheDamagedWorkspace() throws {
        let (path, directory) = try workspaceWithCustomers(10)
        defer { directory.remove() }
        for target in [path, path + "-wal", path + ".bak"] {
            #expect(throws: OutputRefusal.self) {
                try Workspace.recover(from: path, to: target, guard: OutputGuard(workspace: path, force: true))
            }
        }
    }
}

@Suite struct WorkspaceFileMessageTests {
    @Test func aWorkspaceReadableByOthersIsMadePrivateAndTheUserToldOnce() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        chmod(workspace.path, 0o644)
        let first = try Workspace.open(at: workspace.path)
        #expect(first.openingNotes.count == 1)
        #expect(first.openingNotes.first?.en.contains("0644") == true)
        #expect(first.openingNotes.first?.ru.contains("0600") == true)
        #expect(try mode(workspace.path) == 0o600)
        #expect(try Workspace.open(at: workspace.path).openingNotes.isEmpty)
    }

    @Test func anotherProgramsDatabaseKeepsItsMode() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("other.sqlite")
        do {
            let workspace = try Workspace.create(at: path, client: "x", roundDate: Day(ordinal: 0))
            try workspace.write { db in try db.execute(sql: "PRAGMA application_id = 0") }
        }
        chmod(path, 0o644)
        #expect(throws: WorkspaceError.notAWorkspace(path: path)) { try Workspace.open(at: path) }
        #expect(try mode(path) == 0o644)
    }

    @Test func aFolderIsCalledAFolder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: WorkspaceFileError.folder(path: directory.path)) { try Workspace.open(at: directory.path) }
    }

    @Test(.disabled(if: getuid() == 0, "root may write any file"))
    func aReadOnlyFileSaysSoWithItsMode() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        chmod(workspace.path, 0o400)
        #expect(throws: WorkspaceFileError.readOnly(path: workspace.path, reason: .fileMode("0400"))) {
            try Workspace.open(at: workspace.path)
        }
    }

    @Test(.disabled(if: getuid() == 0, "root may write any folder"))
    func aReadOnlyFolderSaysSo() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer {
            chmod(directory.path, 0o700)
            directory.remove()
        }
        chmod(directory.path, 0o500)
        let error = try #require(throws: WorkspaceFileError.self) { try Workspace.open(at: workspace.path) }
        guard case .readOnly(_, .folder) = error else {
            Issue.record("expected a read-only folder, got \(error)")
            return
        }
    }

    @Test(.disabled(if: getuid() == 0, "root may read any file"))
    func anUnreadableFileIsAPermissionProblem() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        chmod(workspace.path, 0o000)
        #expect(throws: WorkspaceFileError.permissionDenied(path: workspace.path)) { try Workspace.open(at: workspace.path) }
    }

    @Test(arguments: [
        (13, "diskFull"), (8, "readOnly"), (3, "permissionDenied"), (11, "damaged"), (26, "damaged"), (5, "busy"),
        (10, "inputOutput"),
    ])
    func sqliteErrorsAboutTheFileSayWhatIsWrong(code: Int32, expected: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let error = try #require(WorkspaceFileChecks.fileError(code: code, message: "m", path: directory.file("w.crmaudit"), backup: nil))
        #expect("\(error)".hasPrefix(expected))
    }

    @Test func errorsAboutTheContentAreLeftToTheCaller() {
        #expect(WorkspaceFileChecks.fileError(code: 19, message: "UNIQUE constraint failed", path: "w", backup: nil) == nil)
        #expect(WorkspaceFileChecks.fileError(code: 1, message: "no such table", path: "w", backup: nil) == nil)
    }

    @Test(arguments: [
        WorkspaceFileError.readOnly(path: "w", reason: .fileMode("0444")), .readOnly(path: "w", reason: .folder("/mnt")),
        .readOnly(path: "w", reason: .fileSystem), .permissionDenied(path: "w"), .diskFull(path: "w"), .folder(path: "w"),
        .busy(path: "w"), .damaged(path: "w", problems: ["Page 3: btreeInitPage() returns error code 11"], backup: nil),
        .backupFailed(path: "w", backup: "w.bak", reason: "EIO"), .inputOutput(path: "w", detail: "EIO"),
    ])
    func everyFileProblemHasItsOwnMessageInBothLanguages(error: WorkspaceFileError) {
        let english = error.message(in: .en), russian = error.message(in: .ru)
        #expect(!english.contains("not a crm-audit workspace"))
        #expect(!russian.contains("не является рабочим файлом"))
        #expect(russian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })
        #expect(english != russian)
    }
}
