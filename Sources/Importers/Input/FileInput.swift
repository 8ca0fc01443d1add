import AuditModel
import Foundation

/// Reads a file in large chunks, fingerprinting every byte with SHA-256 on the way, so that a
/// file is read once however large it is.
package struct FileInput: ~Copyable {
    package let path: String
    private let descriptor: Int32
    private var hasher = SHA256()
    /// Hashes copies of the chunks on its own thread, when asked for (see `init`).
    private var background: BackgroundHasher?
    package private(set) var bytesRead = 0
    package private(set) var isAtEnd = false
    private var scratch: [UInt8]
    private let fingerprint: Bool

    /// Opens `path` for reading; `fingerprint` false skips the SHA-256 (for parsing benchmarks).
    /// `hashInBackground` hashes each chunk on a thread of its own, off the thread that reads
    /// and parses (the bytes hashed are still exactly the bytes read).
    package init(path: String, chunkSize: Int = 1 << 20, fingerprint: Bool = true, hashInBackground: Bool = false) throws(ImportError) {
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
        if fingerprint && hashInBackground { background = BackgroundHasher() }
    }

    deinit {
        close(descriptor)
        background?.stop()
    }

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
            if let background { background.update(chunk) } else if fingerprint { hasher.update(chunk) }
            body(chunk)
        }
        return true
    }

    /// The SHA-256 of everything read so far (the whole file once ``isAtEnd``).
    package mutating func sha256() -> String {
        if let background {
            // Any later chunk is hashed here, on from the state the thread reached.
            hasher = background.stop()
            self.background = nil
        }
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

/// A SHA-256 computed on a thread of its own from copies of the chunks handed to it; at most
/// four chunks wait, so memory stays bounded when hashing falls behind reading.
///
/// Unchecked: `chunks` and `stopping` are read and written only with `condition` locked; the
/// hashing runs on a ``Background`` whose result ``stop()`` waits for.
final class BackgroundHasher: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var stopping = false
    private let capacity = 4
    private var hashing: Background<SHA256>?

    init() {
        hashing = Background { [self] in run() }
    }

    /// Queues a copy of `chunk`; waits while four chunks are queued.
    func update(_ chunk: UnsafeBufferPointer<UInt8>) {
        let copy = Array(chunk)
        condition.lock()
        while chunks.count >= capacity { condition.wait() }
        chunks.append(copy)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every queued chunk is hashed, ends the thread and returns the hash state.
    @discardableResult
    func stop() -> SHA256 {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        return (try? hashing?.wait()) ?? SHA256()
    }

    private func run() -> SHA256 {
        var hasher = SHA256()
        condition.lock()
        while true {
            while chunks.isEmpty && !stopping { condition.wait() }
            if chunks.isEmpty {
                condition.unlock()
                return hasher
            }
            let chunk = chunks.removeFirst()
            condition.broadcast()
            condition.unlock()
            hasher.update(chunk)
            condition.lock()
        }
    }
}
