import AuditModel
import Foundation

/// Finds a content folder shipped with crm-audit (`questionnaires`, `rulesets`, …).
///
/// Searched in order: `$CRM_AUDIT_HOME/<folder>`; the installed layout beside the running
/// executable (`<prefix>/bin/crm-audit` → `<prefix>/share/crm-audit/<folder>`, symlinks resolved,
/// as `scripts/install.sh` lays it out); the current directory and each of its parents; the
/// executable's directory and each of its parents (a checkout's `.build/release/crm-audit`).
/// The first existing directory wins.
package enum ContentLocator {
    /// No content folder or file of that name was found.
    package struct NotFound: AuditError {
        package var folder: String
        package var name: String?

        package init(folder: String, name: String? = nil) {
            self.folder = folder
            self.name = name
        }

        package func message(in language: Language) -> String {
            let what = name.map { "\(folder)/\($0)" } ?? folder
            return QuestionnaireText.cannotFindInstallCrmAuditWith.text(["what": .value(what), "folder": .value(folder)])[language]
        }
    }

    /// The directories searched for `folder`, in order (whether or not they exist).
    package static func candidates(
        for folder: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String? = runningExecutable
    ) -> [String] {
        var result: [String] = []
        if let home = environment["CRM_AUDIT_HOME"], !home.isEmpty { result.append(join(home, folder)) }
        let executableDirectory = executable.map {
            URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent()
        }
        if let executableDirectory {
            let prefix = executableDirectory.deletingLastPathComponent().path
            result.append(join(join(join(prefix, "share"), "crm-audit"), folder))
        }
        result += ancestors(of: currentDirectory).map { join($0, folder) }
        if let executableDirectory {
            result += ancestors(of: executableDirectory.path).map { join($0, folder) }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// The path of the running executable: `/proc/self/exe` on Linux (right whether the tool was
    /// started by a path, through `PATH` or through a symlink), else the first argument.
    package static var runningExecutable: String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first
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
