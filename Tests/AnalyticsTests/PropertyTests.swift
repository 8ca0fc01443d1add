import AuditModel
import TestSupport
import Testing
import Workspace

@testable import Analytics

/// Random rounds checked against invariants and against a naive oracle of the exact definitions.
@Suite struct PropertyTests {
    struct Line {
        var order: String?
        var customer: String
        var day: Day
        var amount: Double
    }

    static func randomLines(seed: UInt64, returns: Bool) -> [Line] {
        var random = SeededGenerator(state: seed)
        let start = Day(iso: "2022-01-01")!
        let customers = Int.random(in: 5...60, using: &random)
        return (0..<Int.random(in: 20...400, using: &random)).map { index in
            let amount = Double(Int.random(in: returns ? -50...1000 : 1...1000, using: &random))
            return Line(
                order: index % 7 == 0 ? nil : "O\(Int.random(in: 0...150, using: &random))",
                customer: "C\(Int.random(in: 0..<customers, using: &random))",
                day: start.adding(days: Int.random(in: 0...1200, using: &random)), amount: amount)
        }
    }

    static func analyse(_ lines: [Line], asOf: Day?) throws -> MetricDocument {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            lines.map { Fixture.sale($0.order, $0.customer, $0.day.iso, String($0.amount)) },
            kind: .sales, into: workspace)
        return try Analytics.analyse(workspace, round: try workspace.round(), asOf: asOf).document
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func fastPathAgreesWithANaiveOracle(seed: UInt64) throws {
        let all = Self.randomLines(seed: seed, returns: seed % 2 == 0)
        let asOf = seed % 3 == 0 ? nil : Day(iso: "2024-09-15")
        let document = try Self.analyse(all, asOf: asOf)
        let day = asOf ?? all.map(\.day).max()!
        let lines = all.filter { $0.day <= day }
        let revenue = lines.reduce(0) { $0 + $1.amount }
        #expect(close(document["sales.revenue.all_history"], revenue))
        var orders = Set<String>()
        var anonymous = 0
        for line in lines { if let order = line.order { orders.insert(order) } else { anonymous += 1 } }
        #expect(document["sales.orders.all_history"] == .number(Double(orders.count + anonymous)))
        var byCustomer: [String: Double] = [:]
        var days: [String: Set<Day>] = [:]
        for line in lines {
            byCustomer[line.customer, default: 0] += line.amount
            days[line.customer, default: []].insert(line.day)
        }
        let n = byCustomer.count
        #expect(document["sales.customers.all_history"] == .number(Double(n)))
        let ranked = byCustomer.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.value)
        let top = Int((0.2 * Double(n)).rounded(.up))
        if revenue > 0 {
            #expect(close(document["pareto.top20_share.all_history"], ranked.prefix(top).reduce(0, +) / revenue))
            var cumulative = 0.0
            let k = ranked.firstIndex {
                cumulative += $0
                return cumulative >= 0.8 * revenue
            }.map { $0 + 1 }
            #expect(document["pareto.customers_for_80.all_history"] == (k.map { .number(Double($0)) } ?? .null))
            #expect(close(document["pareto.hhi.all_history"], ranked.reduce(0) { $0 + ($1 / revenue) * ($1 / revenue) }))
        }
        #expect(close(document["customers.repeat_rate"], Double(days.values.filter { $0.count >= 2 }.count) / Double(n)))
        let last12 = lines.filter { $0.day > day.adding(days: -365) }
        let prev12 = lines.filter { $0.day > day.adding(days: -730) && $0.day <= day.adding(days: -365) }
        #expect(close(document["sales.revenue_last_12m"], last12.reduce(0) { $0 + $1.amount }))
        #expect(close(document["sales.revenue_prev_12m"], prev12.reduce(0) { $0 + $1.amount }))
        let previous = Set(prev12.map(\.customer)), current = Set(last12.map(\.customer))
        if !previous.isEmpty {
            #expect(close(document["retention.rate_12m"], Double(previous.intersection(current).count) / Double(previous.count)))
        }
        // The headline period ranks only the customers who bought in it, by their revenue there.
        var headline: [String: Double] = [:]
        for line in last12 { headline[line.customer, default: 0] += line.amount }
        let headlineRevenue = headline.values.reduce(0, +)
        if headlineRevenue > 0 {
            let rankedHeadline = headline.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.value)
            let topHeadline = Int((0.2 * Double(headline.count)).rounded(.up))
            #expect(close(document["pareto.top20_share"], rankedHeadline.prefix(topHeadline).reduce(0, +) / headlineRevenue))
            #expect(close(document["pareto.top_customer_share"], rankedHeadline[0] / headlineRevenue))
        }
        // One definition each: active, new, retained, reactivated, lost.
        let firstPurchase = Dictionary(lines.map { ($0.customer, $0.day) }, uniquingKeysWith: min)
        let new = current.filter { firstPurchase[$0]! > day.adding(days: -365) }
        #expect(document["customers.active_12m"] == .number(Double(current.count)))
        #expect(document["customers.active_prev_12m"] == .number(Double(previous.count)))
        #expect(document["customers.new_12m"] == .number(Double(new.count)))
        #expect(document["customers.retained_12m"] == .number(Double(previous.intersection(current).count)))
        #expect(document["customers.lost_12m"] == .number(Double(previous.subtracting(current).count)))
        #expect(document["customers.reactivated_12m"] == .number(Double(current.subtracting(previous).subtracting(new).count)))
    }

    @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
    func invariantsHold(seed: UInt64) throws {
        let document = try Self.analyse(Self.randomLines(seed: seed, returns: false), asOf: nil)
        // Revenue retention counts growth as well as losses: it passes 100 % when customers buy more.
        let retention: Set = ["key.top20_prev_revenue_retention_12m", "retention.revenue_12m"]
        for metric in MetricCatalogue.all where metric.unit == .share {
            if let value = document[metric.id].number {
                #expect(retention.contains(metric.id) ? value >= 0 : (0...1).contains(value), "\(metric.id) = \(value)")
            }
        }
        let n = try #require(document["sales.customers.all_history"].number)
        let active = try #require(document["customers.active_12m"].number)
        #expect(try #require(document["pareto.top20_share"].number) >= 0.2 - 1e-12)
        #expect(try #require(document["pareto.hhi"].number) >= 1 / active - 1e-12)
        #expect(try #require(document["pareto.hhi.all_history"].number) >= 1 / n - 1e-12)
        for subject in ["customers"] {
            // The ABC table is the headline period's: only the active customers are classed.
            let rows = try #require(document.tables.abc[subject])
            #expect(abs(rows.map(\.revenueShare).reduce(0, +) - 1) < 1e-9)
            #expect(abs(rows.map(\.countShare).reduce(0, +) - 1) < 1e-9)
            #expect(Double(rows.map(\.count).reduce(0, +)) == active)
        }
        // The customer bridge adds up.
        func count(_ id: String) throws -> Double { try #require(document[id].number) }
        #expect(try count("customers.new_12m") + count("customers.retained_12m") + count("customers.reactivated_12m") == active)
        #expect(try count("customers.retained_12m") + count("customers.lost_12m") == count("customers.active_prev_12m"))
        #expect(try count("customers.returning_12m") == active - count("customers.new_12m"))
        let segments = document.tables.rfmSegments
        #expect(Double(segments.map(\.customers).reduce(0, +)) == n)
        #expect(abs(segments.map(\.customerShare).reduce(0, +) - 1) < 1e-9)
        #expect(abs(segments.compactMap(\.revenueShare).reduce(0, +) - 1) < 1e-9)
        #expect(close(.number(document.series.revenue.reduce(0, +)), try #require(document["sales.revenue.all_history"].number)))
        #expect(document.series.partial.count == document.series.months.count)
        #expect(Double(document.series.newCustomers.reduce(0, +)) == n)
        #expect(Double(document.tables.cohorts.map(\.size).reduce(0, +)) == n)
        let shares = document.tables.channels.compactMap(\.share)
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        #expect(abs(try #require(document["retention.rate_12m"].number) + (document["retention.churn_12m"].number ?? 0) - 1) < 1e-12)
    }
}

