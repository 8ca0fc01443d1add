// Rules engine benchmark (issue 6: 1,000 rules over a full metric set, target under 50 ms).
//
// The bundled rules (core + wholesale) are replicated to 1,000 rules with distinct ids and
// evaluated over the example company's answers and a full metric set (every catalogue metric),
// complete findings included (evidence rendered in both languages, points, statuses).
// Peer, in the same run: evaluating only the rules' conditions with the expression evaluator,
// so the ratio shows what the finding records cost on top of the conditions themselves.
import Analytics
import Audit
import AuditModel
import Expressions
import Foundation
import Questionnaire
import Rules

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
setenv("CRM_AUDIT_HOME", root, 1)

let setup = try AuditSetup.load(industry: "wholesale")
var rules: [Rule] = []
while rules.count < 1_000 {
    for rule in setup.rulesets.rules where rules.count < 1_000 {
        var copy = rule
        copy.id = "\(rule.id)-\(rules.count)"
        rules.append(copy)
    }
}
// A full metric set: every catalogue metric, numbers spread over 0–1 and a few nulls.
var metrics: [String: Value] = [:]
for (index, definition) in MetricCatalogue.all.enumerated() {
    metrics[definition.id] =
        index % 23 == 0 ? .null : (definition.unit == .date ? .date(Day(ordinal: 20_000)) : .number(Double(index % 97) / 97))
}
let answersText = try String(contentsOfFile: root + "/examples/technosnab/answers.yaml", encoding: .utf8)
let read = AnswersFile.read(
    text: answersText, file: "answers.yaml", format: .yaml, questionnaire: setup.questionnaire, answeredAt: "2026-11-29T00:00:00Z")
let answers = Dictionary(read.answers.map { ($0.questionID, $0.value) }, uniquingKeysWith: { $1 })
let context = FixedContext(answers: answers, metrics: metrics, roundDate: Day(year: 2026, month: 11, day: 29)!)
let evaluator = RuleEvaluator(policy: setup.rulesets.policy, waivers: setup.rulesets.waivers)
let bindings = Bindings(answers: answers, metrics: metrics)

func median(_ runs: Int, _ body: () -> Int) -> (Duration, Int) {
    var times: [Duration] = []
    var sink = 0
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let start = clock.now
        sink &+= body()
        times.append(clock.now - start)
    }
    return (times.sorted()[runs / 2], sink)
}

func ms(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let (engine, findingsCount) = median(21) {
    evaluator.evaluate(rules, in: context).filter(\.isGap).count
}
let (conditions, _) = median(21) {
    var holding = 0
    for rule in rules {
        if let appliesIf = rule.appliesIf, appliesIf.evaluate(with: bindings).value != .bool(true) { continue }
        switch rule.check {
        case .condition(let condition): if condition.evaluate(with: bindings).value == .bool(true) { holding += 1 }
        case .bands(let value, _, _): if case .number = value.evaluate(with: bindings).value { holding += 1 }
        }
    }
    return holding
}
print("rules evaluated:            \(rules.count) (gaps found: \(findingsCount / 21))")
print(String(format: "rules engine, full findings: %.2f ms (median of 21)  target < 50 ms", ms(engine)))
print(String(format: "peer, conditions only:       %.2f ms", ms(conditions)))
print(String(format: "ratio engine / peer:         %.2f×", ms(engine) / ms(conditions)))
