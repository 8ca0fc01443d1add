import AuditModel

/// What can go wrong opening or using a workspace file.
package enum WorkspaceError: AuditError, Equatable {
    case alreadyExists(path: String)
    case notFound(path: String)
    case notAWorkspace(path: String)
    case newerVersion(path: String, unknownMigrations: [String])
    case noRound(path: String, number: Int?)
    case database(path: String, message: String)
    /// A new round cannot be dated before the latest round.
    case roundDateBeforePrevious(path: String, date: Day, previous: Day)
    /// `answers choose` named a person who did not answer the question.
    case noSuchRespondentAnswer(question: String, respondent: String, known: [String])

    package var location: SourceLocation? {
        switch self {
        case .alreadyExists(let path), .notFound(let path), .notAWorkspace(let path), .newerVersion(let path, _),
            .noRound(let path, _), .database(let path, _), .roundDateBeforePrevious(let path, _, _):
            SourceLocation(file: path)
        case .noSuchRespondentAnswer:
            nil
        }
    }

    package func message(in language: Language) -> String {
        switch (self, language) {
        case (.alreadyExists(let path), .ru):
            "рабочий файл \(path) уже существует; выберите другое имя или откройте его другими командами"
        case (.alreadyExists(let path), .en):
            "the workspace \(path) already exists; choose another name, or use it with the other commands"
        case (.notFound(let path), .ru):
            "рабочий файл \(path) не найден; создайте его командой `crm-audit init \(path) --client ИМЯ`"
        case (.notFound(let path), .en):
            "the workspace \(path) does not exist; create it with `crm-audit init \(path) --client NAME`"
        case (.notAWorkspace(let path), .ru):
            "\(path) не является рабочим файлом crm-audit (это не база SQLite или база другой программы)"
        case (.notAWorkspace(let path), .en):
            "\(path) is not a crm-audit workspace (not an SQLite database, or one of another program)"
        case (.newerVersion(let path, let migrations), .ru):
            "\(path) создан более новой версией crm-audit (неизвестные изменения схемы: \(migrations.joined(separator: ", "))); обновите crm-audit"
        case (.newerVersion(let path, let migrations), .en):
            "\(path) was written by a newer crm-audit (unknown schema changes: \(migrations.joined(separator: ", "))); upgrade crm-audit"
        case (.noRound(let path, let number), .ru):
            number.map { "в \(path) нет раунда аудита № \($0)" } ?? "в \(path) нет ни одного раунда аудита"
        case (.noRound(let path, let number), .en):
            number.map { "\(path) has no audit round #\($0)" } ?? "\(path) has no audit round"
        case (.roundDateBeforePrevious(_, let date, let previous), .ru):
            "дата нового раунда \(date.iso) раньше даты последнего раунда \(previous.iso); укажите --date не раньше \(previous.iso)"
        case (.roundDateBeforePrevious(_, let date, let previous), .en):
            "the new round's date \(date.iso) is earlier than the latest round's date \(previous.iso); pass a --date on or after \(previous.iso)"
        case (.noSuchRespondentAnswer(let question, let respondent, let known), .ru):
            "«\(respondent)» не отвечал на вопрос «\(question)»; "
                + (known.isEmpty ? "на него не отвечал ни один названный респондент" : "ответили: \(known.joined(separator: ", "))")
        case (.noSuchRespondentAnswer(let question, let respondent, let known), .en):
            "'\(respondent)' did not answer '\(question)'; "
                + (known.isEmpty ? "no named respondent answered it" : "it was answered by: \(known.joined(separator: ", "))")
        case (.database(let path, let message), .ru):
            "ошибка базы данных в \(path): \(message)"
        case (.database(let path, let message), .en):
            "database error in \(path): \(message)"
        }
    }
}
