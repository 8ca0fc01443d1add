import AuditModel
import Expressions

/// One gate of the readiness verdict for the CRM project (sponsor, goals, budget, data, people,
/// integration): a ruleset's `readiness:` entry. The gate blocks when `blocked_if` holds, asks
/// for a condition when `condition_if` holds, and passes otherwise (at least one of the two).
package struct ReadinessGate: Sendable, Hashable {
    package var id: String
    package var title: LocalizedText
    package var blockedIf: Expressions.Expression?
    package var conditionIf: Expressions.Expression?
    /// What each outcome means, in words (evidence templates are not used: a gate reads as a decision).
    package var passed: LocalizedText
    package var blocked: LocalizedText?
    package var condition: LocalizedText?
    /// Conditions each with its own words (`conditions: [{if, text}]`): the gate names only those
    /// that hold for this company, rather than a sentence listing every possible reason.
    package var conditions: [Condition] = []
    package var location: SourceLocation

    /// One condition of a gate and what it asks of the client.
    package struct Condition: Sendable, Hashable {
        package var test: Expressions.Expression
        package var text: LocalizedText
    }

    package init(
        id: String, title: LocalizedText, blockedIf: Expressions.Expression?, conditionIf: Expressions.Expression?,
        passed: LocalizedText, blocked: LocalizedText?, condition: LocalizedText?, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.blockedIf = blockedIf
        self.conditionIf = conditionIf
        self.passed = passed
        self.blocked = blocked
        self.condition = condition
        self.location = location
    }
}

/// The outcome of one gate.
package enum GateStatus: String, Sendable, Hashable, Codable {
    case passed, condition, blocked
    /// The answers or data the gate reads are missing: it cannot pass until they are known.
    case unknown

    package var title: LocalizedText {
        switch self {
        case .passed: RuleText.ready.text()
        case .condition: RuleText.withACondition.text()
        case .blocked: RuleText.notReady.text()
        case .unknown: RuleText.notAssessed.text()
        }
    }
}

/// The verdict for the CRM project, apart from the maturity of today's practice: a company buying
/// its first CRM is not "not ready" for lacking CRM practices, only for lacking what a project needs.
package enum ReadinessVerdict: String, Sendable, Hashable, Codable {
    case go, goWithConditions = "go_with_conditions", notYet = "not_yet"

    package var title: LocalizedText {
        switch self {
        case .go: RuleText.go.text()
        case .goWithConditions: RuleText.goWithConditions.text()
        case .notYet: RuleText.notYet.text()
        }
    }
}

/// The verdict with each gate's outcome and reason.
package struct Readiness: Sendable, Hashable, Codable {
    package struct Gate: Sendable, Hashable, Codable {
        package var id: String
        package var title: LocalizedText
        package var status: GateStatus
        package var reason: LocalizedText
    }

    package var verdict: ReadinessVerdict
    package var gates: [Gate]

    /// Evaluates `gates` (the last layer's definition of each id wins) with the round's answers and metrics.
    package static func assess(_ gates: [ReadinessGate], bindings: Bindings) -> Readiness? {
        guard !gates.isEmpty else { return nil }
        let outcomes = gates.map { gate -> Gate in
            if let blockedIf = gate.blockedIf {
                guard case .bool(let isBlocked) = blockedIf.evaluate(with: bindings).value else {
                    return Gate(id: gate.id, title: gate.title, status: .unknown, reason: unknownReason)
                }
                if isBlocked, let blocked = gate.blocked { return Gate(id: gate.id, title: gate.title, status: .blocked, reason: blocked) }
            }
            if let conditionIf = gate.conditionIf {
                guard case .bool(let needsCondition) = conditionIf.evaluate(with: bindings).value else {
                    return Gate(id: gate.id, title: gate.title, status: .unknown, reason: unknownReason)
                }
                if needsCondition, let condition = gate.condition {
                    return Gate(id: gate.id, title: gate.title, status: .condition, reason: condition)
                }
            }
            if !gate.conditions.isEmpty {
                let outcomes = gate.conditions.map { ($0.test.evaluate(with: bindings).value, $0.text) }
                let holding = outcomes.filter { $0.0 == .bool(true) }.map(\.1)
                if !holding.isEmpty {
                    return Gate(
                        id: gate.id, title: gate.title, status: .condition,
                        reason: .inEach { language in holding.map { $0[language] }.joined(separator: " ") })
                }
                if outcomes.contains(where: { $0.0 != .bool(false) }) {
                    return Gate(id: gate.id, title: gate.title, status: .unknown, reason: unknownReason)
                }
            }
            return Gate(id: gate.id, title: gate.title, status: .passed, reason: gate.passed)
        }
        let verdict: ReadinessVerdict =
            outcomes.contains { $0.status == .blocked }
            ? .notYet
            : outcomes.contains { $0.status == .condition || $0.status == .unknown } ? .goWithConditions : .go
        return Readiness(verdict: verdict, gates: outcomes)
    }

    static let unknownReason = RuleText.anAnswerOrDataNeededTo.text()
}
