import TestSupport
import Testing

@testable import crm_audit

/// The command line's catalogue: every key in every language, the same arguments in each,
/// every plural with the forms its language needs.
@Suite struct CLITextCatalogueTests {
    @Test func everyTextExistsInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(CLIText.self) == [])
    }

    @Test func theLintSummaryAgreesWithItsNumbers() {
        func ru(_ files: Int, _ errors: Int) -> String {
            CLIText.lintSummary.render(["files": .count(files), "errors": .count(errors), "warnings": .count(0)], in: .ru)
        }
        #expect(ru(1, 0) == "Проверено 1 файл: ошибок нет, предупреждений нет.")
        #expect(ru(22, 2) == "Проверено 22 файла: 2 ошибки, предупреждений нет.")
        #expect(ru(111, 21) == "Проверено 111 файлов: 21 ошибка, предупреждений нет.")
        #expect(
            CLIText.lintSummary.render(["files": .count(1), "errors": .count(1), "warnings": .count(2)], in: .en)
                == "Checked 1 file: 1 error, 2 warnings.")
    }
}
