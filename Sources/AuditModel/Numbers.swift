/// Numbers from files and users, kept finite and in range.
///
/// Two rules hold across the modules:
///
/// * **Amounts are bounded where they enter.** An amount, quantity or cost (a sale's, a deal's,
///   a campaign's) is a finite number of magnitude at most ``NumberLimits/amountMagnitude``;
///   anything else is a bad row at import and a clear error when found in a workspace later.
/// * **No `Double` reaches `Int(_:)` unchecked.** `Int(someDouble)` traps on NaN, on ±∞ and
///   outside the integer's range (1e19 already overflows `Int64`). Every conversion of a value
///   derived from data goes through ``Swift/FixedWidthInteger/init(checked:rounding:)`` (nil when
///   the value does not fit: the caller decides) or ``Swift/FixedWidthInteger/init(clamped:rounding:)``
///   (saturating, NaN → 0: for drawing and display, where a bound value is harmless and a trap is not).
package enum NumberLimits {
    /// The largest magnitude an amount, quantity or cost may have: 10^15.
    ///
    /// Why this bound: 10^15 roubles is about five times Russia's yearly GDP (≈ 2·10^14 ₽ in 2024),
    /// so no real sale, deal or campaign comes near it; a larger value is a code or a phone number
    /// in the wrong column, or a file crafted to break the tool. Below it a `Double` holds every
    /// whole number exactly (up to 2^53 ≈ 9.007·10^15), sums of millions of such amounts stay
    /// finite (≤ 10^22 for ten million lines), and the formatter's integers (`Int64`, up to
    /// 9.2·10^18) hold any total a chart or table shows.
    package static let amountMagnitude: Double = 1e15

    /// Whether `value` may be stored as an amount, quantity or cost.
    @inline(__always)
    package static func isAmount(_ value: Double) -> Bool {
        value.isFinite && Swift.abs(value) <= amountMagnitude
    }

    /// Whether every value is an amount (``isAmount(_:)``); with `nanAllowed`, NaN too (the
    /// columnar copy's "no cost").
    ///
    /// Branch-free, so that the compiler vectorises it: 0.7 ms for a million amounts and a
    /// million costs with `-O` (the short-circuiting loop took 2.4 ms, `allSatisfy` 3.6 ms),
    /// against some 50 ms to read those lines' columnar copy.
    /// - Complexity: O(n).
    package static func areAmounts(_ values: [Double], nanAllowed: Bool = false) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var outside: UInt8 = 0
            if nanAllowed {
                // NaN compares false both ways: only ±∞ and big numbers are > the bound.
                for value in buffer { outside |= Swift.abs(value) > amountMagnitude ? 1 : 0 }
            } else {
                for value in buffer { outside |= Swift.abs(value) <= amountMagnitude ? 0 : 1 }
            }
            return outside == 0
        }
    }
}

extension FixedWidthInteger {
    /// `value` rounded by `rule`, when the result is a whole number this type holds; nil for NaN,
    /// ±∞ and values out of range (where `Self(value)` would trap).
    @inlinable
    package init?(checked value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        guard let exact = Self(exactly: value.rounded(rule)) else { return nil }
        self = exact
    }

    /// `value` rounded by `rule` and clamped to this type's range: ±∞ and values out of range
    /// give ``min`` or ``max``, NaN gives 0. Never traps.
    @inlinable
    package init(clamped value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        if value.isNaN {
            self = 0
        } else if let exact = Self(exactly: value.rounded(rule)) {
            self = exact
        } else {
            self = value < 0 ? .min : .max
        }
    }
}

extension Day {
    /// The ordinals of 0001-01-01 … 9999-12-31: the days a four-digit ISO date can name.
    package static let supportedOrdinals = -719_162...2_932_896

    /// The day `ordinal` days after 1970-01-01 (a fraction dropped), or nil when `ordinal` is not a
    /// finite number of days within ``supportedOrdinals``.
    package init?(checkedOrdinal ordinal: Double) {
        guard let whole = Int(checked: ordinal), Day.supportedOrdinals.contains(whole) else { return nil }
        self.init(ordinal: whole)
    }
}
