import ArgumentParser
import Foundation

/// `crm-audit manual`: writes the man page (troff, section 1) generated from the command
/// definitions themselves, so that it never drifts from `--help`. `scripts/install.sh` installs
/// its output as `share/man/man1/crm-audit.1` (hidden from the help).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the man page generated from the command definitions. / Страница man из описаний команд.",
        shouldDisplay: false)

    func run() throws {
        Terminal.printDocument(Manual.page(date: Date()))
    }
}

/// The man page: name, synopsis, description, then one section per visible subcommand with its
/// own help text, and the files and environment the tool uses.
enum Manual {
    static func page(date: Date) -> String {
        let root = CRMAudit.configuration
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        var lines = [
            ".TH CRM-AUDIT 1 \"\(day)\" \"crm-audit \(VersionText.tool)\" \"User Commands\"",
            ".SH NAME", "crm-audit \\- \(escape(root.abstract))",
            ".SH SYNOPSIS", ".B crm-audit", ".I command", "[options]",
            ".SH DESCRIPTION",
            escape(
                "A consultant's toolkit for CRM-readiness audits: a bilingual interview, importers for the client's "
                    + "exports (Excel, 1C CSV in Windows-1251, XML), exact metrics, a rules engine that checks what the company "
                    + "says against what its data shows, scores, an executive report (HTML, PDF, Markdown, JSON) and the "
                    + "recommended CRM configuration. Everything about one client lives in one SQLite workspace file, readable "
                    + "by its owner only."),
            ".SH COMMANDS",
        ]
        for command in root.subcommands where command.configuration.shouldDisplay {
            let name = command.configuration.commandName ?? "\(command)"
            lines.append(".SS \(escape(name))")
            lines.append(".nf")
            lines.append(escape(CRMAudit.helpMessage(for: command, columns: 100)))
            lines.append(".fi")
        }
        lines += [
            ".SH ENVIRONMENT",
            ".TP", ".B CRM_AUDIT_LANG", "ru or en: the language of messages (else the locale).",
            ".TP", ".B CRM_AUDIT_HOME",
            escape("A folder holding questionnaires/, rulesets/ and examples/ to use instead of the bundled ones."),
            ".SH FILES",
            ".TP", ".I PREFIX/share/crm-audit",
            escape("The bundled questionnaire, rulesets, example company and docs, found beside the installed binary."),
            ".TP", ".I WORKSPACE.bak", escape("The automatic backup of a workspace (docs/recovery.md)."),
            ".SH EXIT STATUS", escape("0 on success; 1 when the input or the workspace is refused, with the reason on standard error."),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for troff: backslashes, and a leading dot or quote that would start a request.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }
}
