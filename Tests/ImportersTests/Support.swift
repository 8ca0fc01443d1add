import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// The committed fixture `name` (Tests/ImportersTests/Fixtures).
func fixture(_ name: String) throws -> String {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return folder.appendingPathComponent(name).path
}

/// Writes `bytes` to `name` in `directory`.
@discardableResult
func writeBytes(_ bytes: [UInt8], to name: String, in directory: TemporaryDirectory) throws -> String {
    let path = directory.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// All records of a CSV file, as text fields.
func readAll(_ path: String, encoding: TextEncoding? = nil, delimiter: UInt8? = nil) throws -> [(line: Int, fields: [String])] {
    let reader = try CSVReader(path: path, encoding: encoding, delimiter: delimiter)
    var records: [(Int, [String])] = []
    while try reader.nextRecord() {
        records.append((reader.line, (0..<reader.fieldCount).map { reader.field($0) ?? "<invalid>" }))
    }
    return records
}

/// Rows of a canonical table in the workspace, as dictionaries of text.
func rows(_ workspace: Workspace, _ sql: String) throws -> [[String: String]] {
    try workspace.read { db in
        try GRDBRows.fetch(db, sql)
    }
}