@Suite struct DistinctPairCounterTests {
    @Test(arguments: [1 << 26, 0])
    func countsDistinctPairsInBothModes(bitLimit: Int) {
        var random = SeededGenerator(state: 99)
        var counter = DistinctPairCounter(items: 500, groups: 7, bitLimit: bitLimit)
        var reference = Set<[Int32]>()
        for _ in 0..<5000 {
            let group = Int32.random(in: 0..<7, using: &random), item = Int32.random(in: 0..<500, using: &random)
            counter.add(group: group, item: item)
            reference.insert([group, item])
        }
        for group in 0..<7 {
            #expect(counter.counts[group] == reference.filter { $0[0] == Int32(group) }.count)
        }
    }
}

@Suite struct InternerTests {
    @Test func keysAreDenseStableAndFoundAgainAcrossGrowth() {
        var interner = Interner()
        let names = (0..<20_000).map { "O\($0 % 7 == 0 ? "клиент-" : "")\($0)" } + ["", "a", "ё"]
        let keys = names.map { interner.intern($0) }
        #expect(keys == (0..<Int32(names.count)).map { $0 })
        #expect(names.map { interner.intern($0) } == keys)
        #expect(names.map { interner.key($0) } == keys.map { Optional($0) })
        #expect(interner.names == names)
        #expect(interner.key("missing") == nil)
    }

