import AuditModel
import Foundation
import TestSupport
import Testing

/// The repeated audit as a consultant runs it from the shell: the demo audit, a second round
/// six months later, the interview confirming or changing the carried answers, then history,
/// compare and the report's progress section.
@Suite(.serialized) struct RoundsCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aSecondRoundIsStartedConfirmedAssessedComparedAndReported() throws {
        let directory = TemporaryDirectory("crm-audit-rounds-cli")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let workspace = directory.file("technosnab.crmaudit")

        // A round dated before the last one is refused, and nothing is written.
        let early = try CLI.run(["round", "new", workspace, "--date", "2026-01-01"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("earlier than the latest round's date 2026-11-25"))
        let russian = try CLI.run(["round", "new", workspace, "--date", "2026-01-01"], language: "ru")
        #expect(russian.stderr.contains("раньше даты последнего раунда 2026-11-25"))

        let started = try CLI.run(["round", "new", workspace, "--date", "2027-05-25"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("Started round 2 dated 2027-05-25"))
        #expect(started.stdout.contains("108 answers carried over, each marked \"to confirm\""))
        #expect(started.stdout.contains("Method: questionnaire crm-readiness@1.1.0; rules crm-core@1.1.0"))

        var history = try Self.json(try CLI.run(["history", workspace, "--format", "json"]).stdout)
        var rounds = try #require(history["rounds"] as? [[String: Any]])
        #expect(rounds.count == 2)
        #expect(rounds[1]["assessed"] as? Bool == false)
        #expect(rounds[1]["unconfirmed_answers"] as? Int == 108)
        #expect(rounds[1]["datasets"] as? Int == 0, "data is not carried over")

        // Comparing needs the second round assessed.
        let tooEarly = try CLI.run(["compare", workspace])
        #expect(tooEarly.status == 1)
        #expect(tooEarly.stderr.contains("comparing needs two assessed rounds, assessed: 1"))

        let notAssessed = try CLI.run(["compare", workspace, "1", "2"])
        #expect(notAssessed.status == 1)
        #expect(notAssessed.stderr.contains("round 2 has not been assessed yet"))

        // This round's data, and the backups now made regularly (option 3).
        for kind in ["customers", "sales", "managers"] {
            let run = try CLI.run(["import", workspace, CLI.packageRoot + "/examples/technosnab/\(kind).csv", "--as", kind])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let interview = try CLI.run(["interview", workspace, "--question", "dp_backup"], stdin: "3\n")
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(interview.stdout.contains("Last round's answer: Sometimes."))
        #expect(interview.stdout.contains("Press Enter to confirm it, or type the new answer"))
        #expect(try CLI.run(["check", workspace]).status == 0)

        history = try Self.json(try CLI.run(["history", workspace, "--format", "json"]).stdout)
        rounds = try #require(history["rounds"] as? [[String: Any]])
        #expect(rounds.map { $0["assessed"] as? Bool } == [true, true])
        #expect(rounds[1]["unconfirmed_answers"] as? Int == 107)
        let table = try CLI.run(["history", workspace, "--lang", "ru"])
        #expect(table.stdout.contains("25.05.2027") || table.stdout.contains("2027-05-25"))

        let comparison = try Self.json(try CLI.run(["compare", workspace, "--format", "json"]).stdout)
        #expect((comparison["from"] as? [String: Any])?["number"] as? Int == 1)
        #expect((comparison["to"] as? [String: Any])?["number"] as? Int == 2)
        #expect((comparison["resolved"] as? [[String: Any]])?.compactMap { $0["rule_id"] as? String } == ["DP-004"])
        // The consultant's waiver on DP-003 ran until 2027-03-31: in round 2 the risk counts again.
        let new = try #require(comparison["new"] as? [[String: Any]])
        #expect(new.compactMap { $0["rule_id"] as? String } == ["DP-003"])
        #expect(new.first?["before"] as? String == "waived")
        #expect((comparison["answers"] as? [[String: Any]])?.compactMap { $0["question_id"] as? String } == ["dp_backup"])
        #expect((comparison["method"] as? [String: Any])?["rules_added"] as? [String] == [])
        let areas = try #require(comparison["areas"] as? [[String: Any]])
        #expect(areas.filter { ($0["delta"] as? Double ?? 0) != 0 }.compactMap { $0["area"] as? String } == ["data_protection"])

        let text = try CLI.run(["compare", workspace, "1", "2"], language: "ru")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Решены (1):"))
        #expect(text.stdout.contains("DP-004"))
        #expect(text.stdout.contains("Иногда → Регулярно"))

        let page = directory.file("compare.html")
        #expect(try CLI.run(["compare", workspace, "--format", "html", "--out", page]).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<h1>Progress since 2026-11-25</h1>"))
        #expect(html.contains("data-chart=\"trend\""))
        let mode = try FileManager.default.attributesOfItem(atPath: page)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let report = directory.file("report.html")
        #expect(try CLI.run(["report", workspace, "--out", report, "--lang", "en"]).status == 0)
        let document = try String(contentsOfFile: report, encoding: .utf8)
        #expect(document.contains("<h2>Progress since 2026-11-25</h2>"))
        #expect(document.contains("data-series=\"Data protection and access\""))

        let bad = try CLI.run(["compare", workspace, "1"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("give two round numbers"))
    }
}

/// `init --industry` takes an industry with a bundled ruleset, or the consultant's own with
/// `--own-industry`; an unknown word is refused with the list, not silently applied as nothing.
@Suite struct IndustryChoiceCLITests {
    @Test(.enabled(if: CLI.isBuilt))
    func anUnknownIndustryIsRefusedWithTheKnownOnes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let refused = try CLI.run(["init", directory.file("a.crmaudit"), "--client", "A", "--industry", "jewellery"])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "there is no ruleset for the industry 'jewellery'; there are: b2b-services, manufacturing, retail, wholesale"),
            "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("a.crmaudit")))
        #expect(try CLI.run(["init", directory.file("b.crmaudit"), "--client", "B", "--industry", "Wholesale"]).status == 0)
        #expect(
            try CLI.run(["init", directory.file("c.crmaudit"), "--client", "C", "--industry", "jewellery", "--own-industry"]).status == 0)
        for industry in ["retail", "b2b-services", "manufacturing"] {
            #expect(try CLI.run(["init", directory.file("\(industry).crmaudit"), "--client", "D", "--industry", industry]).status == 0)
        }
    }
}
