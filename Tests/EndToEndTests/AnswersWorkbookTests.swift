import AuditModel
import Foundation
import Questionnaire
import TestSupport
import Testing
import Workspace

@testable import Audit

/// The questionnaire as a workbook the client fills before the visit: written with drop-downs
/// and checks, read back with every answer and its respondent, every problem named by cell.
@Suite struct AnswersWorkbookTests {
    let questionnaire: Questionnaire
    let person = Respondent(name: "А. В. Соколов", role: "руководитель отдела продаж")

    init() throws {
        questionnaire = try Questionnaire.resolve("crm-readiness")
    }

    func answer(_ id: String, _ value: AnswerValue, note: String? = nil) -> Answer {
        Answer(questionID: id, value: value, note: note, source: .workbook, answeredAt: "2026-12-01T10:00:00Z", respondent: person)
    }

    /// Writes `answers` into a workbook and reads it back.
    func roundTrip(_ answers: [Answer], respondent: Respondent?, language: Language = .ru)
        throws -> (answers: [Answer], diagnostics: [Diagnostic], path: String)
    {
        let directory = TemporaryDirectory("crm-audit-workbook")
        let path = directory.file("form.xlsx")
        let data = try AnswersWorkbook.data(
            questionnaire: questionnaire, answers: answers, respondent: respondent, client: "ООО «Тест»",
            language: language)
        try data.write(to: URL(fileURLWithPath: path))
        let read = try AnswersWorkbook.read(path: path, questionnaire: questionnaire, answeredAt: "2026-12-01T10:00:00Z", respondent: nil)
        return (read.answers, read.diagnostics, path)
    }

