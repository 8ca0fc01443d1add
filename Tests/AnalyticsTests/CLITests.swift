import AuditModel
import Foundation
import Importers
import TestSupport
import Testing

@testable import Analytics

/// Runs the built `crm-audit` binary (built by `swift build --build-tests`) on a fixture workspace.
@Suite struct CLITests {
    static func run(_ arguments: [String], language: String = "en") throws -> CLI.Run {
        try CLI.run(arguments, language: language)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func metricsPrintsJSONAndStoresTheSnapshot() throws {
        let (workspace, directory) = try Fixture.workspace()
        defer { directory.remove() }
        let run = try Self.run(["metrics", workspace.path, "--as-of", "2025-06-30", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = try MetricDocument.decode(json: run.stdout)
        #expect(printed["sales.revenue.all_history"] == .number(3900))
        #expect(try Analytics.storedDocument(workspace, round: try workspace.round()) == printed)
    }

    @Test(.enabled(if: CLI.isBuilt), arguments: [("en", "== Sales =="), ("ru", "== Продажи ==")])
    func metricsTableIsGroupedByFamilyInTheUsersLanguage(language: String, heading: String) throws {
        let (workspace, directory) = try Fixture.workspace(only: [.sales])
        defer { directory.remove() }
        let run = try Self.run(["metrics", workspace.path, "--as-of", "2025-06-30"], language: language)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(heading))
        // Every value in its unit and with its period.
        let revenue = language == "ru" ? "3 900 ₽" : "RUB 3,900"
        #expect(run.stdout.contains(revenue))
        #expect(
            run.stdout.contains(language == "ru" ? "Основной период: 12 мес. по 30.06.2025" : "Headline period: 12 months to 2025-06-30"))
        #expect(run.stdout.contains(language == "ru" ? "+328,6 %" : "+328.6%"), "growth as a signed percentage")
        #expect(run.stdout.contains(language == "ru" ? "4 клиента" : "4 customers"))
        #expect(
            run.stdout.contains(
                language == "ru" ? "за всю историю данных   [sales.revenue.all_history]" : "all history   [sales.revenue.all_history]"))
        #expect(run.stdout.contains(language == "ru" ? "в раунде нет данных «сделки»" : "the round has no deals rows"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func exportWritesAPrivateCSV() throws {
        let (workspace, directory) = try Fixture.workspace()
        defer { directory.remove() }
        let target = directory.file("rfm.csv")
        let run = try Self.run(["export", workspace.path, "rfm", "--out", target, "--as-of", "2025-06-30"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.hasPrefix("customer_id,recency_days,frequency,monetary,r,f,m,segment\nC1,20,2,2300,5,5,5,Champions\n"))
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        #expect(mode & 0o077 == 0)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func badInputFailsWithAClearMessage() throws {
        let (workspace, directory) = try Fixture.workspace(only: [])
        defer { directory.remove() }
        let badDay = try Self.run(["metrics", workspace.path, "--as-of", "30.06.2025"])
        #expect(badDay.status != 0)
        #expect(badDay.stderr.contains("--as-of: expected a date YYYY-MM-DD, got '30.06.2025'"))
        let missing = try Self.run(["metrics", directory.file("nope.crmaudit")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not exist"))
        let badTable = try Self.run(["export", workspace.path, "nope", "--out", directory.file("x.csv")])
        #expect(badTable.status != 0)
        let noRound = try Self.run(["metrics", workspace.path, "--round", "7"])
        #expect(noRound.status == 1)
        #expect(noRound.stderr.contains("has no audit round #7"))
    }
}

/// `crm-audit metrics --sales FILE [--customers FILE] [--managers FILE]`: the metrics of export
/// files without a workspace.
@Suite struct MetricsOfFilesTests {
    static let example = repositoryPath("examples/technosnab")

    @Test(.enabled(if: CLI.isBuilt))
    func theFilesGiveTheDocumentOfAWorkspaceHoldingThem() throws {
        let run = try CLI.run([
            "metrics", "--sales", "\(Self.example)/sales.csv", "--customers", "\(Self.example)/customers.csv",
            "--managers", "\(Self.example)/managers.csv", "--as-of", "2026-11-29", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = try MetricDocument.decode(json: run.stdout)
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        for kind in [DatasetKind.customers, .sales, .managers] {
            _ = try Importer.importFile(
                "\(Self.example)/\(kind.rawValue).csv", into: workspace, round: try workspace.round(),
                options: ImportOptions(kind: kind))
        }
        let imported = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-11-29"))
        #expect(printed == imported.document)
        #expect(printed["sales.revenue.all_history"] != .null && printed["quality.duplicate_groups"] != .null)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theSalesFileAloneExplainsWhatIsMissing() throws {
        let run = try CLI.run(["metrics", "--sales", "\(Self.example)/sales.csv", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = try MetricDocument.decode(json: run.stdout)
        #expect(printed["sales.revenue.all_history"] != .null)
        #expect(printed.unavailable["quality.duplicate_groups"] != nil)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aWorkbookSheetIsChosenAsForAnImport() throws {
        let workbook = repositoryPath("Tests/ImportersTests/Fixtures/xlsxwriter_sales.xlsx")
        let run = try CLI.run(["metrics", "--sales", workbook, "--sheet", "Данные", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        // 100.25 + 200 + 350, the three lines of the sheet.
        #expect(try MetricDocument.decode(json: run.stdout)["sales.revenue.all_history"] == .number(650.25))
        // Without --sheet: the summary sheet has no sales header, the sheet «Данные» has.
        let firstSheet = try CLI.run(["metrics", "--sales", workbook, "--format", "json"])
        #expect(firstSheet.status == 0, "\(firstSheet.stderr)")
        #expect(try MetricDocument.decode(json: firstSheet.stdout)["sales.revenue.all_history"] == .number(650.25))
    }

    @Test(
        .enabled(if: CLI.isBuilt),
        arguments: [
            (["metrics"], "give one of: a workspace file, --sales FILE or --source URL"),
            (["metrics", "ws.crmaudit", "--sales", "sales.csv"], "give one of: a workspace file, --sales FILE or --source URL"),
            (
                ["metrics", "ws.crmaudit", "--customers", "customers.csv"],
                "--customers, --managers, --sheet, --mapping and --skip-bad-rows go with --sales"
            ),
            (["metrics", "--sales", "sales.csv", "--round", "2"], "--round goes with a workspace file"),
        ])
    func usageMistakesAreExplained(arguments: [String], message: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aBadRowStopsItUnlessSkippedAndNothingElseIsWritten() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let sales = try directory.write(
            """
            Дата;Клиент;Сумма
            01.10.2026;К-1;100
            02.10.2026;К-2;сто
            03.10.2026;К-1;300
            """, to: "sales.csv")
        let stopped = try CLI.run(["metrics", "--sales", sales, "--format", "json"], language: "ru")
        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("sales.csv:3:3"), "\(stopped.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sales.csv"])
        // The rejects go where the command runs, not into the client's export folder, and it says so.
        let here = TemporaryDirectory()
        defer { here.remove() }
        let skipped = try CLI.run(["metrics", "--sales", sales, "--format", "json", "--skip-bad-rows"], directory: here.path)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(try MetricDocument.decode(json: skipped.stdout)["sales.revenue.all_history"] == .number(400))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sales.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: here.path) == ["sales.rejects.csv"])
        #expect(skipped.stderr.contains("sales.csv: data rows 3, used 2, skipped as bad 1"), "\(skipped.stderr)")
        #expect(skipped.stderr.contains("written to \(here.path)/sales.rejects.csv") || skipped.stderr.contains("sales.rejects.csv"))
        let elsewhere = here.file("out/bad.csv")
        try FileManager.default.createDirectory(atPath: here.file("out"), withIntermediateDirectories: true)
        let named = try CLI.run(["metrics", "--sales", sales, "--format", "json", "--skip-bad-rows", "--rejects", elsewhere])
        #expect(named.status == 0 && FileManager.default.fileExists(atPath: elsewhere), "\(named.stderr)")
        // A customer list that cannot be read stops it too, naming its file.
        let customers = try directory.write("Код;Наименование;Тип\nК-1;Альфа;инопланетянин\n", to: "customers.csv")
        let badList = try CLI.run(
            ["metrics", "--sales", sales, "--customers", customers, "--skip-bad-rows", "--format", "json"],
            directory: here.path)
        #expect(badList.status == 0, "\(badList.stderr)")
        let strict = try CLI.run(["metrics", "--sales", sales, "--customers", customers])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("customers.csv:2:3"), "\(strict.stderr)")
    }
}
