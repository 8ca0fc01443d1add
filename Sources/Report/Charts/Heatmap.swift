import AuditModel

/// The cohort retention heatmap: rows are acquisition months with the cohort's size, columns
/// months since the first purchase, cells the share of the cohort that bought again; a legend
/// gives the colour scale.
struct Heatmap {
    var rowLabels: [String]
    var columnLabels: [String]
    /// values[row][column], 0–1, nil where the month has not happened yet.
    var values: [[Double?]]
    var caption: String
    var formatPercent: (Double) -> String
    /// Each row's cohort size, as shown.
    var sizes: [String] = []
    /// The size column's header and the columns' axis title.
    var texts: (size: String, columns: String) = ("", "")

    static func colour(_ value: Double) -> String {
        let intensity = value.isFinite ? min(max(value, 0), 1) : 0
        return "rgb(\(Int(clamped: 235 - 204 * intensity)),\(Int(clamped: 241 - 163 * intensity)),\(Int(clamped: 248 - 127 * intensity)))"
    }

    func svg() -> String {
        let cell = 34.0, rowHeight = 24.0, labelWidth = 74.0, sizeWidth = sizes.isEmpty ? 0 : 56.0, top = 40.0
        let left = labelWidth + sizeWidth
        let width = max(left + cell * Double(columnLabels.count) + 8, 360)
        let height = top + rowHeight * Double(rowLabels.count) + 44
        var out = SVG.open(width: width, height: height, label: caption, kind: "heatmap")
        if !texts.columns.isEmpty {
            out += SVG.text(texts.columns + " →", x: left, y: 12, size: 10.5, fill: "#445")
        }
        if !sizes.isEmpty {
            out += SVG.text(texts.size, x: left - 6, y: top - 8, anchor: "end", size: 10, weight: "bold", fill: "#556")
        }
        for (column, label) in columnLabels.enumerated() {
            out += SVG.text(label, x: left + Double(column) * cell + cell / 2, y: top - 8, anchor: "middle", size: 10, fill: "#556")
        }
        for (row, label) in rowLabels.enumerated() {
            let y = top + Double(row) * rowHeight
            out += SVG.text(label, x: labelWidth - 8, y: y + rowHeight / 2 + 4, anchor: "end", size: 10, fill: "#556")
            if row < sizes.count {
                out += SVG.text(sizes[row], x: left - 6, y: y + rowHeight / 2 + 4, anchor: "end", size: 10, fill: "#334")
            }
            for (column, value) in values[row].enumerated() {
                guard let value else { continue }
                let x = left + Double(column) * cell
                let intensity = value.isFinite ? min(max(value, 0), 1) : 0
                out +=
                    "<rect class=\"cell\" data-row=\"\(HTMLEscaping.escape(label))\" data-column=\"\(column)\" data-value=\"\(SVG.n(value))\" x=\"\(SVG.n(x + 1))\" y=\"\(SVG.n(y + 1))\" width=\"\(SVG.n(cell - 2))\" height=\"\(SVG.n(rowHeight - 2))\" fill=\"\(Self.colour(value))\"/>"
                if column > 0 {
                    out += SVG.text(
                        SVG.n((value * 100).rounded()), x: x + cell / 2, y: y + rowHeight / 2 + 4, anchor: "middle",
                        size: 10, fill: intensity > 0.5 ? "#fff" : "#334")
                }
            }
        }
        // The legend: the colour scale from 0 % to 100 % of the cohort.
        let legendY = top + rowHeight * Double(rowLabels.count) + 16
        for step in 0...10 {
            let share = Double(step) / 10
            out +=
                "<rect x=\"\(SVG.n(left + Double(step) * 16))\" y=\"\(SVG.n(legendY))\" width=\"16\" height=\"10\" fill=\"\(Self.colour(share))\"/>"
        }
        out += SVG.text(formatPercent(0), x: left, y: legendY + 24, size: 9.5, fill: "#556")
        out += SVG.text(formatPercent(1), x: left + 11 * 16, y: legendY + 24, anchor: "end", size: 9.5, fill: "#556")
        return out + "</svg>"
    }
}