    @Test(arguments: [Language.ru, .en])
    func everyKindOfAnswerComesBackWithItsRespondent(language: Language) throws {
        let given = [
            answer("company_business_model", .option("b2b")),
            answer("company_managers_count", .number(9)),
            answer("company_history_years", .dontKnow),
            answer("goals_main", .options(["grow_sales", "retain_customers"]), note: "со слов собственника"),
            answer("org_departments", .options([])),
            answer("proj_golive", .date(Day(year: 2027, month: 4, day: 1) ?? Day(ordinal: 0))),
            answer("company_industry", .text("Оптовая торговля инструментом")),
            answer("tools_has_crm", .bool(false)),
        ]
        let read = try roundTrip(given, respondent: person, language: language)
        #expect(read.diagnostics.filter { $0.severity == .error }.isEmpty, "\(read.diagnostics)")
        let byID = Dictionary(read.answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        for expected in given {
            let got = try #require(byID[expected.questionID], "missing \(expected.questionID)")
            #expect(got.value == expected.value, "\(expected.questionID)")
            #expect(got.respondent == person)
            #expect(got.source == .workbook)
        }
        #expect(byID["goals_main"]?.note == "со слов собственника")
        #expect(read.answers.count == given.count)
    }

    @Test func aBlankFormReadsAsNoAnswersAndNeedsNoName() throws {
        let read = try roundTrip([], respondent: nil)
        #expect(read.answers.isEmpty)
        #expect(read.diagnostics.isEmpty)
    }

    @Test func answersWithoutTheRespondentsNameAreRefusedAtTheNameCell() throws {
        let read = try roundTrip([answer("company_managers_count", .number(9))], respondent: nil)
        let error = try #require(read.diagnostics.first { $0.severity == .error })
        #expect(error.location?.cell == "Анкета!D3")
    }

    @Test func aWrongValueIsNamedBySheetAndCell() throws {
        // A value the spreadsheet's check would refuse, typed past it (or pasted).
        let read = try roundTrip([answer("company_managers_count", .text("девять"))], respondent: person)
        let error = try #require(read.diagnostics.first { $0.severity == .error })
        let cell = try #require(error.location?.cell)
        #expect(cell.hasPrefix("Анкета!D"))
        #expect(error.formatted(in: .ru).contains("девять"))
    }

    @Test func theWorkbookHasItsInstructionsListsAndProtection() throws {
        let directory = TemporaryDirectory("crm-audit-workbook-parts")
        let path = directory.file("form.xlsx")
        try AnswersWorkbook.data(questionnaire: questionnaire, answers: [], respondent: nil, client: "", language: .ru)
            .write(to: URL(fileURLWithPath: path))
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = [
            "python3", "-c",
            """
            import zipfile,sys
            z=zipfile.ZipFile(sys.argv[1]); print(z.read('xl/workbook.xml').decode()); print(z.read('xl/worksheets/sheet2.xml').decode())
            """, path,
        ]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        unzip.waitUntilExit()
        try #require(unzip.terminationStatus == 0, "python3 is needed to look inside the workbook")
        #expect(text.contains("name=\"Как заполнять\""))
        #expect(text.contains("<workbookProtection lockStructure=\"1\"/>"))
        #expect(text.contains("state=\"hidden\""))
        #expect(text.contains("<sheetProtection sheet=\"1\""))
        #expect(text.contains("type=\"list\""))
        #expect(text.contains("type=\"date\""))
        #expect(text.contains("type=\"decimal\""))
    }
}

/// The workbook as a client really fills it: openpyxl types into it (drop-down choices, a
/// "don't know", a tick, a date), LibreOffice saves it again, and `answers import` takes it all
/// with the respondent; a second person's different answer shows as a disagreement.
@Suite(.serialized) struct AnswersWorkbookClientTests {
    static let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let openpyxl: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openpyxl"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static let fill = """
        import openpyxl, sys, datetime
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Анкета"]
        ws["D3"] = sys.argv[3]; ws["D4"] = sys.argv[4]
        rows = {ws.cell(r, 1).value: r for r in range(8, ws.max_row + 1) if ws.cell(r, 1).value}
        lists = wb["Lists"]
        def choices(question):
            for dv in ws.data_validations.dataValidation:
                if str(dv.sqref) == "D%d" % rows[question]:
                    first, last = dv.formula1.split("!")[1].replace("$", "").split(":")
                    return [c[0].value for c in lists[first:last]]
        ws.cell(rows["company_business_model"], 4).value = choices("company_business_model")[0]
        ws.cell(rows["company_managers_count"], 4).value = 9
        ws.cell(rows["company_customers_count"], 4).value = int(sys.argv[5])
        ws.cell(rows["company_history_years"], 5).value = "не знаю"
        ws.cell(rows["goals_main:grow_sales"], 4).value = "да"
        ws.cell(rows["goals_main:retain_customers"], 4).value = "да"
        ws.cell(rows["goals_main"], 6).value = "со слов " + sys.argv[3]
        ws.cell(rows["proj_golive"], 4).value = datetime.date(2027, 4, 1)
        wb.save(sys.argv[2])
        """

    static func python(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", fill] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: CLI.isBuilt && office != nil && openpyxl))
    func aWorkbookFilledInExcelAndSavedByLibreOfficeImportsWithItsRespondent() throws {
        let directory = TemporaryDirectory("crm-audit-workbook-client")
        let workspace = directory.file("w.crmaudit")
        #expect(try CLI.run(["init", workspace, "--client", "ООО «Тест»"]).status == 0)
        let form = directory.file("form.xlsx")
        let export = try CLI.run(["answers", workspace, "export", form, "--lang", "ru"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try Self.python([form, directory.file("sokolov.xlsx"), "А. В. Соколов", "руководитель отдела продаж", "800"]) == 0)
        #expect(try Self.python([form, directory.file("owner.xlsx"), "И. И. Смирнов", "генеральный директор", "1200"]) == 0)
        // Saved again by LibreOffice, as a client without Excel would.
        let office = Process()
        office.executableURL = URL(fileURLWithPath: try #require(Self.office))
        office.arguments = [
            "--headless", "-env:UserInstallation=file://\(directory.path)/lo", "--convert-to", "xlsx",
            "--outdir", directory.file("lo"), directory.file("sokolov.xlsx"),
        ]
        office.standardOutput = FileHandle.nullDevice
        office.standardError = FileHandle.nullDevice
        try office.run()
        office.waitUntilExit()
        let resaved = directory.file("lo/sokolov.xlsx")
        try #require(FileManager.default.fileExists(atPath: resaved))

        let first = try CLI.run(["answers", workspace, "import", resaved])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported 6 answer"))
        #expect(try CLI.run(["answers", workspace, "import", directory.file("owner.xlsx")]).status == 0)

        let listing = try CLI.run(["answers", workspace, "list", "company_customers_count"])
        #expect(listing.stdout.contains("А. В. Соколов (руководитель отдела продаж): 800"))
        #expect(listing.stdout.contains("И. И. Смирнов (генеральный директор): 1200"))
        #expect(listing.stdout.contains("disagree"))
        let all = try CLI.run(["answers", workspace, "list"])
        #expect(all.stdout.contains("don't know"))
        #expect(all.stdout.contains("2027-04-01"))

        let check = try CLI.run(["check", workspace, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let disagreements = try #require(object["disagreements"] as? [[String: Any]])
        #expect(disagreements.map { $0["question"] as? String } == ["company_customers_count"])
        let findings = object["findings"] as? [[String: Any]] ?? []
        #expect(findings.first { $0["id"] as? String == "ADOPT-006" }?["status"] as? String == "finding")

        // The consultant settles it: the sales head's figure counts from now on.
        #expect(try CLI.run(["answers", workspace, "choose", "company_customers_count", "--respondent", "А. В. Соколов"]).status == 0)
        let chosen = try CLI.run(["answers", workspace, "list", "company_customers_count"])
        #expect(chosen.stdout.contains("800 customers  ← counts (chosen by the consultant)"))
        #expect(try CLI.run(["answers", workspace, "import", directory.file("owner.xlsx")]).status == 0)
        #expect(try CLI.run(["answers", workspace, "list", "company_customers_count"]).stdout.contains("800 customers  ← counts (chosen"))
    }
}

@Suite struct AnswersWorkbookHelpTests {
    @Test func helpAddressedToTheConsultantIsLeftOutOfTheClientsForm() {
        #expect(
            AnswersWorkbook.clientHelp("Без базовой линии рост нельзя доказать. Попросите цифры за прошлый год.")
                == "Без базовой линии рост нельзя доказать.")
        #expect(AnswersWorkbook.clientHelp("Спросите прямо: «Если завтра уйдёт лучший менеджер?»") == "")
        #expect(AnswersWorkbook.clientHelp("Считайте всех, кто ведёт клиентов.") == "Считайте всех, кто ведёт клиентов.")
        #expect(
            AnswersWorkbook.clientHelp("Without a baseline growth cannot be shown. Ask for last year's figures.")
                == "Without a baseline growth cannot be shown.")
    }
}
