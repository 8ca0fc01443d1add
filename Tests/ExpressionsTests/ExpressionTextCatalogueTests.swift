import AuditModel
import TestSupport
import Testing

@testable import Expressions

/// The Expressions module's catalogue (`Sources/Expressions/Texts`): every key in every language, templates
/// that parse, the same arguments in each language, every plural rendered for 0, 1, 2, 5, 11,
/// 21, 22, 25 and 111.
@Suite struct ExpressionTextCatalogueTests {
    @Test func everyTextExistsInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(ExpressionText.self) == [])
    }
}
