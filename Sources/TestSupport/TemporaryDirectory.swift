import AuditModel
import Foundation
import Workspace

/// A fresh directory under the system's temporary folder, removed by `remove()`.
package struct TemporaryDirectory: Sendable {
    package let path: String

    package init(_ label: String = "crm-audit-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(label)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `name` inside the directory.
    package func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    package func write(_ text: String, to name: String) throws -> String {
        let target = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A new workspace in a temporary directory, for tests.
package func makeTestWorkspace(client: String = "Test Client", roundDate: Day = Day(year: 2026, month: 11, day: 29)!)
    throws -> (Workspace, TemporaryDirectory)
{
    let directory = TemporaryDirectory()
    let workspace = try Workspace.create(at: directory.file("test.crmaudit"), client: client, roundDate: roundDate)
    return (workspace, directory)
}
