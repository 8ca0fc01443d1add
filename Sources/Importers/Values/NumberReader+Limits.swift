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
            LocalizedText(
                ru:
                    "число \(shown) вне допустимого диапазона ±10^15 (≈ 1 000 000 000 000 000): такой суммы не бывает — проверьте, тот ли это столбец и верен ли десятичный разделитель",
                en:
                    "the number \(shown) is outside the accepted range of ±10^15 (≈ 1,000,000,000,000,000): no real amount is that large — check that this is the right column and the decimal separator"
            ))
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
            return LocalizedText(
                ru: "число \(text) вне допустимого диапазона ±10^15 (≈ 1 000 000 000 000 000); проверьте, тот ли это столбец",
                en:
                    "the number \(text) is outside the accepted range of ±10^15 (≈ 1,000,000,000,000,000); check that this is the right column"
            )
        }
        if unsigned.hasPrefix("0x") {
            return LocalizedText(
                ru: "шестнадцатеричная запись числа не принимается; ожидаются десятичные цифры, например 1 234,56",
                en: "a hexadecimal number is not accepted; expected decimal digits such as 1 234.56")
        }
        return LocalizedText(
            ru: "не читается как число (ожидаются цифры, например 1 234,56 или -12.5)",
            en: "cannot be read as a number (expected digits such as 1 234,56 or -12.5)")
    }

    private static let notFinite = LocalizedText(
        ru: "не конечное число (бесконечность и NaN не принимаются); ожидаются цифры, например 1 234,56",
        en: "not a finite number (infinity and NaN are not accepted); expected digits such as 1 234,56")
}
