import AuditModel
import Yams

/// Reads a ruleset's `scoring:` block.
enum ScoringPolicyReader {
    static func read(_ node: Node, _ reader: inout NodeReader) -> ScoringPolicy? {
        let what = LocalizedText(ru: "scoring", en: "scoring")
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
                    reader.error(valueNode, LocalizedText(ru: "ожидается число от 0 до 1000", en: "expected a number from 0 to 1000"))
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
                    valueNode, LocalizedText(ru: "«\(key)»: ожидается число от 0 до 1", en: "'\(key)': expected a number from 0 to 1"))
            }
        }
        if let cap = reader.integer(fields, "blocking_caps_level", what) { policy.blockingCapsLevel = cap }
        if let items = reader.sequence(fields, "levels", what) {
            var levels: [ScoringPolicy.MaturityLevel] = []
            let levelWhat = LocalizedText(ru: "уровень", en: "level")
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
                    LocalizedText(
                        ru: "уровни должны идти по возрастанию «below», у последнего «below» нет",
                        en: "levels must ascend by 'below', and the last has no 'below'"))
            } else if !levels.isEmpty {
                policy.levels = levels
            }
        }
        return policy
    }
}
