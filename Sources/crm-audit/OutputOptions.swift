import ArgumentParser
import AuditModel
import Foundation
import Workspace

/// `--force`, for the commands that write files for the user.
///
/// Without it an existing file is replaced only when crm-audit wrote it (a report, export or
/// configuration of an earlier run, see `OutputSignature`); with it any file is, except the
/// workspace, its SQLite journals and its backup, which nothing replaces.
struct OutputOptions: ParsableArguments {
    @Flag(
        help:
            "Replace an existing file that crm-audit did not write (never the workspace itself). / Заменить существующий файл, записанный не crm-audit."
    )
    var force = false

    /// The guard for this command's outputs, protecting `workspace` when there is one.
    func guarding(_ workspace: String?) -> OutputGuard {
        OutputGuard(workspace: workspace, force: force)
    }
}

/// Opens a workspace for a command and tells the user, on standard error, what opening it
/// changed (a mode set back to 0600).
func openWorkspace(_ path: String) throws -> Workspace {
    let workspace = try Workspace.open(at: path)
    for note in workspace.openingNotes {
        Terminal.printError(note[CLILanguage.current])
    }
    return workspace
}
