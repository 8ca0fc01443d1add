// Questionnaire files (YAML, `schema: crm-audit/questionnaire/1`): `lint`, then what the tool
// does with a questionnaire that loads: relevance, maturity, the printed form, the blank
// answers file. Answers are not validated here (a text `pattern` runs a backtracking regex).
import AuditModel
import FuzzSupport
import Questionnaire

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = Scratch.write(inputBytes(data, size), as: "input.yaml")
    let result = QuestionnaireLoader.lint(path: path)
    requireLocated(result.diagnostics, in: path)
    guard let questionnaire = result.questionnaire else { return 0 }
    _ = questionnaire.relevantQuestions(answers: [:])
    _ = questionnaire.overallMaturity(questionnaire.maturity(answers: [:]))
    for language in Language.allCases {
        for format in FormPrinter.Format.allCases {
            _ = FormPrinter.render(questionnaire, format: format, language: language)
        }
        for format in AnswersFile.Format.allCases {
            _ = AnswersFile.export([], questionnaire: questionnaire, format: format, language: language)
        }
    }
    return 0
}
