/// The impact/effort matrix: a 3 × 3 grid (impact up, effort right); each finding is a dot in
/// its cell, coloured by severity, with the count of the cell. The four corners carry the usual
/// names (quick wins: high impact, low effort).
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
        let cell = 104.0, left = 30.0, top = 6.0, size = cell * 3
        var out = SVG.open(width: size + left + 8, height: size + top + 34, label: caption, kind: "matrix")
        let fills = [["#e3f1e8", "#f4f6f8", "#fdf3e1"], ["#eef5ef", "#f4f6f8", "#fbf5ea"], ["#f1f3f6", "#f4f6f8", "#fbeaea"]]
        let names: [String: String] = ["0-0": labels.quickWins, "0-2": labels.bigBets, "2-0": labels.fillIns, "2-2": labels.thankless]
        for row in 0..<3 {
            for column in 0..<3 {
                let x = left + Double(column) * cell, y = top + Double(row) * cell
                out += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(cell - 2))\" height=\"\(SVG.n(cell - 2))\" fill=\"\(fills[row][column])\"/>"
                if let name = names["\(row)-\(column)"] {
                    out += SVG.text(name, x: x + 5, y: y + 12, size: 8.5, weight: "bold", fill: "#667")
                }
                // impact 3 is the top row, effort 1 the left column
                let here = items.filter { 3 - $0.impact == row && $0.effort - 1 == column }
                for (index, item) in here.enumerated() {
                    let cx = x + 10 + Double(index % 8) * 11.5, cy = y + 26 + Double(index / 8) * 11.5
                    out += "<circle class=\"item\" data-id=\"\(HTMLEscaping.escape(item.id))\" data-impact=\"\(item.impact)\" data-effort=\"\(item.effort)\" cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"4.5\" fill=\"\(item.colour)\"><title>\(HTMLEscaping.escape(item.id))</title></circle>"
                }
                if !here.isEmpty {
                    out += SVG.text(String(here.count), x: x + cell - 8, y: y + cell - 9, anchor: "end", size: 15, weight: "bold", fill: "#445")
                }
            }
        }
        out += SVG.text(labels.effort + " →", x: left + size / 2, y: top + size + 20, anchor: "middle", size: 10.5, fill: "#445")
        out += SVG.text(labels.impact + " →", x: 12, y: top + size / 2, anchor: "middle", size: 10.5, fill: "#445",
                        extra: " transform=\"rotate(-90 12 \(SVG.n(top + size / 2)))\"")
        return out + "</svg>"
    }
}
