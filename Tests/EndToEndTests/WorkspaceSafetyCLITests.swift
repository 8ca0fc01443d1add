import Foundation
import TestSupport
import Testing

/// The example audit, made once; each test works on its own copy of the workspace.
private enum DemoWorkspace {
    static let made: TemporaryDirectory? = {
        guard CLI.isBuilt else { return nil }
        let directory = TemporaryDirectory("crm-audit-safety-demo")
        guard (try? CLI.run(["demo", "--out", directory.path]))?.status == 0 else { return nil }
        return directory
    }()

    /// A fresh copy of the demo workspace as `name` in a new folder.
    static func copy(as name: String = "acme.crmaudit") throws -> (workspace: String, directory: TemporaryDirectory) {
        let source = try #require(made).file("technosnab.crmaudit")
        let directory = TemporaryDirectory("crm-audit-safety")
        let workspace = directory.file(name)
        try FileManager.default.copyItem(atPath: source, toPath: workspace)
        return (workspace, directory)
    }
}

private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

private func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// Inverts 512 bytes at the start of the page in the middle of the file (16 KB pages): on the
/// demo workspace, a page of sale lines loses its header.
private func damageMiddle(of path: String) throws {
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    defer { try? handle.close() }
    let size = try handle.seekToEnd()
    let offset = size / 16_384 / 2 * 16_384
    try handle.seek(toOffset: offset)
    let original = try #require(try handle.read(upToCount: 512))
    try handle.seek(toOffset: offset)
    try handle.write(contentsOf: Data(original.map { ~$0 }))
}

