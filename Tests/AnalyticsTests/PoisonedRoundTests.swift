import AuditModel
import Foundation
import GRDB
import TestSupport
import Testing
import Workspace

/// The whole story of a number that should never be in a round, as a consultant meets it with
/// the built binary: refused at import; written by hand, a clear error from every command (not a
/// crash, not a raw encoding error); fixed by importing the corrected file with `--replace`.
/// And rulesets: a weight or a constant that overflows is refused by `lint` and `check`, stores
/// nothing, and leaves plain `check` working.
@Suite(.serialized) struct PoisonedRoundTests {
    static let header = "Код клиента;Дата;Сумма;Себестоимость\n"
    static let goodSales = header + "C1;01.02.2026;100;50\nC2;02.02.2026;250;100\nC3;03.03.2026;400;\n"

    /// A fresh workspace (round 1 of 2026-11-29) in a fresh folder.
    func workspace() throws -> (path: String, directory: TemporaryDirectory) {
        let directory = TemporaryDirectory("crm-audit-poison")
        let path = directory.file("client.crmaudit")
        let run = try CLI.run(["init", path, "--client", "ООО Тест", "--date", "2026-11-29"])
        #expect(run.status == 0, "\(run.stderr)")
        return (path, directory)
    }

    func sql(_ path: String, _ statement: String) throws {
        let workspace = try Workspace.open(at: path)
        try workspace.write { db in try db.execute(sql: statement) }
    }

