import AuditModel
import Foundation

/// One reading of a file from start to end: header, mapping, and every row converted.
///
/// An import normally makes one pass. When the dates of a column turn out to be month-first
/// (`03/25/2026`), the pass is rolled back and made again with that order, so that every value
/// of the column is read the same way.
final class ImportPass {
    let path: String
    let options: ImportOptions
    private(set) var source: any RowSource
    private(set) var mapping: ColumnMapping!
    private(set) var readers: [FieldReader] = []
    private var fieldIndex: [Int] = []
    // Touched on every row by the one thread running the pass: no dynamic exclusivity checks.
    @exclusivity(unchecked) var rowsRead = 0
    @exclusivity(unchecked) private(set) var rowsStored = 0
    @exclusivity(unchecked) private(set) var rowsRejected = 0
    @exclusivity(unchecked) private(set) var problems: [RowProblem] = []
    @exclusivity(unchecked) private(set) var problemCount = 0
    @exclusivity(unchecked) private(set) var preview: [[(field: String, value: String)]] = []
    /// The rejects file being written, once a row was rejected with ``ImportOptions/skipBadRows``
    /// (rows go to the file as they come: none is held in memory).
    private(set) var rejects: RejectsWriter?
    private let orders: [String: DateOrder]
    /// Rows recognised as not data (totals, repeated headers, units, separators, blank, groups).
    var nonData = NonDataRows()
    /// Group rows' values by column, carried down into the blank cells of the lines beneath.
    var carried: [Int: String] = [:]
    /// A group row waiting for its first line (a line blank in its column confirms it).
    var pendingGroup: PendingGroup?
    /// The amount of the rows stored since the last total or group row, and their number.
    var runningAmount = 0.0
    var runningRows = 0
    /// The canonical field index of `amount`, when the kind has one.
    var amountField: Int?
    /// Deals without a status column: the fields of stage, status and closing date, the status
    /// being read from the stage (see ``deriveStatus(_:_:_:)``).
    var stageStatus: (stage: Int, status: Int, closed: Int?)?
    /// For sales: the file's order-status column no field takes (CRM and shop exports list
    /// cancelled orders beside sold ones); its cancelled rows are not sales.
    var orderStatusColumn: Int?
    /// Whether the rows being processed are the first ones, read before the header was found
    /// (the CSV reader's current record is then another row).
    var inHead = false

    init(path: String, options: ImportOptions, orders: [String: DateOrder]) throws {
        self.path = path
        self.options = options
        self.orders = orders
        source = try ImportPass.open(path: path, options: options)
    }

    /// Opens the file with the reader its first bytes call for.
    static func open(path: String, options: ImportOptions) throws -> any RowSource {
        switch try FileFormat.detect(path: path) {
        case .csv:
            return try CSVRowSource(
                path: path, encoding: options.encoding ?? options.mapping?.encoding,
                delimiter: options.delimiter ?? options.mapping?.delimiter)
        case .xlsx:
            return try XLSXRowSource(path: path, sheet: options.sheet ?? options.mapping?.sheet)
        case .xml:
            return try XMLRowSource(
                path: path, recordPath: options.mapping?.xmlRecords,
                fieldPaths: options.mapping.map { Array($0.xmlFields.values) } ?? [])
        }
    }

