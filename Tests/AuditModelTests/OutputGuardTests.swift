import AuditModel
import Foundation
import Testing

/// A scratch folder holding a stand-in workspace (an SQLite header is all the guard looks at).
private struct Scratch {
    let folder: String
    let workspace: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.path + "/crm-audit-guard-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        workspace = folder + "/acme.crmaudit"
        try Self.sqliteBytes.write(to: URL(fileURLWithPath: workspace))
    }

    static let sqliteBytes = Data("SQLite format 3\0".utf8) + Data(repeating: 0, count: 84)

    func path(_ name: String) -> String { folder + "/" + name }

    func write(_ text: String, to name: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite struct OutputGuardTests {
    @Test(arguments: [
        "acme.crmaudit", "acme.crmaudit-wal", "acme.crmaudit-shm", "acme.crmaudit-journal", "acme.crmaudit.bak",
        "./sub/../acme.crmaudit",
    ])
    func theWorkspaceAndItsCompanionsAreNeverWrittenOverEvenWithForce(name: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("sub"), withIntermediateDirectories: true)
        for force in [false, true] {
            let outputGuard = OutputGuard(workspace: scratch.workspace, force: force)
            #expect(throws: OutputRefusal.workspace(path: scratch.path(name), workspace: scratch.workspace)) {
                try PrivateFile.write("<html>report</html>", to: scratch.path(name), guard: outputGuard)
            }
        }
        #expect(scratch.contents(scratch.workspace) == Scratch.sqliteBytes)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("acme.crmaudit-wal")))
    }

    @Test func aSymbolicOrHardLinkToTheWorkspaceIsTheWorkspace() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("report.html"), withDestinationPath: scratch.workspace)
        try FileManager.default.linkItem(atPath: scratch.workspace, toPath: scratch.path("hard.html"))
        // A link to where the journal will be, before SQLite creates it.
        try FileManager.default.createSymbolicLink(atPath: scratch.path("wal.html"), withDestinationPath: "acme.crmaudit-wal")
        let outputGuard = OutputGuard(workspace: scratch.workspace, force: true)
        for name in ["report.html", "hard.html", "wal.html"] {
            #expect(throws: OutputRefusal.self) { try PrivateFile.write("x", to: scratch.path(name), guard: outputGuard) }
        }
        #expect(scratch.contents(scratch.workspace) == Scratch.sqliteBytes)
    }

    @Test func aWorkspaceGivenThroughALinkIsProtectedAtItsRealPlace() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.crmaudit"), withDestinationPath: scratch.workspace)
        let outputGuard = OutputGuard(workspace: scratch.path("link.crmaudit"), force: true)
        #expect(throws: OutputRefusal.self) { try outputGuard.check(scratch.path("acme.crmaudit-wal")) }
        #expect(throws: OutputRefusal.self) { try outputGuard.check(scratch.workspace) }
    }

    @Test func anSQLiteFileOrAFileCRMAuditDidNotWriteNeedsForce() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let other = scratch.path("other.db")
        try Scratch.sqliteBytes.write(to: URL(fileURLWithPath: other))
        let export = try scratch.write("Код;Наименование\n1;ООО Ромашка\n", to: "customers.csv")
        #expect(throws: OutputRefusal.notOurs(path: other, database: true)) {
            try PrivateFile.write("<html></html>", to: other)
        }
        #expect(throws: OutputRefusal.notOurs(path: export, database: false)) {
            try PrivateFile.write("customer_id,recency_days\nA,3\n", to: export)
        }
        #expect(scratch.contents(export) == Data("Код;Наименование\n1;ООО Ромашка\n".utf8))
        try PrivateFile.write("customer_id,recency_days\nA,3\n", to: export, guard: OutputGuard(force: true))
        #expect(scratch.contents(export) == Data("customer_id,recency_days\nA,3\n".utf8))
    }

    @Test func anEarlierOutputIsReplacedWithoutForce() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cases: [(old: String, new: String)] = [
            ("<html><head>\(OutputSignature.htmlMeta)</head>old</html>", "<html><head>\(OutputSignature.htmlMeta)</head>new</html>"),
            ("# Report\n\nold\n\n<!-- \(OutputSignature.comment) -->\n", "# Report\n\nnew\n"),
            ("# \(OutputSignature.comment)\nitems: []\n", "# \(OutputSignature.comment)\nitems: [a]\n"),
            ("\u{FEFF}customer_id,recency_days\nA,3\n", "customer_id,recency_days\nB,4\n"),
            ("{\n  \"engagement\" : 1,\n  \"findings\" : []\n}", "{\"engagement\": 2, \"findings\": [1]}"),
        ]
        for (index, item) in cases.enumerated() {
            let path = try scratch.write(item.old, to: "out\(index)")
            try PrivateFile.write(item.new, to: path)
            #expect(scratch.contents(path) == Data(item.new.utf8))
        }
    }

    @Test func aFileOfTheSameFormatButAnotherShapeIsNotOurs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cases: [(old: String, new: String)] = [
            ("<html><head><meta name=\"generator\" content=\"Excel\"></head></html>", "<html>\(OutputSignature.htmlMeta)</html>"),
            ("order_id,amount\n1,2\n", "customer_id,recency_days\nB,4\n"),
            ("{\"users\": []}", "{\"engagement\": 2, \"findings\": [1]}"),
        ]
        for (index, item) in cases.enumerated() {
            let path = try scratch.write(item.old, to: "out\(index)")
            #expect(throws: OutputRefusal.self) { try PrivateFile.write(item.new, to: path) }
            #expect(scratch.contents(path) == Data(item.old.utf8))
        }
    }

    @Test func theMarkIsFoundAtTheEndOfALargeFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let large = String(repeating: "%filler line of a pdf\n", count: 20_000) + "%\(OutputSignature.comment)\nstartxref\n1\n%%EOF\n"
        let path = try scratch.write(large, to: "report.pdf")
        try PrivateFile.write("%PDF-1.4\nnew\n%\(OutputSignature.comment)\n", to: path)
        #expect(scratch.contents(path) == Data("%PDF-1.4\nnew\n%\(OutputSignature.comment)\n".utf8))
    }

    @Test func aFolderIsRefusedAndNothingIsLeftBehind() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("reports"), withIntermediateDirectories: true)
        #expect(throws: OutputRefusal.folder(path: scratch.path("reports"))) {
            try PrivateFile.write("x", to: scratch.path("reports"), guard: OutputGuard(force: true))
        }
        let export = try scratch.write("a;b\n", to: "customers.csv")
        #expect(throws: OutputRefusal.self) { try PrivateFile.write("c;d\n", to: export) }
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.folder).sorted()
        #expect(names == ["acme.crmaudit", "customers.csv", "reports"])
    }

    @Test func anOutputIsPrivateAndALinkToItKeepsPointingAtIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let real = try scratch.write("<html>\(OutputSignature.htmlMeta)old</html>", to: "real.html")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("latest.html"), withDestinationPath: "real.html")
        try PrivateFile.write("<html>\(OutputSignature.htmlMeta)new</html>", to: scratch.path("latest.html"))
        #expect(scratch.contents(real) == Data("<html>\(OutputSignature.htmlMeta)new</html>".utf8))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("latest.html"))) == "real.html")
        let mode = try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func aCharacterDeviceIsWrittenInPlace() throws {
        try PrivateFile.write("discarded", to: "/dev/null", guard: OutputGuard(force: false))
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
    }

    @Test func aStreamedFileIsJudgedByItsHeaderAtCommitAndLeavesTheTargetAloneWhenRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rejects = try scratch.write("line;reason;a\n2;bad;x\n", to: "sales.rejects.csv")
        let again = try PrivateFile.Writer(path: rejects, guard: OutputGuard())
        try again.write("line;reason;a\n3;worse;y\n")
        try again.commit()
        #expect(scratch.contents(rejects) == Data("line;reason;a\n3;worse;y\n".utf8))
        let other = try PrivateFile.Writer(path: rejects, guard: OutputGuard())
        try other.write("id;name\n1;A\n")
        #expect(throws: OutputRefusal.self) { try other.commit() }
        #expect(scratch.contents(rejects) == Data("line;reason;a\n3;worse;y\n".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.folder).sorted()
        #expect(names == ["acme.crmaudit", "sales.rejects.csv"])
    }

    @Test func aDroppedWriterLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        do {
            let writer = try PrivateFile.Writer(path: scratch.path("big.csv"), guard: OutputGuard())
            try writer.write("a;b\n")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.folder)
        #expect(names == ["acme.crmaudit"])
    }

    @Test(arguments: [
        OutputRefusal.workspace(path: "w.crmaudit-wal", workspace: "w.crmaudit"), .folder(path: "out"),
        .special(path: "/dev/sda"), .notOurs(path: "a.csv", database: false), .notOurs(path: "b.db", database: true),
    ])
    func everyRefusalIsExplainedInBothLanguages(refusal: OutputRefusal) {
        let english = refusal.message(in: .en), russian = refusal.message(in: .ru)
        #expect(!english.isEmpty && !russian.isEmpty && english != russian)
        #expect(russian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })
        if case .notOurs = refusal { #expect(english.contains("--force") && russian.contains("--force")) }
    }
}
