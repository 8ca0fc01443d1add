import AuditModel
import Workspace

extension Computation {
    /// Fill rates, contact validity, consent, customers without a manager.
    mutating func customerQuality() -> (email: [FieldStatus], phone: [FieldStatus], phones: [String?]) {
        let customers = data.customers
        let rows = customers.count
        var filled = [Int](repeating: 0, count: CustomerField.allCases.count)
        var email = [FieldStatus](repeating: .missing, count: rows)
        var phone = [FieldStatus](repeating: .missing, count: rows)
        var phones = [String?](repeating: nil, count: rows)
        var consent = 0
        for (index, customer) in customers.enumerated() {
            for field in CustomerField.allCases where customer[field] != nil { filled[field.rawValue] += 1 }
            if let value = customer[.email] { email[index] = Normalise.isValidEmail(value) ? .valid : .invalid }
            if let value = customer[.phone] {
                phones[index] = Normalise.phone(value)
                phone[index] = phones[index] == nil ? .invalid : .valid
            }
            if let value = customer[.emailConsent], value == "1" || value == "1.0" { consent += 1 }
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
        for listIndex in data.customerListIndex where listIndex >= 0 && customers[Int(listIndex)][.manager] == nil {
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
        for customer in data.customers {
            if var text = customer[.createdAt], let day = text.withUTF8({ RoundData.day($0) }), day > limit { future += 1 }
            if var text = customer[.birthDate], let day = text.withUTF8({ RoundData.day($0) }), day > limit { future += 1 }
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
        let taxIDs = customers.map { $0[.taxID].flatMap(Normalise.taxID) }
        let emailKeys = customers.indices.map { email[$0] == .valid ? customers[$0][.email].map(Normalise.emailKey) : nil }
        // How many rows use each email and each phone (interned by their bytes, no String keys).
        var emailNames = Interner(capacity: customers.count, keepsNames: false)
        var phoneNames = Interner(capacity: customers.count, keepsNames: false)
        let emailKeyIDs = emailKeys.map { $0.map { emailNames.intern($0) } ?? -1 }
        let phoneKeyIDs = phones.map { $0.map { phoneNames.intern($0) } ?? -1 }
        var emailUses = [Int](repeating: 0, count: emailNames.count), phoneUses = [Int](repeating: 0, count: phoneNames.count)
        for id in emailKeyIDs where id >= 0 { emailUses[Int(id)] += 1 }
        for id in phoneKeyIDs where id >= 0 { phoneUses[Int(id)] += 1 }
        var taxOfRoot = [String?](repeating: nil, count: customers.count)
        for (row, taxID) in taxIDs.enumerated() { if let taxID, Normalise.isValidINN(taxID) { taxOfRoot[row] = taxID } }
        var parent = Array(0..<customers.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var matchedKeys: [Int: Set<String>] = [:]
        func union(_ a: Int, _ b: Int, key: String) {
            let ra = find(a), rb = find(b)
            if key != "tax_id" && key != "customer_id", let ta = taxOfRoot[ra], let tb = taxOfRoot[rb], ta != tb { return }
            let root = min(ra, rb), other = max(ra, rb)
            if ra != rb, taxOfRoot[root] == nil { taxOfRoot[root] = taxOfRoot[other] }
            if ra != rb {
                parent[other] = root
                if let moved = matchedKeys.removeValue(forKey: other) { matchedKeys[root, default: []].formUnion(moved) }
            }
            matchedKeys[root, default: []].insert(key)
        }
        // The same customer id on several rows.
        for rows in data.repeatedIDs.values {
            for row in rows.dropFirst() { union(rows[0], row, key: "customer_id") }
        }
        // Per key kind, the first row of each value; values are interned by their bytes.
        let kinds = ["tax_id", "email", "phone", "name"]
        var values = [Interner](repeating: Interner(keepsNames: false), count: kinds.count)
        var firstRow = [[Int]](repeating: [], count: kinds.count)
        func see(_ kind: Int, _ value: String?, row: Int) {
            guard let value else { return }
            let key = Int(values[kind].intern(value))
            if key < firstRow[kind].count {
                union(firstRow[kind][key], row, key: kinds[kind])
            } else {
                firstRow[kind].append(row)
            }
        }
        let limit = Self.sharedContactLimit
        for (index, customer) in customers.enumerated() {
            see(0, taxIDs[index], row: index)
            let emailID = Int(emailKeyIDs[index]), phoneID = Int(phoneKeyIDs[index])
            see(1, emailID >= 0 && emailUses[emailID] <= limit ? emailKeys[index] : nil, row: index)
            see(2, phoneID >= 0 && phoneUses[phoneID] <= limit ? phones[index] : nil, row: index)
            see(3, customer[.name].flatMap(Normalise.nameKey), row: index)
        }
        // Groups of two or more rows, in order of their root (their first row), members in row order.
        var roots = [Int](repeating: 0, count: customers.count)
        var size = [Int32](repeating: 0, count: customers.count)
        for index in customers.indices {
            let root = find(index)
            roots[index] = root
            size[root] += 1
        }
        var members: [Int: [String]] = [:]
        for index in customers.indices where size[roots[index]] > 1 {
            members[roots[index], default: []].append(customers[index][.customerID] ?? "")
        }
        let groups = members.keys.sorted().enumerated().map { offset, root in
            DuplicateGroup(group: offset + 1, customerIDs: members[root] ?? [], keys: (matchedKeys[root] ?? []).sorted())
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
