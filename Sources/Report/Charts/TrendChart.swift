/// Scores across audit rounds: a bold line for the overall score and a thinner line per area,
/// with a legend. Every point is a `circle.point` with `data-series`, `data-label` and
/// `data-value`, so a test can read the chart back.
struct TrendChart {
    struct Series {
        var name: String
        /// One value per label; nil where the round has no score for the series.
        var values: [Double?]
        /// The bold, labelled series (the overall score).
        var emphasised: Bool = false
    }

    var labels: [String]
    var series: [Series]
    var caption: String

    /// Area colours; the areas after the first seven are drawn dashed, so that no two lines look alike.
    static let palette = ["#2e8b57", "#e67e22", "#8e44ad", "#c0392b", "#16a085", "#d4ac0d", "#2980b9"]

    func svg() -> String {
        let width = 640.0, left = 96.0, right = 72.0, top = 18.0, plotHeight = 220.0
        let legendColumns = 2, legendRowHeight = 16.0
        let legendRows = (series.count + legendColumns - 1) / legendColumns
        let axisBottom = top + plotHeight
        let height = axisBottom + 30 + Double(legendRows) * legendRowHeight + 6
        let plotWidth = width - left - right
        func x(_ index: Int) -> Double { left + (labels.count > 1 ? plotWidth * Double(index) / Double(labels.count - 1) : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), 100) / 100) }
        var out = SVG.open(width: width, height: height, label: caption, kind: "trend")
        for value in stride(from: 0.0, through: 100, by: 25) {
            out += SVG.line(left - 24, y(value), width - right + 24, y(value), stroke: "#e3e7ec")
            out += SVG.text(SVG.n(value), x: left - 30, y: y(value) + 4, anchor: "end", size: 9.5, fill: "#667")
        }
        for (index, label) in labels.enumerated() {
            out += SVG.line(x(index), top, x(index), axisBottom, stroke: "#f0f2f5")
            out += SVG.text(label, x: x(index), y: axisBottom + 16, anchor: "middle", size: 9.5, fill: "#556")
        }
        // Areas first, the overall line on top.
        let ordered = series.enumerated().sorted { ($0.element.emphasised ? 1 : 0, $0.offset) < ($1.element.emphasised ? 1 : 0, $1.offset) }
        for (offset, item) in ordered {
            let color = color(of: offset)
            let points = item.values.enumerated().compactMap { index, value in value.map { (index, $0) } }
            let path = points.map { "\(SVG.n(x($0.0))),\(SVG.n(y($0.1)))" }.joined(separator: " ")
            if points.count > 1 {
                out +=
                    "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(item.emphasised ? 3 : 1.5)\"\(dash(of: offset).map { " stroke-dasharray=\"\($0)\"" } ?? "") points=\"\(path)\"/>"
            }
            for (index, value) in points {
                out +=
                    "<circle class=\"point\" data-series=\"\(HTMLEscaping.escape(item.name))\" data-label=\"\(HTMLEscaping.escape(labels[index]))\" data-value=\"\(SVG.n(value))\" cx=\"\(SVG.n(x(index)))\" cy=\"\(SVG.n(y(value)))\" r=\"\(item.emphasised ? 5 : 3)\" fill=\"\(color)\"/>"
                if item.emphasised {
                    out += SVG.text(
                        SVG.n(value.rounded()), x: x(index), y: y(value) - 10, anchor: "middle", size: 11, weight: "bold", fill: "#223")
                }
            }
        }
        let legendLeft = 40.0, columnWidth = (width - legendLeft) / Double(legendColumns)
        for (offset, item) in series.enumerated() {
            let column = Double(offset % legendColumns), row = Double(offset / legendColumns)
            let lx = legendLeft + column * columnWidth, ly = axisBottom + 34 + row * legendRowHeight
            out += SVG.line(lx, ly - 4, lx + 18, ly - 4, stroke: color(of: offset), width: item.emphasised ? 3 : 2, dash: dash(of: offset))
            let last = item.values.compactMap { $0 }.last.map { " — " + SVG.n($0.rounded()) } ?? ""
            out += SVG.text(item.name + last, x: lx + 24, y: ly, size: 9.5, weight: item.emphasised ? "bold" : "normal", fill: "#334")
        }
        return out + "</svg>"
    }

    private func areaIndex(of offset: Int) -> Int { series[..<offset].filter { !$0.emphasised }.count }

    private func dash(of offset: Int) -> String? {
        guard !series[offset].emphasised else { return nil }
        switch areaIndex(of: offset) / Self.palette.count {
        case 0: return nil
        case 1: return "6 3"
        default: return "2 2"
        }
    }

    private func color(of offset: Int) -> String {
        if series[offset].emphasised { return SVG.blue }
        return Self.palette[areaIndex(of: offset) % Self.palette.count]
    }
}
