import AuditModel
import Foundation

/// How the sale lines' customers were found in the customer list: by their code (the list's
/// customer id as written), by the tax id (a sales customer written as its ИНН), or by the name
/// once normalised — quotes of every kind, case, ё/е, blanks and punctuation, legal forms
/// written out or abbreviated, initials (`ООО «Ромашка»` = `ООО "Ромашка"`,
/// `ип сидоров а.в.` = `ИП Сидоров А. В.`).
package struct CustomerMatching: Sendable, Equatable {
    /// Sale lines whose customer is a customer id of the list, letter for letter.
    package var byCode = 0
    /// Sale lines whose customer is the tax id of one customer of the list.
    package var byTaxID = 0
    /// Sale lines whose customer is, once normalised, the name or id of one customer of the list.
    package var byName = 0
    /// Sale lines whose customer is not found in the list.
    package var unmatched = 0
    /// Sales customers whose normalised name fits several customers of the list: left unmatched.
    package var ambiguous: [String] = []

    package init() {}
}

/// Finds the customer of the list a text stands for, by tax id or normalised name: built once
/// from the list, then asked for each text that is not a customer id letter for letter.
struct CustomerResolver {
    private var byName: [String: Set<Int32>] = [:]
    private var byTax: [String: Set<Int32>] = [:]

    enum Match: Equatable {
        case byTaxID(Int32), byName(Int32), ambiguous, none
    }

    /// The index of the first `listCount` keys of `data` (those of the customer list).
    init(_ data: RoundData, listCount: Int) {
        for key in 0..<listCount {
            let position = Int(data.customerListIndex[key])
            guard position >= 0 else { continue }
            let record = data.customers[position]
            for text in [data.customerKeys.name(key), record[.name]].compactMap({ $0 }) {
                if let normal = Normalise.nameKey(text) { byName[normal, default: []].insert(Int32(key)) }
            }
            if let tax = record[.taxID].map(Self.digits), tax.count == 10 || tax.count == 12 {
                byTax[tax, default: []].insert(Int32(key))
            }
        }
    }

    /// The list customer `text` is: its tax id (a text of mostly the 10 or 12 digits of an ИНН),
    /// else its normalised name or id when exactly one customer has it.
    func resolve(_ text: String) -> Match {
        let digits = Self.digits(text)
        if digits.count == 10 || digits.count == 12, digits.count * 2 >= text.count, let found = byTax[digits], found.count == 1,
            let only = found.first
        {
            return .byTaxID(only)
        }
        guard let normal = Normalise.nameKey(text), let found = byName[normal] else { return .none }
        if found.count == 1, let only = found.first { return .byName(only) }
        return .ambiguous
    }

    private static func digits(_ text: String) -> String { String(text.filter(\.isASCII).filter(\.isNumber)) }
}

extension RoundData {
    /// For each customer key, the list customer's key it stands for: itself, or for a key only
    /// in sales (at or past `listCount`), the list key whose tax id, normalised id or normalised
    /// name it is (see ``CustomerResolver``). Also says how each key was found: 0 by code, 1 by
    /// tax id, 2 by name, 3 not found; and lists the ambiguous ones.
    func customerAliases(listCount: Int) -> (target: [Int32], how: [UInt8], ambiguous: [String]) {
        var target = (0..<customerKeys.count).map { Int32($0) }
        var how = [UInt8](repeating: 0, count: customerKeys.count)
        guard listCount < customerKeys.count else { return (target, how, []) }
        for key in listCount..<customerKeys.count { how[key] = 3 }
        guard listCount > 0 else { return (target, how, []) }
        let resolver = CustomerResolver(self, listCount: listCount)
        var ambiguous: [String] = []
        for key in listCount..<customerKeys.count {
            let text = customerKeys.name(key)
            switch resolver.resolve(text) {
            case .byTaxID(let found):
                target[key] = found
                how[key] = 1
            case .byName(let found):
                target[key] = found
                how[key] = 2
            case .ambiguous:
                ambiguous.append(text)
            case .none:
                break
            }
        }
        return (target, how, ambiguous.sorted())
    }

    /// The customer keys that `texts` (customer ids of activities or deals) stand for: a list
    /// customer's id letter for letter, else the list customer found by tax id or normalised
    /// name, else a customer only in sales by its id. Texts that are none of these are left out.
    func customerKeys(of texts: [String]) -> Set<Int32> {
        var keys = Set<Int32>()
        var resolver: CustomerResolver?
        let listCount = customerListIndex.firstIndex { $0 < 0 } ?? customerListIndex.count
        for text in texts {
            let exact = customerKeys.key(text)
            if let exact, Int(exact) < customerListIndex.count, customerListIndex[Int(exact)] >= 0 {
                keys.insert(exact)
                continue
            }
            if listCount > 0 {
                if resolver == nil { resolver = CustomerResolver(self, listCount: listCount) }
                switch resolver?.resolve(text) {
                case .byTaxID(let found)?, .byName(let found)?:
                    keys.insert(found)
                    continue
                default:
                    break
                }
            }
            if let exact { keys.insert(exact) }
        }
        return keys
    }
}
