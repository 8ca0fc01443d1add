import AuditModel
import Workspace

// The data's quality: fill rates, valid e-mails and phones, tax ids, duplicates, sales without
// a customer, customers without sales, impossible dates and amounts.

extension MetricID {
    static func qualityFill(_ field: String) -> MetricID { MetricID("quality.fill.\(field)") }
    static let customersCount = MetricID("customers.count")
    static let managersCustomersWithoutManager = MetricID("managers.customers_without_manager")
    static let managersCustomersWithoutManagerShare = MetricID("managers.customers_without_manager_share")
    static let customersPersonShare = MetricID("customers.person_share")
    static let qualityBirthDatePersonsFill = MetricID("quality.birth_date_persons_fill")
    static let qualityTaxIdCompaniesFill = MetricID("quality.tax_id_companies_fill")
    static let qualityTaxIdsInvalid = MetricID("quality.tax_ids_invalid")
    static let qualityTaxIdsInvalidShare = MetricID("quality.tax_ids_invalid_share")
    static let qualityTaxIdDuplicateGroups = MetricID("quality.tax_id_duplicate_groups")
    static let qualityEmailValidShare = MetricID("quality.email_valid_share")
    static let qualityEmailsInvalid = MetricID("quality.emails_invalid")
    static let qualityPhoneValidShare = MetricID("quality.phone_valid_share")
    static let qualityPhonesInvalid = MetricID("quality.phones_invalid")
    static let qualityEmailConsentShare = MetricID("quality.email_consent_share")
    static let qualityDuplicateGroups = MetricID("quality.duplicate_groups")
    static let qualityDuplicateCustomers = MetricID("quality.duplicate_customers")
    static let qualityDuplicateShare = MetricID("quality.duplicate_share")
    static let qualityOrphanSalesRows = MetricID("quality.orphan_sales_rows")
    static let qualityOrphanSalesShare = MetricID("quality.orphan_sales_share")
    static let qualityOrphanRevenue = MetricID("quality.orphan_revenue")
    static let qualityCustomersWithoutSales = MetricID("quality.customers_without_sales")
    static let qualityCustomersWithoutSalesShare = MetricID("quality.customers_without_sales_share")
    static let qualityFutureDates = MetricID("quality.future_dates")
}

extension MetricCatalogue {
    private static func fieldTitle(_ field: String) -> LocalizedText {
        CanonicalModel.customerFieldTitles[field] ?? LocalizedText(both: field)
    }

