import AuditModel

extension NumberReader {
    /// A number read from a file as a field's value: stored when it is finite and within
    /// ±10^15 (``NumberLimits/amountMagnitude``), else a problem that says what was expected.
    /// Amounts, quantities and costs all pass here, from every format (a CSV text, an XLSX
    /// number cell, an XML value).
    static func amount(_ value: Double) -> FieldReader.Outcome {
        if NumberLimits.isAmount(value) { return .value(.real(value)) }
        guard value.isFinite else { return .problem(notFinite) }
        let shown = Cell.format(value)
        return .problem(
            ImportText.theNumberIsOutsideTheAccepted.text(["shown": .value(shown)]))
    }

    /// Why `text` is not read as a number, with what is expected instead.
    static func refusal(of text: String) -> LocalizedText {
        let word = text.lowercased().filter { !$0.isWhitespace }
        let unsigned = word.drop { $0 == "-" || $0 == "+" || $0 == "−" }
        if unsigned.hasPrefix("inf") || unsigned.hasPrefix("nan") || unsigned == "∞" {
            return notFinite
        }
        // Written as a number, but past the doubles (`1e400`): out of range, not unreadable.
        let numeric = unsigned.replacingOccurrences(of: ",", with: ".")
        if !numeric.isEmpty, numeric.allSatisfy({ $0.isASCII && ($0.isNumber || "eE+-.".contains($0)) }),
            let value = Double(numeric), value.isInfinite
        {
            return ImportText.theNumberIsOutsideTheAccepted2.text(["text": .value(text)])
        }
        if unsigned.hasPrefix("0x") {
            return ImportText.aHexadecimalNumberIsNotAccepted.text()
        }
        return ImportText.cannotBeReadAsANumber.text()
    }

    private static let notFinite = ImportText.notAFiniteNumberInfinityAnd.text()
}
