import Rules

/// The passed checks the report states as strengths. A check that passed is a strength only when
/// nothing else the audit found contradicts it: a passed check whose root cause has symptoms
/// elsewhere ("key accounts are worked by plan" beside "the largest customers cut purchases by a
/// third") would read as a contradiction, so it is counted, not stated.
enum Strengths {
    static func split(_ findings: [Finding]) -> (stated: [Finding], counted: [Finding]) {
        let troubled = Set(findings.filter(\.isGap).compactMap(\.cause))
        let passed = findings.filter { $0.status == .ok }
        let stated = passed.filter { $0.strength != nil && !($0.cause.map(troubled.contains) ?? false) }
        let statedIDs = Set(stated.map(\.ruleID))
        return (stated, passed.filter { !statedIDs.contains($0.ruleID) })
    }
}
