import AuditModel
import TestSupport
import Testing

@testable import Report

/// The report's catalogues (`Sources/Report/Texts`): every key in every language, templates
/// that parse, the same arguments in each language, every plural with its forms.
@Suite struct ReportTextCatalogueTests {
    @Test func theReportTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(ReportText.self) == [])
    }

    @Test func theProgressTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(ProgressText.self) == [])
    }

    @Test func theBeliefTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(BeliefText.self) == [])
    }

    @Test func theSectionTextsExistInEveryLanguageWithTheSamePlaceholders() {
        #expect(catalogueProblems(SummaryText.Key.self) == [])
        #expect(catalogueProblems(DecisionText.Key.self) == [])
        #expect(catalogueProblems(CauseText.Key.self) == [])
        #expect(catalogueProblems(PortraitText.Key.self) == [])
        #expect(catalogueProblems(ConsultantText.Key.self) == [])
        #expect(catalogueProblems(SampleColumns.Title.self) == [])
    }

    @Test func aTextRendersItsArgumentsAndLeavesNoBrace() {
        let text = ReportText.records.render(["shown": .count(20), "total": .count(1_234)], in: .ru)
        #expect(text == "Показаны 20 из 1\u{00A0}234.")
    }
}
