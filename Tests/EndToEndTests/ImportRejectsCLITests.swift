import Foundation
import TestSupport
import Testing

/// `import --skip-bad-rows` writes its rejects beside the workspace, never into the folder of
/// the client's exports, and `--rejects` names another file.
@Suite struct ImportRejectsCLITests {
    @Test(.enabled(if: CLI.isBuilt))
    func rejectsGoBesideTheWorkspaceNotIntoTheExportFolder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for folder in ["client", "ws"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
        let sales = try directory.write(
            "Дата;Клиент;Сумма\n01.10.2026;A;100\n02.10.2026;B;сто\n03.10.2026;\"C;300\n", to: "client/sales.csv")
        let workspace = directory.file("ws/t.crmaudit")
        #expect(try CLI.run(["init", workspace, "--client", "T"]).status == 0)
        let run = try CLI.run(["import", workspace, sales, "--as", "sales", "--skip-bad-rows"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Rows read: 3, stored: 1, rejected: 2"), "\(run.stdout)")
        #expect(run.stdout.contains("sales.csv:4:12") && run.stdout.contains("ws/sales.rejects.csv"), "\(run.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("client")) == ["sales.csv"])
        #expect(FileManager.default.fileExists(atPath: directory.file("ws/sales.rejects.csv")))

        let named = directory.file("ws/named.csv")
        let again = try CLI.run(["import", workspace, sales, "--as", "sales", "--skip-bad-rows", "--replace", "--rejects", named])
        #expect(again.status == 0 && FileManager.default.fileExists(atPath: named), "\(again.stderr)")
    }
}
