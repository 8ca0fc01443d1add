import AuditModel
import Foundation

/// The invented company behind the sample files: its managers, its customers with their
/// value and lifetime, and the sales lines drawn from them.
struct SampleWorld {
    /// Where the files may be written (see ``OutputGuard``).
    var outputGuard = OutputGuard()
    struct Manager {
        var name: String
        var department: String
        var hired: Day
        /// The last day this manager sells on (idle since), if any.
        var idleFrom: Day?
        var left: Day?
    }

    struct Customer {
        var code: String
        var name: String
        var person: Bool
        var legalForm: String
        var stem: String
        var inn: String
        var phone: String
        var email: String
        var city: (String, String)
        var industry: String
        var segment: String
        var source: String
        var manager: Int
        var created: Day
        var birth: Day?
        var gender: String
        var consent: String
        /// Expected revenue over the period (₽).
        var revenue: Double
        var first: Day
        var last: Day
        var lost: Bool
        /// In the customer list (false: sales refer to it, the list does not have it).
        var listed: Bool
        /// Buys 60 % less in the last 12 months (the key-decline problem).
        var declining = false
    }

    let options: SampleDataOptions
    var random: SeededRandom
    var managers: [Manager] = []
    var customers: [Customer] = []
    let start: Day
    let end: Day
    var example: Bool { options.profile == .technosnab }

    init(options: SampleDataOptions) {
        self.options = options
        random = SeededRandom(seed: options.seed)
        end = options.endDate
        start = Day(year: end.year - options.years, month: end.month, day: min(end.components.day, 28))!.adding(days: 1)
        makeManagers()
        makeCustomers()
        buildProblems()
    }

    func has(_ problem: SampleDataOptions.Problem) -> Bool { options.problems.contains(problem) }

    /// The problems asked for, applied to the invented company without drawing from the random
    /// stream, so that a company without problems is byte-identical to what it was before.
    private mutating func buildProblems() {
        if has(.departedManager), !managers.isEmpty {
            managers[0].left = end.adding(days: -180)
        }
        let byRevenue = customers.indices.sorted {
            (customers[$0].revenue, customers[$1].code) > (customers[$1].revenue, customers[$0].code)
        }
        if has(.overdueRegulars) {
            let longStanding = byRevenue.filter { !customers[$0].lost && customers[$0].first.days(to: end) > 500 }
            for index in longStanding.prefix(max(1, longStanding.count * 15 / 100)) {
                customers[index].last = end.adding(days: -120)
            }
        }
        if has(.newCustomersLeave) {
            let yearBeforeLast = end.adding(days: -730)...end.adding(days: -366)
            for (number, index) in customers.indices.filter({ yearBeforeLast.contains(customers[$0].first) }).enumerated()
            where number % 10 < 9 {
                customers[index].last = customers[index].first
                customers[index].lost = true
            }
        }
        if has(.keyDecline) {
            for index in byRevenue.prefix(max(1, byRevenue.count / 5)) { customers[index].declining = true }
        }
        if has(.badTaxIDs) {
            var count = 0
            for index in customers.indices where customers[index].inn.count == 10 {
                count += 1
                guard count % 12 == 0 else { continue }
                var digits = Array(customers[index].inn)
                if count % 24 == 0 {
                    digits.removeFirst()  // a leading digit lost, as Excel drops a leading zero
                } else if let last = digits.last?.wholeNumberValue {
                    digits[digits.count - 1] = Character(String((last + 1) % 10))
                }
                customers[index].inn = String(digits)
            }
        }
    }

    // MARK: - Managers

    private mutating func makeManagers() {
        if example {
            let names = [
                "Соколов Андрей", "Морозова Елена", "Волков Дмитрий", "Лебедева Ольга", "Козлов Сергей",
                "Новикова Татьяна", "Павлов Игорь", "Орлова Марина", "Зайцев Алексей",
            ]
            for (index, name) in names.enumerated() {
                let hired = start.adding(days: -random.int(200...2500))
                var manager = Manager(
                    name: name, department: index < 5 ? "Отдел оптовых продаж" : "Отдел по работе с подрядчиками",
                    hired: hired, idleFrom: nil, left: nil)
                if index == 6 { manager.idleFrom = end.adding(days: -142) }
                if index == 8 { manager.idleFrom = end.adding(days: -97) }
                managers.append(manager)
            }
            return
        }
        let count =
            options.problems.contains(.overloadedManagers)
            ? 2
            : max(3, min(60, options.customers / (options.profile == .healthy ? 120 : 400)))
        for index in 0..<count {
            let female = random.chance(0.5)
            let surname = random.pick(SampleVocabulary.maleSurnames) + (female ? "а" : "")
            let first = random.pick(female ? SampleVocabulary.femaleNames : SampleVocabulary.maleNames)
            managers.append(
                Manager(
                    name: "\(surname) \(first)", department: "Отдел продаж \(index % 3 + 1)",
                    hired: start.adding(days: -random.int(100...2000)), idleFrom: nil, left: nil))
        }
    }

