import Foundation

/// The path of `relative` inside this repository (for tests that read committed files such as
/// `examples/`), found from this source file's location.
package func repositoryPath(_ relative: String) -> String {
    let here = URL(fileURLWithPath: #filePath)
    // Sources/TestSupport/RepositoryPaths.swift → the repository root.
    let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(relative).path
}
