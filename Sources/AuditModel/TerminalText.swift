/// Text made safe to show on a terminal: what a terminal would obey instead of showing is taken
/// out. Used at the terminal's edge only (the interview's screen, the CLI's output); stored data
/// keeps every character.
package enum TerminalText {
    /// `text` without escape sequences, control characters and bidirectional overrides.
    ///
    /// Taken out: `ESC` sequences whole (CSI `ESC [ … final`, the strings `ESC ] … BEL` or
    /// `… ESC \` of OSC, DCS, SOS, PM and APC, and short `ESC x` ones), so that an answer
    /// holding `ESC ]0;title BEL` cannot retitle the window nor `ESC [2J` clear the screen; the
    /// other C0 controls but line feed and tab (carriage return too: it would let text overwrite
    /// the line); DEL; the C1 controls U+0080–U+009F; and the bidirectional embeddings,
    /// overrides and isolates U+202A–U+202E and U+2066–U+2069, which reorder what is shown.
    /// With `multiline` false, line feeds and tabs become spaces (a name in a table cell).
    /// - Complexity: O(*n*) in the text's length; the text itself when there is nothing to take out.
    package static func sanitised(_ text: String, multiline: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsAttention($0, multiline: multiline) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        // Once a string sequence has no terminator after some place, none after it has one:
        // remembering that keeps the scan linear however many `ESC ]` the text holds.
        var noTerminatorFrom = Int.max
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}" {
                index = endOfEscape(scalars, from: index, noTerminatorFrom: &noTerminatorFrom)
                continue
            }
            index += 1
            switch scalar {
            case "\n", "\t":
                result.append(multiline ? scalar : " ")
            case _ where isRemoved(scalar):
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsAttention(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        (scalar == "\n" || scalar == "\t") ? !multiline : isRemoved(scalar)
    }

    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Where the escape sequence starting at `start` (an `ESC`) ends.
    private static func endOfEscape(_ scalars: [Unicode.Scalar], from start: Int, noTerminatorFrom: inout Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        let introducer = scalars[index].value
        index += 1
        switch introducer {
        case 0x5B:  // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E.
            while index < scalars.count, (0x30...0x3F).contains(scalars[index].value) { index += 1 }
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
            return index
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // OSC, DCS, SOS, PM, APC: a string up to BEL or ST.
            if index < noTerminatorFrom {
                var probe = index
                while probe < scalars.count {
                    let value = scalars[probe].value
                    if value == 0x07 || value == 0x9C { return probe + 1 }
                    if value == 0x1B, probe + 1 < scalars.count, scalars[probe + 1] == "\\" { return probe + 2 }
                    probe += 1
                }
                noTerminatorFrom = index
            }
            return index  // unterminated: only the introducer goes; the rest shows as text
        case 0x20...0x2F:  // nF sequences such as ESC ( B: intermediates, then one final.
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
            return index
        case 0x30...0x7E:  // two-character sequences: ESC 7, ESC c (reset), ESC M …
            return index
        default:  // ESC before anything else: only the ESC goes.
            return start + 1
        }
    }
}