@Suite(.serialized) struct OutputSafetyCLITests {
    @Test(.enabled(if: CLI.isBuilt))
    func noOutputEverLandsOnTheWorkspaceNotEvenWithForce() throws {
        let (workspace, directory) = try DemoWorkspace.copy()
        defer { directory.remove() }
        let link = directory.file("latest.html")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: workspace)
        let before = try bytes(workspace)
        let attempts: [[String]] = [
            ["report", workspace, "--out", workspace], ["report", workspace, "--out", workspace + "-wal"],
            ["report", workspace, "--out", link, "--force"], ["export", workspace, "rfm", "--out", workspace],
            ["export", workspace, "abc", "--out", workspace + "-shm", "--force"], ["config", workspace, "--out", workspace],
            ["config", workspace, "--out", link], ["config", workspace, "--out", workspace + "-wal", "--force"],
            ["answers", workspace, "export", workspace + ".bak", "--force"], ["compare", workspace, "--out", workspace + "-journal"],
            ["recover", workspace, "--out", workspace, "--force"],
        ]
        for arguments in attempts {
            let run = try CLI.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("is the workspace \(workspace)"), "\(arguments): \(run.stderr)")
        }
        let russian = try CLI.run(["report", workspace, "--out", workspace], language: "ru")
        #expect(russian.stderr.contains("это рабочий файл \(workspace)"))
        #expect(try bytes(workspace) == before)
        #expect(!FileManager.default.fileExists(atPath: workspace + "-wal"))
        #expect(try CLI.run(["history", workspace]).status == 0)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func anEarlierOutputIsReplacedAndAnyOtherFileOnlyWithForce() throws {
        let (workspace, directory) = try DemoWorkspace.copy()
        defer { directory.remove() }
        for name in ["r.html", "r.md", "r.json"] {
            for _ in 0..<2 { #expect(try CLI.run(["report", workspace, "--out", directory.file(name)]).status == 0, "\(name)") }
        }
        for name in ["c.yaml", "c.json"] {
            for _ in 0..<2 { #expect(try CLI.run(["config", workspace, "--out", directory.file(name)]).status == 0, "\(name)") }
        }
        for _ in 0..<2 { #expect(try CLI.run(["export", workspace, "rfm", "--out", directory.file("rfm.csv")]).status == 0) }
        for name in ["a.yaml", "a.csv"] {
            for _ in 0..<2 { #expect(try CLI.run(["answers", workspace, "export", directory.file(name)]).status == 0, "\(name)") }
        }
        #expect(try CLI.run(["round", "new", workspace, "--date", "2026-12-01"]).status == 0)
        #expect(try CLI.run(["check", workspace]).status == 0)
        for (name, format) in [("cmp.txt", "table"), ("cmp.json", "json"), ("cmp.html", "html")] {
            for _ in 0..<2 {
                #expect(try CLI.run(["compare", workspace, "--out", directory.file(name), "--format", format]).status == 0, "\(name)")
            }
        }
        // The client's own export, and another workspace, are left alone…
        let clientFile = directory.file("customers.csv")
        try FileManager.default.copyItem(atPath: CLI.packageRoot + "/examples/technosnab/customers.csv", toPath: clientFile)
        let clientBytes = try bytes(clientFile)
        let refused = try CLI.run(["export", workspace, "rfm", "--out", clientFile])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was not written by crm-audit") && refused.stderr.contains("--force"))
        #expect(try bytes(clientFile) == clientBytes)
        let other = directory.file("other.crmaudit")
        try FileManager.default.copyItem(atPath: workspace, toPath: other)
        let database = try CLI.run(["report", workspace, "--out", other])
        #expect(database.status == 1)
        #expect(database.stderr.contains("is an SQLite database"))
        // …unless the consultant says so.
        #expect(try CLI.run(["export", workspace, "rfm", "--out", clientFile, "--force"]).status == 0)
        #expect(try String(contentsOfFile: clientFile, encoding: .utf8).hasPrefix("customer_id,recency_days"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theRejectsFileOfAnImportNeverReplacesTheWorkspaceNorAClientFile() throws {
        let (workspace, directory) = try DemoWorkspace.copy(as: "sales.rejects.csv")
        defer { directory.remove() }
        let sales = try directory.write("Дата;Номер заказа;Код клиента;Сумма\n01.02.2026;1;C1;100\nвчера;2;C2;сто\n", to: "sales.csv")
        let before = try bytes(workspace)
        let run = try CLI.run(["import", workspace, sales, "--as", "sales", "--skip-bad-rows", "--force"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is the workspace"))
        #expect(try bytes(workspace) == before)

        let (other, second) = try DemoWorkspace.copy()
        defer { second.remove() }
        let input = try second.write("Дата;Номер заказа;Код клиента;Сумма\n01.02.2026;1;C1;100\nвчера;2;C2;сто\n", to: "sales.csv")
        let clientRejects = try second.write("заметки клиента\n", to: "sales.rejects.csv")
        let otherBefore = try bytes(other)
        let refused = try CLI.run(["import", other, input, "--as", "sales", "--skip-bad-rows"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was not written by crm-audit"))
        #expect(try bytes(other) == otherBefore, "nothing stored before the rejects file was refused")
        #expect(try String(contentsOfFile: clientRejects, encoding: .utf8) == "заметки клиента\n")
        // An earlier rejects file of crm-audit is replaced.
        try FileManager.default.removeItem(atPath: clientRejects)
        #expect(try CLI.run(["import", other, input, "--as", "sales", "--skip-bad-rows"]).status == 0)
        #expect(try CLI.run(["import", other, input, "--as", "sales", "--skip-bad-rows", "--replace"]).status == 0)
        #expect(try mode(clientRejects) == 0o600)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func sampleDataAndTheDemoReplaceOnlyTheirOwnFiles() throws {
        let directory = TemporaryDirectory("crm-audit-safety-files")
        defer { directory.remove() }
        let data = directory.file("data")
        for _ in 0..<2 {
            #expect(try CLI.run(["sample-data", "--out", data, "--customers", "20", "--orders", "50"]).status == 0)
        }
        try FileManager.default.removeItem(atPath: data + "/sales.csv")
        try Data("client data\n".utf8).write(to: URL(fileURLWithPath: data + "/sales.csv"))
        let refused = try CLI.run(["sample-data", "--out", data, "--customers", "20", "--orders", "50"])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: data + "/sales.csv", encoding: .utf8) == "client data\n")
        #expect(try CLI.run(["sample-data", "--out", data, "--customers", "20", "--orders", "50", "--force"]).status == 0)

        // Another client's workspace where the demo would put its own is not deleted.
        let demo = directory.file("demo")
        try FileManager.default.createDirectory(atPath: demo, withIntermediateDirectories: true)
        #expect(try CLI.run(["init", demo + "/technosnab.crmaudit", "--client", "ООО «Другой клиент»"]).status == 0)
        let run = try CLI.run(["demo", "--out", demo])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--force"))
        #expect(try CLI.run(["history", demo + "/technosnab.crmaudit"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: demo + "/report-en.html"))
    }
}

@Suite(.serialized) struct DamagedWorkspaceCLITests {
    @Test(.enabled(if: CLI.isBuilt))
    func everyCommandRefusesADamagedWorkspaceSaysHowToRecoverAndWritesNothing() throws {
        let (workspace, directory) = try DemoWorkspace.copy()
        defer { directory.remove() }
        #expect(try CLI.run(["metrics", workspace]).status == 0)  // the day's first write: the backup
        #expect(FileManager.default.fileExists(atPath: workspace + ".bak"))
        try damageMiddle(of: workspace)
        let damaged = try bytes(workspace)
        let commands: [[String]] = [
            ["metrics", workspace], ["check", workspace], ["report", workspace, "--out", directory.file("r.html")],
            ["export", workspace, "rfm", "--out", directory.file("rfm.csv")], ["config", workspace, "--out", directory.file("c.yaml")],
            ["import", workspace, CLI.packageRoot + "/examples/technosnab/managers.csv", "--as", "managers", "--replace"],
            ["history", workspace], ["answers", workspace, "export", directory.file("a.yaml")],
        ]
        for arguments in commands {
            let run = try CLI.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("the workspace \(workspace) is damaged"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("automatic backup \(workspace).bak"))
            #expect(run.stderr.contains("crm-audit recover \(workspace) --out recovered.crmaudit"))
            #expect(run.stderr.contains("sqlite3 \(workspace) \".recover\""))
        }
        let russian = try CLI.run(["metrics", workspace], language: "ru")
        #expect(russian.stderr.contains("повреждён") && russian.stderr.contains("\(workspace).bak"))
        #expect(try bytes(workspace) == damaged, "no command wrote into the damaged file")
        #expect(!FileManager.default.fileExists(atPath: directory.file("r.html")))

        // Both ways back: what can be read, and the morning's copy.
        let recovered = directory.file("recovered.crmaudit")
        let recovery = try CLI.run(["recover", workspace, "--out", recovered])
        #expect(recovery.status == 0, "\(recovery.stderr)")
        #expect(recovery.stdout.contains("sale:") && recovery.stdout.contains("some rows are lost"))
        #expect(try CLI.run(["metrics", recovered]).status == 0)
        try FileManager.default.removeItem(atPath: workspace)
        try FileManager.default.copyItem(atPath: workspace + ".bak", toPath: workspace)
        #expect(try CLI.run(["check", workspace]).status == 0)
    }
}

@Suite(.serialized) struct WorkspaceFileCLITests {
    @Test(.enabled(if: CLI.isBuilt))
    func aWorkspaceReadableByOthersIsMadePrivateAndTheUserToldOnce() throws {
        let (workspace, directory) = try DemoWorkspace.copy()
        defer { directory.remove() }
        chmod(workspace, 0o644)
        let first = try CLI.run(["history", workspace])
        #expect(first.status == 0)
        #expect(first.stderr.contains("was readable by other users (mode 0644); its mode is now 0600"))
        #expect(try mode(workspace) == 0o600)
        #expect(try CLI.run(["history", workspace]).stderr.isEmpty)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aMissingFileAndAFolderAreNamedAsSuch() throws {
        let directory = TemporaryDirectory("crm-audit-safety")
        defer { directory.remove() }
        let missing = try CLI.run(["check", directory.file("none.crmaudit")])
        #expect(missing.stderr.contains("does not exist; create it with `crm-audit init"))
        let folder = try CLI.run(["check", directory.path])
        #expect(folder.stderr.contains("is a folder, not a workspace file"))
        for run in [missing, folder] { #expect(!run.stderr.contains("not a crm-audit workspace")) }
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theFirstWriteOfTheDayKeepsAPrivateBackupAndLaterWritesKeepIt() throws {
        let directory = TemporaryDirectory("crm-audit-safety")
        defer { directory.remove() }
        let workspace = directory.file("acme.crmaudit"), backup = workspace + ".bak"
        let examples = CLI.packageRoot + "/examples/technosnab/"
        #expect(try CLI.run(["init", workspace, "--client", "ООО «Акме»"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: backup))
        #expect(try CLI.run(["import", workspace, examples + "customers.csv", "--as", "customers"]).status == 0)
        #expect(try mode(backup) == 0o600)
        let morning = try bytes(backup)
        #expect(try CLI.run(["import", workspace, examples + "managers.csv", "--as", "managers"]).status == 0)
        #expect(try bytes(backup) == morning)
        // A backup from an earlier day is replaced: it now holds the customers.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)], ofItemAtPath: backup)
        #expect(try CLI.run(["import", workspace, examples + "sales.csv", "--as", "sales"]).status == 0)
        #expect(try bytes(backup) != morning)
        let copy = directory.file("copy.crmaudit")
        try FileManager.default.copyItem(atPath: backup, toPath: copy)
        let metrics = try CLI.run(["metrics", copy, "--format", "json"])
        #expect(metrics.status == 0)
        #expect(try mode(backup) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// The user nobody, for permission tests when the tests run as root (root may read and write anything).
    static let asNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs the CLI as the current user, or as nobody when running as root.
    private func runAsOtherUser(_ arguments: [String], in directory: String) throws -> (status: Int32, stderr: String) {
        guard Self.asNobody else {
            let run = try CLI.run(arguments, directory: directory)
            return (run.status, run.stderr)
        }
        let scratch = TemporaryDirectory("crm-audit-nobody")
        defer { scratch.remove() }
        let out = scratch.file("out"), err = scratch.file("err")
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary] + arguments
        process.environment = ["CRM_AUDIT_LANG": "en", "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Gives `path` to the user the command runs as.
    private func handOver(_ path: String) {
        if Self.asNobody { chown(path, 65_534, 65_534) }
    }

    @Test(.enabled(if: CLI.isBuilt && (getuid() != 0 || asNobody)))
    func readOnlyAndPermissionProblemsSaySo() throws {
        let (workspace, directory) = try DemoWorkspace.copy()
        defer {
            chmod(directory.path, 0o700)
            directory.remove()
        }
        // Unreadable: another user's private workspace.
        chmod(workspace, Self.asNobody ? 0o600 : 0o000)
        let unreadable = try runAsOtherUser(["history", workspace], in: directory.path)
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("permission denied reading the workspace"))
        // Read-only file.
        handOver(workspace)
        handOver(directory.path)
        chmod(workspace, 0o444)
        let readOnly = try runAsOtherUser(["check", workspace], in: directory.path)
        #expect(readOnly.stderr.contains("is read-only (mode 0444)"), "\(readOnly.stderr)")
        // Read-only folder: SQLite's journals go beside the workspace.
        chmod(workspace, 0o600)
        if Self.asNobody { chown(directory.path, 0, 0) }
        chmod(directory.path, 0o555)
        let folder = try runAsOtherUser(["check", workspace], in: "/tmp")
        #expect(folder.stderr.contains("is not writable, and SQLite keeps its journal beside the workspace"), "\(folder.stderr)")
        for run in [unreadable, readOnly, folder] { #expect(!run.stderr.contains("not a crm-audit workspace")) }
    }

    /// Whether a tmpfs can be mounted here (root with CAP_SYS_ADMIN).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = TemporaryDirectory("crm-audit-mount-probe")
        defer { probe.remove() }
        guard mount("tmpfs", probe.path, "tmpfs", 0, "size=1m") == 0 else { return false }
        _ = umount(probe.path)
        return true
    }()

    @Test(.enabled(if: CLI.isBuilt && canMount))
    func aFullDiskAndAReadOnlyDiskSaySoAndTheWorkspaceSurvives() throws {
        let directory = TemporaryDirectory("crm-audit-safety-disk")
        defer { directory.remove() }
        let data = directory.file("data"), disk = directory.file("disk")
        #expect(try CLI.run(["sample-data", "--out", data, "--customers", "30000", "--orders", "10"]).status == 0)
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard mount("tmpfs", disk, "tmpfs", 0, "size=3m") == 0 else { return }
        defer { _ = umount(disk) }
        let workspace = disk + "/acme.crmaudit"
        #expect(try CLI.run(["init", workspace, "--client", "ООО «Акме»"]).status == 0)
        let full = try CLI.run(["import", workspace, data + "/customers.csv", "--as", "customers"])
        #expect(full.status == 1)
        #expect(full.stderr.contains("is full"), "\(full.stderr)")
        let russian = try CLI.run(["import", workspace, data + "/customers.csv", "--as", "customers"], language: "ru")
        #expect(russian.stderr.contains("нет места"))
        let history = try CLI.run(["history", workspace])
        #expect(history.status == 0, "the workspace opens and passes the quick check: \(history.stderr)")

        #expect(mount("tmpfs", disk, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=3m") == 0)
        let readOnly = try CLI.run(["history", workspace])
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("on a file system mounted read-only"))
        #expect(!readOnly.stderr.contains("not a crm-audit workspace"))
    }
}
