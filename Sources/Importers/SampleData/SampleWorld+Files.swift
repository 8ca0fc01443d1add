import AuditModel
import Foundation

extension SampleWorld {
    // MARK: - customers.csv

    mutating func writeCustomers(to path: String) throws {
        var writer = try SampleFileWriter(path: path, windows1251: example, bom: false, guard: outputGuard)
        let delimiter: Unicode.Scalar = ";"
        if example {
            let header = [
                "Код", "Контрагент", "Вид контрагента", "ИНН", "Телефон", "Эл. почта", "Город", "Регион", "Отрасль",
                "Сегмент", "Источник", "Ответственный", "Дата регистрации", "Дата рождения", "Согласие на рассылку", "Комментарий",
            ]
            let blank = [String](repeating: "", count: header.count - 1)
            try writer.line(["Выгрузка контрагентов на \(russianDate(end))"] + blank, delimiter: delimiter, crlf: true)
            try writer.line(["ООО «ТехноСнаб», г. Екатеринбург"] + blank, delimiter: delimiter, crlf: true)
            try writer.line([""] + blank, delimiter: delimiter, crlf: true)
            try writer.line(header, delimiter: delimiter, crlf: true)
            var rows: [[String]] = []
            for index in customers.indices where customers[index].listed {
                rows.append(customerRow(customers[index], example: true))
            }
            rows += duplicateRows(codePrefix: "ТС-", codeWidth: 6, keepTaxID: false)
            rows.sort { ($0[1].lowercased(), $0[0]) < ($1[1].lowercased(), $1[0]) }
            for row in rows { try writer.line(row, delimiter: delimiter, crlf: true) }
        } else {
            try writer.line(
                [
                    "Код клиента", "Наименование", "Тип", "ИНН", "Телефон", "Email", "Город", "Регион", "Отрасль", "Сегмент",
                    "Источник", "Менеджер", "Дата регистрации", "Дата рождения", "Пол", "Согласие на рассылку",
                ],
                delimiter: delimiter, crlf: false)
            var rows: [[String]] = []
            for index in customers.indices where customers[index].listed {
                var row = customerRow(customers[index], example: false)
                row.removeLast()  // no comment column
                row.insert(customers[index].gender, at: 14)
                rows.append(row)
            }
            if has(.taxIDDuplicates) {
                for var row in duplicateRows(codePrefix: "К-", codeWidth: 7, keepTaxID: true) {
                    row.removeLast()
                    row.insert("", at: 14)
                    rows.append(row)
                }
            }
            for row in rows { try writer.line(row, delimiter: delimiter, crlf: false) }
        }
        try writer.close()
    }

    private mutating func customerRow(_ customer: Customer, example: Bool) -> [String] {
        let kind: String
        if customer.person {
            kind = example ? random.pick(["Физ. лицо", "Физ. лицо", "Частное лицо"]) : "Физ. лицо"
        } else {
            kind = example ? (customer.legalForm == "ИП" ? "ИП" : "Юр. лицо") : "Юр. лицо"
        }
        let birthChance = customer.person ? 0.55 : 0.03
        let birth =
            random.chance(birthChance)
            ? russianDate(Day(year: random.int(1958...2001), month: random.int(1...12), day: random.int(1...28))!) : ""
        let comment =
            example && random.chance(0.05)
            ? random.pick(["звонить после 14:00", "работает по предоплате", "см. договор №\(random.int(10...400))", "VIP; скидка 5%"]) : ""
        return [
            customer.code, customer.name, kind, customer.inn, customer.phone, customer.email, customer.city.0, customer.city.1,
            customer.industry, customer.segment, customer.source, managers[customer.manager].name,
            russianDate(customer.created), birth, customer.consent, comment,
        ]
    }

