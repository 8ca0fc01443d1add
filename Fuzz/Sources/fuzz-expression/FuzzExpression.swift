// The expression language of skip logic, validations and rules: parse, type-check against the
// bundled questionnaire's answers and the metric catalogue, and evaluate with no inputs, with
// ordinary inputs and with extreme ones.
import Audit
import AuditModel
import Expressions
import FuzzSupport
import Questionnaire

private let environment: TypeEnvironment = {
    useRepositoryContent()
    do {
        var types = AuditSetup.ruleEnvironment(for: try Questionnaire.bundled()).types
        types.locals["value"] = ReferenceType(.number)
        return types
    } catch {
        finding("cannot load the bundled questionnaire: \(error)")
    }
}()

/// Values of each type: ordinary ones, then extreme ones.
private let samples: [[ValueType: Value]] = [
    [.bool: .bool(true), .number: .number(42.5), .string: .string("excel"), .date: .date(Day(ordinal: 20_786)),
     .set: .set(["crm", "excel"])],
    [.bool: .bool(false), .number: .number(.greatestFiniteMagnitude), .string: .string(""),
     .date: .date(Day(ordinal: 2_932_896)), .set: .set([])],
    [.bool: .bool(false), .number: .number(-.leastNonzeroMagnitude), .string: .string("\u{0}'\\"),
     .date: .date(Day(ordinal: -719_162)), .set: .set([""])],
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = "input.yaml"
    let text = String(decoding: inputBytes(data, size), as: UTF8.self)
    let expression: Expression
    do {
        expression = try Expression.parse(text, origin: SourceLocation(file: file, line: 3, column: 11), continuationIndent: 4)
        _ = try expression.check(in: environment)
    } catch {
        requireLocated(error.diagnostics, in: file)
        return 0
    }
    _ = expression.evaluate(with: Bindings()).value.description
    for sample in samples {
        var bindings = Bindings()
        for reference in expression.references {
            let type: ReferenceType? = switch reference.kind {
            case .answer: environment.answers[reference.id]
            case .metric: environment.metrics[reference.id]
            case .local: environment.locals[reference.id]
            }
            guard let type, let value = sample[type.type] else { continue }
            switch reference.kind {
            case .answer: bindings.answers[reference.id] = answer(value)
            case .metric: bindings.metrics[reference.id] = value
            case .local: bindings.locals[reference.id] = value
            }
        }
        let result = expression.evaluate(with: bindings)
        _ = result.value.description
        _ = result.missing.map { $0.text(in: .ru) + $0.text(in: .en) }
    }
    return 0
}

/// The stored answer that gives `value` in an expression.
private func answer(_ value: Value) -> AnswerValue {
    switch value {
    case .null: .dontKnow
    case .bool(let flag): .bool(flag)
    case .number(let number): .number(number)
    case .string(let text): .text(text)
    case .date(let day): .date(day)
    case .set(let items): .options(items.sorted())
    case .table: .dontKnow   // tables come from metrics only; no answer holds one
    }
}
