import AuditModel
import Rules
import Testing

@testable import Report

/// The consultant's words where they were put, in every format.
@Suite struct ConsultantNotesReportTests {
    func input() throws -> ReportInput {
        var input = try ReportFixture.input()
        input.notes = ConsultantNotes(
            summary: LocalizedText(ru: "Компания растёт на памяти менеджеров.", en: "The company grows on its managers' memory."),
            limitations: LocalizedText(ru: "Сделки не выгружались.", en: "Deals were not exported."),
            interviewees: [.init(name: "И. Смирнов", role: LocalizedText(ru: "директор", en: "director"))],
            findings: [
                "DQ-001": .init(comment: LocalizedText(ru: "Проверено вручную.", en: "Checked by hand."), hidden: false, reason: nil),
                "MGR-001": .init(comment: nil, hidden: true, reason: LocalizedText(ru: "Менеджер уволен", en: "The manager has left")),
            ])
        return input
    }

    @Test func theSummaryCommentAndAppendixAppearInHTMLAndMarkdown() throws {
        let input = try input()
        for page in [
            ReportRenderer.html(input, options: ReportOptions(language: .en)),
            ReportRenderer.markdown(input, options: ReportOptions(language: .en)),
        ] {
            #expect(page.contains("The company grows on its managers"))
            #expect(page.contains("Checked by hand."))
            #expect(page.contains("Deals were not exported."))
            #expect(page.contains("И. Смирнов — director"))
            #expect(page.contains("Sign-off"))
        }
    }

    @Test func aHiddenFindingIsOnlyInTheAppendixWithItsReason() throws {
        let page = ReportRenderer.html(try input(), options: ReportOptions(language: .en))
        let appendix = try #require(page.range(of: "id=\"appendix\""))
        #expect(!page[..<appendix.lowerBound].contains("MGR-001"))
        #expect(page[appendix.lowerBound...].contains("MGR-001"))
        #expect(page[appendix.lowerBound...].contains("The manager has left"))
    }

    @Test func theJSONCarriesTheNotes() throws {
        let json = try ReportRenderer.json(try input(), options: ReportOptions(language: .en))
        #expect(json.contains("\"notes\""))
        #expect(json.contains("The manager has left"))
    }
}
