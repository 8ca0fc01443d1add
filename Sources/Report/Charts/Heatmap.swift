import AuditModel

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
                let intensity = value.isFinite ? min(max(value, 0), 1) : 0
                let colour = "rgb(\(Int(clamped: 235 - 204 * intensity)),\(Int(clamped: 241 - 163 * intensity)),\(Int(clamped: 248 - 127 * intensity)))"
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
