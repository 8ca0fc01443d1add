import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A connection to ClickHouse through its HTTP interface (plain HTTP/1.0, one request per query):
/// every query read-only (`readonly=1`) unless asked otherwise, and under `max_execution_time`.
///
/// No TLS: reach a server outside the local network through a tunnel (`ssh -L`).
package final class ClickHouseConnection {
    private let source: DatabaseSource
    private let authorization: String
    private let readOnly: Bool
    private let seconds: Int
    /// False for an account whose profile is read-only: it may not set `readonly` or the time limit.
    private var sendsSettings = true
    /// Bytes of the bodies the queries brought back.
    package private(set) var bytesReceived = 0

    /// Connects to `source` as its user with `password` (none: an empty one), and runs a first
    /// query so that a wrong address or password is told at once; the password is not kept in
    /// clear (only in the request header's encoding, for this connection's life).
    package init(_ source: DatabaseSource, password: String?, readOnly: Bool = true, timeout: Duration = .seconds(600))
        throws(WarehouseError)
    {
        self.source = source
        self.readOnly = readOnly
        seconds = max(1, Int(timeout.components.seconds) + (timeout.components.attoseconds > 0 ? 1 : 0))
        authorization = "Basic " + Data("\(source.user):\(password ?? "")".utf8).base64EncodedString()
        do {
            _ = try rows("SELECT 1")
        } catch .query(_, let message) where message.hasPrefix("Code: 164") && readOnly {
            // A read-only account (`readonly=1` in its profile) may change no setting: the server
            // already keeps it from writing, and its profile's own time limit applies.
            sendsSettings = false
            do {
                _ = try rows("SELECT 1")
            } catch .query(_, let message) {
                throw .connection(source.url, message: message)
            }
        } catch .query(_, let message) {
            throw .connection(source.url, message: message)
        }
        bytesReceived = 0
    }

    /// Runs `sql` (a SELECT, written without a FORMAT clause) and returns its rows, each value as
    /// ClickHouse writes it in `TabSeparated` (nil for NULL).
    package func rows(_ sql: String) throws(WarehouseError) -> [[String?]] {
        try StatementTiming.measure(sql) { () throws(WarehouseError) in
            let body = try request(query: nil, body: Array((sql + "\nFORMAT TabSeparated").utf8))
            bytesReceived += body.count
            return Self.tabSeparated(body)
        }
    }

    /// Runs `statement`, its tables sent as external data (a `multipart/form-data` body, each table
    /// a part in `TabSeparated`, its structure in the query string): temporary tables the query
    /// reads on the server it asks, allowed to a read-only account.
    package func rows(_ statement: SQLStatement) throws(WarehouseError) -> [[String?]] {
        guard !statement.tables.isEmpty else { return try rows(statement.sql) }
        let boundary = "crm-audit-" + String(UInt64.random(in: 1...UInt64.max), radix: 16)
        var body: [UInt8] = []
        for table in statement.tables {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(table.name)\"; filename=\"\(table.name).tsv\"\r\n\r\n".utf8)
            for row in table.rows {
                body += Array(row.map { $0.map(Self.tabEscaped) ?? "\\N" }.joined(separator: "\t").utf8)
                body.append(10)
            }
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let settings = statement.tables.map { (key: "\($0.name)_structure", value: $0.structure) }
        let answer = try StatementTiming.measure(statement.sql) { () throws(WarehouseError) in
            try request(
                query: statement.sql + "\nFORMAT TabSeparated", body: body, settings: settings,
                contentType: "multipart/form-data; boundary=\(boundary)")
        }
        bytesReceived += answer.count
        return Self.tabSeparated(answer)
    }

    /// `text` as a `TabSeparated` value.
    static func tabEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result
    }

    /// Runs `sql`, sending `data` after it (`INSERT INTO t FORMAT CSV` and its lines), with
    /// `settings` for this query (`insert_distributed_sync`): to load test and benchmark data on a
    /// writable connection.
    package func execute(_ sql: String, data: [UInt8] = [], settings: KeyValuePairs<String, String> = [:]) throws(WarehouseError) {
        _ = try request(query: sql, body: data, settings: Array(settings))
    }

    private func request(
        query: String?, body: [UInt8], settings: [(key: String, value: String)] = [], contentType: String? = nil
    ) throws(WarehouseError) -> [UInt8] {
        var parameters = [("database", source.database)]
        // External tables' structures are not settings: an account that may set nothing sends them too.
        let structures = settings.filter { $0.key.hasSuffix("_structure") }
        parameters += structures.map { ($0.key, $0.value) }
        if sendsSettings {
            parameters +=
                [("max_execution_time", String(seconds))]
                + settings.filter { !$0.key.hasSuffix("_structure") }.map { ($0.key, $0.value) }
            if readOnly { parameters.append(("readonly", "1")) }
        }
        if let query { parameters.append(("query", query)) }
        let target = "/?" + parameters.map { "\($0.0)=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
        let head =
            "POST \(target) HTTP/1.0\r\nHost: \(source.host):\(source.port)\r\nAuthorization: \(authorization)\r\n"
            + (contentType.map { "Content-Type: \($0)\r\n" } ?? "") + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = try exchange(Array(head.utf8) + body)
        guard let end = Self.headerEnd(response) else { throw .connection(source.url, message: "no HTTP response") }
        let statusLine = String(decoding: response[..<(response.firstIndex(of: 13) ?? end)], as: UTF8.self)
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let content = Array(response[(end + 4)...])
        guard status == 200 else {
            let message = String(decoding: content, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .query(source.url, message: message.isEmpty ? statusLine : String(message.prefix(2_000)))
        }
        return content
    }

    /// Sends `bytes` and reads the whole answer (the server closes the connection after it).
    private func exchange(_ bytes: [UInt8]) throws(WarehouseError) -> [UInt8] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(source.host, String(source.port), &hints, &found)
        guard resolved == 0, let first = found else {
            throw .connection(source.url, message: String(cString: gai_strerror(resolved)))
        }
        defer { freeaddrinfo(found) }
        var lastError = ECONNREFUSED
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let candidate = address {
            address = candidate.pointee.ai_next
            let socket = Glibc.socket(candidate.pointee.ai_family, candidate.pointee.ai_socktype, candidate.pointee.ai_protocol)
            guard socket >= 0 else {
                lastError = errno
                continue
            }
            defer { close(socket) }
            // Linux applies the send timeout to connect(): ten seconds to reach the server.
            Self.setTimeout(socket, SO_SNDTIMEO, seconds: 10)
            guard connect(socket, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) == 0 else {
                lastError = errno
                continue
            }
            Self.setTimeout(socket, SO_SNDTIMEO, seconds: seconds + 30)
            Self.setTimeout(socket, SO_RCVTIMEO, seconds: seconds + 30)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { throw .connection(source.url, message: String(cString: strerror(errno))) }
                sent += count
            }
            var response: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { break }
                guard count > 0 else { throw .connection(source.url, message: String(cString: strerror(errno))) }
                response += buffer[..<count]
            }
            return response
        }
        throw .connection(source.url, message: String(cString: strerror(lastError)))
    }

    private static func setTimeout(_ socket: Int32, _ option: Int32, seconds: Int) {
        var value = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// `text` for a URL's query part: everything but the unreserved characters percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// The rows of a `TabSeparated` body: `\N` is NULL, backslash escapes are undone.
    static func tabSeparated(_ body: [UInt8]) -> [[String?]] {
        var rows: [[String?]] = []
        var row: [String?] = []
        var field: [UInt8] = []
        var escaped = false, isNull = false
        func endField() {
            row.append(isNull && field.isEmpty ? nil : String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            isNull = false
        }
        for byte in body {
            if escaped {
                escaped = false
                switch byte {
                case UInt8(ascii: "N") where field.isEmpty: isNull = true
                case UInt8(ascii: "t"): field.append(9)
                case UInt8(ascii: "n"): field.append(10)
                case UInt8(ascii: "r"): field.append(13)
                case UInt8(ascii: "0"): field.append(0)
                case UInt8(ascii: "b"): field.append(8)
                case UInt8(ascii: "f"): field.append(12)
                default: field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"): escaped = true
            case 9: endField()
            case 10:
                endField()
                rows.append(row)
                row = []
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !row.isEmpty || isNull {
            endField()
            rows.append(row)
        }
        return rows
    }
}

extension ClickHouseConnection: DatabaseConnection {}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
