import Foundation

/// Runs the built `crm-audit` binary (from `swift build --build-tests`) as a user would.
package enum CLI {
    /// The package's root folder.
    package static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// `.build/debug/crm-audit`.
    package static let binary = packageRoot + "/.build/debug/crm-audit"

    /// True when the binary exists, or when the run demands it (`CRM_AUDIT_REQUIRE_BINARY=1`, as
    /// `scripts/test.sh` and CI set): there an end-to-end test must fail when the binary is
    /// missing, not skip and leave the suite green without having run.
    package static var isBuilt: Bool {
        ProcessInfo.processInfo.environment["CRM_AUDIT_REQUIRE_BINARY"] == "1"
            || FileManager.default.isExecutableFile(atPath: binary)
    }

    /// What one run printed and how it ended.
    package struct Run: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// Runs `crm-audit arguments…` with `language` for messages, `stdin` piped in, in `directory`.
    /// Output goes through files, so a long output never blocks the child. `executable` runs
    /// another copy of the binary (an installed one, say).
    package static func run(
        _ arguments: [String], language: String = "en", stdin: String? = nil,
        directory: String? = nil, environment extra: [String: String] = [:],
        executable: String = binary
    ) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crm-audit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = [
            "CRM_AUDIT_LANG": language, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "CRM_AUDIT_HOME": packageRoot,
        ]
        environment.merge(extra) { $1 }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
