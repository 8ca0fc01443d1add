import AuditModel
import Questionnaire

/// Reads answer files against the bundled questionnaire as `answers import` does.
public enum AnswersHarness {
    private static let questionnaire: Questionnaire = {
        useRepositoryContent()
        do {
            return try Questionnaire.bundled()
        } catch {
            finding("cannot load the bundled questionnaire: \(error)")
        }
    }()

    /// Reads `bytes` as an answers file in `format`; when it has no errors, exports the answers
    /// and reads the export back, which must give the same answers without errors.
    public static func read(_ bytes: [UInt8], format: AnswersFile.Format) {
        let file = "input." + format.rawValue
        // Like `answers import`, which refuses a file that is not UTF-8 before reading it.
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let (answers, diagnostics, _) = AnswersFile.read(text: text, file: file, format: format, questionnaire: questionnaire,
                                                         answeredAt: "2026-11-29T00:00:00Z")
        requireLocated(diagnostics, in: file)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        for language in Language.allCases {
            let exported = AnswersFile.export(answers, questionnaire: questionnaire, format: format, language: language)
            let (again, problems, _) = AnswersFile.read(text: exported, file: "export." + format.rawValue, format: format,
                                                        questionnaire: questionnaire, answeredAt: "2026-11-29T00:00:00Z")
            if let error = problems.first(where: { $0.severity == .error }) {
                finding("an exported answers file does not read back: \(error.formatted(in: .en))\n\(exported)")
            }
            let before = Dictionary(answers.map { ($0.questionID, $0.value) }) { first, _ in first }
            let after = Dictionary(again.map { ($0.questionID, $0.value) }) { first, _ in first }
            if before != after {
                finding("the answers change on export and import: \(before) → \(after)")
            }
        }
    }
}
