import Foundation
import Questionnaire

/// What `crm-audit --version` prints: the tool's version, then the id and version of each
/// bundled questionnaire and ruleset it finds, and where it found them, so that a consultant can
/// tell which method an installed copy applies.
enum VersionText {
    /// The tool's own version (also `CRMAudit.configuration.version`).
    static let tool = "0.2.0"

    /// The full text, one line per bundled content file.
    static func render() -> String {
        var lines = ["crm-audit \(tool)"]
        for folder in ["questionnaires", "rulesets"] {
            guard let directory = ContentLocator.folder(folder) else {
                lines.append("  \(folder): not found / не найдены")
                continue
            }
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files {
                let header = headerFields(of: directory + "/" + file)
                lines.append("  \(folder)/\(file): \(header.id ?? "?") \(header.version ?? "?")")
            }
            lines.append("  (\(directory))")
        }
        return lines.joined(separator: "\n")
    }

    /// The top-level `id:` and `version:` of a bundled YAML file, read from its first lines
    /// (the formats put them at the top; reading the whole file is not needed for a version).
    private static func headerFields(of path: String) -> (id: String?, version: String?) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return (nil, nil) }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        var id: String?, version: String?
        for line in head.split(separator: "\n") {
            if id == nil, line.hasPrefix("id:") { id = value(line.dropFirst(3)) }
            if version == nil, line.hasPrefix("version:") { version = value(line.dropFirst(8)) }
        }
        return (id, version)
    }

    private static func value(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