    /// Values with repeats, runs, gaps (nil) and enough distinct ones to grow the table.
    static let stream: [String?] = (0..<5_000).map { $0 % 11 == 0 ? nil : "З-\($0 % 3_000 / ($0 % 5 == 0 ? 2 : 1))" }

    @Test(arguments: [1, 63, 64, 65, 5_000])
    func batchesGiveTheKeysOfOneByOne(batchSize: Int) {
        var single = Interner(keepsNames: false)
        let expected = Self.stream.map { value in value.map { single.intern($0) } ?? -1 }
        var batched = Interner(keepsNames: false)
        var keys: [Int32] = []
        var batch = ByteBatch()
        for value in Self.stream {
            if var value {
                value.withUTF8 { batch.append($0) }
            } else {
                batch.append(nil)
            }
            if batch.ends.count >= batchSize || batch.isFull {
                batched.intern(batch, into: &keys)
                batch.removeAll()
            }
        }
        batched.intern(batch, into: &keys)
        #expect(keys == expected)
        #expect((0..<batched.count).map { batched.name($0) } == (0..<single.count).map { single.name($0) })
    }

    /// A categorical value that is not UTF-8 is stored as the text it reads as, and the same bytes
    /// (or that text) find it again: the customer list's columns and the interners are one table.
    @Test func badBytesAreStoredAsTheTextTheyReadAsAndFoundAgain() {
        var interner = Interner()
        let bad: [UInt8] = [0x4D, 0xE9, 0x78]  // "Méx" in Latin-1
        let repaired = String(decoding: bad, as: UTF8.self)
        let first = bad.withUnsafeBufferPointer { interner.internRepairing($0) }
        let other = interner.intern("Москва")
        let again = bad.withUnsafeBufferPointer { interner.internRepairing($0) }
        #expect(first == again && first != other)
        #expect(interner.names == [repaired, "Москва"])
        #expect(interner.key(repaired) == first)
        var column = CategoryColumn()
        for value in ["Омск", nil, "Омск", "Тверь"] as [String?] {
            if var value { value.withUTF8 { column.append($0) } } else { column.append(nil) }
        }
        bad.withUnsafeBufferPointer { column.append($0) }
        #expect(column.keys == [0, -1, 0, 1, 2] && column.names == ["Омск", "Тверь", repaired])
        #expect(column.key("Тверь") == 1 && column.string(4) == repaired && column.string(1) == nil)
    }

    @Test func rekeyingAnotherInternerAddsItsNewValuesInItsOrder() {
        var first = Interner(), second = Interner(keepsNames: false)
        for value in ["b", "a", "c"] { _ = first.intern(value) }
        for index in 0..<300 { _ = second.intern("v\(index % 150)") }
        _ = second.intern("a")
        let mapping = first.keys(of: second)
        #expect(mapping == (0..<150).map { Int32(3 + $0) } + [1])
        #expect(first.names == ["b", "a", "c"] + (0..<150).map { "v\($0)" })
        #expect(second.names.isEmpty && second.name(150) == "a")
    }

    @Test func storedValuesReadBackAndAreFoundOnceIndexed() throws {
        var original = Interner(keepsNames: false)
        for index in 0..<3_000 { _ = original.intern("id-\(index)") }
        _ = original.intern("")
        let storage = original.storage
        var stored = try #require(Interner(values: storage.bytes, starts: storage.starts))
        #expect(stored.count == 3_001 && stored.name(7) == "id-7" && stored.name(3_000) == "")
        #expect(stored.key("id-2999") == 2_999)  // found before the table is built
        #expect(stored.intern("id-42") == 42 && stored.intern("new") == 3_001)
        var other = Interner()
        #expect(other.keys(of: stored).prefix(2) == [0, 1])
        // Offsets that go backwards or past the bytes are refused.
        #expect(Interner(values: Array("ab".utf8), starts: [0, 3]) == nil)
        #expect(Interner(values: Array("ab".utf8), starts: [1, 0]) == nil)
    }
}