    /// Reads the whole file. `store` receives each good row (line, one value per canonical
    /// field, and the row's ``DirectText``); nil for a dry run.
    func run(store: ((Int, UnsafeBufferPointer<StoredValue>, DirectText) throws -> Void)?) throws {
        let kind = options.kind
        // Find the header among the first rows: at most 30 of them, 16 MiB in all (each row may
        // hold up to 16 MiB: thirty such rows would hold 480 MB).
        var head: [SourceRow] = []
        var headBytes = 0
        var headBlankLines: [Int] = []
        var headBroken: [SourceRow] = []
        while head.count < ColumnMapper.headerSearchRows, headBytes <= RowLimits.standard.recordBytes,
            let row = try source.nextRow()
        {
            if row.brokenQuote != nil {
                headBroken.append(row)
                continue
            }
            if row.cells.allSatisfy(\.isBlank) {
                headBlankLines.append(row.line)
                continue
            }
            head.append(row)
            headBytes += ImportPass.textBytes(row.cells)
        }
        guard !head.isEmpty else { throw ImportError.empty(path: path) }
        let headerIndex: Int?
        if let explicit = options.mapping?.headerRow {
            if explicit == 0 {
                headerIndex = nil
            } else if let index = head.firstIndex(where: { $0.line == explicit }) {
                headerIndex = index
            } else {
                throw ImportError.malformed(
                    SourceLocation(file: path, line: explicit),
                    ImportText.headerRowFromTheMappingFile.text(["explicit": .value(explicit)]))
            }
        } else {
            guard let found = ColumnMapper.headerRowIndex(head.map(\.cells), kind: kind, mapping: options.mapping) else {
                for row in head { if let error = undecodableHeader(row) { throw error } }
                let examples = kind.fields.filter(\.required).flatMap { HeaderSynonyms.names(of: $0.name, kind: kind).prefix(2) }
                throw ImportError.noHeader(path: path, kind: kind, examples: examples)
            }
            headerIndex = found
        }
        let headers: [String]
        let dataRows: ArraySlice<SourceRow>
        if let headerIndex {
            headers = head[headerIndex].cells.map(\.display)
            dataRows = head[(headerIndex + 1)...]
        } else {
            let width = head.map(\.cells.count).max() ?? 0
            headers = (0..<width).map { "#\($0 + 1)" }
            dataRows = head[...]
        }
        do {
            mapping = try ColumnMapper.map(
                headers: headerIndex == nil ? headers.map { _ in "" } : headers,
                headerLine: headerIndex.map { head[$0].line }, kind: kind,
                mapping: options.mapping, path: path)
        } catch ImportError.missingRequiredColumns(let file, let kind, let fields, let headers) {
            // A column missing because its name does not decode: say so, not that it is missing.
            if let headerIndex, let error = undecodableHeader(head[headerIndex]) { throw error }
            throw ImportError.missingRequiredColumns(path: file, kind: kind, fields: fields, headers: headers)
        }
        if headerIndex == nil { mapping.headers = headers }
        let firstDataLine = headerIndex.map { head[$0].line + 1 } ?? 0
        for line in headBlankLines where line >= firstDataLine { nonData.add(.blank, line: line, text: "", limit: 0) }
        // Lines of an unclosed quote above the header are title lines: only those below are rows
        // (taken in their place among the first rows).
        var brokenBelow = headBroken.filter { $0.line >= firstDataLine }[...]
        // Rows need no cell past the header's and the mapped columns (see RowSource.limitWidth).
        source.limitWidth(to: max(mapping.headers.count, (mapping.assignments.map(\.column).max() ?? -1) + 1))
        let specs = kind.fields
        let positions = Dictionary(uniqueKeysWithValues: specs.enumerated().map { ($1.name, $0) })
        readers = mapping.assignments.map { assignment in
            let spec = specs[positions[assignment.field] ?? 0]
            let order = orders[assignment.field] ?? options.mapping?.dateOrder ?? .dayFirst
            return FieldReader(spec: spec, order: order, serials: source.serialDates)
        }
        fieldIndex = mapping.assignments.map { positions[$0.field] ?? 0 }
        amountField = mapping.assignments.contains { $0.field == "amount" } ? positions["amount"] : nil
        stageStatus = ImportPass.stageStatusFields(kind: kind, mapping: mapping, positions: positions)
        orderStatusColumn = ImportPass.orderStatusColumn(kind: kind, mapping: mapping)
        // The hot loop works on locals: class properties would be checked for exclusive access
        // on every field of every row.
        var readers = self.readers
        self.readers = []
        var values = [StoredValue](repeating: .null, count: kind.fields.count)
        let columns = mapping.assignments.map(\.column)
        let fieldIndex = self.fieldIndex
        // Text fields of a stored CSV file go from the record's bytes into the batch: no Swift
        // String is made for them (their cells stay empty; see `process`).
        let csv = store == nil ? nil : (source as? CSVRowSource)?.csvReader
        let direct: [DirectKind] = readers.map { reader in
            guard csv != nil else { return .none }
            switch reader.spec.type {
            case .text: return .text
            case .number, .date: return .plain
            default: return .none
            }
        }
        let directSourceColumns = columns.indices.filter { direct[$0] != .none }.map { columns[$0] }
        let fields = UnsafeMutablePointer<DirectField>.allocate(capacity: kind.fields.count)
        fields.initialize(repeating: .none, count: kind.fields.count)
        defer { fields.deallocate() }
        let text = DirectText(reader: csv, fields: fields, width: kind.fields.count, base: nil)
        // Readers and values are reached through pointers in the hot loop: no uniqueness check
        // of their arrays per field (the arrays hold every change once this returns or throws).
        defer { self.readers = readers }
        try readers.withUnsafeMutableBufferPointer { readers in
            try values.withUnsafeMutableBufferPointer { values in
                inHead = true
                for row in dataRows {
                    while let broken = brokenBelow.first, broken.line < row.line {
                        try rejectBrokenQuote(broken, cells: broken.cells.map(\.display))
                        brokenBelow = brokenBelow.dropFirst()
                    }
                    try process(row, readers, values, columns, fieldIndex, [], text, store: store)
                }
                for broken in brokenBelow { try rejectBrokenQuote(broken, cells: broken.cells.map(\.display)) }
                inHead = false
                source.restrict(to: Set(columns.indices.filter { direct[$0] == .none }.map { columns[$0] }))
                while let row = try source.nextRow() {
                    if row.brokenQuote != nil {
                        try rejectBrokenQuote(
                            row, cells: (csv ?? (source as? CSVRowSource)?.csvReader)?.cells(wanted: nil).map(\.display) ?? [])
                        continue
                    }
                    if row.cells.allSatisfy(\.isBlank) && ImportPass.allBlank(directSourceColumns, in: csv) {
                        nonData.add(.blank, line: row.line, text: "", limit: 0)
                        continue
                    }
                    try process(row, readers, values, columns, fieldIndex, direct, text, store: store)
                }
                try rejectPendingGroup()
            }
        }
    }

