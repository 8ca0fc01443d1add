import AuditModel
import Foundation
import Workspace

extension RoundData {
    /// The round's sale lines from the columnar copies the importer wrote (``SaleColumns``), in
    /// import order, with customer keys of their own (see ``adopt(sales:)``); nil when a sales
    /// dataset of the round has no usable copy, and then the rows are read instead.
    static func loadSalesColumns(from workspace: Workspace, round: AuditRound) throws -> RoundData? {
        let copies = try reading(workspace) { db in try SaleColumns.load(round: round.id, in: db) }
        return copies.map { RoundData(copies: $0, roundDate: round.date) }
    }

    /// The sale lines of `copies`, in their order, with customer keys of their own.
    init(copies: [SaleColumns], roundDate: Day) {
        self.init(roundDate: roundDate)
        customerKeys = Interner(keepsNames: false)
        guard let first = copies.first else { return }
        take(first)
        for copy in copies.dropFirst() {
            var later = RoundData(roundDate: roundDate)
            later.take(copy)
            append(sales: later)
        }
    }

    /// Takes the lines and dictionaries of one copy. Products, managers, channels and campaigns
    /// are few and read by name: their interners keep names; customer and order ids stay bytes.
    private mutating func take(_ copy: SaleColumns) {
        sales = copy.lines
        customerKeys = copy.customerIDs
        orders = copy.orderIDs
        func named(_ stored: Interner) -> Interner {
            var named = Interner()
            _ = named.keys(of: stored)  // the same keys, in the same order
            return named
        }
        products = named(copy.products)
        managerKeys = named(copy.managers)
        channels = named(copy.channels)
        campaigns = named(copy.campaigns)
    }
}
