import AuditModel
import Foundation

/// Rows of a report that are not data: totals, repeated headers, unit rows, separators, blank
/// rows, and the group rows of 1C's grouped reports (a customer or manager alone on its line,
/// the lines beneath it belonging to it).
package enum NonDataRowKind: String, Sendable, CaseIterable, Comparable {
    case total, repeatedHeader, units, separator, blank, group, cancelled

    /// What the report calls such rows.
    package var title: LocalizedText {
        switch self {
        case .total: ImportText.totalsAndSubtotals.text()
        case .repeatedHeader: ImportText.repeatedHeaders.text()
        case .units: ImportText.unitRows.text()
        case .separator: ImportText.separators.text()
        case .blank: ImportText.blankRows.text()
        case .group: ImportText.groupRows.text()
        case .cancelled: ImportText.cancelledAndReturnedOrders.text()
        }
    }

    /// What one such row is called.
    package var singular: LocalizedText {
        switch self {
        case .total: ImportText.total.text()
        case .repeatedHeader: ImportText.repeatedHeader.text()
        case .units: ImportText.units.text()
        case .separator: ImportText.separator.text()
        case .blank: ImportText.blankRow.text()
        case .group:
            ImportText.groupItsValueCarriedIntoThe.text()
        case .cancelled: ImportText.cancelledOrReturnedOrderNotA.text()
        }
    }

    package static func < (a: NonDataRowKind, b: NonDataRowKind) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// The rows of a file recognised as not data: how many of each kind, and the first of them.
package struct NonDataRows: Sendable, Equatable {
    /// Rows of each kind.
    package var counts: [NonDataRowKind: Int] = [:]
    /// The first rows recognised (line, kind, the row's text as found).
    package var examples: [Example] = []

    package struct Example: Sendable, Equatable {
        package var line: Int
        package var kind: NonDataRowKind
        package var text: String
    }

    /// Every row counted.
    package var total: Int { counts.values.reduce(0, +) }

    /// Rows of `kind`.
    package func count(_ kind: NonDataRowKind) -> Int { counts[kind] ?? 0 }

    mutating func add(_ kind: NonDataRowKind, line: Int, text: String, limit: Int) {
        counts[kind, default: 0] += 1
        if kind != .blank && examples.count < limit {
            examples.append(Example(line: line, kind: kind, text: String(text.prefix(80))))
        }
    }
}

/// Tells the rows that are not data from the rest.
enum NonDataClassifier {
    /// The words that open a totals row, as a word of their own.
    static let totalWords = ["итого", "всего", "итог", "total", "subtotal", "grand total", "sum total", "общий итог"]

    /// Words of unit rows (`;;;;шт.;руб.`), written without blanks, lower case.
    static let unitWords: Set<String> = [
        "шт", "шт.", "штук", "штуки", "руб", "руб.", "р", "р.", "₽", "rub", "rur", "usd", "eur", "$", "€", "%",
        "кг", "кг.", "г", "г.", "т", "т.", "л", "л.", "м", "м.", "м2", "м²", "м3", "м³", "ед", "ед.", "ед.изм.",
        "ед.изм", "тыс.руб.", "тыс.руб", "млн.руб.", "млнруб.", "тыс.", "pcs", "pcs.", "pc", "ea", "unit", "units",
        "qty", "kg", "руб.сндс", "руб.безндс", "час", "ч", "ч.", "h", "дн.", "дн", "days",
    ]

    /// Whether `text` (a row's first non-blank value) opens with a totals word: `Итого`,
    /// `Итого по ООО «Ромашка»`, `Всего:`, `Total`, `Grand Total`.
    ///
    /// `strict` (so that a customer called "Total Logistics" or "Всего хорошего" stays a
    /// customer): the word stands alone, or is followed by `:`, a number, `(`, or
    /// `по …` / `за …` / `на …` / `for …` / `of …` / `in …`.
    static func isTotalLabel(_ text: String, strict: Bool = false) -> Bool {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        for word in totalWords where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count)
            guard let next = rest.first else { return true }
            if next.isLetter || next.isNumber { continue }
            if !strict { return true }
            let after = rest.trimmingCharacters(in: .whitespaces)
            if after.isEmpty || after.hasPrefix(":") || after.first?.isNumber == true { return true }
            for preposition in ["по ", "за ", "на ", "for ", "of ", "in ", "("] where after.hasPrefix(preposition) { return true }
        }
        return false
    }

    /// A quick look at the bytes of a row's first value: could it open with a totals word?
    /// (Its first two letters are those of Итого, Всего, Общий итог, Total, Subtotal or Grand
    /// total, in any case.) Most values fail on their first byte; the rest make a string of at
    /// most four bytes, kept inline: rows of data pay almost nothing.
    static func mayBeTotalLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: "S"), UInt8(ascii: "s"), UInt8(ascii: "G"), UInt8(ascii: "g"), 0xD0:
            let head = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(4)), as: UTF8.self).lowercased()
            return totalStarts.contains { head.hasPrefix($0) }
        default:
            return false
        }
    }

    private static let totalStarts = ["ит", "вс", "об", "to", "su", "gr"]

    /// What a row that could not be read as data is, from all its values (`cells`, by column)
    /// and the header (`headers`, by column); nil when it is a data row with bad values.
    static func classify(_ cells: [String], headers: [String]) -> NonDataRowKind? {
        let filled = cells.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        if filled.isEmpty { return .blank }
        if let first = filled.first, isTotalLabel(first.element, strict: true) { return .total }
        if filled.allSatisfy({ $0.element.allSatisfy { "-=_*~.|+—– ".contains($0) } }) { return .separator }
        if filled.allSatisfy({ unitWords.contains(squeezed($0.element)) }) { return .units }
        let matches = filled.filter { index, value in
            index < headers.count && !headers[index].isEmpty && squeezed(value) == squeezed(headers[index])
        }.count
        if matches >= min(2, filled.count) && matches * 2 >= filled.count { return .repeatedHeader }
        return nil
    }

    /// The one text value of a row whose other values are numbers (or none): a group row's
    /// name and its column. Nil when the row holds more than one text.
    static func groupCandidate(_ cells: [String]) -> (column: Int, value: String)? {
        var found: (Int, String)?
        for (index, raw) in cells.enumerated() {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty || looksNumeric(value) { continue }
            if found != nil { return nil }
            found = (index, value)
        }
        return found
    }

    /// Digits, blanks, separators and signs only (`15 000,00`, `-1.5`).
    static func looksNumeric(_ text: String) -> Bool {
        text.contains(where: \.isNumber) && text.allSatisfy { $0.isNumber || " \u{00A0}\u{202F},.-+()%".contains($0) }
    }

    /// Lower case without blanks.
    static func squeezed(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }
}

