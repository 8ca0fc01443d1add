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
        let text: LocalizedText
        switch self {
        case .alreadyExists(let path): text = WorkspaceText.workspaceExists.text(["path": .text(path)])
        case .notFound(let path): text = WorkspaceText.workspaceNotFound.text(["path": .text(path)])
        case .notAWorkspace(let path): text = WorkspaceText.notAWorkspace.text(["path": .text(path)])
        case .newerVersion(let path, let migrations):
            text = WorkspaceText.newerWorkspace.text(["path": .text(path), "migrations": .text(migrations.joined(separator: ", "))])
        case .noRound(let path, let number?): text = WorkspaceText.noSuchRound.text(["path": .text(path), "number": .value(number)])
        case .noRound(let path, nil): text = WorkspaceText.noRounds.text(["path": .text(path)])
        case .roundDateBeforePrevious(_, let date, let previous):
            text = WorkspaceText.roundDateBeforePrevious.text(["date": .text(date.iso), "previous": .text(previous.iso)])
        case .noSuchRespondentAnswer(let question, let respondent, let known):
            let arguments: [String: MessageArgument] = ["question": .text(question), "respondent": .text(respondent)]
            text =
                known.isEmpty
                ? WorkspaceText.noRespondentAnswered.text(arguments)
                : WorkspaceText.respondentDidNotAnswer.text(arguments.merging(["known": .text(known.joined(separator: ", "))]) { $1 })
        case .database(let path, let message): text = WorkspaceText.databaseError.text(["path": .text(path), "message": .text(message)])
        }
        return text[language]
    }
}
