import AuditModel
import TestSupport
import Testing

@testable import Audit

/// The Audit module's catalogue (`Sources/Audit/Texts`): every key in every language, templates
/// that parse, the same arguments in each language, every plural rendered for 0, 1, 2, 5, 11,
/// 21, 22, 25 and 111.
@Suite struct AuditTextCatalogueTests {
    @Test func everyTextExistsInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(AuditText.self) == [])
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(AuditText.duplicateGroups.render(["groups": .number(21)], in: .ru) == "21 группа вероятных дублей")
        #expect(AuditText.duplicateGroups.render(["groups": .number(22)], in: .ru) == "22 группы вероятных дублей")
        #expect(AuditText.duplicateGroups.render(["groups": .number(11)], in: .ru) == "11 групп вероятных дублей")
        #expect(AuditText.invalidAddresses.render(["count": .number(1)], in: .en) == "1 address")
        #expect(AuditText.unreadablePhones.render(["count": .number(3)], in: .ru) == "3 номера не распознаны")
    }

    @Test func aListTextHasTheSameItemsInEveryLanguage() {
        let reasons = AuditText.lossReasons.items(separatedBy: "; ")
        for language in Language.allCases {
            #expect(AuditText.lossReasons.render(in: language).components(separatedBy: "; ").count == reasons.count)
        }
        #expect(reasons.first == LocalizedText(ru: "Цена", en: "Price"))
        #expect(reasons.count == 6)
    }

    @Test func theStalledDealAlertGivesTheDaysInTheirForm() {
        let text = AuditText.stalledDealTaskStated.text(["days": .number(21), "cycle": .number(14)])
        #expect(text[.ru].hasSuffix("этап 21 день; цикл сделки, по словам компании, — 14 дней"))
        #expect(text[.en].contains("for 21 days; the company states a sales cycle of 14 days"))
    }
}
