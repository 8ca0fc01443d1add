import AuditModel

extension Analysis {
    /// The Pareto curve behind `pareto.top20_share`: the cumulative share of the last 12 months'
    /// revenue held by the top 0 %, 1 %, …, 100 % of the customers who bought in them (ranked by
    /// that revenue descending, ties by id), 101 points. Empty when there is no positive revenue.
    package var paretoCurve: [Double] {
        let revenues = headlineRanking.map { stats.revenueLast12m[Int($0)] }
        let total = revenues.reduce(0, +)
        guard !revenues.isEmpty, total > 0 else { return [] }
        var cumulative: [Double] = []
        cumulative.reserveCapacity(revenues.count)
        var running = 0.0
        for revenue in revenues {
            running += revenue
            cumulative.append(running / total)
        }
        return (0...100).map { percent in
            let count = Int(clamped: Double(percent) / 100 * Double(revenues.count), rounding: .up)
            return count == 0 ? 0 : cumulative[min(count, revenues.count) - 1]
        }
    }
}
