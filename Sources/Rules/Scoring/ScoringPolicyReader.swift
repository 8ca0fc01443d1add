import AuditModel
import Yams

/// Reads a ruleset's `scoring:` block.
enum ScoringPolicyReader {
    static func read(_ node: Node, _ reader: inout NodeReader) -> ScoringPolicy? {
        let what = RuleText.scoring.text()
        guard
            let fields = reader.mapping(
                node, what, allowed: ["severity_points", "warn_fraction", "answers_weight", "levels", "blocking_caps_level"])
        else { return nil }
        var policy = ScoringPolicy.standard
        if let pointsNode = fields["severity_points"],
            let points = reader.mapping(pointsNode, LocalizedText(both: "severity_points"), allowed: Severity.allCases.map(\.rawValue))
        {
            for severity in Severity.allCases {
                guard let value = reader.number(points, severity.rawValue, LocalizedText(both: "severity_points")) else { continue }
                if !ScoringPolicy.severityPointRange.contains(value), let valueNode = points[severity.rawValue] {
                    reader.error(valueNode, RuleText.expectedANumberFromTo.text())
                } else {
                    policy.severityPoints[severity] = value
                }
            }
        }
        for (key, path) in [("warn_fraction", \ScoringPolicy.warnFraction), ("answers_weight", \ScoringPolicy.answersWeight)] {
            guard let value = reader.number(fields, key, what) else { continue }
            if (0...1).contains(value) {
                policy[keyPath: path] = value
            } else if let valueNode = fields[key] {
                reader.error(
                    valueNode, RuleText.expectedANumberFromTo2.text(["key": .value(key)]))
            }
        }
        if let cap = reader.integer(fields, "blocking_caps_level", what) { policy.blockingCapsLevel = cap }
        if let items = reader.sequence(fields, "levels", what) {
            var levels: [ScoringPolicy.MaturityLevel] = []
            let levelWhat = RuleText.level.text()
            for item in items {
                guard let level = reader.mapping(item, levelWhat, allowed: ["level", "below", "title"]),
                    let number = reader.integer(level, "level", levelWhat),
                    let title = reader.text(level, "title", levelWhat)
                else { continue }
                levels.append(ScoringPolicy.MaturityLevel(level: number, below: reader.number(level, "below", levelWhat), title: title))
            }
            let bounds = levels.compactMap(\.below)
            if bounds != bounds.sorted() || levels.last?.below != nil || levels.dropLast().contains(where: { $0.below == nil }),
                let levelsNode = fields["levels"]
            {
                reader.error(
                    levelsNode,
                    RuleText.levelsMustAscendByBelowAnd.text())
            } else if !levels.isEmpty {
                policy.levels = levels
            }
        }
        return policy
    }
}
