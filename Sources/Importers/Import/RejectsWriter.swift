import AuditModel
import Foundation

/// The rows an import leaves out with `--skip-bad-rows`, written to their file as they come
/// (line, reasons, the original cells; UTF-8 with `;`, readable by Excel; mode 0600), never
/// held in memory: 2 million bad rows used to hold 2.3 GB (issue 17).
///
/// Rows go to a hidden temporary file beside the target; ``commit()`` renames it over the
/// target once the import is done, and a writer dropped without it deletes its file, so that a
/// failed or repeated pass leaves nothing behind.
final class RejectsWriter {
    /// The rejects file's path.
    let target: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// Rows written.
    private(set) var count = 0

    /// Bytes gathered before each write to the file.
    private static let bufferSize = 1 << 16

    /// Creates the temporary file for the rejects file `target` and writes its header: line,
    /// reason, then the file's `headers`.
    init(target: String, headers: [String]) throws(ImportError) {
        self.target = target
        let url = URL(fileURLWithPath: target)
        let unique = "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".\(unique).tmp"
        descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ImportError.cannotWrite(path: target, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, 0o600)
        buffer.reserveCapacity(RejectsWriter.bufferSize * 2)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
        let header =
            Importer.rejectsHeaderPrefix.components(separatedBy: ";")
            + headers.enumerated().map { index, name in
                name.isEmpty ? "#\(index + 1)" : name
            }
        Importer.appendCSVLine(header.map(CSVField.text), to: &buffer)
    }

    deinit { discard() }

    /// Appends one rejected row.
    func write(line: Int, reason: String, cells: [String]) throws(ImportError) {
        // The cells are the client's, as they were: neutralised against formulas.
        Importer.appendCSVLine([.formatted(String(line)), .text(reason)] + cells.map(CSVField.text), to: &buffer)
        count += 1
        if buffer.count >= RejectsWriter.bufferSize { try flush() }
    }

    /// Writes out what is gathered.
    private func flush() throws(ImportError) {
        guard descriptor >= 0 else { return }
        let failure = writeAll(descriptor, buffer)
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw ImportError.cannotWrite(path: target, reason: String(cString: strerror(failure))) }
    }

    /// Finishes the file and moves it to ``target``; returns the target's path.
    func commit() throws(ImportError) -> String {
        try flush()
        guard descriptor >= 0 else { return target }
        let synced = fsync(descriptor) == 0 ? nil : errno
        close(descriptor)
        descriptor = -1
        if let synced {
            unlink(temporary)
            throw ImportError.cannotWrite(path: target, reason: String(cString: strerror(synced)))
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ImportError.cannotWrite(path: target, reason: reason)
        }
        return target
    }

    /// Deletes the temporary file, unless committed.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}

/// Writes all of `bytes` to `descriptor`; the `errno` of a failure, or nil.
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { raw -> Int32? in
        guard let base = raw.baseAddress else { return nil }
        var written = 0
        while written < raw.count {
            let result = write(descriptor, base + written, raw.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}
