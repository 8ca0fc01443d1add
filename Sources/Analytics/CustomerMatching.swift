import AuditModel
import Foundation

/// How the sale lines' customers were found in the customer list: by their code (the list's
/// customer id as written), by the tax id (a sales customer written as its ИНН), or by the name
/// once normalised — quotes of every kind, case, ё/е, blanks and punctuation, legal forms
/// written out or abbreviated, initials (`ООО «Ромашка»` = `ООО "Ромашка"`,
/// `ип сидоров а.в.` = `ИП Сидоров А. В.`).
public struct CustomerMatching: Sendable, Equatable {
    /// Sale lines whose customer is a customer id of the list, letter for letter.
    public var byCode = 0
    /// Sale lines whose customer is the tax id of one customer of the list.
    public var byTaxID = 0
    /// Sale lines whose customer is, once normalised, the name or id of one customer of the list.
    public var byName = 0
    /// Sale lines whose customer is not found in the list.
    public var unmatched = 0
    /// Sales customers whose normalised name fits several customers of the list: left unmatched.
    public var ambiguous: [String] = []

    public init() {}
}

extension RoundData {
    /// For each customer key, the list customer's key it stands for: itself, or for a key only
    /// in sales (at or past `listCount`), the list key whose tax id, normalised id or normalised
    /// name it is (when exactly one list customer has it). Also says how each key was found:
    /// 0 by code, 1 by tax id, 2 by name, 3 not found; and lists the ambiguous ones.
    func customerAliases(listCount: Int) -> (target: [Int32], how: [UInt8], ambiguous: [String]) {
        var target = (0..<customerKeys.count).map { Int32($0) }
        var how = [UInt8](repeating: 0, count: customerKeys.count)
        guard listCount < customerKeys.count else { return (target, how, []) }
        for key in listCount..<customerKeys.count { how[key] = 3 }
        guard listCount > 0 else { return (target, how, []) }
        // The list's customers by normalised id and name, and by tax id (digits only).
        var byName: [String: Set<Int32>] = [:]
        var byTax: [String: Set<Int32>] = [:]
        for key in 0..<listCount {
            let position = Int(customerListIndex[key])
            guard position >= 0 else { continue }
            let record = customers[position]
            for text in [customerKeys.name(key), record[.name]].compactMap({ $0 }) {
                if let normal = Normalise.nameKey(text) { byName[normal, default: []].insert(Int32(key)) }
            }
            if let tax = record[.taxID].map(Self.digits), tax.count == 10 || tax.count == 12 {
                byTax[tax, default: []].insert(Int32(key))
            }
        }
        var ambiguous: [String] = []
        for key in listCount..<customerKeys.count {
            let text = customerKeys.name(key)
            let digits = Self.digits(text)
            if (digits.count == 10 || digits.count == 12), digits.count * 2 >= text.count, let found = byTax[digits], found.count == 1,
               let only = found.first {
                target[key] = only
                how[key] = 1
                continue
            }
            guard let normal = Normalise.nameKey(text), let found = byName[normal] else { continue }
            if found.count == 1, let only = found.first {
                target[key] = only
                how[key] = 2
            } else {
                ambiguous.append(text)
            }
        }
        return (target, how, ambiguous.sorted())
    }

    private static func digits(_ text: String) -> String { String(text.filter(\.isASCII).filter(\.isNumber)) }
}
