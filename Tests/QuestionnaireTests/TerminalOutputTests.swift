import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Questionnaire

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Binary.path), "build crm-audit first"))
struct TerminalOutputTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    private func harmless(_ text: String) -> Bool {
        !text.contains("\u{1B}") && !text.contains("\u{07}") && !text.contains("\u{202E}")
    }

    /// A piped interview echoes the typed answers; a hostile one reaches stdout harmless and is
    /// stored without its escape sequences.
    @Test func aHostileAnswerIsPrintedHarmlessAndStoredClean() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let questionnaire = try directory.write(smallQuestionnaire(), to: "small.yaml")
        let path = directory.file("w.crmaudit")
        _ = try Workspace.create(at: path, client: "ООО \u{202E}«Ромашка»" + Self.hostile, roundDate: Day(year: 2026, month: 11, day: 29)!)
        let input = "nope\(Self.hostile)\n2\nyes\n2026-03-01\n1,2\n7\nAll\(Self.hostile) good\n"
        let run = try Binary.run(["interview", path, "--questionnaire", questionnaire], input: input)
        #expect(run.status == 0)
        #expect(run.stdout.contains("no option 'nope'"))
        #expect(run.stdout.contains("All good"))
        #expect(harmless(run.stdout) && harmless(run.stderr), "\(run.stdout.debugDescription)")
        let stored = try Workspace.open(at: path)
        #expect(try stored.answers(round: try stored.round()).first { $0.questionID == "comment" }?.value == .text("All good"))
    }

    /// A lint message quotes the pattern, which may hold escape sequences of its own.
    @Test func aLintMessageQuotingAHostilePatternIsHarmless() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let text = smallQuestionnaire().replacingOccurrences(
            of: "{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\"", with: "{pattern: \"\\e]0;pwned\\a(a)\\\\1\"")
        let file = try directory.write(text, to: "q.yaml")
        let run = try Binary.run(["lint", file])
        #expect(run.status != 0)
        #expect(run.stderr.contains("backreferences"))
        #expect(harmless(run.stderr) && harmless(run.stdout), "\(run.stderr.debugDescription)")
    }

    /// Every output of the command line goes through `Terminal`, where it is sanitised: no
    /// other file of `Sources/crm-audit` prints or writes to standard output or error.
    @Test func theCommandLinePrintsOnlyThroughTerminal() throws {
        let folder = packageRoot + "/Sources/crm-audit"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") && $0 != "Terminal.swift" }
        #expect(files.count > 10)
        for file in files {
            let source = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let calls = source.replacingOccurrences(of: "Terminal.print", with: "").replacingOccurrences(of: "Terminal.write", with: "")
            for forbidden in [
                "print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs", "putchar", "write(STDOUT_FILENO",
                "write(STDERR_FILENO", "dump(",
            ]
            where calls.contains(forbidden) {
                Issue.record("\(file) uses \(forbidden): print through Terminal instead")
            }
        }
    }
}
