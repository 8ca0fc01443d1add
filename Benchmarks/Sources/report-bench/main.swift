// Report benchmark (issue 7: the report for 100,000 customers in under a second, PDF aside).
//
// Generates a company with `customers` customers and `lines` sale lines (Importers' sample-data
// generator), imports it into a fresh workspace, assesses it with the bundled questionnaire,
// rules and the example answers, then times the report. Peers in the same run: encoding the
// same report input as JSON (`--format json`) and computing the analytics it rests on.
import Analytics
import Audit
import AuditModel
import Foundation
import Importers
import Questionnaire
import Report
import Workspace

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let customers = arguments.first ?? 100_000
let lines = arguments.dropFirst().first ?? 1_000_000
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
setenv("CRM_AUDIT_HOME", root, 1)

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
func median<T>(_ runs: Int, _ body: () throws -> T) rethrows -> (Double, T) {
    var times: [Double] = []
    var last: T?
    for _ in 0..<runs {
        let start = clock.now
        last = try body()
        times.append(seconds(clock.now - start))
    }
    return (times.sorted()[runs / 2], last!)
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-audit-report-bench-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
print("generating \(customers) customers, \(lines) sale lines…")
let files = try SampleData.generate(into: directory, options: SampleDataOptions(customers: customers, orderLines: lines, seed: 7))
let workspace = try Workspace.create(at: directory + "/bench.crmaudit", client: "Bench", roundDate: Day(year: 2026, month: 11, day: 29)!)
let round = try workspace.round()
for file in files {
    let name = URL(fileURLWithPath: file).lastPathComponent
    guard let kind = DatasetKind.allCases.first(where: { name.hasPrefix($0.rawValue) }) else { continue }
    _ = try Importer.importFile(file, into: workspace, round: round, options: ImportOptions(kind: kind))
}
let setup = try AuditSetup.load(industry: "wholesale")
try AnswersFile.importFile(root + "/examples/technosnab/answers.yaml", into: workspace, round: round, questionnaire: setup.questionnaire)
let (analysisTime, _) = try median(3) { try Analytics.analyse(workspace, round: round) }
let assessment = try AuditPipeline.assess(workspace, setup: setup)
let input = try assessment.reportInput(workspace: workspace)
let (htmlTime, html) = median(5) { ReportRenderer.html(input, options: ReportOptions(language: .ru)) }
let (markdownTime, _) = median(5) { ReportRenderer.markdown(input, options: ReportOptions(language: .en)) }
let (jsonTime, _) = try median(5) { try ReportRenderer.json(input, options: ReportOptions(language: .en)) }
print("customers: \(customers), sale lines: \(lines), report size: \(html.utf8.count / 1024) KiB")
print(String(format: "report HTML:          %.3f s (median of 5)  target < 1 s", htmlTime))
print(String(format: "report Markdown:      %.3f s", markdownTime))
print(String(format: "peer, same input as JSON (JSONEncoder): %.3f s  → HTML / JSON = %.2f×", jsonTime, htmlTime / jsonTime))
print(String(format: "peer, the analytics behind it:          %.3f s  → HTML / analytics = %.2f×", analysisTime, htmlTime / analysisTime))