    /// A few customers entered twice: the same ИНН under another legal-form spelling, or the same
    /// name written differently without an ИНН.
    /// With `keepTaxID`, every copy keeps its ИНН (the tax-id-duplicates problem).
    private mutating func duplicateRows(codePrefix: String, codeWidth: Int, keepTaxID: Bool) -> [[String]] {
        var rows: [[String]] = []
        let candidates = customers.indices.filter {
            customers[$0].listed && !customers[$0].stem.isEmpty && customers[$0].legalForm == "ООО"
        }
        guard candidates.count >= 10 else { return rows }
        var next = customers.count + 1
        for (number, index) in candidates.prefix(60).enumerated() where number % 6 == 0 {
            var copy = customers[index]
            copy.code = codePrefix + pad(next, codeWidth)
            next += 1
            switch number / 6 % 4 {
            case 0: copy.name = "\(copy.stem) ООО"
            case 1: copy.name = "Общество с ограниченной ответственностью «\(copy.stem)»"
            case 2:
                copy.name = "ООО \(copy.stem)"
                if !keepTaxID { copy.inn = "" }
            default: copy.name = "ООО «\(copy.stem)»"
            }
            copy.email = ""
            copy.created = customers[index].created.adding(days: random.int(100...600))
            if copy.created > end { copy.created = end }
            rows.append(customerRow(copy, example: true))
        }
        return rows
    }

    // MARK: - sales.csv

    private struct Line {
        var date: Day
        var order: Int
        var customer: Int
        var product: Int
        var quantity: Int
        var price: Double
        var amount: Double
        var cost: Double
        var manager: Int
        var channel: String
        var campaign: String
    }

    mutating func writeSales(to path: String) throws {
        var writer = try SampleFileWriter(path: path, windows1251: false, bom: example, guard: outputGuard)
        let delimiter: Unicode.Scalar = ";"
        let group = example ? "\u{00A0}" : " "
        if example {
            try writer.line(
                [
                    "Дата", "Номер документа", "Код клиента", "Клиент", "Номенклатура", "Группа номенклатуры", "Количество",
                    "Цена", "Сумма, руб.", "Себестоимость", "Менеджер", "Канал продаж", "Рекламная кампания",
                ],
                delimiter: delimiter, crlf: true)
        } else {
            try writer.line(
                [
                    "Номер заказа", "Дата", "Код клиента", "Товар", "Категория", "Количество", "Сумма", "Себестоимость",
                    "Менеджер", "Канал", "Кампания",
                ], delimiter: delimiter, crlf: false)
        }
        let allocation = allocateLines()
        let total = customers.reduce(0) { $0 + $1.revenue }
        let targetRevenue = example ? 640_000_000.0 : 4_500.0 * Double(options.orderLines)
        let scale = targetRevenue / max(total, 1)
        let active = managers.indices.filter { managers[$0].idleFrom == nil && managers[$0].left == nil }
        var collected: [Line] = []
        var orderNumber = 0
        for index in customers.indices where allocation[index] > 0 {
            let customer = customers[index]
            var remaining = allocation[index]
            let perLine = customer.revenue * scale / Double(allocation[index])
            var orderIndex = 0
            let span = max(0, customer.first.days(to: customer.last))
            while remaining > 0 {
                let size = min(remaining, 1 + (random.chance(0.45) ? random.int(1...3) : 0))
                remaining -= size
                orderNumber += 1
                var date = customer.first.adding(days: random.int(0...span))
                if orderIndex == 0 {
                    // The last purchase sits where the customer's story says it does.
                    date =
                        customer.lost || customer.last < end
                        ? customer.last
                        : end.adding(days: -random.int(0...min(110, max(0, span))))
                }
                orderIndex += 1
                var manager = customer.manager
                if random.chance(0.05), let other = active.isEmpty ? nil : random.pick(active) { manager = other }
                if let left = managers[manager].left, date > left { manager = -1 }  // nobody took the customer over
                let oneChannel = has(.oneChannel)
                let marketing = random.chance(oneChannel ? 0.8 : 0.2)
                var channel = marketing ? random.pick(SampleVocabulary.channels) : ""
                if marketing && oneChannel && random.chance(0.9) { channel = "Маркетплейс" }
                let campaign = marketing && random.chance(0.5) ? SampleVocabulary.campaign(on: date, random: &random) : ""
                for _ in 0..<size {
                    var target = perLine * _exp(0.45 * random.normal())
                    if customer.declining && date > end.adding(days: -365) { target *= 0.4 }
                    let affordable = SampleVocabulary.products.indices.filter { SampleVocabulary.products[$0].price <= target }
                    let product =
                        affordable.isEmpty
                        ? SampleVocabulary.products.indices.min {
                            SampleVocabulary.products[$0].price < SampleVocabulary.products[$1].price
                        }!
                        : random.pick(affordable)
                    var price = SampleVocabulary.products[product].price
                    if random.chance(0.3) { price = (price * (1 - Double(random.int(1...12)) / 100) * 100).rounded() / 100 }
                    let quantity = max(1, Int(clamped: target / price, rounding: .toNearestOrAwayFromZero))
                    let amount = (Double(quantity) * price * 100).rounded() / 100
                    let costShare = has(.marginSpread) && manager == 1 ? 0.84 + 0.1 * random.unit() : 0.68 + 0.18 * random.unit()
                    let cost = (amount * costShare * 100).rounded() / 100
                    let line = Line(
                        date: date, order: orderNumber, customer: index, product: product, quantity: quantity, price: price,
                        amount: amount, cost: cost, manager: manager, channel: channel, campaign: campaign)
                    if example { collected.append(line) } else { try writeGeneric(line, writer: &writer, group: group) }
                }
            }
        }
        if example {
            collected.sort { ($0.date, $0.order) < ($1.date, $1.order) }
            var numbers: [Int: Int] = [:]
            for line in collected {
                let number =
                    numbers[line.order]
                    ?? {
                        let next = numbers.count + 1
                        numbers[line.order] = next
                        return next
                    }()
                let customer = customers[line.customer]
                let product = SampleVocabulary.products[line.product]
                try writer.line(
                    [
                        russianDate(line.date), "ТСН-" + pad(number, 6), customer.code, customer.name, product.name,
                        product.category, String(line.quantity), rubles(line.price, group: group),
                        rubles(line.amount, group: group), rubles(line.cost, group: group), managerName(line.manager),
                        line.channel, line.campaign,
                    ], delimiter: delimiter, crlf: true)
            }
        }
        try writer.close()
    }

