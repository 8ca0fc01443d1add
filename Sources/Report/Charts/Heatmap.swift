/// The cohort retention heatmap: rows are acquisition months, columns months since the first
/// purchase, cells the share of the cohort that bought again.
struct Heatmap {
    var rowLabels: [String]
    var columnLabels: [String]
    /// values[row][column], 0–1, nil where the month has not happened yet.
    var values: [[Double?]]
    var caption: String
    var formatPercent: (Double) -> String

    func svg() -> String {
        let cell = 30.0, left = 78.0, top = 24.0
        let width = left + cell * Double(columnLabels.count) + 8
        let height = top + cell * 0.8 * Double(rowLabels.count) + 8
        let rowHeight = cell * 0.8
        var out = SVG.open(width: width, height: height, label: caption, kind: "heatmap")
        for (column, label) in columnLabels.enumerated() {
            out += SVG.text(label, x: left + Double(column) * cell + cell / 2, y: top - 8, anchor: "middle", size: 9, fill: "#556")
        }
        for (row, label) in rowLabels.enumerated() {
            let y = top + Double(row) * rowHeight
            out += SVG.text(label, x: left - 6, y: y + rowHeight / 2 + 3.5, anchor: "end", size: 9, fill: "#556")
            for (column, value) in values[row].enumerated() {
                guard let value else { continue }
                let x = left + Double(column) * cell
                let intensity = min(max(value, 0), 1)
                let colour = "rgb(\(Int(235 - 204 * intensity)),\(Int(241 - 163 * intensity)),\(Int(248 - 127 * intensity)))"
                out += "<rect class=\"cell\" data-row=\"\(HTMLEscaping.escape(label))\" data-column=\"\(column)\" data-value=\"\(SVG.n(value))\" x=\"\(SVG.n(x + 1))\" y=\"\(SVG.n(y + 1))\" width=\"\(SVG.n(cell - 2))\" height=\"\(SVG.n(rowHeight - 2))\" fill=\"\(colour)\"/>"
                if column > 0 {
                    out += SVG.text(SVG.n((value * 100).rounded()), x: x + cell / 2, y: y + rowHeight / 2 + 3.5, anchor: "middle",
                                    size: 8.5, fill: intensity > 0.5 ? "#fff" : "#334")
                }
            }
        }
        return out + "</svg>"
    }
}

/// The impact/effort matrix: each finding placed by impact (up) and effort (right).
struct PriorityMatrix {
    struct Item {
        var id: String
        var impact: Int
        var effort: Int
        var colour: String
    }

    var items: [Item]
    var caption: String
    var labels: (impact: String, effort: String, quickWins: String, bigBets: String, fillIns: String, thankless: String)

    func svg() -> String {
        let size = 300.0, left = 40.0, top = 10.0
        var out = SVG.open(width: size + left + 10, height: size + top + 36, label: caption, kind: "matrix")
        let half = size / 2
        let quadrants = [(0.0, 0.0, labels.quickWins, "#e8f4ec"), (half, 0.0, labels.bigBets, "#fdf3e1"),
                         (0.0, half, labels.fillIns, "#f1f3f6"), (half, half, labels.thankless, "#fbeaea")]
        for (x, y, label, fill) in quadrants {
            out += "<rect x=\"\(SVG.n(left + x))\" y=\"\(SVG.n(top + y))\" width=\"\(SVG.n(half))\" height=\"\(SVG.n(half))\" fill=\"\(fill)\"/>"
            out += SVG.text(label, x: left + x + 6, y: top + y + 14, size: 10, weight: "bold", fill: "#667")
        }
        // Spread items that share a cell so that none hides another.
        var occupancy: [String: Int] = [:]
        for item in items {
            let key = "\(item.impact)-\(item.effort)"
            let slot = occupancy[key, default: 0]
            occupancy[key] = slot + 1
            let cellSize = size / 3
            let cx = left + (Double(item.effort) - 1) * cellSize + 18 + Double(slot % 4) * 22
            let cy = top + (3 - Double(item.impact)) * cellSize + 34 + Double(slot / 4) * 22
            out += "<circle class=\"item\" data-id=\"\(HTMLEscaping.escape(item.id))\" data-impact=\"\(item.impact)\" data-effort=\"\(item.effort)\" cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"9\" fill=\"\(item.colour)\" fill-opacity=\"0.85\"/>"
            out += SVG.text(String(item.id.split(separator: "-").last ?? ""), x: cx, y: cy + 3, anchor: "middle", size: 7.5, weight: "bold", fill: "#fff")
        }
        out += SVG.text(labels.effort + " →", x: left + size / 2, y: top + size + 22, anchor: "middle", size: 10.5, fill: "#445")
        out += SVG.text(labels.impact + " →", x: 14, y: top + size / 2, anchor: "middle", size: 10.5, fill: "#445",
                        extra: " transform=\"rotate(-90 14 \(SVG.n(top + size / 2)))\"")
        return out + "</svg>"
    }
}
