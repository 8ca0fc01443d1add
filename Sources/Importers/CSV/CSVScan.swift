/// Reads a delimited file through ``CSVReader`` and only counts: the benchmark of parsing alone.
package enum CSVScan {
    /// What a scan counted.
    package struct Result: Sendable {
        /// Records (lines, or more for quoted line breaks), the header included.
        package var records: Int
        /// Fields in all records.
        package var fields: Int
        /// Bytes of the file.
        package var bytes: Int
        /// The bytes of all fields, so that the fields are really looked at.
        package var fieldBytes: Int
    }

    /// Scans `path` (encoding and delimiter detected as an import would; no fingerprint).
    package static func run(path: String) throws -> Result {
        let reader = try CSVReader(path: path, fingerprint: false)
        var result = Result(records: 0, fields: 0, bytes: 0, fieldBytes: 0)
        while try reader.nextRecord() {
            result.records += 1
            result.fields += reader.fieldCount
            result.fieldBytes += reader.recordByteCount
        }
        result.bytes = reader.bytesRead
        return result
    }
}
