import Foundation

/// Where a fuzz target writes the files it hands to the parsers that read from a path.
///
/// `$FUZZ_SCRATCH` when set (scripts/fuzz.sh sets it and removes it afterwards), else a folder
/// in `/dev/shm` (memory, so writing an input per execution costs microseconds) or the
/// temporary folder; one subfolder per process, since libFuzzer's fork mode runs children.
public enum Scratch {
    public static let folder: String = {
        let base = ProcessInfo.processInfo.environment["FUZZ_SCRATCH"]
            ?? (FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        let folder = base + "/crm-audit-fuzz-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            finding("cannot create the scratch folder \(folder): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Scratch.folder) }
        return folder
    }()

    /// Writes `bytes` to `name` in the scratch folder and returns its path.
    public static func write(_ bytes: some Collection<UInt8>, as name: String) -> String {
        let path = folder + "/" + name
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            finding("cannot write \(path): \(error)")
        }
        return path
    }
}

/// The fuzz input as bytes.
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The repository's root, found from this file's place (Fuzz/Sources/FuzzSupport).
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// Points crm-audit at this repository's `questionnaires/` and `rulesets/`.
public func useRepositoryContent() {
    setenv("CRM_AUDIT_HOME", repositoryRoot, 1)
}