    /// The bytes of the texts of `cells` (other values count 8).
    private static func textBytes(_ cells: [Cell]) -> Int {
        var total = 0
        for cell in cells {
            if case .text(let text) = cell { total += text.utf8.count } else { total += 8 }
        }
        return total
    }

    /// Whether every one of `columns` of the reader's current record is blank.
    private static func allBlank(_ columns: [Int], in reader: CSVReader?) -> Bool {
        guard let reader else { return true }
        for column in columns {
            let blank = reader.withTrimmedField(column) { bytes -> Bool in
                bytes.isEmpty || (mayHaveBlankEnds(bytes) && trimmed(String(decoding: bytes, as: UTF8.self)).isEmpty)
            }
            if !blank { return false }
        }
        return true
    }

    /// How a field of a stored CSV file is read past the first rows.
    enum DirectKind {
        /// From a cell, like any other file.
        case none
        /// From the record's bytes into the batch (text fields).
        case text
        /// From the record's bytes when written the plain way (numbers, dates).
        case plain
    }

    /// `direct[i]`: how assignment `i` is read from the CSV record's bytes (its cell in `row`
    /// is empty unless `.none`); empty for rows that are not the reader's current record.
    private func process(
        _ row: SourceRow, _ readers: UnsafeMutableBufferPointer<FieldReader>, _ values: UnsafeMutableBufferPointer<StoredValue>,
        _ columns: [Int], _ fieldIndex: [Int], _ direct: [DirectKind], _ text: DirectText,
        store: ((Int, UnsafeBufferPointer<StoredValue>, DirectText) throws -> Void)?
    ) throws {
        if !direct.isEmpty, let reader = text.reader {
            // One view of the record for all its fields (not a closure per field).
            try reader.withRecord { record in
                var text = text
                text.base = record.bytes.baseAddress
                try process(row, readers, values, columns, fieldIndex, direct, record, text, store: store)
            }
        } else {
            try process(row, readers, values, columns, fieldIndex, direct, nil, text, store: store)
        }
    }

    private func process(
        _ row: SourceRow, _ readers: UnsafeMutableBufferPointer<FieldReader>, _ values: UnsafeMutableBufferPointer<StoredValue>,
        _ columns: [Int], _ fieldIndex: [Int], _ direct: [DirectKind], _ record: CSVRecord?, _ text: DirectText,
        store: ((Int, UnsafeBufferPointer<StoredValue>, DirectText) throws -> Void)?
    ) throws {
        rowsRead += 1
        for index in 0..<values.count { values[index] = .null }
        let anyDirect = !direct.isEmpty
        for index in 0..<text.width { text.fields[index] = .none }
        var bad: [RowProblem] = []
        let cells = row.cells
        let carrying = !carried.isEmpty
        for index in 0..<columns.count {
            let column = columns[index]
            var cell = column < cells.count ? cells[column] : .empty
            if let record, direct[index] != .none {
                // Well-formed text without unusual blanks at its ends is stored from its bytes,
                // plain numbers and dates are read from them; anything else is read as a cell,
                // as from any other file.
                let (start, end) = record.trimmedRange(column)
                if start == end {
                    cell = .empty
                } else {
                    let bytes = UnsafeBufferPointer(rebasing: record.bytes[start..<end])
                    let field = fieldIndex[index]
                    if direct[index] == .plain {
                        switch readers[index].readPlain(bytes) {
                        case .real(let number)?:
                            values[field] = .real(number)
                            continue
                        case .day(let year, let month, let day)?:
                            text.fields[field] = DirectField(day: year * 10_000 + month * 100 + day)
                            continue
                        case nil:
                            break
                        }
                    } else if TextEncoding.isValidUTF8(bytes) && !mayHaveBlankEnds(bytes) {
                        text.fields[field] = DirectField(start: start, end: end)
                        continue
                    }
                    cell = TextEncoding.isValidUTF8(bytes) ? .text(String(decoding: bytes, as: UTF8.self)) : .undecodable
                }
            }
            if carrying, cell.isBlank, let value = carried[column] { cell = .text(value) }
            switch readers[index].read(cell) {
            case .value(let value):
                values[fieldIndex[index]] = value
            case .problem(var reason):
                if cell == .undecodable { reason = undecodable }
                let assignment = mapping.assignments[index]
                bad.append(
                    RowProblem(
                        location: SourceLocation(file: path, line: row.line, column: assignment.column + 1),
                        header: assignment.header, field: assignment.field,
                        value: cell.isBlank ? nil : cell.display, reason: reason))
            }
        }
        if try screen(row, bad: bad, values: UnsafeBufferPointer(values)) { return }
        if let stageStatus { deriveStatus(stageStatus, values, text) }
        if bad.isEmpty {
            if let amountField, case .real(let amount) = values[amountField] {
                runningAmount += amount
                runningRows += 1
            }
            if let store, rowsRejected == 0 || options.skipBadRows {
                try store(row.line, UnsafeBufferPointer(values), text)
            }
            rowsStored += 1
            if preview.count < options.previewRows {
                preview.append(
                    mapping.assignments.enumerated().map { index, assignment in
                        let field = fieldIndex[index]
                        return (assignment.field, text.string(field) ?? values[field].display)
                    })
            }
            return
        }
        try reject(line: row.line, bad: bad) {
            (anyDirect ? (text.reader?.cells(wanted: nil) ?? row.cells) : row.cells).map(\.display)
        }
    }

