import Foundation

/// Files that hold client data (workspaces, reports, exports, rejected rows) are created
/// readable and writable by their owner only (mode 0600).
public enum PrivateFile {
    /// The error when a file cannot be written.
    public struct WriteError: AuditError {
        public var path: String
        public var reason: String

        public var location: SourceLocation? { SourceLocation(file: path) }

        public func message(in language: Language) -> String {
            switch language {
            case .ru: "не удалось записать файл \(path): \(reason). Проверьте, что папка существует и доступна для записи."
            case .en: "cannot write \(path): \(reason). Check that the folder exists and is writable."
            }
        }
    }

    /// Writes `data` to `path` atomically (a temporary file renamed over the target), mode 0600.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        // createFile honours the umask only for the mode it creates with; enforce 0600 explicitly.
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// Creates an empty file with mode 0600, failing if it exists.
    public static func createEmpty(at path: String) throws(WriteError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
        chmod(path, 0o600)
    }
}
