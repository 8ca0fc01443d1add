import AuditModel
import Foundation
import Importers
import Workspace

/// Runs the importer over a file the way the CLI does, accepting only a report or a clear error.
public enum ImportHarness {
    /// `import --dry-run` of `path` as `kind`: reads the whole file, maps it, converts every value.
    public static func dryRun(_ path: String, as kind: DatasetKind, mapping: MappingFile? = nil) {
        var options = ImportOptions(kind: kind)
        options.mapping = mapping
        options.dryRun = true
        do {
            let report = try Importer.dryRun(path, options: options)
            for problem in report.problems {
                for language in Language.allCases where !problem.formatted(in: language).contains(path) {
                    finding("a row problem without its file: \(problem.formatted(in: language))")
                }
            }
        } catch {
            requireClearError(error, naming: path, or: mapping.map { [$0.path] } ?? [])
        }
    }

    nonisolated(unsafe) private static var workspace: (workspace: Workspace, round: AuditRound)?
    nonisolated(unsafe) private static var imports = 0

    /// A real import of `path` as `kind` with `--skip-bad-rows --replace`, into a workspace that
    /// is made afresh every 200 imports (so it stays small): the path that stores rows, takes
    /// text straight from a CSV record's bytes and writes the rejects file, which a dry run skips.
    public static func store(_ path: String, as kind: DatasetKind) {
        let (workspace, round) = currentWorkspace()
        var options = ImportOptions(kind: kind)
        options.skipBadRows = true
        options.replace = true
        do {
            _ = try Importer.importFile(path, into: workspace, round: round, options: options)
        } catch {
            requireClearError(error, naming: path)
        }
        imports += 1
    }

    private static func currentWorkspace() -> (workspace: Workspace, round: AuditRound) {
        if let workspace, imports < 200 { return workspace }
        workspace = nil
        imports = 0
        let file = Scratch.folder + "/fuzz.crmaudit"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        do {
            let created = try Workspace.create(at: file, client: "Fuzz", roundDate: Day(ordinal: 20_786))  // 2026-11-29
            let opened = (workspace: created, round: try created.round())
            workspace = opened
            return opened
        } catch {
            finding("cannot create the scratch workspace \(file): \(error)")
        }
    }
}
