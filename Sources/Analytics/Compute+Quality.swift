import AuditModel
import Workspace

extension Computation {
    /// Fill rates, contact validity, consent, customers without a manager.
    mutating func customerQuality() -> (email: [FieldStatus], phone: [FieldStatus], phones: [String?]) {
        let customers = data.customers
        let columns = customers.columns
        let rows = customers.count
        var filled = [Int](repeating: 0, count: CustomerField.allCases.count)
        for field in CustomerField.allCases {
            switch field.storage {
            case .id: filled[field.rawValue] = rows
            case .text(let slot):
                let column = columns.texts[slot]
                var previous = 0
                for end in column.ends {
                    if end > previous { filled[field.rawValue] += 1 }
                    previous = end
                }
            case .category(let slot): filled[field.rawValue] = columns.categories[slot].keys.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
            }
        }
        var email = [FieldStatus](repeating: .missing, count: rows)
        var phone = [FieldStatus](repeating: .missing, count: rows)
        var phones = [String?](repeating: nil, count: rows)
        if let column = columns.text(.email) {
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<rows {
                    let range = column.range(row)
                    if !range.isEmpty { email[row] = Normalise.isValidEmail(UnsafeBufferPointer(rebasing: bytes[range])) ? .valid : .invalid }
                }
            }
        }
        if let column = columns.text(.phone) {
            var out: [UInt8] = []
            out.reserveCapacity(32)
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<rows {
                    let range = column.range(row)
                    guard !range.isEmpty else { continue }
                    if Normalise.phone(UnsafeBufferPointer(rebasing: bytes[range]), into: &out) {
                        phones[row] = String(decoding: out, as: UTF8.self)
                        phone[row] = .valid
                    } else {
                        phone[row] = .invalid
                    }
                }
            }
        }
        var consent = 0
        if let column = columns.category(.emailConsent) {
            let yes = column.names.map { $0 == "1" || $0 == "1.0" }
            for key in column.keys where key >= 0 && yes[Int(key)] { consent += 1 }
        }
        let validEmails = email.filter { $0 == .valid }.count, invalidEmails = email.filter { $0 == .invalid }.count
        let validPhones = phone.filter { $0 == .valid }.count, invalidPhones = phone.filter { $0 == .invalid }.count
        tables.dataQuality = CustomerField.allCases.dropFirst().map { field in
            FieldQualityRow(field: field.name, filled: filled[field.rawValue],
                            fillRate: rows > 0 ? Double(filled[field.rawValue]) / Double(rows) : 0,
                            valid: field == .email ? validEmails : field == .phone ? validPhones : nil)
        }
        for field in CustomerField.allCases.dropFirst() {
            sink.ratio("quality.fill.\(field.name)", Double(filled[field.rawValue]), Double(rows))
        }
        sink.ratio("quality.email_valid_share", Double(validEmails), Double(validEmails + invalidEmails),
                   orElse: .noValues(.customers, "email"))
        sink.set("quality.emails_invalid", invalidEmails)
        sink.ratio("quality.phone_valid_share", Double(validPhones), Double(validPhones + invalidPhones),
                   orElse: .noValues(.customers, "phone"))
        sink.set("quality.phones_invalid", invalidPhones)
        sink.ratio("quality.email_consent_share", Double(consent), Double(rows))

        let distinct = data.customerListIndex.filter { $0 >= 0 }.count
        sink.set("customers.count", distinct)
        var withoutManager = 0
        for listIndex in data.customerListIndex where listIndex >= 0 && !columns.has(.manager, Int(listIndex)) {
            withoutManager += 1
        }
        sink.set("managers.customers_without_manager", withoutManager)
        sink.ratio("managers.customers_without_manager_share", Double(withoutManager), Double(distinct))
        return (email, phone, phones)
    }

    /// Orphan sale lines, customers without sales, and dates after the round's date.
    mutating func referentialQuality() {
        var orphanRows = 0, orphanRevenue = 0.0
        let sales = data.sales
        for index in 0..<sales.count where included[index] && data.customerListIndex[Int(sales.customer[index])] < 0 {
            orphanRows += 1
            orphanRevenue += sales.amount[index]
        }
        sink.set("quality.orphan_sales_rows", orphanRows)
        sink.ratio("quality.orphan_sales_share", Double(orphanRows), Double(includedRows), orElse: .nothingToMeasure)
        sink.set("quality.orphan_revenue", orphanRevenue)
        var withoutSales = 0, listed = 0
        for (key, listIndex) in data.customerListIndex.enumerated() where listIndex >= 0 {
            listed += 1
            if stats.lines[key] == 0 { withoutSales += 1 }
        }
        sink.set("quality.customers_without_sales", withoutSales)
        sink.ratio("quality.customers_without_sales_share", Double(withoutSales), Double(listed))

        let limit = Int32(data.roundDate.ordinal)
        var future = 0
        for day in sales.day where day != Int32.min && day > limit { future += 1 }
        for deal in data.deals {
            if let day = deal.createdAt, day > data.roundDate { future += 1 }
            if let day = deal.closedAt, day > data.roundDate { future += 1 }
        }
        for activity in data.activities { if let day = activity.day, day > data.roundDate { future += 1 } }
        let customerColumns = data.customers.columns
        for field in [CustomerField.createdAt, .birthDate] {
            guard let column = customerColumns.text(field) else { continue }
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<customerColumns.count {
                    let range = column.range(row)
                    if !range.isEmpty, let day = RoundData.day(UnsafeBufferPointer(rebasing: bytes[range])), day > limit { future += 1 }
                }
            }
        }
        sink.set("quality.future_dates", future)
    }

    /// Groups of customer rows sharing a normalised tax id, valid email, valid phone, customer id
    /// or normalised name (transitively), in order of their first row.
    ///
    /// Two guards keep shared contacts from gluing different customers together: rows (or groups)
    /// with different valid tax ids (ИНН whose check digits hold) are different legal entities and
    /// are never joined by an email, a phone or a name; and an email or phone found on more than ``sharedContactLimit`` rows is a
    /// shared mailbox or switchboard (`info@…`, a reseller's office line), not a duplicate key.
    mutating func duplicates(email: [FieldStatus], phones: [String?]) -> [DuplicateGroup] {
        let customers = data.customers
        let columns = customers.columns
        let rows = customers.count
        // Each row's normalised value of each key kind, as bytes (see ``KeyColumn``).
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        func keys(_ field: CustomerField, _ make: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Bool) -> KeyColumn {
            var keys = KeyColumn(rows: rows)
            guard let column = columns.text(field) else {
                for _ in 0..<rows { keys.appendNone() }
                return keys
            }
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<rows {
                    let range = column.range(row)
                    if !range.isEmpty, make(UnsafeBufferPointer(rebasing: bytes[range]), row, &scratch) {
                        keys.append(scratch)
                    } else {
                        keys.appendNone()
                    }
                }
            }
            return keys
        }
        // Tax ids (their digits); those of valid ИНН also guard the unions.
        var validTaxID = [Bool](repeating: false, count: rows)
        let taxFirst = keys(.taxID) { text, row, out in
            guard Normalise.taxID(text, into: &out) else { return false }
            validTaxID[row] = Normalise.isValidINN(out)
            return true
        }.firstRows()
        let emailFirst = keys(.email) { text, row, out in
            guard email[row] == .valid else { return false }
            Normalise.emailKey(text, into: &out)
            return true
        }.firstRows()
        var nameBuffer = NameKeyBuffer()
        let nameFirst = keys(.name) { text, _, out in
            guard nameBuffer.make(text) else { return false }
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: nameBuffer.key)
            return true
        }.firstRows()
        var phoneKeys = KeyColumn(rows: rows)
        for row in 0..<rows {
            if var phone = phones[row] {
                phone.withUTF8 { phoneKeys.append($0) }
            } else {
                phoneKeys.appendNone()
            }
        }
        let phoneFirst = phoneKeys.firstRows()
        // How many rows use each email and each phone (counted at the value's first row).
        var emailUses = [Int32](repeating: 0, count: rows), phoneUses = [Int32](repeating: 0, count: rows)
        for first in emailFirst where first >= 0 { emailUses[Int(first)] += 1 }
        for first in phoneFirst where first >= 0 { phoneUses[Int(first)] += 1 }
        // A valid tax id is known by the first row that has it.
        var taxOfRoot = [Int32](repeating: -1, count: rows)
        for row in 0..<rows where validTaxID[row] { taxOfRoot[row] = taxFirst[row] }
        var parent = Array(0..<rows)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        // The keys that joined each group's rows, as bits of ``DuplicateKey`` (kept at the group's root).
        var matched = [UInt8](repeating: 0, count: rows)
        func union(_ a: Int, _ b: Int, key: DuplicateKey) {
            let ra = find(a), rb = find(b)
            if key != .taxID && key != .customerID, taxOfRoot[ra] >= 0, taxOfRoot[rb] >= 0, taxOfRoot[ra] != taxOfRoot[rb] { return }
            let root = min(ra, rb), other = max(ra, rb)
            if ra != rb {
                if taxOfRoot[root] < 0 { taxOfRoot[root] = taxOfRoot[other] }
                parent[other] = root
                matched[root] |= matched[other]
                matched[other] = 0
            }
            matched[root] |= key.rawValue
        }
        // The same customer id on several rows.
        for rows in data.repeatedIDs.values {
            for row in rows.dropFirst() { union(rows[0], row, key: .customerID) }
        }
        // Row by row, each key kind in turn: a row whose value an earlier row has joins that row's
        // group (emails and phones only when on at most `sharedContactLimit` rows).
        let limit = Int32(Self.sharedContactLimit)
        for row in 0..<rows {
            let tax = Int(taxFirst[row]), email = Int(emailFirst[row]), phone = Int(phoneFirst[row]), name = Int(nameFirst[row])
            if tax >= 0, tax != row { union(tax, row, key: .taxID) }
            if email >= 0, email != row, emailUses[email] <= limit { union(email, row, key: .email) }
            if phone >= 0, phone != row, phoneUses[phone] <= limit { union(phone, row, key: .phone) }
            if name >= 0, name != row { union(name, row, key: .name) }
        }
        // Groups of two or more rows, in order of their root (their first row: a root is the
        // smallest row of its group), members in row order.
        var roots = [Int](repeating: 0, count: rows)
        var size = [Int32](repeating: 0, count: rows)
        for index in 0..<rows {
            let root = find(index)
            roots[index] = root
            size[root] += 1
        }
        var groupOfRoot = [Int32](repeating: -1, count: rows)
        var groupRoots: [Int] = []
        var members: [[String]] = []
        for index in 0..<rows where size[roots[index]] > 1 {
            let root = roots[index]
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = Int32(members.count)
                groupRoots.append(root)
                members.append([])
            }
            members[Int(groupOfRoot[root])].append(customers[index][.customerID] ?? "")
        }
        let groups = members.indices.map { group in
            DuplicateGroup(group: group + 1, customerIDs: members[group], keys: DuplicateKey.names(matched[groupRoots[group]]))
        }
        let duplicated = groups.reduce(0) { $0 + $1.customerIDs.count }
        sink.set("quality.duplicate_groups", groups.count)
        sink.set("quality.tax_id_duplicate_groups", groups.filter { $0.keys.contains("tax_id") }.count)
        sink.set("quality.duplicate_customers", duplicated)
        sink.ratio("quality.duplicate_share", Double(duplicated), Double(customers.count))
        tables.duplicateGroups = Array(groups.prefix(200))
        return groups
    }

    /// The most rows one email or phone may appear on and still count as a duplicate key.
    static let sharedContactLimit = 3
}

