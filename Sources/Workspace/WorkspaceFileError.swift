import AuditModel

/// What is wrong with a workspace *file* — as opposed to its content — said plainly, with what
/// to do: a read-only file or folder, a full disk, a permission, a damaged file.
public enum WorkspaceFileError: AuditError, Equatable {
    /// Why a workspace cannot be written to.
    public enum ReadOnlyReason: Sendable, Equatable {
        /// The file's mode does not let its user write it (mode given in octal, e.g. 0400).
        case fileMode(String)
        /// The folder holding it is not writable (SQLite keeps its journal files beside the workspace).
        case folder(String)
        /// The file system is mounted read-only.
        case fileSystem
    }

    /// The workspace cannot be written to.
    case readOnly(path: String, reason: ReadOnlyReason)
    /// The workspace (or the folder leading to it) cannot be read by this user.
    case permissionDenied(path: String)
    /// The disk (or the user's quota) is full.
    case diskFull(path: String)
    /// The path is a folder.
    case folder(path: String)
    /// Another program holds a lock on the workspace for longer than the wait.
    case busy(path: String)
    /// SQLite's quick check (or a read) found the file damaged. `problems` are the first lines
    /// SQLite reported; `backup` describes the automatic backup when there is one.
    case damaged(path: String, problems: [String], backup: BackupDescription?)
    /// The automatic backup could not be made; nothing was written to the workspace.
    case backupFailed(path: String, backup: String, reason: String)
    /// Any other input/output error of the operating system.
    case inputOutput(path: String, detail: String)

    /// The automatic backup of a workspace, as a recovery message names it.
    public struct BackupDescription: Sendable, Equatable {
        /// Its path (`WS.bak`).
        public var path: String
        /// When it was made, local time `YYYY-MM-DD HH:MM`.
        public var madeAt: String
    }

    public var location: SourceLocation? {
        switch self {
        case .readOnly(let path, _), .permissionDenied(let path), .diskFull(let path), .folder(let path), .busy(let path),
            .damaged(let path, _, _), .backupFailed(let path, _, _), .inputOutput(let path, _):
            SourceLocation(file: path)
        }
    }

    public func message(in language: Language) -> String {
        switch self {
        case .readOnly(let path, .fileMode(let mode)):
            return LocalizedText(
                ru:
                    "рабочий файл \(path) доступен только для чтения (права \(mode)); crm-audit нужна запись в него (в том числе для журнала SQLite). Разрешите запись: chmod 600 \(path)",
                en:
                    "the workspace \(path) is read-only (mode \(mode)); crm-audit needs to write to it (SQLite keeps its journal in it too). Make it writable: chmod 600 \(path)"
            )[language]
        case .readOnly(let path, .folder(let folder)):
            return LocalizedText(
                ru:
                    "папка \(folder) недоступна для записи, а SQLite ведёт журнал рядом с рабочим файлом \(path). Разрешите запись в папку или скопируйте рабочий файл в папку, доступную для записи",
                en:
                    "the folder \(folder) is not writable, and SQLite keeps its journal beside the workspace \(path). Make the folder writable, or copy the workspace to a writable folder"
            )[language]
        case .readOnly(let path, .fileSystem):
            return LocalizedText(
                ru:
                    "рабочий файл \(path) лежит на файловой системе, смонтированной только для чтения (диск, флешка или образ); скопируйте его на диск, доступный для записи",
                en:
                    "the workspace \(path) is on a file system mounted read-only (a disc, a locked drive or an image); copy it to a writable disk"
            )[language]
        case .permissionDenied(let path):
            return LocalizedText(
                ru:
                    "нет прав на чтение рабочего файла \(path) (или папки, в которой он лежит); он принадлежит другому пользователю или права сняты. Работайте под владельцем файла или верните права: chmod 600 \(path)",
                en:
                    "permission denied reading the workspace \(path) (or a folder on its path); it belongs to another user or its permissions were removed. Work as its owner, or restore them: chmod 600 \(path)"
            )[language]
        case .diskFull(let path):
            return LocalizedText(
                ru:
                    "на диске с рабочим файлом \(path) нет места (или исчерпана квота); последнее изменение отменено, данные в файле не повреждены. Освободите место и повторите команду",
                en:
                    "the disk holding the workspace \(path) is full (or the quota is used up); the last change was rolled back and the file is intact. Free some space and run the command again"
            )[language]
        case .folder(let path):
            return LocalizedText(
                ru: "\(path) — это папка, а не рабочий файл; укажите файл .crmaudit",
                en: "\(path) is a folder, not a workspace file; give the .crmaudit file")[language]
        case .busy(let path):
            return LocalizedText(
                ru:
                    "рабочий файл \(path) занят другой программой (идёт импорт или открыт sqlite3); дождитесь её завершения и повторите команду",
                en:
                    "the workspace \(path) is locked by another program (an import running, or sqlite3 holding it); wait for it to finish and run the command again"
            )[language]
        case .damaged(let path, let problems, let backup):
            return Self.damageMessage(path: path, problems: problems, backup: backup, language: language)
        case .backupFailed(let path, let backup, let reason):
            return LocalizedText(
                ru:
                    "не удалось сделать резервную копию \(backup) рабочего файла \(path): \(reason). В рабочий файл ничего не записано; освободите место или разрешите запись в папку и повторите команду",
                en:
                    "cannot make the backup \(backup) of the workspace \(path): \(reason). Nothing was written to the workspace; free some space or make the folder writable, and run the command again"
            )[language]
        case .inputOutput(let path, let detail):
            return LocalizedText(
                ru:
                    "ошибка ввода-вывода при работе с рабочим файлом \(path): \(detail). Проверьте диск; если файл повреждён, см. docs/recovery.md",
                en: "input/output error on the workspace \(path): \(detail). Check the disk; if the file is damaged, see docs/recovery.md")[
                    language]
        }
    }

