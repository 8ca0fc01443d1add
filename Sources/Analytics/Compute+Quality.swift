import AuditModel

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
        // Each row's value of each key kind, interned by its bytes (−1: none).
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        // (Interned 64 at a time, so that the cache misses of the table lookups overlap.)
        func keys(_ field: CustomerField, _ make: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Bool) -> (keys: [Int32], count: Int) {
            guard let column = columns.text(field) else { return ([Int32](repeating: -1, count: rows), 0) }
            var keys = [Int32]()
            keys.reserveCapacity(rows)
            var values = Interner(capacity: rows, keepsNames: false)
            var batch = ByteBatch()
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<rows {
                    let range = column.range(row)
                    if !range.isEmpty, make(UnsafeBufferPointer(rebasing: bytes[range]), row, &scratch) {
                        scratch.withUnsafeBufferPointer { batch.append($0) }
                    } else {
                        batch.append(nil)
                    }
                    if batch.isFull {
                        values.intern(batch, into: &keys)
                        batch.removeAll()
                    }
                }
            }
            values.intern(batch, into: &keys)
            return (keys, values.count)
        }
        // Tax ids (their digits); those of valid ИНН also guard the unions.
        var validTaxID = [Bool](repeating: false, count: rows)
        let taxIDs = keys(.taxID) { text, row, out in
            guard Normalise.taxID(text, into: &out) else { return false }
            validTaxID[row] = Normalise.isValidINN(out)
            return true
        }
        let emails = keys(.email) { text, row, out in
            guard email[row] == .valid else { return false }
            Normalise.emailKey(text, into: &out)
            return true
        }
        var nameBuffer = NameKeyBuffer()
        let names = keys(.name) { text, _, out in
            guard nameBuffer.make(text) else { return false }
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: nameBuffer.key)
            return true
        }
        var phoneValues = Interner(capacity: rows, keepsNames: false)
        var phoneKeys = [Int32]()
        phoneKeys.reserveCapacity(rows)
        var batch = ByteBatch()
        for row in 0..<rows {
            if var phone = phones[row] {
                phone.withUTF8 { batch.append($0) }
            } else {
                batch.append(nil)
            }
            if batch.isFull {
                phoneValues.intern(batch, into: &phoneKeys)
                batch.removeAll()
            }
        }
        phoneValues.intern(batch, into: &phoneKeys)
        // How many rows use each email and each phone.
        var emailUses = [Int](repeating: 0, count: emails.count), phoneUses = [Int](repeating: 0, count: phoneValues.count)
        for id in emails.keys where id >= 0 { emailUses[Int(id)] += 1 }
        for id in phoneKeys where id >= 0 { phoneUses[Int(id)] += 1 }
        var taxOfRoot = [Int32](repeating: -1, count: rows)
        for row in 0..<rows where validTaxID[row] { taxOfRoot[row] = taxIDs.keys[row] }
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
        // Per key kind, the first row of each value.
        var firstRow = [[Int]](repeating: [], count: 4)
        firstRow[0] = [Int](repeating: -1, count: taxIDs.count)
        firstRow[1] = [Int](repeating: -1, count: emails.count)
        firstRow[2] = [Int](repeating: -1, count: phoneValues.count)
        firstRow[3] = [Int](repeating: -1, count: names.count)
        let kinds: [DuplicateKey] = [.taxID, .email, .phone, .name]
        func see(_ kind: Int, _ value: Int32, row: Int) {
            guard value >= 0 else { return }
            let first = firstRow[kind][Int(value)]
            if first >= 0 {
                union(first, row, key: kinds[kind])
            } else {
                firstRow[kind][Int(value)] = row
            }
        }
        let limit = Self.sharedContactLimit
        for row in 0..<rows {
            see(0, taxIDs.keys[row], row: row)
            let emailID = emails.keys[row], phoneID = phoneKeys[row]
            see(1, emailID >= 0 && emailUses[Int(emailID)] <= limit ? emailID : -1, row: row)
            see(2, phoneID >= 0 && phoneUses[Int(phoneID)] <= limit ? phoneID : -1, row: row)
            see(3, names.keys[row], row: row)
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

extension Computation {
    /// Deal and activity metrics and the pipeline by stage.
    mutating func dealsAndActivities() {
        var open = 0, won = 0, lost = 0, stale = 0, pipeline = 0.0, cycleSum = 0, cycleCount = 0
        var stages: [String: (status: String, deals: Int, amount: Double)] = [:]
        let staleLimit = asOf.adding(days: -90)
        for deal in data.deals {
            let status = deal.status ?? (deal.closedAt == nil ? "open" : "closed")
            switch status {
            case "open":
                open += 1
                pipeline += deal.amount ?? 0
                if let created = deal.createdAt, created <= staleLimit { stale += 1 }
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

        let recent = asOf.adding(days: -90)
        var count90 = 0
        var touched = Set<String>()
        for activity in data.activities {
            guard let day = activity.day, day > recent, day <= asOf else { continue }
            count90 += 1
            if let customer = activity.customerID { touched.insert(customer) }
        }
        sink.set("activities.count", data.activities.count)
        sink.set("activities.last_90d", count90)
        var active = 0, activeTouched = 0
        for key in stats.boughtLast12m.indices where stats.boughtLast12m[key] {
            active += 1
            if touched.contains(data.customerKeys.names[key]) { activeTouched += 1 }
        }
        sink.ratio("activities.active_customers_touched_share", Double(activeTouched), Double(active))
    }
}