    // MARK: - Customers

    private mutating func makeCustomers() {
        let count = options.customers
        let span = start.days(to: end)
        var names = Set<String>()
        for index in 0..<count {
            let person = random.chance(example ? 0.14 : 0.2)
            var customer = makeIdentity(index: index, person: person, names: &names)
            // Value: log-normal, so that a fifth of the customers bring about three quarters of the revenue.
            let sigma = example ? 1.5 : 1.4
            customer.revenue = _exp(sigma * random.normal()) * (person ? 0.25 : 1)
            // Lifetime.
            let existing = random.chance(0.55)
            customer.first = existing ? start.adding(days: random.int(0...60)) : start.adding(days: random.int(0...(span - 30)))
            let eligible = customer.first.days(to: end) > 420
            customer.lost = eligible && random.chance(options.profile == .healthy ? 0.05 : 0.36)
            customer.last =
                customer.lost
                ? customer.first.adding(
                    days: random.int(min(30, customer.first.days(to: end) - 400)...(customer.first.days(to: end) - 370)))
                : end
            customer.created = customer.first.adding(days: -random.int(0...40))
            customers.append(customer)
        }
        // Revenue is earned over the active part of the period.
        for index in customers.indices {
            let active = Double(max(30, customers[index].first.days(to: customers[index].last))) / Double(span)
            customers[index].revenue *= active
        }
        assignManagers()
        chooseUnlisted()
    }

    private mutating func makeIdentity(index: Int, person: Bool, names: inout Set<String>) -> Customer {
        let female = random.chance(0.45)
        let surname = random.pick(SampleVocabulary.maleSurnames) + (female ? "а" : "")
        let first = random.pick(female ? SampleVocabulary.femaleNames : SampleVocabulary.maleNames)
        let patronymic = random.pick(female ? SampleVocabulary.femalePatronymics : SampleVocabulary.malePatronymics)
        let fullName = "\(surname) \(first) \(patronymic)"
        var name: String
        var legalForm = ""
        var stem = ""
        if person {
            name = fullName
        } else if random.chance(0.12) {
            legalForm = "ИП"
            name = "ИП \(fullName)"
        } else {
            legalForm = random.chance(0.88) ? "ООО" : "АО"
            repeat {
                stem = random.pick(SampleVocabulary.companyStems) + random.pick(SampleVocabulary.companySuffixes)
                if names.contains(stem) { stem += "-" + String(random.int(1...99)) }
            } while names.contains(stem)
            let quoted = example ? (random.chance(0.7) ? "\"\(stem)\"" : "«\(stem)»") : "\"\(stem)\""
            name = "\(legalForm) \(quoted)"
        }
        names.insert(stem.isEmpty ? name : stem)
        let cityIndex = random.weighted(SampleVocabulary.cities.map { Double($0.weight) })
        let city = SampleVocabulary.cities[cityIndex]
        let code = example ? "ТС-" + pad(index + 1, 6) : "К-" + pad(index + 1, 7)
        let regionCode = ["66", "74", "59", "72", "45", "02", "77", "86"][min(7, cityIndex / 2)]
        let inn: String
        if person {
            inn = random.chance(example ? 0.15 : 0.3) ? SampleWorld.inn12(region: regionCode, random: &random) : ""
        } else if legalForm == "ИП" {
            inn = SampleWorld.inn12(region: regionCode, random: &random)
        } else {
            inn = random.chance(0.96) ? SampleWorld.inn10(region: regionCode, random: &random) : ""
        }
        let slug = SampleWorld.transliterate(stem.isEmpty ? surname : stem)
        return Customer(
            code: code, name: name, person: person, legalForm: legalForm, stem: stem, inn: inn,
            phone: makePhone(), email: makeEmail(slug: slug, first: first, company: !person && legalForm != "ИП"),
            city: (city.city, city.region),
            industry: !person && random.chance(example ? 0.12 : 0.4) ? random.pick(SampleVocabulary.industries) : "",
            segment: random.chance(example ? 0.15 : 0.5) ? random.pick(SampleVocabulary.segments) : "",
            source: random.chance(example ? 0.25 : 0.6) ? random.pick(SampleVocabulary.sources) : "",
            manager: 0, created: start, birth: nil, gender: person ? (female ? "Ж" : "М") : "",
            consent: random.chance(0.3) ? (random.chance(0.6) ? "Да" : "Нет") : "",
            revenue: 0, first: start, last: end, lost: false, listed: true)
    }

