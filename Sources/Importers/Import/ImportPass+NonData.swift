import AuditModel
import Foundation

/// A group row of a grouped report, kept until the line after it shows whether lines belong to
/// it (blank in its column) or it was a data line with values missing.
struct PendingGroup {
    let line: Int
    let column: Int
    let problems: [RowProblem]
    let cells: [String]
}

extension ImportPass {
    /// Sees whether `row` is data: a row that is not (a total, a repeated header, a unit row, a
    /// separator, a group row) is counted and skipped, and this returns true. `bad`: the problems
    /// its values had when read as data; `values`: the values read.
    ///
    /// A good row is looked at only for a totals label in its first values (a cheap look at the
    /// bytes first): rows of data pay almost nothing.
    func screen(_ row: SourceRow, bad: [RowProblem], values: UnsafeBufferPointer<StoredValue>) throws -> Bool {
        if bad.isEmpty {
            if let column = orderStatusColumn, let status = cellText(row, column: column), OrderStatus.isCancelled(status) {
                skip(.cancelled, row: row, text: status)
                return true
            }
            guard let label = firstLabel(row), NonDataClassifier.isTotalLabel(label, strict: true) else {
                try settlePendingGroup(row)
                return false
            }
            skip(.total, row: row, text: label)
            return true
        }
        let cells = allCells(row)
        if let kind = NonDataClassifier.classify(cells, headers: mapping.headers) {
            skip(kind, row: row, text: Self.joined(cells))
            return true
        }
        // A row of numbers only whose amount is the sum of the rows above: an unlabelled subtotal.
        if NonDataClassifier.groupCandidate(cells) == nil, runningRows >= 2, let amountField,
            case .real(let amount) = values[amountField], abs(amount - runningAmount) < 0.005,
            cells.allSatisfy({ $0.isEmpty || NonDataClassifier.looksNumeric($0.trimmingCharacters(in: .whitespaces)) })
        {
            skip(.total, row: row, text: Self.joined(cells))
            return true
        }
        // A group row: its name (and perhaps its total) alone, the other fields blank, not wrong.
        if bad.allSatisfy({ $0.value == nil }), let group = NonDataClassifier.groupCandidate(cells) {
            if let pending = pendingGroup {
                // A group row right under another: nested groups (manager, then customer) when
                // in another column; in the same column the first one had no lines.
                if pending.column == group.column { try rejectPendingGroup() } else { confirm(pending) }
            }
            carried[group.column] = group.value
            pendingGroup = PendingGroup(line: row.line, column: group.column, problems: bad, cells: cells)
            rowsRead -= 1
            runningAmount = 0
            runningRows = 0
            return true
        }
        try settlePendingGroup(row)
        return false
    }

    /// A data row under a group row: blank in the group's column, it confirms the group (its
    /// value was carried into the row); otherwise the group row was a line with values missing.
    private func settlePendingGroup(_ row: SourceRow) throws {
        guard let pending = pendingGroup else { return }
        let blank: Bool
        if !inHead, let reader = (source as? CSVRowSource)?.csvReader {
            blank = pending.column >= reader.fieldCount || reader.isBlank(pending.column)
        } else {
            blank = pending.column >= row.cells.count || row.cells[pending.column].isBlank
        }
        if blank {
            confirm(pending)
        } else {
            try rejectPendingGroup()
        }
    }

    private func confirm(_ pending: PendingGroup) {
        nonData.add(.group, line: pending.line, text: Self.joined(pending.cells), limit: options.problemLimit)
        pendingGroup = nil
    }

    /// The waiting group row turned out to be a data line with values missing: a bad row.
    func rejectPendingGroup() throws {
        guard let pending = pendingGroup else { return }
        pendingGroup = nil
        carried[pending.column] = nil
        rowsRead += 1
        try reject(line: pending.line, bad: pending.problems) { pending.cells }
    }

    private func skip(_ kind: NonDataRowKind, row: SourceRow, text: String) {
        rowsRead -= 1
        nonData.add(kind, line: row.line, text: text, limit: options.problemLimit)
        if kind == .total || kind == .separator || kind == .repeatedHeader {
            // The group ends: lines below it belong to the next group row, not to this one.
            runningAmount = 0
            runningRows = 0
            carried = [:]
        }
    }

