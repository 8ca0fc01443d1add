import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// `crm-audit config` gives an integrator a specification built from the client's own stages,
/// values and departments, as JSON/YAML and as a workbook a spreadsheet program opens.
@Suite(.serialized) struct SpecificationTests {
    static func demo(_ directory: TemporaryDirectory) throws -> String {
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        return directory.file("technosnab.crmaudit")
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theSpecificationIsBuiltFromTheClientsStagesValuesAndDepartments() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let workspace = try Self.demo(directory)
        let run = try CLI.run(["config", workspace, "--out", directory.file("spec.json")])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.file("spec.json")))) as? [String: Any])
        #expect(object["pipeline"] != nil, "the configuration's sections stay at the top")
        let spec = try #require(object["specification"] as? [String: Any])
        let pipelines = try #require(spec["pipelines"] as? [[String: Any]])
        // The company's own stages, in its order ("Запрос, расчёт, счёт, оплата, отгрузка"), a 14-day cycle.
        let stages = try #require(pipelines.first?["stages"] as? [[String: Any]])
        #expect(stages.compactMap { ($0["name"] as? [String: String])?["ru"] } == ["Запрос", "Расчёт", "Счёт", "Оплата", "Отгрузка"])
        #expect(stages.allSatisfy { $0["stalled_after_days"] as? Int == 6 }, "2 × 14 days / 5 stages")
        let probabilities = stages.compactMap { $0["probability"] as? Double }
        #expect(probabilities == probabilities.sorted() && probabilities.count == 5)
        // Wholesale with 1C: repeat orders run on 1C's documents.
        #expect(pipelines.count == 2)
        // Value lists come from the data.
        let fields = try #require(spec["fields"] as? [[String: Any]])
        let segment = try #require(fields.first { ($0["name"] as? [String: String])?["en"] == "Segment" })
        #expect((segment["values"] as? [[String: String]])?.contains(["ru": "VIP", "en": "VIP"]) == true)
        // The tool's own proposals are written in each language.
        let lossReason = try #require(fields.first { ($0["name"] as? [String: String])?["en"] == "Loss reason" })
        #expect((lossReason["values"] as? [[String: String]])?.first == ["ru": "Цена", "en": "Price"])
        let taxID = try #require(fields.first { ($0["type"] as? String) == "tax_id" })
        #expect(taxID["required"] as? Bool == true)
        // Roles are scoped by the departments in the managers' list.
        let roles = try #require(spec["roles"] as? [[String: Any]])
        #expect(roles.contains { (($0["scope"] as? [String: String])?["ru"] ?? "").contains("Отдел по работе с подрядчиками") })
        // Orders are mastered by 1C:УТ; costs come from 1C.
        let integrations = try #require(spec["integrations"] as? [[String: Any]])
        #expect(
            integrations.contains {
                (($0["object"] as? [String: String])?["en"] ?? "").hasPrefix("Orders")
                    && (($0["master"] as? [String: String])?["en"] ?? "").hasPrefix("1C")
            })
        // Every automation says when it fires and what it does.
        let automations = try #require(spec["automations"] as? [[String: Any]])
        #expect(!automations.isEmpty)
        #expect(automations.allSatisfy { (($0["action"] as? [String: String])?["en"] ?? "—") != "—" })
        let migration = try #require(spec["migration"] as? [[String: Any]])
        #expect((migration.first?["detail"] as? [String: String])?["en"]?.contains("duplicate groups: ") == true)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theWorkbookHasASheetPerPartAndOpensInASpreadsheetProgram() throws {
        let directory = TemporaryDirectory("crm-audit-spec")
        defer { directory.remove() }
        let workspace = try Self.demo(directory)
        let path = directory.file("spec.xlsx")
        let run = try CLI.run(["config", workspace, "--out", path, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "client data is readable by the owner only")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            let entry = try #require(archive[name])
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let workbook = try part("xl/workbook.xml")
        for sheet in ["Сущности", "Воронки", "Поля", "Автоматизации", "Роли и права", "Интеграции", "Панели и KPI", "Перенос данных"] {
            #expect(workbook.contains("name=\"\(sheet)\""), "missing sheet \(sheet)")
        }
        #expect(try part("xl/worksheets/sheet2.xml").contains("Расчёт"))
        // LibreOffice, where installed, reads every sheet.
        guard let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = [
            "--headless", "-env:UserInstallation=file://\(directory.path)/lo", "--convert-to", "html", "--outdir", directory.path, path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let html = try String(contentsOfFile: directory.file("spec.html"), encoding: .utf8)
        #expect(html.contains("Перенос данных") && html.contains("Зависла через, дн."))
    }
}
