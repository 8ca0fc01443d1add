// Expressions benchmark: 1,000 rule-like conditions parsed, checked and evaluated over a full
// set of answers and metrics, against a peer measured in the same run: the same conditions
// written as Swift closures over the same dictionaries. Run with `Benchmarks/expressions/run.sh`.
import Foundation

/// Kleene `and`.
func and3(_ a: Bool?, _ b: Bool?) -> Bool? {
    if a == false || b == false { return false }
    if a == true && b == true { return true }
    return nil
}

@main
struct ExpressionsBenchmark {
    static func main() throws {
        // 200 metrics, 80 answers.
        var metrics: [String: Value] = [:]
        var metricTypes: [String: ReferenceType] = [:]
        for index in 0..<200 {
            metrics["m\(index).share"] = index % 17 == 0 ? .null : .number(Double(index % 100) / 100)
            metricTypes["m\(index).share"] = ReferenceType(.number)
        }
        var answers: [String: AnswerValue] = [:]
        var answerTypes: [String: ReferenceType] = [:]
        for index in 0..<80 {
            answers["q\(index)"] = index % 11 == 0 ? .dontKnow : .option(["none", "some", "all"][index % 3])
            answerTypes["q\(index)"] = ReferenceType(.string, options: ["none", "some", "all"])
        }
        let environment = TypeEnvironment(answers: answerTypes, metrics: metricTypes)
        let bindings = Bindings(answers: answers, metrics: metrics)

        // 1,000 conditions of four shapes seen in rulesets.
        var texts: [String] = []
        var peers: [([String: AnswerValue], [String: Value]) -> Bool?] = []
        for index in 0..<1000 {
            let m = "m\(index % 200).share", q = "q\(index % 80)"
            switch index % 4 {
            case 0:
                texts.append("metric.\(m) > 0.5 and answer.\(q) in ['none', 'some']")
                peers.append { a, ms in
                    var left: Bool?, right: Bool?
                    if case .number(let x)? = ms[m] { left = x > 0.5 }
                    if case .option(let o)? = a[q] { right = o == "none" || o == "some" }
                    return and3(left, right)
                }
            case 1:
                texts.append("(metric.\(m) ?? 0) * 100 >= 30 or not known(answer.\(q))")
                peers.append { a, ms in
                    var x = 0.0
                    if case .number(let v)? = ms[m] { x = v }
                    var known = false
                    if case .option? = a[q] { known = true }
                    return x * 100 >= 30 || !known
                }
            case 2:
                texts.append("answer.\(q) == 'none' and unknown(answer.q\((index + 1) % 80)) == false")
                peers.append { a, _ in
                    var left: Bool?
                    if case .option(let o)? = a[q] { left = o == "none" }
                    return and3(left, a["q\((index + 1) % 80)"] != .dontKnow)
                }
            default:
                texts.append("max(metric.\(m), metric.m\((index + 7) % 200).share) - min(0.2, metric.\(m)) > 0.25")
                peers.append { _, ms in
                    guard case .number(let x)? = ms[m], case .number(let y)? = ms["m\((index + 7) % 200).share"] else { return nil }
                    return max(x, y) - min(0.2, x) > 0.25
                }
            }
        }

        let origin = SourceLocation(file: "bench.yaml", line: 1, column: 1)
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }

        var expressions: [Expression] = []
        let load = try seconds {
            for _ in 0..<20 {
                expressions = try texts.map { try Expression.parse($0, origin: origin) }
                for expression in expressions { try expression.check(in: environment, expecting: .bool) }
            }
        } / 20

        // Check that both ways agree before timing them.
        for (expression, peer) in zip(expressions, peers) {
            let value = expression.evaluate(with: bindings).value
            let expected: Value = peer(answers, metrics).map(Value.bool) ?? .null
            guard value == expected else { fatalError("mismatch: \(expression.text): \(value) vs \(expected)") }
        }
        let rounds = 200
        var sink = 0
        let evaluate = seconds {
            for _ in 0..<rounds { for expression in expressions where expression.evaluate(with: bindings).value == .bool(true) { sink += 1 } }
        } / Double(rounds)
        let peer = seconds {
            for _ in 0..<rounds { for closure in peers where closure(answers, metrics) == true { sink += 1 } }
        } / Double(rounds)
        print("1,000 conditions, 200 metrics, 80 answers (sink \(sink))")
        print(String(format: "parse + type-check 1,000: %.2f ms", load * 1000))
        print(String(format: "evaluate 1,000:           %.3f ms", evaluate * 1000))
        print(String(format: "peer (Swift closures):    %.3f ms", peer * 1000))
        print(String(format: "evaluation / peer ratio:  %.1f×", evaluate / peer))
    }
}
