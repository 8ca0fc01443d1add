import AuditModel

/// The Pareto curve behind `pareto.top20_share`: the cumulative share of the last 12 months'
/// revenue held by the top 0 %, 1 %, …, 100 % of the customers who bought in them (ranked by that
/// revenue descending, ties by id), 101 points. Empty when there is no positive revenue.
package enum ParetoCurve {
    /// How many of `buyers` ranked customers make each percent, 0 % to 100 % (101 counts).
    package static func counts(buyers: Int) -> [Int] {
        (0...100).map { percent in min(buyers, Int(clamped: Double(percent) / 100 * Double(buyers), rounding: .up)) }
    }

    /// The curve from the revenue of the top `counts(buyers:)[p]` customers at each percent p
    /// (`cumulative[p]`, 0 for none) and the period's `total`.
    package static func points(cumulative: [Double], buyers: Int, total: Double) -> [Double] {
        guard buyers > 0, total > 0, cumulative.count == 101 else { return [] }
        return cumulative.map { $0 / total }
    }
}

extension Analysis {
    /// The headline period's Pareto curve (``ParetoCurve``).
    package var paretoCurve: [Double] {
        let revenues = headlineRanking.map { stats.revenueLast12m[Int($0)] }
        var running = 0.0
        let cumulative = revenues.map { revenue in
            running += revenue
            return running
        }
        return ParetoCurve.points(
            cumulative: ParetoCurve.counts(buyers: revenues.count).map { $0 == 0 ? 0 : cumulative[$0 - 1] }, buyers: revenues.count,
            total: revenues.reduce(0, +))
    }
}
