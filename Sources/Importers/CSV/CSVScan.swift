/// Reads a delimited file through ``CSVReader`` and only counts: the benchmark of parsing alone.
public enum CSVScan {
    public struct Result: Sendable {
        public var records: Int
        public var fields: Int
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
