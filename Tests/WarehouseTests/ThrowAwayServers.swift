import Foundation
import TestSupport
import Testing

/// Database servers a project script starts in a temporary folder and stops (`scripts/pg-cluster.sh`,
/// `scripts/ch-cluster.sh`): the script writes the address to `DIR/url` once they answer and the
/// password to `DIR/password`.
struct ThrowAwayServers {
    let script: String
    let folder: TemporaryDirectory
    let url: String
    let password: String

    /// Runs `script start DIR arguments…` and waits (90 seconds at most) for its address. Nil when
    /// the engine is not `installed` — then the test passes without it, unless the run demands every
    /// end-to-end tool (`CRM_AUDIT_REQUIRE_BINARY=1`, as CI does) and `install` is recorded as an issue.
    static func start(script: String, arguments: [String] = [], installed: Bool, install: String) throws -> ThrowAwayServers? {
        guard installed else {
            if ProcessInfo.processInfo.environment["CRM_AUDIT_REQUIRE_BINARY"] == "1" { Issue.record(Comment(rawValue: install)) }
            return nil
        }
        let folder = TemporaryDirectory("servers")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: repositoryPath(script))
        process.arguments = ["start", folder.file("cluster")] + arguments
        // The servers started in the background inherit what the script's output is: a file, so
        // that nothing waits for a pipe they keep open.
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait for the address rather than for the process, whose servers live on.
        let deadline = ContinuousClock.now + .seconds(90)
        var written: String?
        while written == nil, ContinuousClock.now < deadline {
            written = try? String(contentsOfFile: folder.file("cluster/url"), encoding: .utf8)
            if written == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard let url = written?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else {
            Issue.record("\(script) start gave no address within 90 seconds")
            return nil
        }
        let password = try String(contentsOfFile: folder.file("cluster/password"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return ThrowAwayServers(script: script, folder: folder, url: url, password: password)
    }

    /// A file the script wrote in its folder.
    func file(_ name: String) -> String { folder.file("cluster/" + name) }

    func stop() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: repositoryPath(script))
        process.arguments = ["stop", folder.file("cluster")]
        try? process.run()
        process.waitUntilExit()
        folder.remove()
    }
}
