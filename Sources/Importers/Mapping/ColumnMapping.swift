import AuditModel
import Foundation

/// How the columns of one source file map onto the canonical fields of one ``DatasetKind``.
package struct ColumnMapping: Sendable, Equatable {
    /// How a field's column was chosen.
    package enum Origin: String, Sendable, Equatable, Codable {
        /// Recognised from the header name.
        case automatic
        /// Named in the mapping file.
        case mappingFile = "mapping-file"
        /// Taken from another field's column (`customer_id` from the name when there is no code).
        case derived
    }

    /// One canonical field read from one source column.
    package struct Assignment: Sendable, Equatable {
        /// The canonical field.
        package var field: String
        /// 0-based column index in the source row.
        package var column: Int
        /// The header as written in the file (or `#N` without a header).
        package var header: String
        /// How the column was chosen.
        package var origin: Origin
    }

    /// The kind of data mapped.
    package var kind: DatasetKind
    /// The 1-based line (CSV line, sheet row) of the header, or nil when the file has none.
    package var headerLine: Int?
    /// The header row as written (`#N` names when the file has none).
    package var headers: [String]
    /// Field by field, in the canonical model's order.
    package var assignments: [Assignment]
    /// Source columns that map to nothing, by header.
    package var ignored: [String]
    /// Canonical fields not found in the file (all optional; a missing required field is an error).
    package var missing: [String]

    /// The assignment of `field`, if any.
    package func assignment(of field: String) -> Assignment? {
        assignments.first { $0.field == field }
    }

    /// Field → header, as stored with the dataset.
    package var json: String {
        let pairs = assignments.sorted { $0.field < $1.field }.map { assignment in
            "\"\(jsonEscape(assignment.field))\":\"\(jsonEscape(assignment.header))\(assignment.origin == .derived ? " (derived)" : "")\""
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}

func jsonEscape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

/// Finds the header row among a file's first rows and maps its columns.
package enum ColumnMapper {
    /// How many leading rows are searched for the header.
    package static let headerSearchRows = 30

    /// The index (into `rows`) of the row that best looks like `kind`'s header: the one naming
    /// the most canonical fields; nil when no row names any.
    package static func headerRowIndex(_ rows: [[Cell]], kind: DatasetKind, mapping: MappingFile?) -> Int? {
        let index = HeaderSynonyms.index(for: kind)
        let explicit = Set(
            (mapping?.columns.values.compactMap { ref -> String? in
                if case .header(let name) = ref { return normalizeKey(name) } else { return nil }
            }) ?? [])
        var best: (row: Int, score: Int)?
        for (rowIndex, row) in rows.prefix(headerSearchRows).enumerated() {
            var fields = Set<String>()
            var explicitHits = 0
            var textCells = 0
            for cell in row {
                guard case .text(let text) = cell else { continue }
                let key = normalizeKey(text)
                guard !key.isEmpty else { continue }
                textCells += 1
                if explicit.contains(key) { explicitHits += 1 }
                if let match = lookup(key, in: index) { fields.insert(match.field) }
            }
            let score = explicitHits * 100 + fields.count
            guard score > 0, textCells >= 1 else { continue }
            if best == nil || score > best!.score { best = (rowIndex, score) }
        }
        return best?.row
    }

    /// Looks a normalised header up, also without a trailing unit (`суммаруб` → `сумма`).
    package static func lookup(_ key: String, in index: [String: (field: String, rank: Int)]) -> (field: String, rank: Int)? {
        if let hit = index[key] { return hit }
        for suffix in HeaderSynonyms.unitSuffixes where key.hasSuffix(suffix) && key.count > suffix.count + 1 {
            if let hit = index[String(key.dropLast(suffix.count))] { return hit }
        }
        return nil
    }

    /// Maps `headers` onto `kind`'s fields.
    /// - Throws: ``ImportError/missingRequiredColumns(path:kind:fields:headers:)``, or a
    ///   ``Diagnostic`` when the mapping file names a column the file lacks.
    package static func map(
        headers: [String], headerLine: Int?, kind: DatasetKind, mapping: MappingFile?, path: String
    ) throws -> ColumnMapping {
        let index = HeaderSynonyms.index(for: kind)
        var taken = Set<Int>()
        var assignments: [ColumnMapping.Assignment] = []
        var skipped = Set<String>()
        func header(_ column: Int) -> String {
            let text = column < headers.count ? trimmed(headers[column]) : ""
            return text.isEmpty ? "#\(column + 1)" : text
        }
        // 1. The mapping file's columns.
        for spec in kind.fields {
            guard let ref = mapping?.columns[spec.name] else { continue }
            switch ref {
            case .skip:
                skipped.insert(spec.name)
            case .position(let number):
                guard number <= max(headers.count, 1) || headers.isEmpty else {
                    throw Diagnostic(
                        at: SourceLocation(file: mapping?.path ?? path),
                        ImportText.fieldHasNoColumnItHas.text([
                            "name": .value(spec.name), "path": .value(path), "number": .value(number), "count": .value(headers.count),
                        ]))
                }
                assignments.append(.init(field: spec.name, column: number - 1, header: header(number - 1), origin: .mappingFile))
                taken.insert(number - 1)
            case .header(let name):
                let key = normalizeKey(name)
                guard let column = headers.indices.first(where: { !taken.contains($0) && normalizeKey(headers[$0]) == key }) else {
                    let list = headers.filter { !$0.isEmpty }.map { "«\($0)»" }.joined(separator: ", ")
                    throw Diagnostic(
                        at: SourceLocation(file: mapping?.path ?? path),
                        ImportText.fieldHasNoColumnItsColumns.text([
                            "name": .value(spec.name), "path": .value(path), "name2": .value(name), "list": .value(list),
                        ]))
                }
                assignments.append(.init(field: spec.name, column: column, header: header(column), origin: .mappingFile))
                taken.insert(column)
            }
        }
        // 2. Automatic: best-ranked synonym first, then leftmost column.
        var candidates: [(rank: Int, column: Int, field: String)] = []
        for (column, text) in headers.enumerated() where !taken.contains(column) {
            let key = normalizeKey(text)
            guard !key.isEmpty, let match = lookup(key, in: index) else { continue }
            candidates.append((match.rank, column, match.field))
        }
        var assigned = Set(assignments.map(\.field)).union(skipped)
        for candidate in candidates.sorted(by: { ($0.rank, $0.column) < ($1.rank, $1.column) }) {
            guard !assigned.contains(candidate.field), !taken.contains(candidate.column) else { continue }
            assignments.append(
                .init(field: candidate.field, column: candidate.column, header: header(candidate.column), origin: .automatic))
            assigned.insert(candidate.field)
            taken.insert(candidate.column)
        }
        // 3. A customer list without codes is keyed by the customer's name.
        if kind == .customers, !assigned.contains("customer_id"), let name = assignments.first(where: { $0.field == "name" }) {
            assignments.append(.init(field: "customer_id", column: name.column, header: name.header, origin: .derived))
            assigned.insert("customer_id")
        }
        let order = Dictionary(uniqueKeysWithValues: kind.fields.enumerated().map { ($1.name, $0) })
        assignments.sort { (order[$0.field] ?? 0) < (order[$1.field] ?? 0) }
        let missingRequired = kind.fields.filter { $0.required && !assigned.contains($0.name) }.map(\.name)
        if !missingRequired.isEmpty {
            throw ImportError.missingRequiredColumns(path: path, kind: kind, fields: missingRequired, headers: headers)
        }
        let ignored = headers.indices.filter { !taken.contains($0) && !trimmed(headers[$0]).isEmpty }.map(header)
        let missing = kind.fields.map(\.name).filter { !assigned.contains($0) }
        return ColumnMapping(
            kind: kind, headerLine: headerLine, headers: headers, assignments: assignments,
            ignored: ignored, missing: missing)
    }
}
