import Foundation
import TestSupport
import Testing

/// An installed copy (`scripts/install.sh`'s layout) runs from any folder with no environment
/// variable: the binary finds its bundled method in `PREFIX/share/crm-audit`, through symlinks.
@Suite(.serialized) struct InstallTests {
    /// Lays out `prefix/bin/crm-audit` and `prefix/share/crm-audit/{questionnaires,rulesets,examples}`
    /// as the install script does (copies, so nothing points back into the checkout).
    static func install(into prefix: TemporaryDirectory) throws -> String {
        let files = FileManager.default
        let share = prefix.path + "/share/crm-audit"
        try files.createDirectory(atPath: prefix.path + "/bin", withIntermediateDirectories: true)
        try files.createDirectory(atPath: share, withIntermediateDirectories: true)
        try files.copyItem(atPath: CLI.binary, toPath: prefix.path + "/bin/crm-audit")
        for folder in ["questionnaires", "rulesets", "examples"] {
            try files.copyItem(atPath: CLI.packageRoot + "/" + folder, toPath: share + "/" + folder)
        }
        return prefix.path + "/bin/crm-audit"
    }

    @Test(.enabled(if: CLI.isBuilt))
    func anInstalledCopyRunsTheDemoFromAnotherFolderThroughASymlink() throws {
        let prefix = TemporaryDirectory("crm-audit-prefix"), elsewhere = TemporaryDirectory("crm-audit-elsewhere")
        defer {
            prefix.remove()
            elsewhere.remove()
        }
        let installed = try Self.install(into: prefix)
        // A user's ~/bin-style link to the installed binary, run from a folder with no method in it.
        let link = elsewhere.file("crm-audit")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: installed)

        let run = try CLI.run(
            ["demo", "--out", elsewhere.file("demo")], directory: elsewhere.path,
            environment: ["CRM_AUDIT_HOME": ""], executable: link)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.file("demo/report-en.html")))

        let version = try CLI.run(["--version"], directory: elsewhere.path, environment: ["CRM_AUDIT_HOME": ""], executable: link)
        #expect(version.status == 0)
        #expect(version.stdout.contains("questionnaires/crm-readiness.yaml: crm-readiness 1.1.0"), "\(version.stdout)")
        #expect(version.stdout.contains("rulesets/crm-core.yaml: crm-core 1.1.0"))
        #expect(version.stdout.contains(prefix.path + "/share/crm-audit/rulesets"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aCopyWithoutItsMethodSaysHowToInstallIt() throws {
        let prefix = TemporaryDirectory("crm-audit-bare")
        defer { prefix.remove() }
        try FileManager.default.createDirectory(atPath: prefix.path + "/bin", withIntermediateDirectories: true)
        let bare = prefix.path + "/bin/crm-audit"
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: bare)
        let run = try CLI.run(
            ["demo", "--out", prefix.file("demo")], directory: prefix.path,
            environment: ["CRM_AUDIT_HOME": ""], executable: bare)
        #expect(run.status != 0)
        #expect(run.stderr.contains("scripts/install.sh"), "\(run.stderr)")
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theManPageIsGeneratedFromTheCommandsAndCoversEveryVisibleOne() throws {
        let run = try CLI.run(["manual"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(".TH CRM-AUDIT 1 "))
        let help = try CLI.run(["--help"])
        // Every subcommand the help lists has its own section, with its usage line.
        let listed = help.stdout.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = words.first, first.first?.isLetter == true,
                first.allSatisfy({ $0.isLowercase || $0 == "-" })
            else { return nil }
            return String(first)
        }.filter { !["help"].contains($0) }
        #expect(listed.count > 10, "\(help.stdout)")
        for name in listed {
            #expect(run.stdout.contains(".SS \(name)\n"), "\(name)")
            #expect(run.stdout.contains("USAGE: crm-audit \(name)"), "\(name)")
        }
        #expect(!run.stdout.contains(".SS scan-csv"))
    }
}
