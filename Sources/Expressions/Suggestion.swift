import AuditModel

/// "Did you mean" for an unknown id: the nearest known id by edit distance, else (for dotted
/// ids such as metrics) the known ids of the same group, so that `managers.count` points at
/// `managers.with_sales`.
package enum Suggestion {
    /// The hint to append to an "unknown …" message (`; did you mean 'x'?`), or "" when
    /// nothing is near.
    package static func hint(for id: String, in candidates: some Collection<String>) -> LocalizedText {
        // A truncated id (`sales.growth` for `sales.growth_12m`) means the ids it begins.
        let completions = candidates.filter { isCompletion($0, of: id) }.sorted()
        if completions.count == 1, let only = completions.first {
            return ExpressionText.didYouMean.text(["only": .value(only)])
        }
        if completions.count > 1 {
            let shown = completions.prefix(24).joined(separator: ", ") + (completions.count > 24 ? ", …" : "")
            return ExpressionText.didYouMeanOneOf.text(["shown": .value(shown)])
        }
        if let near = nearest(to: id, in: candidates) {
            return ExpressionText.didYouMean2.text(["near": .value(near)])
        }
        guard let dot = id.firstIndex(of: "."), dot != id.startIndex else { return LocalizedText(both: "") }
        let group = String(id[...dot])
        let family = candidates.filter { $0.hasPrefix(group) }.sorted()
        guard !family.isEmpty else { return LocalizedText(both: "") }
        let shown = family.prefix(24).joined(separator: ", ") + (family.count > 24 ? ", …" : "")
        return ExpressionText.theGroupHas.text(["group": .value(group), "shown": .value(shown)])
    }

    /// True when `candidate` is `id` followed by a further part (`_12m`, `.all_history`).
    static func isCompletion(_ candidate: String, of id: String) -> Bool {
        guard !id.isEmpty, candidate.count > id.count, candidate.hasPrefix(id) else { return false }
        let next = candidate[candidate.index(candidate.startIndex, offsetBy: id.count)]
        return next == "_" || next == "."
    }

    /// The known id nearest to `id`, when it is within max(2, length / 4) edits.
    package static func nearest(to id: String, in candidates: some Collection<String>) -> String? {
        let limit = Swift.max(2, id.count / 4)
        return candidates.map { ($0, editDistance($0, id)) }.filter { $0.1 <= limit }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}
