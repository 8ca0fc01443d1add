import AuditModel
import Foundation
import Workspace

/// The customer-list checks that need no sale line: fill rates, contact validity, duplicates.
struct CustomerSideResult: Sendable {
    var sink: MetricSink
    var dataQuality: [FieldQualityRow]
    var duplicates: [DuplicateGroup]
    var quality: (email: [FieldStatus], phone: [FieldStatus], phones: [String?])
    /// Per portrait field (but the age band), the value key of each customer row.
    var portraitColumns: [PortraitColumn]
    /// Each customer row's birth date as a day ordinal (`Int32.min` when none or unreadable).
    var birthDays: [Int32]

    /// Computes the checks over the customer list of `data`.
    static func compute(_ data: RoundData) -> CustomerSideResult {
        var customersOnly = RoundData(roundDate: data.roundDate)
        customersOnly.customers = data.customers
        customersOnly.customerKeys = data.customerKeys
        customersOnly.customerListIndex = data.customerListIndex
        customersOnly.repeatedIDs = data.repeatedIDs
        var computation = Computation(data: customersOnly, asOf: data.roundDate)
        computation.sink = MetricSink()
        let quality = computation.customerQuality()
        let duplicates = computation.duplicates(email: quality.email, phones: quality.phones)
        // The portrait columns from the categorical columns' keys: keys renumbered in order of
        // first appearance, with no value read as "(empty)" (as is the text "(empty)" itself).
        let columns = data.customers.columns
        var portrait: [PortraitColumn] = []
        for field in Computation.portraitFields {
            guard let customerField = PortraitColumn.customerField(field), let column = columns.category(customerField) else { continue }
            let values = column
            let empty = values.key("(empty)") ?? -1
            var renumbered = [Int32](repeating: -1, count: values.count + 1)  // index 0: no value
            var names: [String] = []
            var keys = [Int32]()
            keys.reserveCapacity(column.keys.count)
            for key in column.keys {
                let slot = key < 0 || key == empty ? 0 : Int(key) + 1
                var portraitKey = renumbered[slot]
                if portraitKey < 0 {
                    portraitKey = Int32(names.count)
                    renumbered[slot] = portraitKey
                    names.append(slot == 0 ? "(empty)" : values.names[Int(key)])
                }
                keys.append(portraitKey)
            }
            portrait.append(PortraitColumn(field: field, names: names, keys: keys))
        }
        var birthDays = [Int32](repeating: Int32.min, count: columns.count)
        if let column = columns.text(.birthDate) {
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<columns.count {
                    let range = column.range(row)
                    if !range.isEmpty { birthDays[row] = RoundData.day(UnsafeBufferPointer(rebasing: bytes[range])) ?? Int32.min }
                }
            }
        }
        // A tax id is a company's (and a sole trader's): its fill rate among customers that are not
        // private persons, so that a B2B base with a few consumers is not marked down for them.
        if let taxIDs = columns.text(.taxID) {
            let person = portrait.first { $0.field == "type" }.flatMap { type in type.names.firstIndex(of: "person").map { (type.keys, $0) }
            }
            var companies = 0, withTaxID = 0
            for row in 0..<columns.count {
                if let (keys, personKey) = person, row < keys.count, Int(keys[row]) == personKey { continue }
                companies += 1
                if !taxIDs.range(row).isEmpty { withTaxID += 1 }
            }
            computation.sink.ratio(.qualityTaxIdCompaniesFill, Double(withTaxID), Double(companies), orElse: .nothingToMeasure)
            var filled = 0, invalid = 0, digits: [UInt8] = []
            taxIDs.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<columns.count {
                    let range = taxIDs.range(row)
                    guard !range.isEmpty else { continue }
                    filled += 1
                    digits.removeAll(keepingCapacity: true)
                    for byte in bytes[range] where byte >= 48 && byte <= 57 { digits.append(byte) }
                    switch digits.count {
                    case 9, 11: invalid += 1
                    case 10, 12: if !Normalise.isValidINN(digits) { invalid += 1 }
                    default: break
                    }
                }
            }
            computation.sink.set(.qualityTaxIdsInvalid, invalid)
            computation.sink.ratio(.qualityTaxIdsInvalidShare, Double(invalid), Double(filled))
        } else {
            for id in [MetricID.qualityTaxIdCompaniesFill, .qualityTaxIdsInvalid, .qualityTaxIdsInvalidShare] {
                computation.sink.set(id, nil, orElse: .noValues(.customers, "tax_id"))
            }
        }
        // Birthdays are a private person's: the fill rate among persons, not among companies.
        if let type = portrait.first(where: { $0.field == "type" }), let person = type.names.firstIndex(of: "person") {
            var persons = 0, withBirthDate = 0
            for (row, key) in type.keys.enumerated() where Int(key) == person {
                persons += 1
                if row < birthDays.count, birthDays[row] != Int32.min { withBirthDate += 1 }
            }
            computation.sink.ratio(.customersPersonShare, Double(persons), Double(type.keys.count))
            computation.sink.ratio(.qualityBirthDatePersonsFill, Double(withBirthDate), Double(persons), orElse: .nothingToMeasure)
        } else {
            computation.sink.set(.customersPersonShare, nil, orElse: .noValues(.customers, "type"))
            computation.sink.set(.qualityBirthDatePersonsFill, nil, orElse: .noValues(.customers, "type"))
        }
        return CustomerSideResult(
            sink: computation.sink, dataQuality: computation.tables.dataQuality,
            duplicates: duplicates, quality: quality, portraitColumns: portrait, birthDays: birthDays)
    }
}