    private mutating func makePhone() -> String {
        if random.chance(example ? 0.12 : 0.05) { return "" }
        if random.chance(example ? 0.04 : 0.01) { return random.pick(["нет", "123-45", "+7 (912) 34", "тел. уточнить", "8-800"]) }
        let operatorCode = random.pick(["912", "922", "902", "950", "908", "343", "351", "342"])
        let digits = (0..<7).map { _ in String(random.int(0...9)) }.joined()
        let a = digits.prefix(3), b = digits.dropFirst(3).prefix(2), c = digits.suffix(2)
        switch random.int(0...4) {
        case 0: return "+7 (\(operatorCode)) \(a)-\(b)-\(c)"
        case 1: return "8 (\(operatorCode)) \(a)-\(b)-\(c)"
        case 2: return "8\(operatorCode)\(digits)"
        case 3: return "+7\(operatorCode)\(digits)"
        default: return "8-\(operatorCode)-\(a)-\(b)-\(c)"
        }
    }

    private mutating func makeEmail(slug: String, first: String, company: Bool) -> String {
        if random.chance(example ? 0.40 : 0.2) { return "" }
        let local =
            company
            ? random.pick(["info", "zakaz", "snab", "office", "buh", slug]) : SampleWorld.transliterate(first) + String(random.int(1...99))
        let domain = company && random.chance(0.6) ? slug + ".ru" : random.pick(["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru"])
        if random.chance(example ? 0.06 : 0.01) {
            return random.pick(["\(local)@\(slug)", "\(local).\(domain)", "\(local)@@\(domain)", "\(local)@ \(domain)", "\(local)@mail,ru"])
        }
        return "\(local)@\(domain)"
    }

    /// Managers by revenue: in the example one star holds about 35% of it and the rest is shared.
    private mutating func assignManagers() {
        let order = customers.indices.sorted { customers[$0].revenue > customers[$1].revenue }
        var assigned = [Double](repeating: 0, count: managers.count)
        var total = 0.0
        for index in order {
            let revenue = customers[index].revenue
            var manager: Int
            if example && assigned[0] < 0.37 * (total + revenue) && random.chance(0.7) {
                manager = 0
            } else {
                manager = example ? random.int(1...(managers.count - 1)) : random.int(0...(managers.count - 1))
                // A manager who stopped working gets no customers that arrived after that.
                while let idle = managers[manager].idleFrom, customers[index].first >= idle {
                    manager = random.int(1...(managers.count - 1))
                }
            }
            customers[index].manager = manager
            assigned[manager] += revenue
            total += revenue
            if let idle = managers[manager].idleFrom, customers[index].last > idle {
                // Nobody calls this manager's customers any more: they go quiet.
                customers[index].last = max(customers[index].first, idle)
            }
        }
    }

    /// Sales of some mid-sized customers missing from the customer list: about 6% of revenue
    /// in the example, 2% otherwise.
    private mutating func chooseUnlisted() {
        let total = customers.reduce(0) { $0 + $1.revenue }
        let target = total * (example ? 0.06 : 0.02)
        var taken = 0.0
        let ranked = customers.indices.sorted { customers[$0].revenue > customers[$1].revenue }
        let start = ranked.count / 20  // never the very largest
        for position in stride(from: start, to: ranked.count, by: 3) where taken < target {
            let index = ranked[position]
            if taken + customers[index].revenue > target * 1.05 { continue }
            customers[index].listed = false
            taken += customers[index].revenue
        }
    }

    // MARK: - Identifiers

    static func inn10(region: String, random: inout SeededRandom) -> String {
        var digits = region.compactMap { $0.wholeNumberValue }
        while digits.count < 9 { digits.append(random.int(0...9)) }
        let weights = [2, 4, 10, 3, 5, 9, 4, 6, 8]
        digits.append(zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10)
        return digits.map(String.init).joined()
    }

    static func inn12(region: String, random: inout SeededRandom) -> String {
        var digits = region.compactMap { $0.wholeNumberValue }
        while digits.count < 10 { digits.append(random.int(0...9)) }
        let first = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
        digits.append(zip(first, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10)
        let second = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
        digits.append(zip(second, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10)
        return digits.map(String.init).joined()
    }

    static func transliterate(_ text: String) -> String {
        let table: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
            "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
            "э": "e", "ю": "yu", "я": "ya", "-": "-",
        ]
        return text.lowercased().map { table[$0] ?? ($0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "") }.joined()
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

@inline(__always) func _exp(_ x: Double) -> Double { Foundation.exp(x) }
