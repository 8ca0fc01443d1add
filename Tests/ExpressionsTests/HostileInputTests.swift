import AuditModel
import Expressions
import TestSupport
import Testing

/// Damaged expressions and random text: each parses and checks, or gives diagnostics at its file
/// and line in both languages; what checks evaluates, with no inputs and with extreme ones.
@Suite struct HostileExpressionInputTests {
    static let seeds = [
        "answer.tools contains 'excel' and metric.sales.revenue > 0",
        "count(answer.tools) >= 2 or not answer.has_crm",
        "days_between(answer.launch, date('2026-11-29')) > 30 ?? false",
        "min(answer.managers, 10) * 2 - abs(value) / 3 % 4 == 1",
        "answer.goal in ['grow_sales', 'retain'] and known(metric.pareto.top20_share)",
        "value <= 0.5 and unknown(answer.comment) != answered(answer.goal)",
    ]

    @Test func damagedExpressionsGiveLocatedDiagnostics() {
        var mutator = ByteMutator(seed: 17_301)
        let extremes = Bindings(
            answers: [
                "tools": .options([]), "goal": .option(""), "has_crm": .bool(false), "managers": .number(.greatestFiniteMagnitude),
                "launch": .date(Day(ordinal: 2_932_896)), "comment": .text("\u{0}"),
            ],
            metrics: [
                "sales.revenue": .number(-.greatestFiniteMagnitude), "pareto.top20_share": .number(.leastNonzeroMagnitude),
                "sales.last_date": .date(Day(ordinal: -719_162)),
            ],
            locals: ["value": .number(-0.0)])
        var failures: [String] = []
        for index in 0..<600 {
            let bytes =
                index < 540
                ? mutator.mutate(Array(Self.seeds[index % Self.seeds.count].utf8))
                : mutator.randomBytes(length: Int.random(in: 0...120, using: &mutator.generator))
            let text = String(decoding: bytes, as: UTF8.self)
            do throws(DiagnosticList) {
                let expression = try Expression.parse(text, origin: origin)
                try expression.check(in: environment)
                _ = expression.evaluate(with: Bindings()).value.description
                _ = expression.evaluate(with: extremes).value.description
            } catch {
                if let problem = unlocatedDiagnostics(error.diagnostics, file: origin.file) { failures.append("\(text): \(problem)") }
            }
        }
        #expect(failures == [])
    }
}