    private mutating func writeGeneric(_ line: Line, writer: inout SampleFileWriter, group: String) throws {
        let product = SampleVocabulary.products[line.product]
        try writer.line(
            [
                "З-" + pad(line.order, 7), russianDate(line.date), customers[line.customer].code, product.name, product.category,
                String(line.quantity), rubles(line.amount, group: group), rubles(line.cost, group: group),
                managerName(line.manager), line.channel, line.campaign,
            ], delimiter: ";", crlf: false)
    }

    /// A line's manager; empty for a line nobody took over (-1).
    private func managerName(_ index: Int) -> String {
        managers.indices.contains(index) ? managers[index].name : ""
    }

    /// Sales lines per customer, in proportion to revenue^0.6, adding up to exactly `orderLines`.
    private mutating func allocateLines() -> [Int] {
        let weights = customers.map { $0.revenue > 0 ? Foundation.pow($0.revenue, 0.6) : 0 }
        let total = weights.reduce(0, +)
        let lines = options.orderLines
        // A few customers of the list never bought anything.
        var allocation = weights.map { _ in 0 }
        var silent = Set<Int>()
        for index in customers.indices where random.chance(0.04) && customers[index].listed { silent.insert(index) }
        for index in customers.indices where !silent.contains(index) {
            allocation[index] = max(1, Int(clamped: Double(lines) * weights[index] / max(total, 1e-9), rounding: .toNearestOrAwayFromZero))
        }
        var sum = allocation.reduce(0, +)
        let ranked = customers.indices.sorted { weights[$0] > weights[$1] }
        var cursor = 0
        while sum != lines && !ranked.isEmpty {
            let index = ranked[cursor % min(ranked.count, 50)]
            if sum < lines {
                allocation[index] += 1
                sum += 1
            } else if allocation[index] > 1 {
                allocation[index] -= 1
                sum -= 1
            } else if ranked.allSatisfy({ allocation[$0] <= 1 }) {
                break
            }
            cursor += 1
        }
        return allocation
    }

    // MARK: - managers.csv

    mutating func writeManagers(to path: String) throws {
        var writer = try SampleFileWriter(path: path, windows1251: false, bom: example, guard: outputGuard)
        try writer.line(["Сотрудник", "Отдел", "Дата приема", "Дата увольнения"], delimiter: ";", crlf: example)
        for manager in managers {
            try writer.line(
                [manager.name, manager.department, russianDate(manager.hired), manager.left.map(russianDate) ?? ""],
                delimiter: ";", crlf: example)
        }
        try writer.close()
    }
}
