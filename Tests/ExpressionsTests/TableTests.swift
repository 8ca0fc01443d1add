import AuditModel
import Expressions
import Testing

/// Tables are numbers by name (each manager's share of revenue); rules compare a name the owner
/// gives with them.
@Suite struct TableFunctions {
    let shares = Value.table(["Козлов Сергей": 0.064, "Соколов Андрей": 0.348, "Новикова Татьяна": 0.124, "Павлов Игорь": 0.064])

    func value(_ text: String, name: String? = nil) throws -> Value {
        var answers: [String: AnswerValue] = [:]
        if let name { answers["star"] = .text(name) }
        return try evaluate(text, Bindings(answers: answers, metrics: ["managers.share": shares])).value
    }

    @Test(arguments: [
        ("Козлов Сергей", 0.064), ("Сергей Козлов", 0.064), ("  КОЗЛОВ   сергей ", 0.064), ("Сергей", 0.064),
        ("Козлов С.", 0.064), ("соколов", 0.348), ("Новикова Татьяна", 0.124),
    ])
    func lookupFindsTheItemANameStandsFor(name: String, share: Double) throws {
        #expect(try value("lookup(metric.managers.share, answer.star)", name: name) == .number(share))
    }

    @Test func yoAndYeAreTheSameLetter() throws {
        let table = Value.table(["Пётр Орлов": 0.2])
        let found = try evaluate("lookup(metric.t, 'Петр Орлов')", Bindings(metrics: ["t": table]))
        #expect(found.value == .number(0.2))
    }

    @Test(arguments: ["Петров", "", "Козлов Сергей Иванович"])
    func aNameThatMatchesNobodyGivesNullWithNothingMissing(name: String) throws {
        let result = try evaluate(
            "lookup(metric.managers.share, answer.star)",
            Bindings(answers: ["star": .text(name)], metrics: ["managers.share": shares]))
        #expect(result.value == .null)
        #expect(result.missing.isEmpty, "the name was given; it just names no one")
    }

    @Test func aNameSeveralItemsAnswerToGivesNull() throws {
        let table = Value.table(["Иванов Сергей": 0.3, "Козлов Сергей": 0.1])
        #expect(try evaluate("lookup(metric.t, 'Сергей')", Bindings(metrics: ["t": table])).value == .null)
        #expect(try evaluate("lookup(metric.t, 'Козлов')", Bindings(metrics: ["t": table])).value == .number(0.1))
    }

    @Test func rankCountsFromTheLargestWithTiesByName() throws {
        #expect(try value("rank(metric.managers.share, answer.star)", name: "Соколов") == .number(1))
        #expect(try value("rank(metric.managers.share, answer.star)", name: "Новикова") == .number(2))
        // Козлов and Павлов tie at 6.4 %: the name decides, Козлов first.
        #expect(try value("rank(metric.managers.share, answer.star)", name: "Козлов") == .number(3))
        #expect(try value("rank(metric.managers.share, answer.star)", name: "Павлов") == .number(4))
    }

    @Test func topNamesTheLargestAndSumAddsUp() throws {
        #expect(try value("top(metric.managers.share)") == .string("Соколов Андрей"))
        guard case .number(let total) = try value("sum(metric.managers.share)") else {
            Issue.record("sum is not a number")
            return
        }
        #expect(abs(total - 0.6) < 1e-12)
        #expect(try value("lookup(metric.managers.share, top(metric.managers.share))") == .number(0.348))
    }

    @Test func aMissingTableIsAMissingInput() throws {
        let result = try evaluate("rank(metric.managers.share, 'Сергей') != 1", Bindings(metrics: ["managers.share": .null]))
        #expect(result.value == .null)
        #expect(result.missing == [MissingInput(.metric("managers.share"), .null)])
    }

    @Test func tablesAreTypeChecked() {
        var environment = TypeEnvironment()
        environment.metrics["managers.share"] = ReferenceType(.table)
        environment.metrics["sales.revenue"] = ReferenceType(.number)
        environment.answers["star"] = ReferenceType(.string)
        func problems(_ text: String, expecting: ValueType?) -> [String] {
            do throws(DiagnosticList) {
                try Expression.parse(text, origin: origin).check(in: environment, expecting: expecting)
                return []
            } catch {
                return error.diagnostics.map { $0.formatted(in: .en) }
            }
        }
        #expect(problems("rank(metric.managers.share, answer.star) == 1", expecting: .bool).isEmpty)
        #expect(problems("top(metric.managers.share)", expecting: .string).isEmpty)
        #expect(
            problems("lookup(metric.sales.revenue, answer.star)", expecting: .number).contains {
                $0.contains("the first argument of lookup(): expected a table of numbers by name, got a number")
            })
        #expect(
            problems("lookup(metric.managers.share, 3)", expecting: .number).contains {
                $0.contains("the second argument of lookup() (a name): expected a string, got a number")
            })
        #expect(problems("metric.managers.share > 0.3", expecting: .bool).contains { $0.contains("not a table of numbers by name") })
    }
}

/// "Did you mean": the nearest id, else the ids of the same group.
@Suite struct Suggestions {
    @Test func aTypoGetsTheNearestID() {
        #expect(Suggestion.hint(for: "managers.idel", in: ["managers.idle", "managers.top_share"]).en == "; did you mean 'managers.idle'?")
    }

    @Test func anInventedIDInAKnownGroupListsTheGroup() {
        let hint = Suggestion.hint(for: "managers.count", in: ["managers.with_sales_12m", "managers.idle", "customers.count"])
        #expect(hint.en == "; the 'managers.' group has: managers.idle, managers.with_sales_12m")
        #expect(hint.ru == "; в группе «managers.» есть: managers.idle, managers.with_sales_12m")
    }

    @Test func aTruncatedIDGetsTheIDsItBegins() {
        let ids = ["sales.rows", "sales.growth_12m", "sales.revenue_last_12m", "sales.revenue_prev_12m", "sales.revenue.all_history"]
        #expect(Suggestion.hint(for: "sales.growth", in: ids).en == "; did you mean 'sales.growth_12m'?", "not the nearer 'sales.rows'")
        #expect(
            Suggestion.hint(for: "sales.revenue", in: ids).en
                == "; did you mean one of: sales.revenue.all_history, sales.revenue_last_12m, sales.revenue_prev_12m")
        #expect(Suggestion.hint(for: "sales.revenue", in: ids).ru.hasPrefix("; возможно, одно из: sales.revenue.all_history"))
    }

    @Test func nothingNearGivesNoHint() {
        #expect(Suggestion.hint(for: "zzz", in: ["managers.idle"]).en == "")
    }
}
