/// Matching a name as people say it ("Сергей", "Козлов С.") against the names in the data
/// ("Козлов Сергей"), for `lookup`, `rank` and `top` over tables.
package enum NameMatch {
    /// The words of a name: lower case, `ё` read as `е`, split on anything but letters and digits.
    package static func words(_ name: String) -> [String] {
        let lowered = String(name.lowercased().map { $0 == "ё" ? "е" : $0 })
        return lowered.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The one key `name` stands for: the key with the same words in any order; else the only
    /// key of which each word of `name` starts a different word. Nil when none or several match.
    /// - Complexity: O(k · w²) for k keys of at most w words.
    package static func key(in keys: some Collection<String>, matching name: String) -> String? {
        let wanted = words(name)
        guard !wanted.isEmpty else { return nil }
        let sortedWanted = wanted.sorted()
        let exact = keys.filter { words($0).sorted() == sortedWanted }
        if exact.count == 1 { return exact.first }
        if exact.count > 1 { return nil }
        let partial = keys.filter { startsWords(wanted, of: words($0)) }
        return partial.count == 1 ? partial.first : nil
    }

    /// True when each of `wanted` starts a different word of `words` (longest wanted first, so
    /// that "с" does not take the word "сергей" needs).
    static func startsWords(_ wanted: [String], of words: [String]) -> Bool {
        var free = words
        for word in wanted.sorted(by: { $0.count > $1.count }) {
            guard let index = free.firstIndex(where: { $0.hasPrefix(word) }) else { return false }
            free.remove(at: index)
        }
        return true
    }
}
