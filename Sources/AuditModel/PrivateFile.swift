import Foundation

/// Files that hold client data (workspaces, reports, exports, rejected rows) are created
/// readable and writable by their owner only (mode 0600).
///
/// Every output is checked by an ``OutputGuard`` first (never the workspace; never a file
/// crm-audit did not write, without `--force`), then written to a temporary file beside the
/// target and renamed over it: a reader sees the old file or the new one, never half of one,
/// and a failed write leaves the old file as it was.
package enum PrivateFile {
    /// The error when a file cannot be written.
    package struct WriteError: AuditError {
        package var path: String
        package var reason: String

        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        package var location: SourceLocation? { SourceLocation(file: path) }

        package func message(in language: Language) -> String {
            ModelText.cannotWriteCheckThatTheFolder.text(["path": .value(path), "reason": .value(reason)])[language]
        }
    }

    /// Writes `data` to `path` atomically (a temporary file renamed over the target), mode 0600,
    /// after `outputGuard` has allowed it. An existing file is recognised as an earlier output by
    /// ``OutputSignature/recognition(for:)`` of `data`.
    package static func write(_ data: Data, to path: String, guard outputGuard: OutputGuard = OutputGuard()) throws {
        let target = try outputGuard.check(path, expecting: OutputSignature.recognition(for: data))
        let writer = try Writer(path: path, target: target)
        try writer.write(data)
        try writer.commit()
    }

    /// Writes `text` as UTF-8.
    package static func write(_ text: String, to path: String, guard outputGuard: OutputGuard = OutputGuard()) throws {
        try write(Data(text.utf8), to: path, guard: outputGuard)
    }

    /// A new folder only its owner can enter (mode 0700) in the system's temporary folder, for a
    /// file of client data that lives only while a command runs.
    package static func temporaryFolder(prefix: String) throws(WriteError) -> String {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent(prefix + ".XXXXXX")
        var template = Array(base.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let start = buffer.baseAddress, let folder = mkdtemp(start) else { return nil }
            return String(cString: folder)
        }
        guard let made else { throw WriteError(path: base, reason: String(cString: strerror(errno))) }
        return made
    }

    /// Creates an empty file with mode 0600, failing if it exists.
    package static func createEmpty(at path: String) throws(WriteError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// A file written in pieces (a large CSV), to a temporary file that ``commit()`` renames over
    /// the target; dropped without a commit, the temporary file is removed and the target is
    /// untouched.
    package final class Writer {
        /// The path as given, for messages.
        package let path: String
        private let target: OutputGuard.Target
        private let temporary: String?
        private var descriptor: Int32
        private var finished = false
        /// The guard that decides at the commit, from the first bytes written, whether an
        /// existing file may be replaced.
        private var deferredGuard: OutputGuard?
        /// The first bytes written, for that decision.
        private var head = Data()

        /// Checks `path` with `outputGuard` and opens the temporary file.
        /// - Parameter expecting: how an earlier output of this command is recognised (see
        ///   ``OutputSignature``); nil to recognise it, at ``commit()``, by what was written (a
        ///   CSV by its header line).
        package convenience init(path: String, guard outputGuard: OutputGuard, expecting: OutputSignature.Recognition? = nil) throws {
            try self.init(path: path, target: try outputGuard.check(path, expecting: expecting))
            if expecting == nil { deferredGuard = outputGuard }
        }

        init(path: String, target: OutputGuard.Target) throws(WriteError) {
            self.path = path
            self.target = target
            switch target {
            case .stream(let device):
                temporary = nil
                descriptor = open(device, O_WRONLY | O_CLOEXEC)
            case .file(let file):
                let folder = FileIdentity.parent(of: file)
                let name = FileIdentity.lastComponent(of: file)
                let candidate = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
                temporary = candidate
                descriptor = open(candidate, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            }
            guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            // open() applies the umask to the mode; 0600 is what the file must have.
            if temporary != nil { fchmod(descriptor, 0o600) }
        }

        deinit { discard() }

        /// Appends `bytes`.
        package func write(_ bytes: some DataProtocol) throws(WriteError) {
            if deferredGuard != nil, head.count < 64 * 1024 { head.append(contentsOf: bytes.prefix(64 * 1024 - head.count)) }
            for region in bytes.regions {
                let failure: Int32 = region.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count, let base = buffer.baseAddress {
                        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            return errno
                        }
                        offset += written
                    }
                    return 0
                }
                if failure != 0 { throw WriteError(path: path, reason: String(cString: strerror(failure))) }
            }
        }

        /// Appends `text` as UTF-8.
        package func write(_ text: String) throws(WriteError) {
            try write(Array(text.utf8))
        }

        /// Flushes the file to disk and renames it over the target.
        /// - Throws: ``OutputRefusal`` when the existing file turns out not to be crm-audit's own
        ///   (the target is left as it was), ``WriteError``.
        package func commit() throws {
            guard !finished else { return }
            if let deferredGuard {
                do {
                    try deferredGuard.check(path, expecting: OutputSignature.recognition(for: head))
                } catch {
                    discard()
                    throw error
                }
            }
            finished = true
            defer { descriptor = -1 }
            guard let temporary, case .file(let file) = target else {
                close(descriptor)
                return
            }
            if fsync(descriptor) != 0 || close(descriptor) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
            if rename(temporary, file) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
        }

        /// Removes the temporary file; the target stays as it was.
        package func discard() {
            guard !finished else { return }
            finished = true
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            if let temporary { unlink(temporary) }
        }
    }
}
