import AuditModel
import Foundation

/// Reads a file in large chunks, fingerprinting every byte with SHA-256 on the way, so that a
/// file is read once however large it is.
package struct FileInput: ~Copyable {
    package let path: String
    private let descriptor: Int32
    private var hasher = SHA256()
    package private(set) var bytesRead = 0
    package private(set) var isAtEnd = false
    private var scratch: [UInt8]
    private let fingerprint: Bool

    /// Opens `path` for reading; `fingerprint` false skips the SHA-256 (for parsing benchmarks).
    package init(path: String, chunkSize: Int = 1 << 20, fingerprint: Bool = true) throws(ImportError) {
        self.path = path
        self.fingerprint = fingerprint
        var status = stat()
        guard stat(path, &status) == 0 else { throw ImportError.fileNotFound(path: path) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw ImportError.notAFile(path: path) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        scratch = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { close(descriptor) }

    /// Reads the next chunk and hands it to `body`; returns false at the end of the file.
    package mutating func readChunk(_ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(ImportError) -> Bool {
        guard !isAtEnd else { return false }
        let capacity = scratch.count
        let count = scratch.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, capacity) }
        guard count >= 0 else { throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        if count == 0 {
            isAtEnd = true
            return false
        }
        bytesRead += count
        scratch.withUnsafeBufferPointer { pointer in
            let chunk = UnsafeBufferPointer(rebasing: pointer[0..<count])
            if fingerprint { hasher.update(chunk) }
            body(chunk)
        }
        return true
    }

    /// The SHA-256 of everything read so far (the whole file once ``isAtEnd``).
    package mutating func sha256() -> String {
        var copy = hasher
        return copy.finalizeHex()
    }

    /// Reads the rest of the file only to finish its fingerprint.
    package mutating func drain() throws(ImportError) {
        while try readChunk({ _ in }) {}
    }
}

/// The SHA-256 of a whole file, read in chunks.
package func fileSHA256(_ path: String) throws(ImportError) -> String {
    var input = try FileInput(path: path)
    try input.drain()
    return input.sha256()
}
