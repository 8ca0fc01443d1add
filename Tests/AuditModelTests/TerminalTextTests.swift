import Testing

@testable import AuditModel

@Suite struct TerminalSanitising {
    @Test(arguments: [
        ("title\u{1B}]0;pwned\u{07}after", "titleafter"),  // OSC: would retitle the window
        ("\u{1B}]0;pwned\u{1B}\\after", "after"),  // OSC ended by ST
        ("before\u{1B}[2Jafter", "beforeafter"),  // CSI: would clear the screen
        ("\u{1B}[31;1mred\u{1B}[0m", "red"),
        ("\u{1B}(Bx", "x"),  // charset designation
        ("\u{1B}cx", "x"),  // reset
        ("\u{1B}Px\u{1B}\\y", "y"),  // DCS
        ("a\u{07}b\u{08}c\u{7F}d\u{9B}2Je", "abcd2Je"),  // BEL, BS, DEL, C1 CSI
        ("\u{202E}gnp.exe", "gnp.exe"),  // right-to-left override
        ("a\u{2066}b\u{2069}c\u{202A}d", "abcd"),
        ("line\r\nnext", "line\nnext"),
        ("tab\there", "tab\there"),
        ("Иванов И. И.", "Иванов И. И."),
    ])
    func controlsAreTakenOut(text: String, shown: String) {
        #expect(TerminalText.sanitised(text) == shown)
    }

    @Test func aCellOfATableHasNoLineBreaks() {
        #expect(TerminalText.sanitised("ООО\n«Ромашка»\t1", multiline: false) == "ООО «Ромашка» 1")
    }

    /// An unterminated OSC takes out only its introducer: the rest of the text still shows.
    @Test func anUnterminatedStringSequenceHidesNothing() {
        #expect(TerminalText.sanitised("a\u{1B}]0;no end") == "a0;no end")
        let many = String(repeating: "\u{1B}]x", count: 10_000)
        #expect(TerminalText.sanitised(many) == String(repeating: "x", count: 10_000))
    }

    @Test func textWithNothingToTakeOutIsReturnedAsIs() {
        let text = "Всё хорошо, 100 %"
        #expect(TerminalText.sanitised(text) == text)
    }
}