    static let qualityMetrics: [MetricDefinition] =
        filledCustomerFields.map { field in
            .init(
                .qualityFill(field), .quality, .share, .asOf, [.customers], .higherIsBetter,
                ru: (
                    "Заполненность: \(fieldTitle(field).ru)", "доля клиентов списка с непустым полем «\(fieldTitle(field).ru)» (\(field))"
                ),
                en: (
                    "Fill rate: \(fieldTitle(field).en)",
                    "share of customers in the list with a non-empty \(fieldTitle(field).en) (\(field))"
                ))
        } + [
            .init(
                .customersCount, .customers, .customers, .asOf, [.customers], .higherIsBetter,
                ru: ("Клиентов в базе", "число различных customer_id в списке клиентов"),
                en: ("Customers in the list", "distinct customer_id in the customer list")),
            .init(
                .managersCustomersWithoutManager, .managers, .customers, .asOf, [.customers], .lowerIsBetter,
                ru: ("Клиенты без менеджера", "клиенты списка с пустым полем manager"),
                en: ("Customers without a manager", "customers in the list with an empty manager field")),
            .init(
                .managersCustomersWithoutManagerShare, .managers, .share, .asOf, [.customers], .lowerIsBetter,
                ru: ("Доля клиентов без менеджера", "managers.customers_without_manager / customers.count"),
                en: ("Share without a manager", "managers.customers_without_manager / customers.count")),
            .init(
                .customersPersonShare, .quality, .share, .asOf, [.customers], .neutral,
                ru: ("Доля частных лиц", "доля клиентов списка с типом «частное лицо» (type = person)"),
                en: ("Share of private persons", "share of customers in the list whose type is a private person (type = person)")),
            .init(
                .qualityBirthDatePersonsFill, .quality, .share, .asOf, [.customers], .higherIsBetter,
                ru: (
                    "Дата рождения у частных лиц",
                    "доля частных лиц (type = person) в списке клиентов с датой рождения; у компаний даты рождения нет"
                ),
                en: (
                    "Birth date of private persons",
                    "share of private persons (type = person) in the customer list with a birth date; companies have none"
                )),
            .init(
                .qualityTaxIdCompaniesFill, .quality, .share, .asOf, [.customers], .higherIsBetter,
                ru: (
                    "ИНН у клиентов-компаний",
                    "доля клиентов списка, кроме частных лиц (type = person), с заполненным ИНН; клиенты без типа считаются компаниями"
                ),
                en: (
                    "Tax id of business customers",
                    "share of customers in the list other than private persons (type = person) with a tax id; customers without a type count as companies"
                )),
            .init(
                .qualityTaxIdsInvalid, .quality, .customers, .asOf, [.customers], .lowerIsBetter,
                ru: (
                    "Ошибочные ИНН",
                    "клиенты списка с ИНН из 10 или 12 цифр, у которого не сходятся контрольные цифры, или из 9 или 11 цифр (потерян ведущий ноль — частая ошибка Excel)"
                ),
                en: (
                    "Invalid tax ids",
                    "customers in the list whose tax id (ИНН) has 10 or 12 digits with wrong check digits, or 9 or 11 digits (a leading zero lost, a common Excel mistake)"
                )),
            .init(
                .qualityTaxIdsInvalidShare, .quality, .share, .asOf, [.customers], .lowerIsBetter,
                ru: ("Доля ошибочных ИНН", "quality.tax_ids_invalid / клиенты с заполненным ИНН"),
                en: ("Share of invalid tax ids", "quality.tax_ids_invalid / customers with a tax id")),
            .init(
                .qualityTaxIdDuplicateGroups, .quality, .count, .asOf, [.customers], .lowerIsBetter,
                ru: ("Дубли по ИНН", "группы дублей (quality.duplicate_groups), в которых записи совпали по ИНН"),
                en: ("Duplicates by tax id", "duplicate groups (quality.duplicate_groups) whose records share a tax id")),
            .init(
                .qualityEmailValidShare, .quality, .share, .asOf, [.customers], .higherIsBetter,
                ru: ("Корректные email", "доля корректных адресов среди заполненных email"),
                en: ("Valid emails", "share of valid addresses among filled emails")),
            .init(
                .qualityEmailsInvalid, .quality, .count, .asOf, [.customers], .lowerIsBetter,
                ru: ("Некорректные email", "клиенты с заполненным, но некорректным email"),
                en: ("Invalid emails", "customers with a filled but invalid email")),
            .init(
                .qualityPhoneValidShare, .quality, .share, .asOf, [.customers], .higherIsBetter,
                ru: ("Корректные телефоны", "доля телефонов, приводимых к +7XXXXXXXXXX (или международному +…), среди заполненных"),
                en: ("Valid phones", "share of filled phones that normalise to +7XXXXXXXXXX (or an international +…)")),
            .init(
                .qualityPhonesInvalid, .quality, .count, .asOf, [.customers], .lowerIsBetter,
                ru: ("Некорректные телефоны", "клиенты с заполненным, но некорректным телефоном"),
                en: ("Invalid phones", "customers with a filled but invalid phone")),
            .init(
                .qualityEmailConsentShare, .quality, .share, .asOf, [.customers], .higherIsBetter,
                ru: (
                    "Клиенты с отметкой согласия на рассылку",
                    "доля клиентов списка с email_consent = 1 (отметка «согласен»); заполненность поля — quality.fill.email_consent"
                ),
                en: (
                    "Customers marked as consenting to newsletters",
                    "share of customers in the list with email_consent = 1 (marked as consenting); the field's fill rate is quality.fill.email_consent"
                )),
            .init(
                .qualityDuplicateGroups, .quality, .count, .asOf, [.customers], .lowerIsBetter,
                ru: ("Группы дублей", "группы клиентов с общим ИНН, email, телефоном, id или нормализованным названием"),
                en: ("Duplicate groups", "groups of customers sharing a tax id, email, phone, id or normalised name")),
            .init(
                .qualityDuplicateCustomers, .quality, .customers, .asOf, [.customers], .lowerIsBetter,
                ru: ("Клиенты-дубли", "строк клиентов в группах дублей"),
                en: ("Duplicate customers", "customer rows in duplicate groups")),
            .init(
                .qualityDuplicateShare, .quality, .share, .asOf, [.customers], .lowerIsBetter,
                ru: ("Доля дублей", "quality.duplicate_customers / строк клиентов"),
                en: ("Duplicate share", "quality.duplicate_customers / customer rows")),
            .init(
                .qualityOrphanSalesRows, .quality, .count, .allHistory, [.sales, .customers], .lowerIsBetter,
                ru: ("Продажи без клиента", "строки продаж, чей customer_id нет в списке клиентов"),
                en: ("Orphan sale lines", "sale lines whose customer_id is not in the customer list")),
            .init(
                .qualityOrphanSalesShare, .quality, .share, .allHistory, [.sales, .customers], .lowerIsBetter,
                ru: ("Доля продаж без клиента", "quality.orphan_sales_rows / sales.rows"),
                en: ("Orphan sales share", "quality.orphan_sales_rows / sales.rows")),
            .init(
                .qualityOrphanRevenue, .quality, .money, .allHistory, [.sales, .customers], .lowerIsBetter,
                ru: ("Выручка без клиента", "Σ amount строк продаж без клиента в списке"),
                en: ("Orphan revenue", "Σ amount of orphan sale lines")),
            .init(
                .qualityCustomersWithoutSales, .quality, .customers, .asOf, [.sales, .customers], .neutral,
                ru: ("Клиенты без продаж", "клиенты списка без строк продаж"),
                en: ("Customers without sales", "customers in the list with no sale line")),
            .init(
                .qualityCustomersWithoutSalesShare, .quality, .share, .asOf, [.sales, .customers], .neutral,
                ru: ("Доля клиентов без продаж", "quality.customers_without_sales / customers.count"),
                en: ("Share without sales", "quality.customers_without_sales / customers.count")),
            .init(
                .qualityFutureDates, .quality, .count, .allHistory, [.sales], .lowerIsBetter,
                ru: ("Даты в будущем", "даты продаж, сделок, активностей и клиентов (created_at, birth_date) позже даты раунда аудита"),
                en: (
                    "Future dates", "dates of sales, deals, activities and customers (created_at, birth_date) after the audit round's date"
                )),
        ]
}

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
                    if !range.isEmpty {
                        email[row] = Normalise.isValidEmail(UnsafeBufferPointer(rebasing: bytes[range])) ? .valid : .invalid
                    }
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
            FieldQualityRow(
                field: field.name, filled: filled[field.rawValue],
                fillRate: rows > 0 ? Double(filled[field.rawValue]) / Double(rows) : 0,
                valid: field == .email ? validEmails : field == .phone ? validPhones : nil)
        }
        for field in CustomerField.allCases.dropFirst() {
            sink.ratio(.qualityFill(field.name), Double(filled[field.rawValue]), Double(rows))
        }
        sink.ratio(
            .qualityEmailValidShare, Double(validEmails), Double(validEmails + invalidEmails),
            orElse: .noValues(.customers, "email"))
        sink.set(.qualityEmailsInvalid, invalidEmails)
        sink.ratio(
            .qualityPhoneValidShare, Double(validPhones), Double(validPhones + invalidPhones),
            orElse: .noValues(.customers, "phone"))
        sink.set(.qualityPhonesInvalid, invalidPhones)
        sink.ratio(.qualityEmailConsentShare, Double(consent), Double(rows))

        let distinct = data.customerListIndex.filter { $0 >= 0 }.count
        sink.set(.customersCount, distinct)
        var withoutManager = 0
        for listIndex in data.customerListIndex where listIndex >= 0 && !columns.has(.manager, Int(listIndex)) {
            withoutManager += 1
        }
        sink.set(.managersCustomersWithoutManager, withoutManager)
        sink.ratio(.managersCustomersWithoutManagerShare, Double(withoutManager), Double(distinct))
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
        sink.set(.qualityOrphanSalesRows, orphanRows)
        sink.ratio(.qualityOrphanSalesShare, Double(orphanRows), Double(includedRows), orElse: .nothingToMeasure)
        sink.set(.qualityOrphanRevenue, orphanRevenue)
        var withoutSales = 0, listed = 0
        for (key, listIndex) in data.customerListIndex.enumerated() where listIndex >= 0 {
            listed += 1
            if stats.lines[key] == 0 { withoutSales += 1 }
        }
        sink.set(.qualityCustomersWithoutSales, withoutSales)
        sink.ratio(.qualityCustomersWithoutSalesShare, Double(withoutSales), Double(listed))

        let limit = Int32(data.roundDate.ordinal)
        var future = data.futureDatesOutsideSales
        for day in sales.day where day != Int32.min && day > limit { future += 1 }
        sink.set(.qualityFutureDates, future)
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
        sink.set(.qualityDuplicateGroups, groups.count)
        sink.set(.qualityTaxIdDuplicateGroups, groups.filter { $0.keys.contains("tax_id") }.count)
        sink.set(.qualityDuplicateCustomers, duplicated)
        sink.ratio(.qualityDuplicateShare, Double(duplicated), Double(customers.count))
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

extension RoundData {
    /// The dates after the round's date outside the sale lines: deals' creation and closing,
    /// activities', the customers' creation and birth dates (`quality.future_dates`).
    var futureDatesOutsideSales: Int {
        let limit = Int32(roundDate.ordinal)
        var future = 0
        for deal in deals {
            if let day = deal.createdAt, day > roundDate { future += 1 }
            if let day = deal.closedAt, day > roundDate { future += 1 }
        }
        for activity in activities { if let day = activity.day, day > roundDate { future += 1 } }
        let customerColumns = customers.columns
        for field in [CustomerField.createdAt, .birthDate] {
            guard let column = customerColumns.text(field) else { continue }
            column.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<customerColumns.count {
                    let range = column.range(row)
                    if !range.isEmpty, let day = RoundData.day(UnsafeBufferPointer(rebasing: bytes[range])), day > limit { future += 1 }
                }
            }
        }
        return future
    }
}
