import AuditModel
import Yams

/// Reads a ruleset's `scoring:` block.
struct ScoringPolicyReader {
    let reader: YAMLReader

    func read(_ node: Yams.Node) -> ScoringPolicy? {
        guard let pairs = reader.mapping(node, "scoring") else { return nil }
        reader.checkKeys(pairs, allowed: ["severity_points", "warn_fraction", "answers_weight", "levels", "blocking_caps_level"], in: "scoring")
        var policy = ScoringPolicy.standard
        if let points = reader.mapping(reader.value(pairs, "severity_points"), "severity_points") {
            reader.checkKeys(points, allowed: Set(Severity.allCases.map(\.rawValue)), in: "severity_points")
            for pair in points {
                guard let severity = Severity(rawValue: pair.key) else { continue }
                guard let value = pair.value.float ?? pair.value.int.map(Double.init), value >= 0 else {
                    reader.report(at: pair.value, ru: "ожидается неотрицательное число", en: "expected a non-negative number")
                    continue
                }
                policy.severityPoints[severity] = value
            }
        }
        if let fraction = reader.number(pairs, "warn_fraction", in: "scoring") {
            if (0...1).contains(fraction) { policy.warnFraction = fraction } else {
                reader.report(at: reader.value(pairs, "warn_fraction"), ru: "ожидается число от 0 до 1", en: "expected a number from 0 to 1")
            }
        }
        if let weight = reader.number(pairs, "answers_weight", in: "scoring") {
            if (0...1).contains(weight) { policy.answersWeight = weight } else {
                reader.report(at: reader.value(pairs, "answers_weight"), ru: "ожидается число от 0 до 1", en: "expected a number from 0 to 1")
            }
        }
        if let cap = reader.number(pairs, "blocking_caps_level", in: "scoring") { policy.blockingCapsLevel = Int(cap) }
        if let items = reader.sequence(reader.value(pairs, "levels"), "levels") {
            var levels: [ScoringPolicy.MaturityLevel] = []
            for item in items {
                guard let level = reader.mapping(item, "level") else { continue }
                reader.checkKeys(level, allowed: ["level", "below", "title"], in: "levels")
                guard let number = reader.number(level, "level", in: "levels"),
                      let title = reader.localized(level, "title", in: "levels", required: true, at: item) else { continue }
                levels.append(ScoringPolicy.MaturityLevel(level: Int(number), below: reader.number(level, "below", in: "levels"), title: title))
            }
            let bounds = levels.compactMap(\.below)
            if bounds != bounds.sorted() || levels.last?.below != nil || levels.dropLast().contains(where: { $0.below == nil }) {
                reader.report(at: reader.value(pairs, "levels"),
                              ru: "уровни должны идти по возрастанию «below», у последнего «below» нет",
                              en: "levels must ascend by 'below', and the last has no 'below'")
            } else if !levels.isEmpty {
                policy.levels = levels
            }
        }
        return policy
    }
}