/// A kind of duplicate key, as a bit; bits in the alphabetical order of the names.
enum DuplicateKey: UInt8 {
    case customerID = 1, email = 2, name = 4, phone = 8, taxID = 16

    static let all: [(DuplicateKey, String)] = [
        (.customerID, "customer_id"), (.email, "email"), (.name, "name"), (.phone, "phone"), (.taxID, "tax_id"),
    ]

    /// The names of the keys in `bits`, sorted.
    static func names(_ bits: UInt8) -> [String] {
        all.compactMap { bits & $0.0.rawValue != 0 ? $0.1 : nil }
    }
}

/// One normalised duplicate key per customer row (or none), as bytes one after another.
struct KeyColumn {
    private var bytes: [UInt8] = []
    /// Row `i` spans `ends[i - 1]..<ends[i]`; an empty span is no key (a key is never empty).
    private var ends: [Int] = []

    init(rows: Int) {
        ends.reserveCapacity(rows)
        bytes.reserveCapacity(rows * 16)
    }

    mutating func append(_ key: [UInt8]) {
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
    }

    mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
    }

    mutating func appendNone() { ends.append(bytes.count) }

    /// For each row, the first row with the same key (itself when none earlier), −1 for no key.
    ///
    /// One pass over an open-addressing table of (hash, first row) entries; the slot of the row
    /// 16 ahead is read early, so that the cache misses of the lookups overlap.
    func firstRows() -> [Int32] {
        let rows = ends.count
        var first = [Int32](repeating: -1, count: rows)
        var hashes = [UInt64](repeating: 0, count: rows)
        var present = 0
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for row in 0..<rows {
                let end = ends[row]
                if end > start {
                    hashes[row] = CategoryColumn.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    present += 1
                }
                start = end
            }
        }
        var size = 16
        while size < present * 2 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
        var touched: UInt64 = 0
        bytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeMutableBufferPointer { slots in
                func key(_ row: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[(row == 0 ? 0 : ends[row - 1])..<ends[row]])
                }
                for row in 0..<rows {
                    if row + 16 < rows { touched &+= slots[Int(truncatingIfNeeded: hashes[row + 16]) & mask] }
                    let current = key(row)
                    guard !current.isEmpty else { continue }
                    let hash = hashes[row], tag = hash & tagMask
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 {
                            slots[slot] = tag | UInt64(row + 1)
                            first[row] = Int32(row)
                            break
                        }
                        if entry & tagMask == tag {
                            let other = Int(entry & ~tagMask) - 1
                            if key(other).elementsEqual(current) {
                                first[row] = Int32(other)
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        Self.keep(touched)
        return first
    }

    /// Keeps the early reads of ``firstRows()`` from being optimised away.
    @inline(never)
    private static func keep(_ value: UInt64) {
        if value == 0x5EED_5EED_5EED_5EED { print("", terminator: "") }
    }
}

extension Computation {
    /// Deal and activity metrics and the pipeline by stage.
    mutating func dealsAndActivities() {
        var open = 0, won = 0, lost = 0, stale = 0, pipeline = 0.0, cycleSum = 0, cycleCount = 0
        var openAges: [Int] = []
        var stages: [String: (status: String, deals: Int, amount: Double)] = [:]
        let staleLimit = asOf.adding(days: -90)
        for deal in data.deals {
            // No status: open when it has no close date, or when the close date is after the
            // as-of date (Zoho's "Closing Date" of an open deal is the expected one).
            let status = deal.status ?? (deal.closedAt.map { $0 > asOf } ?? true ? "open" : "closed")
            switch status {
            case "open":
                open += 1
                pipeline += deal.amount ?? 0
                if let created = deal.createdAt {
                    if created <= staleLimit { stale += 1 }
                    openAges.append(max(0, created.days(to: asOf)))
                }
            case "won":
                won += 1
                if let created = deal.createdAt, let closed = deal.closedAt {
                    cycleSum += created.days(to: closed)
                    cycleCount += 1
                }
            case "lost": lost += 1
            default: break
            }
            let stage = deal.stage ?? "(\(status))"
            var entry = stages[stage] ?? (status, 0, 0)
            entry.deals += 1
            entry.amount += deal.amount ?? 0
            stages[stage] = entry
        }
        tables.dealStages = stages.map { DealStageRow(stage: $0.key, status: $0.value.status, deals: $0.value.deals, amount: $0.value.amount) }
            .sorted { ($0.status, -$0.deals, $0.stage) < ($1.status, -$1.deals, $1.stage) }
        sink.set("deals.count", data.deals.count)
        sink.set("deals.open", open)
        sink.ratio("deals.win_rate", Double(won), Double(won + lost), orElse: .noClosedDeals)
        sink.set("deals.avg_cycle_days", cycleCount > 0 ? Double(cycleSum) / Double(cycleCount) : nil,
                 orElse: .noValues(.deals, "closed_at"))
        sink.set("deals.pipeline_amount", pipeline)
        sink.set("deals.stale_open", stale)
        openAges.sort()
        let medianAge: Double? = openAges.isEmpty ? nil
            : openAges.count % 2 == 1 ? Double(openAges[openAges.count / 2])
            : Double(openAges[openAges.count / 2 - 1] + openAges[openAges.count / 2]) / 2
        sink.set("deals.open_median_age_days", medianAge, orElse: .noValues(.deals, "created_at"))
        stageStaleness(cycle: cycleCount > 0 ? Double(cycleSum) / Double(cycleCount) : nil)

        let recent = asOf.adding(days: -90)
        var count90 = 0
        var touchedTexts = Set<String>()
        for activity in data.activities {
            guard let day = activity.day, day > recent, day <= asOf else { continue }
            count90 += 1
            if let customer = activity.customerID { touchedTexts.insert(customer) }
        }
        // Activities name their customer as the CRM writes it: found as sale lines are.
        let touched = stats.boughtLast12m.contains(true) ? data.customerKeys(of: Array(touchedTexts)) : []
        sink.set("activities.count", data.activities.count)
        sink.set("activities.last_90d", count90)
        var active = 0, activeTouched = 0
        for key in stats.boughtLast12m.indices where stats.boughtLast12m[key] {
            active += 1
            if touched.contains(Int32(key)) { activeTouched += 1 }
        }
        sink.ratio("activities.active_customers_touched_share", Double(activeTouched), Double(active))
        classAUntouched()
    }

    /// Where open deals pile up: for each stage with at least 5 open deals, the share of them
    /// opened longer ago than twice the deal cycle measured on won deals (at least 30 days; 90
    /// without won deals); the worst stage's share is a metric, every stage's a breakdown.
    mutating func stageStaleness(cycle: Double?) {
        let limit = asOf.adding(days: -Int((cycle.map { max(30, 2 * $0) } ?? 90).rounded()))
        var open: [String: (all: Int, stale: Int)] = [:]
        for deal in data.deals {
            let status = deal.status ?? (deal.closedAt.map { $0 > asOf } ?? true ? "open" : "closed")
            guard status == "open", let stage = deal.stage, let created = deal.createdAt else { continue }
            var entry = open[stage] ?? (0, 0)
            entry.all += 1
            if created <= limit { entry.stale += 1 }
            open[stage] = entry
        }
        var shares: [String: Double] = [:]
        for (stage, counts) in open where counts.all >= 5 { shares[stage] = Double(counts.stale) / Double(counts.all) }
        stageStaleShares = shares
        // Open deals with stages but none with five at one stage: nothing piles up anywhere.
        sink.set("deals.worst_stage_stale_share", shares.values.max() ?? (open.isEmpty ? nil : 0), orElse: .noValues(.deals, "stage"))
    }

    /// The share of class A customers (ABC by the headline period's revenue) with no activity in
    /// the last 60 days: the key accounts nobody has called.
    private mutating func classAUntouched() {
        let recent = asOf.adding(days: -60)
        var texts = Set<String>()
        for activity in data.activities {
            guard let day = activity.day, day > recent, day <= asOf, let customer = activity.customerID else { continue }
            texts.insert(customer)
        }
        let touched = Set(data.customerKeys(of: Array(texts)))
        let names = data.customerKeys.names
        var keys = stats.boughtLast12m.indices.filter { stats.boughtLast12m[$0] && stats.revenueLast12m[$0] > 0 }
        keys.sort { a, b in
            let ra = stats.revenueLast12m[a], rb = stats.revenueLast12m[b]
            return ra != rb ? ra > rb : names[a] < names[b]
        }
        guard let classes = Self.abcClasses(keys.map { stats.revenueLast12m[$0] }) else {
            sink.set("activities.a_class_untouched_60d_share", nil, orElse: .noSalesLast12Months)
            return
        }
        var classA = 0, untouched = 0
        for (index, key) in keys.enumerated() where classes[index] == 0 {
            classA += 1
            if !touched.contains(Int32(key)) { untouched += 1 }
        }
        sink.ratio("activities.a_class_untouched_60d_share", Double(untouched), Double(classA))
    }
}
