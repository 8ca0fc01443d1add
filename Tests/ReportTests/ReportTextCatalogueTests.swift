import AuditModel
import Testing

@testable import Report

/// The report's catalogues (`Sources/Report/Texts`): every key in every language, templates
/// that parse, the same placeholders in each language, every plural with its forms.
@Suite struct ReportTextCatalogueTests {
    @Test func theReportTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(ReportText.problems() == [])
    }

    @Test func theProgressTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(ProgressText.problems() == [])
    }

    @Test func theBeliefTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(BeliefText.problems() == [])
    }

    @Test func theSectionTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(SummaryText.Key.problems() == [])
        #expect(DecisionText.Key.problems() == [])
        #expect(CauseText.Key.problems() == [])
        #expect(PortraitText.Key.problems() == [])
        #expect(ConsultantText.Key.problems() == [])
        #expect(SampleColumns.Title.problems() == [])
    }

    @Test func aTextRendersItsArgumentsAndLeavesNoBrace() {
        let text = ReportText.records.render(["shown": .count(20), "total": .count(1_234)], in: .ru)
        #expect(text == "Показаны 20 из 1\u{00A0}234.")
    }
}
