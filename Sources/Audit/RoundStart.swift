import AuditModel
import Questionnaire
import Workspace

/// Starting a repeated audit with the method it will be assessed with.
package enum RoundStart {
    /// Starts the next round of `workspace` dated `date` in one transaction: the previous
    /// round's answers are migrated to `setup`'s questionnaire version and carried over "to
    /// confirm", and the round records the questionnaire and rulesets of `setup`.
    /// - Throws: ``QuestionnaireError/otherQuestionnaire(round:recorded:wanted:)`` when the
    ///   previous round used another questionnaire; workspace errors (a date before the latest round's).
    package static func start(_ workspace: Workspace, date: Day, setup: AuditSetup) throws -> (StartedRound, MigrationReport) {
        let previous = try workspace.round()
        let questionnaire = setup.questionnaire
        if let recorded = previous.questionnaireID, recorded != questionnaire.id {
            throw QuestionnaireError.otherQuestionnaire(round: previous.number, recorded: recorded, wanted: questionnaire.id)
        }
        var report = questionnaire.migrate([], from: previous.questionnaireVersion).report
        let method = RoundMethod(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
            rulesets: setup.rulesets.references)
        let started = try workspace.startRound(date: date, method: method) { answers in
            let migrated = questionnaire.migrate(answers, from: previous.questionnaireVersion)
            report = migrated.report
            return migrated.answers
        }
        return (started, report)
    }
}
