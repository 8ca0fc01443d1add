import AuditModel
import Foundation

/// Finds a content folder shipped with crm-audit (`questionnaires`, `rulesets`, …).
///
/// Searched in order: `$CRM_AUDIT_HOME/<folder>`; the current directory and each of its
/// parents; the running executable's directory and each of its parents. The first existing
/// directory wins.
package enum ContentLocator {
    /// No content folder or file of that name was found.
    package struct NotFound: AuditError {
        package var folder: String
        package var name: String?

        package func message(in language: Language) -> String {
            let what = name.map { "\(folder)/\($0)" } ?? folder
            return switch language {
            case .ru: "не найдено «\(what)»: задайте CRM_AUDIT_HOME (папку, где лежит \(folder)/) или запустите crm-audit из папки проекта"
            case .en: "cannot find '\(what)': set CRM_AUDIT_HOME to the folder holding \(folder)/, or run crm-audit from the project folder"
            }
        }
    }

    /// The directories searched for `folder`, in order (whether or not they exist).
    package static func candidates(for folder: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                                   currentDirectory: String = FileManager.default.currentDirectoryPath,
                                   executable: String? = CommandLine.arguments.first) -> [String] {
        var result: [String] = []
        if let home = environment["CRM_AUDIT_HOME"], !home.isEmpty { result.append(join(home, folder)) }
        result += ancestors(of: currentDirectory).map { join($0, folder) }
        if let executable {
            let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
            result += ancestors(of: resolved).map { join($0, folder) }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// The first existing directory named `folder`.
    package static func folder(_ folder: String) -> String? {
        candidates(for: folder).first { isDirectory($0) }
    }

    /// The file `name` in the first `folder` that has it.
    package static func file(named name: String, in folder: String) -> String? {
        for directory in candidates(for: folder) where isDirectory(directory) {
            let path = join(directory, name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    private static func ancestors(of path: String) -> [String] {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var result = [url.path]
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            result.append(url.path)
        }
        return result
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
