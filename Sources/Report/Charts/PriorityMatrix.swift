import AuditModel

/// The impact/effort matrix: a 3 × 3 grid (impact up, effort right) with low/medium/high marks
/// on both axes; each finding is a numbered dot in its cell, coloured by severity, and the
/// numbers are those of the list printed beside it, so every dot can be named. The four
/// corners carry the usual names (quick wins: high impact, low effort).
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
    var language: Language = .en

    static let impactMarks = [
        ReportText.high.text(), ReportText.medium.text(),
        ReportText.low.text(),
    ]
    static let effortMarks = [
        ReportText.low2.text(), ReportText.medium2.text(),
        ReportText.high2.text(),
    ]

    func svg() -> String {
        let cell = 112.0, left = 62.0, top = 6.0, size = cell * 3
        var out = SVG.open(width: size + left + 8, height: size + top + 52, label: caption, kind: "matrix")
        let fills = [["#e3f1e8", "#f4f6f8", "#fdf3e1"], ["#eef5ef", "#f4f6f8", "#fbf5ea"], ["#f1f3f6", "#f4f6f8", "#fbeaea"]]
        let names: [String: String] = ["0-0": labels.quickWins, "0-2": labels.bigBets, "2-0": labels.fillIns, "2-2": labels.thankless]
        for row in 0..<3 {
            let y = top + Double(row) * cell
            out += SVG.text(Self.impactMarks[row][language], x: left - 6, y: y + cell / 2 + 4, anchor: "end", size: 10, fill: "#556")
            for column in 0..<3 {
                let x = left + Double(column) * cell
                out +=
                    "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(cell - 2))\" height=\"\(SVG.n(cell - 2))\" fill=\"\(fills[row][column])\"/>"
                if let name = names["\(row)-\(column)"] {
                    out += SVG.text(name, x: x + 5, y: y + 14, size: 10, weight: "bold", fill: "#556")
                }
                // impact 3 is the top row, effort 1 the left column; a dot's number is its place in the list
                let here = items.enumerated().filter { 3 - $0.element.impact == row && $0.element.effort - 1 == column }
                for (slot, (index, item)) in here.enumerated() {
                    let cx = x + 13 + Double(slot % 6) * 17, cy = y + 32 + Double(slot / 6) * 17
                    out +=
                        "<g class=\"item\" data-id=\"\(HTMLEscaping.escape(item.id))\" data-impact=\"\(item.impact)\" data-effort=\"\(item.effort)\">"
                    out += "<title>\(index + 1). \(HTMLEscaping.escape(item.id))</title>"
                    out += "<circle cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"7.5\" fill=\"\(item.colour)\"/>"
                    out += SVG.text(String(index + 1), x: cx, y: cy + 3.5, anchor: "middle", size: 9, weight: "bold", fill: "#fff")
                    out += "</g>"
                }
            }
        }
        for column in 0..<3 {
            out += SVG.text(
                Self.effortMarks[column][language], x: left + Double(column) * cell + cell / 2, y: top + size + 14,
                anchor: "middle", size: 10, fill: "#556")
        }
        out += SVG.text(labels.effort + " →", x: left + size / 2, y: top + size + 36, anchor: "middle", size: 11, fill: "#445")
        out += SVG.text(
            labels.impact + " →", x: 12, y: top + size / 2, anchor: "middle", size: 11, fill: "#445",
            extra: " transform=\"rotate(-90 12 \(SVG.n(top + size / 2)))\"")
        return out + "</svg>"
    }
}
