import Foundation

/// What was answered to a question: a value, or an explicit non-answer.
///
/// "Don't know" and "not applicable" are answers in their own right, never confused with a
/// blank (not yet asked or skipped) or with a "no".
public enum AnswerValue: Sendable, Hashable, Codable {
    /// The id of the chosen option (single choice).
    case option(String)
    /// The ids of the chosen options (multiple choice), in the questionnaire's order.
    case options([String])
    /// A yes/no answer.
    case bool(Bool)
    /// A number, percent (0–100 as typed) or money amount; also a 1–5 scale.
    case number(Double)
    /// Free text.
    case text(String)
    /// A calendar day.
    case date(Day)
    /// "Don't know": scores as 0 and is flagged in the report.
    case dontKnow
    /// "Not applicable": excluded from the area score.
    case notApplicable

    /// True for the explicit non-answers.
    package var isNonAnswer: Bool {
        switch self {
        case .dontKnow, .notApplicable: true
        default: false
        }
    }
}

/// Where an answer came from.
package enum AnswerSource: String, Sendable, Hashable, Codable {
    case interview, prefill, file, workbook, carriedOver = "carried_over"
}

/// The person who gave an answer: the owner, the head of sales, the accountant…
public struct Respondent: Sendable, Hashable, Codable, Comparable {
    /// As the person is to be named in the report ("И. И. Смирнов").
    package var name: String
    /// Their position in the company, in their own words ("руководитель отдела продаж").
    package var role: String?

    /// A respondent with `name` (trimmed, control characters removed), nil when it is empty.
    package init?(name: String, role: String? = nil) {
        let cleanName = TerminalText.sanitised(name, multiline: false).trimmingCharacters(in: .whitespaces)
        guard !cleanName.isEmpty else { return nil }
        self.name = cleanName
        self.role = role.map { TerminalText.sanitised($0, multiline: false).trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
    }

    /// "Name (role)" or the name alone.
    public var description: String { role.map { "\(name) (\($0))" } ?? name }

    public static func < (a: Respondent, b: Respondent) -> Bool {
        a.name != b.name ? a.name < b.name : (a.role ?? "") < (b.role ?? "")
    }
}

/// An answer as stored for one round.
public struct Answer: Sendable, Hashable, Codable {
    /// The question answered.
    public var questionID: String
    /// The answer.
    public var value: AnswerValue
    package var note: String?
    package var source: AnswerSource
    /// ISO-8601 time the answer was given.
    package var answeredAt: String
    /// False for an answer carried over from an earlier round that the consultant has not confirmed yet.
    package var confirmed: Bool
    /// Who gave it, when known (the interview's `--respondent`, a workbook's header, a column of
    /// an answers file).
    package var respondent: Respondent?

    package init(
        questionID: String, value: AnswerValue, note: String? = nil, source: AnswerSource,
        answeredAt: String, confirmed: Bool = true, respondent: Respondent? = nil
    ) {
        self.questionID = questionID
        self.value = value
        self.note = note
        self.source = source
        self.answeredAt = answeredAt
        self.confirmed = confirmed
        self.respondent = respondent
    }
}

extension AnswerValue {
    private enum Key: String, CodingKey {
        case option, options, bool, number, text, date, state
    }

    /// Encoded as a one-key object: `{"option": "crm"}`, `{"number": 12}`, `{"state": "dont_know"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .option(let id): try container.encode(id, forKey: .option)
        case .options(let ids): try container.encode(ids, forKey: .options)
        case .bool(let flag): try container.encode(flag, forKey: .bool)
        case .number(let number): try container.encode(number, forKey: .number)
        case .text(let text): try container.encode(text, forKey: .text)
        case .date(let day): try container.encode(day, forKey: .date)
        case .dontKnow: try container.encode("dont_know", forKey: .state)
        case .notApplicable: try container.encode("not_applicable", forKey: .state)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let id = try container.decodeIfPresent(String.self, forKey: .option) {
            self = .option(id)
        } else if let ids = try container.decodeIfPresent([String].self, forKey: .options) {
            self = .options(ids)
        } else if let flag = try container.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(flag)
        } else if let number = try container.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(number)
        } else if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let day = try container.decodeIfPresent(Day.self, forKey: .date) {
            self = .date(day)
        } else if let state = try container.decodeIfPresent(String.self, forKey: .state) {
            switch state {
            case "dont_know": self = .dontKnow
            case "not_applicable": self = .notApplicable
            default:
                throw DecodingError.dataCorruptedError(forKey: .state, in: container, debugDescription: "unknown answer state \(state)")
            }
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty answer value"))
        }
    }
}
