/// Reads a delimited file through ``CSVReader`` and only counts: the benchmark of parsing alone.
public enum CSVScan {
    /// What a scan counted.
    public struct Result: Sendable {
        /// Records (lines, or more for quoted line breaks), the header included.
        public var records: Int
        /// Fields in all records.
        public var fields: Int
        /// Bytes of the file.
        public var bytes: Int
        /// The bytes of all fields, so that the fields are really looked at.
        public var fieldBytes: Int
    }

    /// Scans `path` (encoding and delimiter detected as an import would; no fingerprint).
    public static func run(path: String) throws -> Result {
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
