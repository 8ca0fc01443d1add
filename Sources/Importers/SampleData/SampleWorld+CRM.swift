import AuditModel
import Foundation

/// The deals and activities of a company that already keeps a CRM (the healthy profile): won
/// deals for customers' first purchases, lost deals at about one and a half times as many, a
/// young open pipeline across three stages, and recent contacts with the largest customers.
extension SampleWorld {
    static let stages = ["Запрос", "КП", "Счёт"]

    mutating func writeDeals(to path: String) throws {
        var writer = try SampleFileWriter(path: path, windows1251: false, bom: false, guard: outputGuard)
        try writer.line(["deal_id", "customer_id", "created_at", "closed_at", "stage", "status", "amount"], delimiter: ";", crlf: false)
        var number = 0
        func add(_ customer: Customer, created: Day, closed: Day?, stage: String, status: String, amount: Double) throws {
            number += 1
            try writer.line(
                ["D-" + pad(number, 6), customer.code, created.iso, closed?.iso ?? "", stage, status, rubles(amount, group: "")],
                delimiter: ";", crlf: false)
        }
        let yearAgo = end.adding(days: -365)
        let recent = customers.filter { $0.first > yearAgo && $0.listed }
        for customer in recent {
            // Won: the first purchase closes a deal opened 10–40 days before.
            let amount = max(5_000, (customer.revenue * 50_000).rounded())
            try add(
                customer, created: customer.first.adding(days: -random.int(10...40)), closed: customer.first, stage: "Оплата",
                status: "won", amount: amount)
            // Lost: one and a half times as many as won, unless deals are only entered after payment.
            let losses = has(.dealsAfterPayment) ? 0 : (random.chance(0.5) ? 2 : 1)
            for _ in 0..<losses {
                let created = yearAgo.adding(days: random.int(0...330))
                try add(
                    customer, created: created, closed: created.adding(days: random.int(5...40)), stage: "КП", status: "lost",
                    amount: amount)
            }
        }
        // The open pipeline: young deals across the stages, or old ones stuck at the proposal.
        let open = max(15, recent.count / 4)
        for index in 0..<open where !customers.isEmpty {
            let customer = customers[index % customers.count]
            let stalled = has(.stalledDeals)
            let created = end.adding(days: stalled ? -random.int(120...300) : -random.int(1...20))
            try add(
                customer, created: created, closed: nil, stage: stalled ? "КП" : Self.stages[index % Self.stages.count], status: "open",
                amount: max(5_000, (customer.revenue * 30_000).rounded()))
        }
        try writer.close()
    }

    mutating func writeActivities(to path: String) throws {
        var writer = try SampleFileWriter(path: path, windows1251: false, bom: false, guard: outputGuard)
        try writer.line(["activity_id", "customer_id", "date"], delimiter: ";", crlf: false)
        // The largest 40 % of the customers buying now: contacted in the last month, or, with the
        // problem, only the smaller ones are.
        let active = customers.indices.filter { !customers[$0].lost && customers[$0].listed }
            .sorted { (customers[$0].revenue, customers[$1].code) > (customers[$1].revenue, customers[$0].code) }
        let top = Set(active.prefix(active.count * 2 / 5))
        var number = 0
        for index in active where top.contains(index) != has(.untouchedKeyAccounts) {
            number += 1
            try writer.line(
                ["A-" + pad(number, 7), customers[index].code, end.adding(days: -random.int(1...30)).iso], delimiter: ";", crlf: false)
        }
        try writer.close()
    }
}