    private static func damageMessage(path: String, problems: [String], backup: BackupDescription?, language: Language) -> String {
        let shown = problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "")
        var lines: [String] = []
        lines.append(
            LocalizedText(
                ru: "рабочий файл \(path) повреждён; проверка SQLite (quick_check) сообщает: \(shown). Файл не изменён.",
                en: "the workspace \(path) is damaged; SQLite's quick check reports: \(shown). The file was not changed.")[language])
        lines.append(LocalizedText(ru: "Как восстановить:", en: "To recover:")[language])
        if let backup {
            lines.append(
                LocalizedText(
                    ru:
                        "  1. Последняя исправная копия — автоматическая резервная копия \(backup.path) (сделана \(backup.madeAt)): сохраните повреждённый файл и верните копию: mv \(path) \(path).damaged && cp \(backup.path) \(path)",
                    en:
                        "  1. The last good copy is the automatic backup \(backup.path) (made \(backup.madeAt)): keep the damaged file and restore the copy: mv \(path) \(path).damaged && cp \(backup.path) \(path)"
                )[language])
        } else {
            lines.append(
                LocalizedText(
                    ru: "  1. Автоматической резервной копии \(path).bak нет; верните файл из своей резервной копии, если она есть.",
                    en: "  1. There is no automatic backup \(path).bak; restore the file from your own backup if you have one.")[language])
        }
        lines.append(
            LocalizedText(
                ru:
                    "  2. Или спасите всё, что SQLite ещё может прочитать, в новый рабочий файл: crm-audit recover \(path) --out recovered.crmaudit — затем проверьте: crm-audit history recovered.crmaudit",
                en:
                    "  2. Or salvage everything SQLite can still read into a new workspace: crm-audit recover \(path) --out recovered.crmaudit — then check it: crm-audit history recovered.crmaudit"
            )[language])
        lines.append(
            LocalizedText(
                ru:
                    "     (то же делает sqlite3 \(path) \".recover\" | sqlite3 recovered.crmaudit, где sqlite3 собран с .recover; в Debian 12 — нет)",
                en:
                    "     (sqlite3 \(path) \".recover\" | sqlite3 recovered.crmaudit does the same where sqlite3 is built with .recover; Debian 12's is not)"
            )[language])
        lines.append(LocalizedText(ru: "Подробно: docs/recovery.md", en: "Details: docs/recovery.md")[language])
        return lines.joined(separator: "\n")
    }
}
