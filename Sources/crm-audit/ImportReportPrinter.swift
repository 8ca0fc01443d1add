import Analytics
import AuditModel
import Foundation
import Importers

/// The import report as the CLI prints it.
enum ImportReportPrinter {
    static func lines(_ report: ImportReport, roundNumber: Int?, matching: CustomerMatching? = nil) -> [LocalizedText] {
        var out: [LocalizedText] = []
        let name = (report.file as NSString).lastPathComponent
        let kind = MessageArgument.localized(report.kind.title)
        func number(_ value: Int) -> MessageArgument { .text(String(value)) }
        if report.dryRun {
            out.append(CLIText.importDryRun.text(["file": .text(name), "kind": kind]))
        } else {
            out.append(CLIText.importHeader.text(["file": .text(name), "kind": kind, "round": number(roundNumber ?? 0)]))
        }
        for note in report.notes {
            out.append(CLIText.importFormatNote.text(["format": .text(report.format), "note": .localized(note)]))
        }
        if report.format == "xml" {
            // Columns of XML records are their element and attribute names: no header row.
        } else if let line = report.mapping.headerLine {
            out.append(CLIText.importHeaderRow.text(["line": number(line)]))
        } else {
            out.append(CLIText.importNoHeaderRow.text())
        }
        out.append(CLIText.importMapping.text())
        let width = min(36, report.mapping.assignments.map(\.header.count).max() ?? 0)
        for assignment in report.mapping.assignments {
            let header = assignment.header.padding(toLength: max(width, assignment.header.count), withPad: " ", startingAt: 0)
            var suffix = LocalizedText(both: "")
            switch assignment.origin {
            case .mappingFile: suffix = CLIText.importFromMappingFile.text()
            case .derived: suffix = CLIText.importNameIsKey.text()
            case .automatic: break
            }
            if let decision = report.dateOrders.first(where: { $0.field == assignment.field }) {
                let order = (decision.order == .dayFirst ? CLIText.importDayFirst : CLIText.importMonthFirst).text()
                let dates = CLIText.importDateOrder.text([
                    "order": .localized(order), "dayFirst": number(decision.dayFirstOnly), "monthFirst": number(decision.monthFirstOnly),
                    "ambiguous": number(decision.ambiguous),
                    "forced": .localized(decision.forced ? CLIText.importDateOrderForced.text() : LocalizedText(both: "")),
                ])
                suffix = suffix + dates
            }
            out.append(
                CLIText.importAssignment.text(["header": .text(header), "field": .text(assignment.field), "suffix": .localized(suffix)]))
        }
        var ignored = report.mapping.ignored
        if report.kind == .sales, let status = ignored.firstIndex(where: { OrderStatus.isHeader($0) }) {
            out.append(CLIText.importOrderStatus.text(["header": .text(ignored.remove(at: status))]))
        }
        if !ignored.isEmpty {
            out.append(CLIText.importUnused.text(["list": .text(ignored.joined(separator: ", "))]))
        }
        if !report.mapping.missing.isEmpty {
            out.append(CLIText.importMissingFields.text(["list": .text(report.mapping.missing.joined(separator: ", "))]))
        }
        if report.dryRun && !report.preview.isEmpty {
            out.append(CLIText.importPreview.text())
            for row in report.preview {
                out.append(LocalizedText(both: "  " + row.map { "\($0.field)=\($0.value)" }.joined(separator: " | ")))
            }
        }
        out += nonDataLines(report.nonDataRows)
        if !report.problems.isEmpty {
            out.append(CLIText.importProblems.text(["shown": number(report.problems.count), "total": number(report.problemCount)]))
            for problem in report.problems {
                out.append(.inEach { "  " + problem.formatted(in: $0) })
            }
        }
        if report.dryRun {
            out.append(
                CLIText.importDryRunTally.text([
                    "read": number(report.rowsRead), "good": number(report.rowsRead - report.rowsRejected),
                    "bad": number(report.rowsRejected),
                ]))
            return out
        }
        out.append(
            CLIText.importTally.text([
                "read": number(report.rowsRead), "stored": number(report.rowsStored), "rejected": number(report.rowsRejected),
            ]))
        if report.replacedDataset {
            out.append(CLIText.importReplaced.text())
        }
        if let rejects = report.rejectsFile {
            out.append(CLIText.importRejectsWritten.text(["file": .text(rejects)]))
        }
        if let unknown = report.unknownCustomers, unknown.rows > 0 {
            let share = unknown.totalAmount > 0 ? unknown.amount / unknown.totalAmount : 0
            out.append(
                CLIText.importUnknownCustomers.text([
                    "rows": .inEach { Formatter($0).count(Double(unknown.rows)) },
                    "customers": .inEach { Formatter($0).count(Double(unknown.distinctCustomers)) },
                    "share": .inEach { Formatter($0).percent(share) },
                ]))
            if let matching {
                out.append(CLIText.importMatchedBelow.text())
                out += MetricTable.matchingLines(matching)
            } else {
                out.append(CLIText.importMatchedLater.text())
            }
            if unknown.matchingNames * 2 >= unknown.distinctCustomers {
                out.append(CLIText.importNamesNotCodes.text(["count": number(unknown.matchingNames)]))
            }
        }
        return out
    }

    /// The rows that were not data, by kind, and the first of them with their lines.
    static func nonDataLines(_ rows: NonDataRows) -> [LocalizedText] {
        guard rows.total > 0 else { return [] }
        let kinds = rows.counts.keys.sorted()
        let list = MessageArgument.inEach { language in
            kinds.map { CLIText.countOfKind.render(["kind": .localized($0.title), "count": .value(rows.count($0))], in: language) }
                .joined(separator: ", ")
        }
        var out = [CLIText.importNotData.text(["list": list])]
        for example in rows.examples {
            out.append(
                CLIText.importNotDataExample.text([
                    "line": .text(String(example.line)), "kind": .localized(example.kind.singular), "text": .text(example.text),
                ]))
        }
        return out
    }
}