    /// Counts a bad row, keeps its first problems and, with `--skip-bad-rows`, writes it with
    /// its reasons to the rejects file (`cells`: all its values).
    func reject(line: Int, bad: [RowProblem], cells: () -> [String]) throws {
        rowsRejected += 1
        problemCount += bad.count
        for problem in bad where problems.count < options.problemLimit { problems.append(problem) }
        if options.skipBadRows && !options.dryRun {
            let reason = bad.map { problem in
                "\(problem.header ?? problem.field ?? ""): " + Language.allCases.map { problem.reason[$0] }.joined(separator: " / ")
            }.joined(separator: "; ")
            let all = cells()
            if rejects == nil {
                // Never over the workspace, nor over a file that is not an earlier rejects file.
                let target = options.rejectsFile ?? Importer.rejectsPath(for: path)
                _ = try options.outputGuard.check(target, expecting: .header(Importer.rejectsHeaderPrefix))
                rejects = try RejectsWriter(target: target, headers: mapping.headers)
            }
            try rejects?.write(line: line, reason: reason, cells: all)
        }
    }

    private var encodingName: String {
        ((source as? CSVRowSource)?.dialect.encoding.rawValue ?? "UTF-8").uppercased()
    }

    /// The error for a row of the first ones that holds bytes the encoding cannot read, at the
    /// first such cell; nil when it has none.
    private func undecodableHeader(_ row: SourceRow) -> ImportError? {
        guard let column = row.cells.firstIndex(of: .undecodable) else { return nil }
        let why = undecodable
        return ImportError.malformed(
            SourceLocation(file: path, line: row.line, column: column + 1),
            ImportText.cannotReadTheHeaderTheFirst.text(["encodingName": .value(encodingName), "why": .localized(why)]))
    }

    /// What a value whose bytes do not decode is told: which encoding was used, why, what else
    /// was tried, and what to do.
    private lazy var undecodable: LocalizedText = {
        let why =
            (self.source as? CSVRowSource)?.encodingExplanation
            ?? ImportText.theFileIsReadAsUtf.text()
        return ImportText.theBytesAreNotValidFix.text(["encodingName": .value(self.encodingName), "why": .localized(why)])
    }()

    /// The order each date column should have been read in, where it differs from the one used.
    var ordersToRedo: [String: DateOrder]? {
        guard options.mapping?.dateOrder == nil, mapping != nil else { return nil }
        var changed: [String: DateOrder] = [:]
        for (index, reader) in readers.enumerated() where reader.spec.type == .date && reader.decidedOrder != reader.order {
            changed[mapping.assignments[index].field] = reader.decidedOrder
        }
        return changed.isEmpty ? nil : orders.merging(changed) { $1 }
    }

    var dateOrderDecisions: [DateOrderDecision] {
        mapping.assignments.enumerated().compactMap { index, assignment in
            let reader = readers[index]
            guard reader.spec.type == .date, reader.dayFirstOnly + reader.monthFirstOnly + reader.ambiguous > 0 else { return nil }
            return DateOrderDecision(
                field: assignment.field, header: assignment.header, order: reader.order,
                dayFirstOnly: reader.dayFirstOnly, monthFirstOnly: reader.monthFirstOnly,
                ambiguous: reader.ambiguous, forced: options.mapping?.dateOrder != nil)
        }
    }
}
