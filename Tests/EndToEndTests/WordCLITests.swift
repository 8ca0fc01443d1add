import Foundation
import TestSupport
import Testing

/// `crm-audit report --out report.docx` opens in an office suite without repair and says what
/// the page says. Checked by converting it with LibreOffice where it is installed.
@Suite(.serialized) struct WordCLITests {
    static let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: CLI.isBuilt && office != nil))
    func libreOfficeReadsTheWordCopyWithTheSameHeadingsAndFindings() throws {
        let directory = TemporaryDirectory("crm-audit-docx")
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let workspace = directory.file("technosnab.crmaudit"), docx = directory.file("report.docx"), json = directory.file("r.json")
        let run = try CLI.run(["report", workspace, "--out", docx, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CLI.run(["report", workspace, "--out", json, "--lang", "ru"]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.office))
        process.arguments = [
            "--headless", "-env:UserInstallation=file://\(directory.path)/lo", "--convert-to", "txt:Text",
            "--outdir", directory.path, docx,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: directory.file("report.txt"), encoding: .utf8)
        for heading in [
            "Резюме для руководителя", "Выявленные проблемы", "Рекомендуемая настройка CRM", "Три решения для руководителя",
            "План проекта", "Какая CRM подходит", "Во что обойдётся и что вернёт",
        ] {
            #expect(text.contains(heading), "missing: \(heading)")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let gaps = (object["findings"] as? [[String: Any]] ?? []).filter { ["finding", "warn"].contains($0["status"] as? String) }
        #expect(gaps.count > 5)
        for finding in gaps {
            let title = try #require((finding["title"] as? [String: String])?["ru"])
            #expect(text.contains(title), "missing finding: \(title)")
        }
    }
}
