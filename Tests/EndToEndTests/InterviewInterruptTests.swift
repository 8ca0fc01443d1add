import Foundation
import TestSupport
import Testing

/// Ctrl-C in the interview says that the answers are saved and how to go on, and exits with 130.
@Suite struct InterviewInterruptTests {
    @Test(.enabled(if: CLI.isBuilt))
    func ctrlCSaysTheAnswersAreSavedAndHowToContinue() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let workspace = directory.file("t.crmaudit")
        #expect(try CLI.run(["init", workspace, "--client", "T"]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["interview", workspace]
        process.environment = ["CRM_AUDIT_LANG": "en", "CRM_AUDIT_HOME": CLI.packageRoot, "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        let errors = directory.file("err"), output = directory.file("out")
        FileManager.default.createFile(atPath: errors, contents: nil)
        FileManager.default.createFile(atPath: output, contents: nil)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        // Answer the first question, then interrupt once the second one is asked.
        input.fileHandleForWriting.write(Data("1\n".utf8))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning,
            !((try? String(contentsOfFile: output, encoding: .utf8))?.contains("company_industry") ?? false)
        {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGINT)
        let stop = Date().addingTimeInterval(20)
        while process.isRunning && Date() < stop { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let message = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(message.contains("Interview interrupted (Ctrl-C) at question '"), "names where it stopped: \(message)")
        #expect(
            message.contains("Every answer given is already saved. To go on from this question: crm-audit interview \(workspace)"),
            "\(message)")
        let answers = try CLI.run(["answers", workspace, "export", directory.file("a.yaml")])
        #expect(answers.status == 0)
        #expect(try String(contentsOfFile: directory.file("a.yaml"), encoding: .utf8).contains("company_business_model: b2b"))
    }
}
