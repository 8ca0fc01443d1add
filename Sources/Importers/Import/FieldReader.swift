import AuditModel
import Foundation

/// Reads one source cell as one canonical field: the value to store, or why it cannot be read.
package struct FieldReader {
    package let spec: FieldSpec
    package var order: DateOrder
    package let serials: SerialDateSystem
    /// Evidence about day/month order seen in this column.
    package var dayFirstOnly = 0
    package var monthFirstOnly = 0
    package var ambiguous = 0
    /// Codes already worked out for the texts of a code column (a few distinct values repeated
    /// on every row), so that each text is normalised once; at most ``remembered`` texts.
    private var knownCodes: [String: String?] = [:]
    private static let remembered = 256

    package init(spec: FieldSpec, order: DateOrder, serials: SerialDateSystem) {
        self.spec = spec
        self.order = order
        self.serials = serials
    }

    package enum Outcome {
        case value(StoredValue)
        case problem(LocalizedText)
    }

    package mutating func read(_ cell: Cell) -> Outcome {
        if cell.isBlank || (spec.type.isNumberOrDate && cell.isLoneDash) {
            if spec.required {
                return .problem(ImportText.theRequiredFieldIsEmpty.text(["name": .value(spec.name)]))
            }
            return .value(.null)
        }
        if case .undecodable = cell {
            return .problem(
                ImportText.theBytesAreNotValidIn.text())
        }
        switch spec.type {
        case .text:
            switch cell {
            case .text(let text): return .value(.text(trimmed(text)))
            default: return .value(.text(cell.display))
            }
        case .number:
            switch cell {
            case .number(let value): return NumberReader.amount(value)
            case .text(let text):
                if let value = NumberReader.parse(text) { return NumberReader.amount(value) }
                return .problem(NumberReader.refusal(of: text))
            case .bool, .date:
                return .problem(ImportText.expectedANumber.text())
            case .empty, .undecodable:
                return .value(.null)
            }
        case .date:
            switch cell {
            case .date(let day): return .value(.text(day.isoText))
            case .number(let value):
                if let day = serials.day(value) { return .value(.text(day.isoText)) }
                return .problem(
                    ImportText.theNumberIsNotADate.text(["value": .value(Cell.format(value))])
                )
            case .text(let text):
                let result = DateReader.parse(text, order: order, serials: serials)
                switch result.evidence {
                case .dayFirstOnly: dayFirstOnly += 1
                case .monthFirstOnly: monthFirstOnly += 1
                case .ambiguous: ambiguous += 1
                case .none: break
                }
                if let day = result.day { return .value(.text(day.isoText)) }
                if (result.evidence == .dayFirstOnly && order == .monthFirst) || (result.evidence == .monthFirstOnly && order == .dayFirst)
                {
                    return .problem(
                        (order == .dayFirst ? ImportText.dateAgainstDayFirstOrder : .dateAgainstMonthFirstOrder).text())
                }
                return .problem(
                    ImportText.cannotBeReadAsADate.text())
            case .bool:
                return .problem(ImportText.expectedADate.text())
            case .empty, .undecodable:
                return .value(.null)
            }
        case .boolean:
            switch cell {
            case .bool(let value): return .value(.integer(value ? 1 : 0))
            case .number(let value) where value == 0 || value == 1: return .value(.integer(value == 1 ? 1 : 0))
            case .text(let text):
                if let value = BooleanReader.parse(text) { return .value(.integer(value ? 1 : 0)) }
                fallthrough
            default:
                return .problem(ImportText.expectedYesNo.text())
            }
        case .code(let codes):
            let text = cell.display
            let code: String?
            if let known = knownCodes[text] {
                code = known
            } else {
                code = CodeReader.parse(text, field: spec.name, codes: codes)
                if knownCodes.count < Self.remembered { knownCodes[text] = code }
            }
            if let code { return .value(.text(code)) }
            return .problem(
                ImportText.unknownValueExpectedOneOf.text(["codes": .value(codes.joined(separator: ", "))]))
        }
    }

    /// A number or date field's value read from its (trimmed, non-empty) bytes.
    enum PlainValue {
        case real(Double)
        /// A real day (checked), to be written as ISO `YYYY-MM-DD`.
        case day(year: Int, month: Int, day: Int)
    }

    /// The value of a number or date field whose (trimmed, non-empty) text is `bytes`, when it
    /// is written the plain way (`1234.5`, `-12,30`, `04.11.2026`): the same value, and the
    /// same day/month evidence, as ``read(_:)`` gives for that text. Nil: read it as a cell.
    @inline(__always)
    mutating func readPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainValue? {
        switch spec.type {
        case .number:
            // At most 15 digits, so always within ±10^15; checked all the same (else read as a cell).
            guard let value = NumberReader.plain(bytes), NumberLimits.isAmount(value) else { return nil }
            return .real(value)
        case .date:
            // The checks of `Day(year:month:day:)`, without working out the day's ordinal.
            guard let parts = DateReader.fastParts(bytes, order: order), parts.readable,
                (1...12).contains(parts.month), parts.day >= 1, parts.day <= Day.daysIn(month: parts.month, year: parts.year),
                (1...9999).contains(parts.year)
            else { return nil }
            switch parts.evidence {
            case .dayFirstOnly: dayFirstOnly += 1
            case .monthFirstOnly: monthFirstOnly += 1
            case .ambiguous: ambiguous += 1
            case .none: break
            }
            return .day(year: parts.year, month: parts.month, day: parts.day)
        default:
            return nil
        }
    }

    /// The order the evidence supports, when it contradicts the one assumed.
    package var decidedOrder: DateOrder {
        if monthFirstOnly > dayFirstOnly { return .monthFirst }
        if dayFirstOnly > monthFirstOnly { return .dayFirst }
        return order
    }
}

extension FieldType {
    /// Number and date fields, where a lone dash means "no value".
    var isNumberOrDate: Bool {
        switch self {
        case .number, .date: true
        default: false
        }
    }
}

extension Cell {
    /// A cell holding only a dash (`-`, `–`, `—`): how Russian reports and 1C print "no value" in
    /// a number or date column.
    var isLoneDash: Bool {
        guard case .text(let text) = self else { return false }
        // Checked on every number and date cell read as a cell: the first digit ends it.
        var dashes: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\u{A0}" { continue }
            guard scalar == "-" || scalar == "–" || scalar == "—", dashes.count < 2 else { return false }
            dashes.append(scalar)
        }
        return dashes.count == 1 || dashes == ["-", "-"]
    }
}
