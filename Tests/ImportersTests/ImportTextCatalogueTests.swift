import AuditModel
import TestSupport
import Testing

@testable import Importers

/// The Importers module's catalogue (`Sources/Importers/Texts`): every key in every language, templates
/// that parse, the same arguments in each language, every plural rendered for 0, 1, 2, 5, 11,
/// 21, 22, 25 and 111.
@Suite struct ImportTextCatalogueTests {
    @Test func everyTextExistsInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(ImportText.self) == [])
    }
}
