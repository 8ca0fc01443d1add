import AuditModel

/// What a migration did to a round's answers.
public struct MigrationReport: Sendable, Hashable {
    package struct Rename: Sendable, Hashable {
        package var from: String
        package var to: String
    }
    package struct Recode: Sendable, Hashable {
        package var question: String
        package var from: String
        package var to: String
    }

    /// The version the answers were given to, and the version they now fit.
    package var fromVersion: String?
    package var toVersion: String
    package var renamed: [Rename] = []
    package var recoded: [Recode] = []
    /// Answers to questions this version does not have: kept in the workspace, not used.
    package var orphaned: [String] = []
    /// Answers whose value no longer fits their question (e.g. a removed option): kept, not used.
    package var invalid: [String] = []

    package var isEmpty: Bool { renamed.isEmpty && recoded.isEmpty && orphaned.isEmpty && invalid.isEmpty }

    /// Lines for the consultant.
    package func lines(in language: Language) -> [String] {
        var lines: [String] = []
        for item in renamed {
            lines.append(
                QuestionnaireText.theAnswerToMovedToThe.text(["from": .value(item.from), "to": .value(item.to)])[language])
        }
        for item in recoded {
            lines.append(
                QuestionnaireText.optionReCodedAs.text([
                    "question": .value(item.question), "from": .value(item.from), "to": .value(item.to),
                ])[language])
        }
        for id in orphaned {
            lines.append(
                QuestionnaireText.theAnswerToWhichVersionDoes.text(["id": .value(id), "toVersion": .value(toVersion)])[language])
        }
        for id in invalid {
            lines.append(
                QuestionnaireText.answerDoesNotFitTheVersion.text(["id": .value(id), "toVersion": .value(toVersion)])[language])
        }
        return lines
    }
}

extension Questionnaire {
    /// Maps answers given to `version` of this questionnaire onto this version: renamed
    /// questions and re-coded options of every migration step whose `from` matches, in file
    /// order. Nothing is dropped: answers that fit no question are returned unchanged and
    /// listed in the report as orphaned or invalid.
    package func migrate(_ answers: [Answer], from version: String?) -> (answers: [Answer], report: MigrationReport) {
        var report = MigrationReport(fromVersion: version, toVersion: self.version)
        var current = answers
        if let version, version != self.version, let from = SemanticVersion(version) {
            for step in migrations where VersionRange(step.from)?.contains(from) == true {
                let present = Set(current.map(\.questionID))
                current = current.map { answer in
                    var answer = answer
                    if let new = step.renamed[answer.questionID], !present.contains(new) {
                        report.renamed.append(.init(from: answer.questionID, to: new))
                        answer.questionID = new
                    }
                    if let codes = step.recoded[answer.questionID] {
                        switch answer.value {
                        case .option(let id):
                            if let new = codes[id] {
                                report.recoded.append(.init(question: answer.questionID, from: id, to: new))
                                answer.value = .option(new)
                            }
                        case .options(let ids):
                            let mapped = ids.map { codes[$0] ?? $0 }
                            for (old, new) in zip(ids, mapped) where old != new {
                                report.recoded.append(.init(question: answer.questionID, from: old, to: new))
                            }
                            var seen = Set<String>()
                            answer.value = .options(mapped.filter { seen.insert($0).inserted })
                        default: break
                        }
                    }
                    return answer
                }
            }
        }
        for answer in current {
            guard let question = question(answer.questionID) else {
                report.orphaned.append(answer.questionID)
                continue
            }
            if question.conformance(of: answer.value) != nil { report.invalid.append(answer.questionID) }
        }
        report.orphaned.sort()
        report.invalid.sort()
        return (current, report)
    }

    /// Brings a round's stored answers to this version and records the questionnaire on the
    /// round, in one transaction. Renamed and re-coded answers are stored under their new ids;
    /// the originals stay as they were, so nothing is lost.
    /// - Throws: ``QuestionnaireError/otherQuestionnaire(round:recorded:wanted:)`` when the
    ///   round was answered with another questionnaire, ``QuestionnaireError/roundClosed(round:)``
    ///   for a closed round.
    @discardableResult
    package func attach(to store: any AnswerStore, round: AuditRound) throws -> MigrationReport {
        if round.status == .closed { throw QuestionnaireError.roundClosed(round: round.number) }
        if let recorded = round.questionnaireID, recorded != id {
            throw QuestionnaireError.otherQuestionnaire(round: round.number, recorded: recorded, wanted: id)
        }
        let stored = try store.answers(round: round)
        let (migrated, report) = migrate(stored, from: round.questionnaireVersion)
        let original = Set(stored)
        let changed = migrated.filter { !original.contains($0) }
        if !changed.isEmpty { try store.save(changed, round: round) }
        if round.questionnaireID != id || round.questionnaireVersion != version {
            try store.recordMethod(round: round, questionnaireID: id, questionnaireVersion: version, rulesets: nil)
        }
        return report
    }

    /// The answers of a round that fit this questionnaire, by question id (for scoring, skip
    /// logic and rules). Orphaned and invalid answers are left out.
    package func usableAnswers(_ answers: [Answer]) -> [String: AnswerValue] {
        var result: [String: AnswerValue] = [:]
        for answer in answers {
            guard let question = question(answer.questionID), question.conformance(of: answer.value) == nil else { continue }
            result[answer.questionID] = answer.value
        }
        return result
    }
}

/// Errors of the questionnaire engine outside a file's diagnostics.
package enum QuestionnaireError: AuditError, Equatable {
    case otherQuestionnaire(round: Int, recorded: String, wanted: String)
    case unknownQuestion(id: String, questionnaire: String)
    case unknownSection(id: String, questionnaire: String)
    case roundClosed(round: Int)

    package func message(in language: Language) -> String {
        let text: LocalizedText
        switch self {
        case .otherQuestionnaire(let round, let recorded, let wanted):
            text = QuestionnaireText.roundAnsweredWithOtherQuestionnaire.text([
                "round": .value(round), "recorded": .text(recorded), "wanted": .text(wanted),
            ])
        case .unknownQuestion(let id, let questionnaire):
            text = QuestionnaireText.questionnaireHasNoQuestion.text(["id": .text(id), "questionnaire": .text(questionnaire)])
        case .unknownSection(let id, let questionnaire):
            text = QuestionnaireText.questionnaireHasNoSection.text(["id": .text(id), "questionnaire": .text(questionnaire)])
        case .roundClosed(let round): text = QuestionnaireText.roundClosed.text(["round": .value(round)])
        }
        return text[language]
    }
}