    func count(_ path: String, _ table: String) throws -> Int {
        try Workspace.open(at: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    @Test(.enabled(if: CLI.isBuilt))
    func anInfinityIsRefusedAtImportAndAHandWrittenOneIsAClearErrorThatReplaceFixes() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        // 1. A workbook with inf in an amount cell: a bad row with its place; nothing stored.
        let book = directory.file("sales.xlsx")
        try MinimalWorkbook.write(
            rows: MinimalWorkbook.textRow(1, ["Код клиента", "Дата", "Сумма"])
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>01.02.2026</t></is></c><c r=\"C2\"><v>10</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>C2</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>01.02.2026</t></is></c><c r=\"C3\"><v>inf</v></c></row>",
            to: book)
        let refused = try CLI.run(["import", workspace, book, "--as", "sales"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(book):3:3: error: not a finite number"), "\(refused.stderr)")
        #expect(try count(workspace, "dataset") == 0)

        // 2. Good data, then an infinity and a text written into the workspace by hand.
        let sales = try directory.write(Self.goodSales, to: "sales.csv")
        #expect(try CLI.run(["import", workspace, sales, "--as", "sales"]).status == 0)
        try sql(workspace, "UPDATE sale SET amount = 9e999 WHERE source_line = 3")
        for command in [["metrics", workspace], ["check", workspace], ["report", workspace, "--out", directory.file("r.html")]] {
            let run = try CLI.run(command)
            #expect(run.status == 1, "\(command[0]): \(run.stderr)")
            #expect(run.stderr.contains("the workspace holds sale.amount 'Inf' (line 3 of sales.csv)"), "\(command[0]): \(run.stderr)")
            #expect(run.stderr.contains("crm-audit import \(workspace) sales.csv --replace"))
            #expect(!run.stderr.contains("EncodingError") && !run.stderr.contains("Fatal error"))
        }
        let russian = try CLI.run(["metrics", workspace], language: "ru")
        #expect(russian.stderr.contains("строка 3 файла sales.csv"))
        try sql(workspace, "UPDATE sale SET amount = 'сто', cost = 1e300 WHERE source_line = 2")
        let text = try CLI.run(["metrics", workspace])
        #expect(text.status == 1 && text.stderr.contains("sale.amount 'сто' (line 2 of sales.csv)"), "\(text.stderr)")

        // 3. The corrected export, same name, other content: --replace puts the round right.
        try directory.write(Self.goodSales + "C4;04.03.2026;1000;\n", to: "sales.csv")
        let replaced = try CLI.run(["import", workspace, sales, "--as", "sales", "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try count(workspace, "dataset") == 1 && count(workspace, "sale") == 4)
        for command in [["metrics", workspace], ["check", workspace], ["report", workspace, "--out", directory.file("r.html")]] {
            let run = try CLI.run(command)
            #expect(run.status == 0, "\(command[0]): \(run.stderr)")
        }
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aHandWrittenDealAmountOrCampaignCostIsAClearErrorToo() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        let sales = try directory.write(Self.goodSales, to: "sales.csv")
        #expect(try CLI.run(["import", workspace, sales, "--as", "sales"]).status == 0)
        let deals = try directory.write(
            "ID сделки;Клиент;Дата создания;Сумма;Статус\nD1;C1;01.02.2026;500;won\nD2;C2;02.02.2026;700;lost\n", to: "deals.csv")
        let imported = try CLI.run(["import", workspace, deals, "--as", "deals"])
        #expect(imported.status == 0, "\(imported.stderr)")
        try sql(workspace, "UPDATE deal SET amount = -9e999 WHERE source_line = 3")
        let run = try CLI.run(["metrics", workspace])
        #expect(run.status == 1)
        #expect(run.stderr.contains("deal.amount '-Inf' (line 3 of deals.csv)"), "\(run.stderr)")
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aCountOfTheWrongTypeWrittenByHandIsAClearErrorNotATrap() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        let sales = try directory.write(Self.goodSales, to: "sales.csv")
        #expect(try CLI.run(["import", workspace, sales, "--as", "sales"]).status == 0)
        try sql(workspace, "UPDATE dataset SET rows_read = 'abc'")
        for command in [["check", workspace], ["history", workspace]] {
            let run = try CLI.run(command)
            #expect(run.status == 1, "\(command[0]): \(run.stderr)")
            #expect(run.stderr.contains("the workspace's table dataset, column rows_read, holds 'abc', a value of the wrong type"))
        }
    }

    @Test(.enabled(if: CLI.isBuilt))
    func amountsOf1e14MakeAReport() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        let sales = try directory.write(Self.header + "C1;01.02.2026;100000000000000;\nC2;02.03.2026;99999999999999,99;\n", to: "sales.csv")
        #expect(try CLI.run(["import", workspace, sales, "--as", "sales"]).status == 0)
        for (format, file) in [("html", "r.html"), ("md", "r.md"), ("json", "r.json")] {
            let run = try CLI.run(["report", workspace, "--out", directory.file(file), "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr)")
        }
        let page = try String(contentsOfFile: directory.file("r.html"), encoding: .utf8)
        #expect(page.contains("RUB\u{00A0}200,000B"))  // 1e14 + 99 999 999 999 999,99 in the headline
    }

    @Test(.enabled(if: CLI.isBuilt))
    func metricsOnAWorkbookWithARowNumberNearIntMaxFailsCleanlyAndLeavesNoScratchFolder() throws {
        let directory = TemporaryDirectory("crm-audit-scratch")
        defer { directory.remove() }
        let temporary = directory.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let book = directory.file("sales.xlsx")
        try MinimalWorkbook.write(
            rows: MinimalWorkbook.textRow(1, ["Код клиента", "Дата", "Сумма"])
                + "<row r=\"9223372036854775807\"><c r=\"A2\"><v>1</v></c></row>", to: book)
        let customers = directory.file("customers.csv")
        try "Код клиента;Наименование\nC1;ООО Ромашка\n".write(toFile: customers, atomically: true, encoding: .utf8)
        let run = try CLI.run(["metrics", "--sales", book, "--customers", customers], environment: ["TMPDIR": temporary])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("sheet 'Продажи': the sheet's row number 9223372036854775807 is outside an Excel sheet (rows 1…1048576)"),
            "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }

    // MARK: - Rulesets

    static func ruleset(id: String = "mine", weight: String = "1", value: String = "metric.sales.revenue.all_history", extra: String = "")
        -> String
    {
        """
        schema: crm-audit/ruleset/1
        id: \(id)
        version: 1.0.0
        title: {ru: Мои правила, en: My rules}
        \(extra)
        rules:
          - id: MINE-1
            area: customer_base
            severity: high
            weight: \(weight)
            title: {ru: Выручка, en: Revenue}
            value: "\(value)"
            fail: "> 1"
            recommendation: {ru: Проверьте., en: Check.}
        """
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aHugeWeightIsRefusedByLintAndCheckAndStoresNothing() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        let sales = try directory.write(Self.goodSales, to: "sales.csv")
        #expect(try CLI.run(["import", workspace, sales, "--as", "sales"]).status == 0)
        let bad = try directory.write(Self.ruleset(weight: "1e308"), to: "heavy.yaml")
        let lint = try CLI.run(["lint", bad])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("\(bad):10:13: error: the weight 1e+308 is outside 0…100"), "\(lint.stderr)")
        let check = try CLI.run(["check", workspace, "--rules", bad])
        #expect(check.status == 1 && check.stderr.contains("heavy.yaml:10:13"), "\(check.stderr)")
        #expect(try count(workspace, "ruleset_layer") == 0)
        #expect(try CLI.run(["check", workspace]).status == 0)
        #expect(try CLI.run(["report", workspace, "--out", directory.file("r.html")]).status == 0)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func arithmeticThatOverflowsMakesTheRuleNotEvaluableAndTheRoundStaysUsable() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        let sales = try directory.write(Self.goodSales, to: "sales.csv")
        #expect(try CLI.run(["import", workspace, sales, "--as", "sales"]).status == 0)
        let overflowing = try directory.write(Self.ruleset(value: "metric.sales.revenue.all_history * 1e307"), to: "overflow.yaml")
        #expect(try CLI.run(["lint", overflowing]).status == 0)
        let check = try CLI.run(["check", workspace, "--rules", overflowing, "--format", "json"])
        #expect(check.status == 0, "\(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let mine = try #require((object["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "MINE-1" })
        #expect(mine["status"] as? String == "not_evaluable")
        #expect((mine["missing"] as? [String])?.first?.contains("'value' overflows") == true)
        // The layer is stored with the round: plain check and report keep working.
        #expect(try count(workspace, "ruleset_layer") == 1)
        #expect(try CLI.run(["check", workspace]).status == 0)
        #expect(try CLI.run(["report", workspace, "--out", directory.file("r.html")]).status == 0)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aStoredLayerThatNoLongerLoadsSaysHowToReplaceIt() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        // As an earlier version stored it, before weights were bounded.
        let content = Self.ruleset(weight: "1e308").replacingOccurrences(of: "'", with: "''")
        try sql(workspace, "INSERT INTO ruleset_layer(round_id, position, file_name, content) VALUES (1, 0, 'heavy.yaml', '\(content)')")
        let check = try CLI.run(["check", workspace])
        #expect(check.status == 1)
        #expect(check.stderr.contains("the ruleset stored with round 1 no longer passes the checks"), "\(check.stderr)")
        #expect(check.stderr.contains("heavy.yaml:10:13: error: the weight 1e+308"))
        let fixed = try directory.write(Self.ruleset(weight: "2"), to: "heavy.yaml")
        #expect(try CLI.run(["check", workspace, "--rules", fixed]).status == 0)
        #expect(try CLI.run(["check", workspace]).status == 0)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func disablingAnUnknownRuleIsAWarningInLintAndANoteInCheck() throws {
        let (workspace, directory) = try workspace()
        defer { directory.remove() }
        let file = try directory.write(Self.ruleset(extra: "disable: [NO-SUCH-RULE]"), to: "mine.yaml")
        let lint = try CLI.run(["lint", file])
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("\(file):5:11: warning: 'disable': no bundled ruleset has a rule 'NO-SUCH-RULE'"), "\(lint.stderr)")
        let check = try CLI.run(["check", workspace, "--rules", file])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("mine@1.0.0 disables the rule 'NO-SUCH-RULE', which no ruleset below it defines"))
    }
}