/// The order status of CRM and shop order exports: a sales file's status column no field
/// takes, whose cancelled and returned orders are not sales.
package enum OrderStatus {
    /// Headers of an order's status in CRM and shop exports (RetailCRM, amoCRM's orders, 1C's
    /// «Заказы клиентов», Shopify-like exports), after ``normalizeKey(_:)``.
    static let headers: Set<String> = Set(
        [
            "Статус", "Статус заказа", "Статус документа", "Состояние", "Состояние заказа",
            "Status", "Order status", "Financial status", "Fulfillment status",
        ].map(normalizeKey))

    /// Status words of an order that was not sold, after ``normalizeWord(_:)``.
    static let cancelledWords: Set<String> = [
        "отменен", "отменён", "отмена", "отменен клиентом", "отменен магазином", "отказ",
        "отказ клиента", "возврат", "возвращен", "аннулирован", "не выкуплен", "невыкуп",
        "cancelled", "canceled", "voided", "refunded", "returned", "void",
    ]

    /// Whether an order of status `status` was cancelled or returned.
    package static func isCancelled(_ status: String) -> Bool { cancelledWords.contains(normalizeWord(status)) }

    /// Whether `header` of a sales file names its order status (read for cancelled orders).
    package static func isHeader(_ header: String) -> Bool { headers.contains(normalizeKey(header)) }
}