    /// Every value of `row` as text, by column (the CSV reader's record holds the columns the
    /// row's cells leave out).
    private func allCells(_ row: SourceRow) -> [String] {
        if !inHead, let reader = (source as? CSVRowSource)?.csvReader {
            return reader.cells(wanted: nil).map(\.display)
        }
        return row.cells.map(\.display)
    }

    /// The trimmed text of one column of `row`, nil when blank.
    private func cellText(_ row: SourceRow, column: Int) -> String? {
        if !inHead, let reader = (source as? CSVRowSource)?.csvReader {
            guard column < reader.fieldCount else { return nil }
            return reader.withTrimmedField(column) { bytes in bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        }
        guard column < row.cells.count, !row.cells[column].isBlank else { return nil }
        return row.cells[column].display.trimmingCharacters(in: .whitespaces)
    }

    /// The sales file's unmapped order-status column, if it has one.
    static func orderStatusColumn(kind: DatasetKind, mapping: ColumnMapping) -> Int? {
        guard kind == .sales else { return nil }
        let taken = Set(mapping.assignments.map(\.column))
        return mapping.headers.indices.first { !taken.contains($0) && OrderStatus.isHeader(mapping.headers[$0]) }
    }

    /// The first non-blank value of the row's first three columns, when it could be a totals label.
    private func firstLabel(_ row: SourceRow) -> String? {
        if !inHead, let reader = (source as? CSVRowSource)?.csvReader {
            for column in 0..<min(3, reader.fieldCount) {
                let found: String?? = reader.withTrimmedField(column) { bytes in
                    if bytes.isEmpty { return String??.some(nil) }
                    guard NonDataClassifier.mayBeTotalLabel(bytes) else { return String??.none }
                    return .some(String(decoding: bytes, as: UTF8.self))
                }
                switch found {
                case .some(nil): continue
                case .some(let text?): return text
                case nil: return nil
                }
            }
            return nil
        }
        for cell in row.cells.prefix(3) where !cell.isBlank {
            if case .text(let text) = cell { return text }
            return nil
        }
        return nil
    }

    private static func joined(_ cells: [String]) -> String {
        var end = cells.count
        while end > 0 && cells[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        return cells[..<end].joined(separator: ";")
    }

    /// A line where a quote opens and is never closed: a bad row at the quote, the lines after
    /// it read as usual.
    func rejectBrokenQuote(_ row: SourceRow, cells: [String]) throws {
        rowsRead += 1
        let problem = RowProblem(
            location: SourceLocation(file: path, line: row.line, column: row.brokenQuote), header: nil, field: nil, value: nil,
            reason: ImportText.aQuoteOpensHereAndIs.text())
        try reject(line: row.line, bad: [problem]) { cells }
    }

    /// For deals whose export has a stage but no status column (amoCRM, Bitrix24, Salesforce,
    /// HubSpot…: "Успешно реализовано", "Сделка провалена", "Closed Won", "closedlost", "Won"),
    /// the fields the status is read from; nil otherwise.
    static func stageStatusFields(kind: DatasetKind, mapping: ColumnMapping, positions: [String: Int]) -> (
        stage: Int, status: Int, closed: Int?
    )? {
        guard kind == .deals, let stage = positions["stage"], let status = positions["status"],
            mapping.assignments.contains(where: { $0.field == "stage" }),
            !mapping.assignments.contains(where: { $0.field == "status" })
        else { return nil }
        let closed = mapping.assignments.contains { $0.field == "closed_at" } ? positions["closed_at"] : nil
        return (stage, status, closed)
    }

    /// The status of a deal from its stage: won or lost when the stage says so, open for any
    /// other stage of a deal not closed; left empty for another stage of a closed deal.
    func deriveStatus(
        _ fields: (stage: Int, status: Int, closed: Int?), _ values: UnsafeMutableBufferPointer<StoredValue>, _ text: DirectText
    ) {
        let stage: String
        if let direct = text.string(fields.stage) {
            stage = direct
        } else if case .text(let value) = values[fields.stage] {
            stage = value
        } else {
            return
        }
        if let code = options.mapping?.stages[normalizeWord(stage)]
            ?? CodeReader.parse(stage, field: "status", codes: ["open", "won", "lost"])
        {
            values[fields.status] = .text(code)
            return
        }
        let closed = fields.closed.map { field in values[field] != .null || text.fields[field].start != DirectField.none.start } ?? false
        if !closed { values[fields.status] = .text("open") }
    }
}