/// The values of one categorical customer field as keys (one per customer row) and their names.
struct PortraitColumn: Sendable {
    var field: String
    var names: [String]
    var keys: [Int32]

    static func customerField(_ field: String) -> CustomerField? {
        switch field {
        case "type": .type
        case "gender": .gender
        case "city": .city
        case "region": .region
        case "industry": .industry
        case "segment": .segment
        case "source": .source
        default: nil
        }
    }
}

/// The other threads' work in ``Analytics/analyse(_:round:asOf:)``: one reads the customer side
/// of the round (the customer list and the small datasets), the next computes the
/// ``CustomerSideResult`` from it, while the caller reads the sale lines.
struct CustomerSideWork: Sendable {
    typealias Timings = [(phase: String, duration: Duration)]
    private let reading: Background<(data: RoundData, wall: Duration, cpu: Duration)>
    private let checking: Background<(result: CustomerSideResult?, wall: Duration, cpu: Duration)>

    init(workspace: Workspace, round: AuditRound) {
        let reading = Background {
            let clock = ContinuousClock()
            let start = clock.now, startCPU = Self.threadCPUTime()
            let data = try RoundData.loadCustomerSide(from: workspace, round: round)
            return (data: data, wall: clock.now - start, cpu: Self.threadCPUTime() - startCPU)
        }
        self.reading = reading
        checking = Background {
            guard let read = try? reading.wait() else { return (result: nil, wall: .zero, cpu: .zero) }
            let clock = ContinuousClock()
            let start = clock.now, startCPU = Self.threadCPUTime()
            let result = CustomerSideResult.compute(read.data)
            return (result: result, wall: clock.now - start, cpu: Self.threadCPUTime() - startCPU)
        }
    }

    /// The customer side as read; waits for the reading.
    func data() throws -> RoundData { try reading.wait().data }

    /// The contact checks and duplicates; waits for them (nil when the reading failed).
    func result() -> CustomerSideResult? { (try? checking.wait())?.result }

    /// How long reading the customer side and computing its checks took, wall time then each
    /// thread's CPU time (for `CRM_AUDIT_TIMING=1`); waits for both.
    func timings() -> Timings {
        let read = try? reading.wait(), checked = try? checking.wait()
        return [
            ("customers.read", read?.wall ?? .zero), ("customers.checks", checked?.wall ?? .zero),
            ("customers.read.cpu", read?.cpu ?? .zero), ("customers.checks.cpu", checked?.cpu ?? .zero),
        ]
    }

    /// The CPU time the calling thread has used.
    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
