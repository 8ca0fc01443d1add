/// Numbers, money, shares and dates written the way each language's readers expect:
/// `1 234 567,89 ₽` and `29.11.2026` in Russian, `RUB 1,234,567.89` and `2026-11-29` in English.
///
/// Pure Swift (no ICU), so that the report renders the same on every machine.
package struct Formatter: Sendable {
    package var language: Language

    package init(_ language: Language) {
        self.language = language
    }

    /// A number with grouping and at most `fractionDigits` decimals (0–9; trailing zeros dropped
    /// unless `fixed`). Exact for any finite value: beyond 9.2·10^18 (where no fraction is left)
    /// the whole digits are worked out without converting to an integer type.
    package func number(_ value: Double, fractionDigits: Int = 2, fixed: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        let places = min(max(fractionDigits, 0), 9)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let integerDigits: String
        var fraction = ""
        var nonZero: Bool
        if let scaled = UInt64(checked: abs(value) * Double(scale), rounding: .toNearestOrAwayFromZero) {
            integerDigits = String(scaled / scale)
            if places > 0 {
                let digits = String(scaled % scale)
                fraction = String(repeating: "0", count: places - digits.count) + digits
            }
            nonZero = scaled > 0
        } else {
            integerDigits = Formatter.wholeDigits(abs(value).rounded())
            fraction = String(repeating: "0", count: places)
            nonZero = true
        }
        if !fixed { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let negative = value < 0 && nonZero
        let decimalMark = WritingConventions.of(language).decimalMark
        return (negative ? "−" : "") + group(digits: integerDigits) + (fraction.isEmpty ? "" : decimalMark + fraction)
    }

    /// The decimal digits of a whole, non-negative, finite `value` of any size (10^300 included):
    /// its significand times a power of two, multiplied out in base 10^9.
    static func wholeDigits(_ value: Double) -> String {
        if let small = UInt64(exactly: value) { return String(small) }
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = []  // base 10^9, least significant first
        var significand = value.significandBitPattern | (1 << UInt64(Double.significandBitCount))
        while significand > 0 {
            limbs.append(significand % base)
            significand /= base
        }
        var shift = Int(value.exponent) - Double.significandBitCount
        while shift > 0 {
            let step = min(shift, 32)
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = limbs[index] << UInt64(step) + carry  // < 10^9 · 2^32 + 2^33: fits
                limbs[index] = product % base
                carry = product / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
            shift -= step
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    /// A whole count: `12 345` / `12,345`.
    package func count(_ value: Double) -> String { number(value, fractionDigits: 0) }

    /// Money in the data's currency (roubles): two decimals when there are kopecks.
    /// The amount is first taken to the kopeck: a sum of kopeck amounts a few binary digits off
    /// (850 085.4999… for 850 085.50, summed in another order) rounds as the exact sum does.
    package func money(_ value: Double, fractionDigits: Int? = nil) -> String {
        let kopecks = (value * 100).rounded()
        let value = kopecks.isFinite && abs(kopecks) < 9e15 ? kopecks / 100 : value
        let digits = fractionDigits ?? (abs(value) >= 100_000 ? 0 : 2)
        let text = number(value, fractionDigits: digits, fixed: digits > 0 && value.rounded() != value)
        return WritingConventions.of(language).money(text, .units)
    }

    /// A range of whole roubles, `50 000 ₽ – 180 000 ₽`, or one amount when both ends are equal.
    package func moneyRange(_ range: ClosedRange<Double>) -> String {
        range.lowerBound == range.upperBound
            ? money(range.lowerBound.rounded())
            : money(range.lowerBound.rounded()) + " – " + money(range.upperBound.rounded())
    }

    /// A compact money amount for charts and headlines: `12,3 млн ₽` / `RUB 12.3M`.
    package func compactMoney(_ value: Double) -> String {
        let magnitude = abs(value)
        let (divisor, scale) = Self.magnitude(magnitude)
        let text = number(value / divisor, fractionDigits: divisor == 1 ? 0 : 1)
        return WritingConventions.of(language).money(text, scale)
    }

    /// An amount rounded to three significant figures (`3 456 789` → `3 460 000`): the precision
    /// an estimate built on assumed rates can claim. Zero and non-finite values pass through.
    package static func threeSignificant(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let digits = digitsBeforePoint(value)
        var scale = 1.0
        for _ in 0..<abs(3 - digits) { scale *= 10 }
        return digits <= 3 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
    }

    /// How many digits `value` has before the point (0 or less for |value| < 1: 0.05 → −1).
    static func digitsBeforePoint(_ value: Double) -> Int {
        var magnitude = abs(value), digits = 0
        while magnitude >= 1 {
            magnitude /= 10
            digits += 1
        }
        while magnitude > 0 && magnitude < 0.1 {
            magnitude *= 10
            digits -= 1
        }
        return digits
    }

    /// An estimated amount, three significant figures in the compact unit: `≈ 3,46 млн ₽` /
    /// `≈ RUB 3.46M`. Only estimates go through here; amounts summed from the data do not.
    package func estimate(_ value: Double) -> String { "≈\u{00A0}" + estimateBody(low: value, high: value) }

    /// An estimated range, both ends at three significant figures in the unit of the larger:
    /// `3,46–5,19 млн ₽` / `RUB 3.46–5.19M`.
    package func estimateRange(low: Double, high: Double) -> String { estimateBody(low: low, high: high) }

    private func estimateBody(low: Double, high: Double) -> String {
        let (small, large) = (Self.threeSignificant(min(low, high)), Self.threeSignificant(max(low, high)))
        let magnitude = max(abs(small), abs(large))
        let (divisor, scale) = Self.magnitude(magnitude)
        func digits(_ value: Double) -> String {
            let scaled = value / divisor
            guard scaled != 0 else { return number(0, fractionDigits: 0) }
            let places = max(0, 3 - Self.digitsBeforePoint(scaled))
            return number(scaled, fractionDigits: divisor == 1 ? 0 : places)
        }
        let text = small == large ? digits(large) : digits(small) + "–" + digits(large)
        return WritingConventions.of(language).money(text, scale)
    }

    /// The divisor and scale word a compacted amount of `magnitude` is written with.
    private static func magnitude(_ magnitude: Double) -> (Double, WritingConventions.Magnitude) {
        magnitude >= 1e9 ? (1e9, .billions) : magnitude >= 1e6 ? (1e6, .millions) : magnitude >= 1e3 ? (1e3, .thousands) : (1, .units)
    }

    /// `text` (a number already written) followed by the percent sign as the language writes it.
    package func percentSign(after text: String) -> String { text + WritingConventions.of(language).percentSuffix }

    /// A share (0–1) as a percent: `35,2 %` / `35.2%`.
    package func percent(_ share: Double, fractionDigits: Int = 1) -> String {
        let text = number(share * 100, fractionDigits: fractionDigits)
        return percentSign(after: text)
    }

    /// A change as a percent with its sign, a typographic minus for a fall: `−45,2 %`, `+12,0 %`.
    package func signedPercent(_ change: Double, fractionDigits: Int = 1) -> String {
        let shown = percent(abs(change), fractionDigits: fractionDigits)
        let zero = number(0, fractionDigits: fractionDigits)
        guard !shown.hasPrefix(zero + WritingConventions.of(language).percentSuffix) else { return shown }
        return (change < 0 ? "\u{2212}" : "+") + shown
    }

    /// An ISO-8601 time (`2026-12-02T21:56:43Z`) as the day and the minute, UTC (`02.12.2026
    /// 21:56 UTC`); text that is not such a time as it is.
    package func timestamp(_ iso: String) -> String {
        guard iso.count >= 16, let day = Day(iso: String(iso.prefix(10))) else { return iso }
        let start = iso.index(iso.startIndex, offsetBy: 11), end = iso.index(iso.startIndex, offsetBy: 16)
        return "\(date(day)) \(iso[start..<end]) UTC"
    }

    /// A day: `29.11.2026` / `2026-11-29`.
    package func date(_ day: Day) -> String {
        guard WritingConventions.of(language).dayFirstDates else { return day.iso }
        let (y, m, d) = day.components
        return two(d) + "." + two(m) + "." + String(y)
    }

    /// A month label for charts: `ноя 2026` / `Nov 2026`.
    package func month(_ monthIndex: Int) -> String {
        let names = WritingConventions.of(language).monthNames
        return names[((monthIndex % 12) + 12) % 12] + " " + String(monthIndex / 12)
    }

    private func group(digits: String) -> String {
        let separator = WritingConventions.of(language).groupSeparator
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(character)
        }
        return out
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
