import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

/// Runs the built `crm-audit` binary (built by `swift build --build-tests`).
struct Binary {
    static let path = packageRoot + "/.build/debug/crm-audit"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func process(_ arguments: [String], language: String = "en", home: Bool = true) -> (Process, Pipe, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CRM_AUDIT_LANG"] = language
        if home { environment["CRM_AUDIT_HOME"] = packageRoot } else { environment.removeValue(forKey: "CRM_AUDIT_HOME") }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        return (process, input, output, error)
    }

    static func run(_ arguments: [String], input: String = "", language: String = "en", home: Bool = true) throws -> Result {
        let (process, stdin, stdout, stderr) = process(arguments, language: language, home: home)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Binary.path), "build crm-audit first"))
struct CommandLineTests {
    func workspace(_ directory: TemporaryDirectory) throws -> String {
        let path = directory.file("w.crmaudit")
        _ = try Workspace.create(at: path, client: "ООО «ТехноСнаб»", roundDate: Day(year: 2026, month: 11, day: 29)!)
        return path
    }

    @Test func anInterviewDrivenThroughAPipe() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let questionnaire = try directory.write(smallQuestionnaire(), to: "small.yaml")
        let path = try workspace(directory)
        let result = try Binary.run(["interview", path, "--questionnaire", questionnaire], input: "2\nyes\n2026-03-01\n1,2\n7\nAll good\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Interview complete: 6 of 6 questions answered."))
        #expect(!result.stdout.contains("\u{1B}["))
        let stored = try Workspace.open(at: path)
        #expect(try stored.answers(round: try stored.round()).count == 6)
        #expect(try stored.round().questionnaireID == "small")
    }

    @Test func resumesAfterTheProcessIsKilledMidInterview() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let questionnaire = try directory.write(smallQuestionnaire(), to: "small.yaml")
        let path = try workspace(directory)
        let (process, stdin, _, _) = Binary.process(["interview", path, "--questionnaire", questionnaire])
        try process.run()
        stdin.fileHandleForWriting.write(Data("3\nno\n".utf8))  // two answers, then the process hangs waiting for more
        let store = try Workspace.open(at: path)
        var waited = 0
        while try store.answers(round: try store.round()).count < 2, waited < 200 {
            usleep(50_000)
            waited += 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try store.answers(round: try store.round()).count == 2)

        let resumed = try Binary.run(["interview", path, "--questionnaire", questionnaire], input: "1\n4\nok\n")
        #expect(resumed.status == 0)
        #expect(!resumed.stdout.contains("Criteria?"), "answered questions are not asked again")
        #expect(resumed.stdout.contains("Where?  [where]"))
        #expect(resumed.stdout.contains("question 3 of 5"))
        #expect(try store.answers(round: try store.round()).count == 5)
    }

    @Test func editsOneQuestion() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try workspace(directory)
        let result = try Binary.run(["interview", path, "--question", "goals_success_criteria", "--lang", "ru"], input: "2\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Есть ли измеримые критерии успеха CRM-проекта?"))
        let store = try Workspace.open(at: path)
        #expect(try store.answers(round: try store.round()).map(\.value) == [.option("verbal")])
    }

    @Test func lintFailsWithEveryProblemAndPassesTheBundledQuestionnaire() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let bad = try directory.write(smallQuestionnaire().replacingOccurrences(of: "score: 0,", with: "score: 5,"), to: "bad.yaml")
        let failed = try Binary.run(["lint", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("bad.yaml:20:31: error: option score 5 is out of range 0–4"))
        #expect(failed.stderr.components(separatedBy: "\n").filter { $0.contains("error:") }.count == 2)
        let passed = try Binary.run(["lint", packageRoot + "/questionnaires"])
        #expect(passed.status == 0)
        #expect(passed.stdout.contains("0 errors, 0 warnings"))
    }

    @Test func answersExportAndImportRoundTripThroughCSV() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let first = try workspace(directory)
        #expect(try Binary.run(["answers", first, "import", packageRoot + "/examples/technosnab/answers.yaml"]).status == 0)
        let csv = directory.file("answers.csv")
        #expect(try Binary.run(["answers", first, "export", csv, "--lang", "ru"]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: csv)
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o077 == 0)
        let second = directory.file("second.crmaudit")
        _ = try Workspace.create(at: second, client: "copy", roundDate: Day(ordinal: 0))
        let imported = try Binary.run(["answers", second, "import", csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        let a = try Workspace.open(at: first), b = try Workspace.open(at: second)
        let left = try a.answers(round: try a.round()).map { "\($0.questionID)=\($0.value) \($0.note ?? "")" }.sorted()
        let right = try b.answers(round: try b.round()).map { "\($0.questionID)=\($0.value) \($0.note ?? "")" }.sorted()
        #expect(left == right)
    }

    @Test func aBadImportStoresNothingAndNamesEveryLine() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try workspace(directory)
        let file = try directory.write(
            "question_id;answer\ngoals_success_criteria;all\ncompany_managers_count;-3\ntools_has_crm;да\n", to: "a.csv")
        let result = try Binary.run(["answers", path, "import", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a.csv:2: error: «goals_success_criteria»: no option 'all'"))
        #expect(result.stderr.contains("a.csv:3: error: «company_managers_count»: The number of managers is 0 to 10,000."))
        let store = try Workspace.open(at: path)
        #expect(try store.answers(round: try store.round()).isEmpty)
    }

    @Test func scoresTheTechnoSnabAnswers() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try workspace(directory)
        #expect(try Binary.run(["answers", path, "import", packageRoot + "/examples/technosnab/answers.yaml"]).status == 0)
        let json = try Binary.run(["questionnaire", "score", path, "--format", "json"])
        #expect(json.status == 0)
        struct Document: Decodable {
            var overall: Double?
            var areas: [AreaMaturity]
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8))
        #expect(document.areas.count == 13)
        #expect((document.overall ?? 100) < 40, "TechnoSnab is an early-stage company")
        #expect(document.areas.first { $0.area == "marketing" }?.notApplicable == 1)
        let text = try Binary.run(["questionnaire", "score", path, "--lang", "ru"])
        #expect(text.stdout.contains("Цели и критерии успеха"))
        #expect(text.stdout.contains("Итого (взвешенно по областям):"))
    }

    @Test func printsABlankFormInBothLanguages() throws {
        let ru = try Binary.run(["questionnaire", "print", "crm-readiness", "--format", "html", "--lang", "ru"])
        #expect(ru.status == 0)
        #expect(ru.stdout.contains("<h1>Готовность компании к CRM</h1>"))
        let en = try Binary.run(["questionnaire", "print", "crm-readiness", "--format", "md", "--lang", "en"])
        #expect(en.stdout.hasPrefix("# CRM readiness"))
        let found = try Binary.run(["questionnaire", "print", "crm-readiness"], home: false)
        #expect(found.status == 0, "found next to the executable without CRM_AUDIT_HOME: \(found.stderr)")
        let missing = try Binary.run(["questionnaire", "print", "no-such-thing"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot find 'questionnaires/no-such-thing.yaml'"))
    }
}
