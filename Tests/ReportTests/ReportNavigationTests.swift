import AuditModel
import Testing

@testable import Report

/// Finding one's way in the report: the contents on the cover, the running header on every
/// printed page but the first.
@Suite struct ReportNavigationTests {
    @Test func theCoverListsEverySectionShownAndOnlyThose() throws {
        let page = ReportRenderer.html(
            try ReportFixture.input(),
            options: ReportOptions(language: .ru, sections: [.summary, .findings, .appendix]))
        let cover = try #require(HTMLTree.parse(page).first("nav"))
        let links = cover.first("ol")?.children.compactMap { $0.first("a")?.attributes["href"] }
        #expect(links == ["#summary", "#findings", "#appendix"])
        #expect(cover.textContent.contains("Содержание"))
    }

    @Test func theRunningHeaderNamesTheClientAndCannotBreakOutOfTheStylesheet() throws {
        var input = try ReportFixture.input()
        input.engagement.client = "ООО \"Ромашка\" </style><script>alert(1)</script> \\"
        let page = ReportRenderer.html(input, options: ReportOptions(language: .en))
        #expect(
            page.contains("@top-left { content: \"ООО \\22 Ромашка\\22  \\3C /style\\3E \\3C script\\3E alert(1)\\3C /script\\3E  \\5C "))
        #expect(page.components(separatedBy: "</style>").count == 3, "only the two style elements end")
        #expect(page.contains("@page :first { @top-left { content: none; } }"))
    }

    @Test func aCSSStringEscapesQuotesBackslashesBracketsAndLineBreaks() {
        #expect(Page.cssString("a\"b\\c<d>e\nf") == "\"a\\22 b\\5C c\\3C d\\3E e f\"")
    }
}

/// The client's copy and the consultant's working copy.
@Suite struct ReportAudienceTests {
    func page(_ audience: ReportAudience) throws -> String {
        var options = ReportOptions(language: .ru)
        options.audience = audience
        return ReportRenderer.html(try ReportFixture.input(), options: options)
    }

    @Test func theClientsCopyHasNoCommandsNorMetricIds() throws {
        let page = try page(.client)
        #expect(!page.contains("crm-audit config"))
        #expect(!page.contains("<td>sales.revenue_last_12m</td>"))
    }

    @Test func theConsultantsCopyAddsThem() throws {
        let page = try page(.consultant)
        #expect(page.contains("crm-audit config"))
        #expect(page.contains("<td>sales.revenue_last_12m</td>"))
    }
}
