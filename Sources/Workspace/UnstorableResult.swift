import AuditModel

/// The questionnaire and rulesets a round was assessed with, as ``Workspace/saveAssessment(findings:scores:round:layers:method:)``
/// records them (nil keeps what the round holds).
package struct AssessmentMethod: Sendable, Hashable {
    package var questionnaireID: String?
    package var questionnaireVersion: String?
    /// `id@version` of every ruleset layer, comma-separated.
    package var rulesets: String?

    package init(questionnaireID: String?, questionnaireVersion: String?, rulesets: String?) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.rulesets = rulesets
    }
}

/// A result that cannot be stored with its round (a number that is not finite, a document that
/// does not encode): nothing of the assessment was stored, and the round is as it was.
package struct UnstorableResult: AuditError, Equatable {
    /// The workspace file.
    package var workspace: String
    /// What could not be stored, e.g. "the finding of rule R1 (observed inf)".
    package var what: LocalizedText

    package init(workspace: String, what: LocalizedText) {
        self.workspace = workspace
        self.what = what
    }

    package var location: SourceLocation? { SourceLocation(file: workspace) }

    package func message(in language: Language) -> String {
        WorkspaceText.cannotStoreResult.render(["what": .localized(what)], in: language)
    }
}
