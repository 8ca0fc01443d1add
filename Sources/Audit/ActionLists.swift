import Analytics
import AuditModel
import Foundation
import Report
import Rules

/// The full lists behind the findings that show records — the overdue regulars to call, the
/// large customers whose purchases fell, the customers nobody looks after, the lines to fix —
/// as a workbook the client's people can work through: the report shows the first rows of each,
/// the workbook all of them, one sheet per finding.
package struct ActionLists: Sendable {
    /// One finding's list.
    package struct List: Sendable {
        /// The finding's reference, also the sheet's name (`RET-010`).
        package var ruleID: String
        /// The finding's title.
        package var title: LocalizedText
        /// What the list holds (``SampleSet/title``).
        package var subject: LocalizedText
        /// The columns, as the rule names them.
        package var fields: [String]
        /// Every record of the set.
        package var rows: [[String]]
    }

    /// The lists, in the order of the findings.
    package var lists: [List]

    /// The lists of the gaps among `findings` that show records, read in full from `analysis`
    /// (a round's stored analysis keeps only a sample's first records: pass one just computed).
    package init(findings: [Finding], analysis: any RoundAnalysis) {
        lists = findings.filter(\.isGap).compactMap { finding in
            guard let samples = finding.samples, let set = SampleSet(rawValue: samples.set) else { return nil }
            let table = analysis.sample(set, limit: Int.max)
            guard table.total > 0 else { return nil }
            let fields = samples.fields.filter(table.columns.contains)
            let indices = fields.compactMap { table.columns.firstIndex(of: $0) }
            return List(
                ruleID: finding.ruleID, title: finding.title, subject: set.title, fields: fields,
                rows: table.rows.map { row in indices.map { row[$0] ?? "" } })
        }
    }

    /// The sheet of `ruleID`'s list in the workbook, nil when the finding has none.
    package func sheetName(for ruleID: String) -> String? {
        lists.contains { $0.ruleID == ruleID } ? ruleID : nil
    }

    /// The workbook: a contents sheet, then one sheet per list with typed cells (money and counts
    /// as numbers, dates as dates, changes as percents), so that the lists sort and filter.
    package func workbook(language: Language) throws -> Data {
        let format = AuditModel.Formatter(language)
        let contents = SpreadsheetWriter.Sheet(
            name: Text.contents[language],
            header: Text.contentsHeader.map { $0[language] },
            rows: lists.map { list in
                [
                    .text(list.ruleID), .text(list.title[language]), .text(list.subject[language].capitalizedFirst),
                    .number(Double(list.rows.count)),
                ]
            })
        let sheets = lists.map { list in
            var sheet = SpreadsheetWriter.Sheet(
                name: list.ruleID,
                rows: [
                    [.title("\(list.ruleID) · \(list.title[language])")],
                    [
                        .text(
                            Text.count[language].replacingOccurrences(of: "{subject}", with: list.subject[language].capitalizedFirst)
                                .replacingOccurrences(of: "{count}", with: format.count(Double(list.rows.count))))
                    ],
                    [],
                    list.fields.map { .bold(SampleColumns.title($0, language)) },
                ]
                    + list.rows.map { row in zip(list.fields, row).map { field, value in Self.cell(value, field: field, format) } },
                frozenRows: 4)
            sheet.widths = list.fields.map { SampleColumns.kind($0) == .text ? 32 : 16 }
            return sheet
        }
        return try SpreadsheetWriter(sheets: [contents] + sheets).data()
    }

    private static func cell(_ value: String, field: String, _ format: AuditModel.Formatter) -> SpreadsheetWriter.Cell {
        guard !value.isEmpty else { return .empty }
        switch SampleColumns.kind(field) {
        case .money, .count: return Double(value).map { .number($0) } ?? .text(value)
        case .share, .change: return Double(value).map { .percent($0) } ?? .text(value)
        case .date: return Day(iso: value).map { .date($0) } ?? .text(value)
        case .text: return .text(SampleColumns.value(value, field: field, format))
        }
    }

    private enum Text {
        static let contents = AuditText.contents.text()
        static let contentsHeader = [
            AuditText.findingSheet.text(),
            AuditText.whatWasFound.text(),
            AuditText.list.text(),
            AuditText.records.text(),
        ]
        static let count = AuditText.subjectCountInAll.text()
    }
}
