/// Scores across audit rounds: one line for the overall score, points labelled with the value.
struct TrendChart {
    struct Point {
        var label: String
        var value: Double
    }

    var points: [Point]
    var caption: String

    func svg() -> String {
        let width = 560.0, height = 220.0, left = 40.0, right = 20.0, top = 16.0, bottom = 30.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { left + (points.count > 1 ? plotWidth * Double(index) / Double(points.count - 1) : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), 100) / 100) }
        var out = SVG.open(width: width, height: height, label: caption, kind: "trend")
        for value in stride(from: 0.0, through: 100, by: 25) {
            out += SVG.line(left, y(value), width - right, y(value), stroke: "#e3e7ec")
            out += SVG.text(SVG.n(value), x: left - 6, y: y(value) + 4, anchor: "end", size: 9.5, fill: "#667")
        }
        let path = points.enumerated().map { "\(SVG.n(x($0.offset))),\(SVG.n(y($0.element.value)))" }.joined(separator: " ")
        out += "<polyline fill=\"none\" stroke=\"\(SVG.blue)\" stroke-width=\"2.5\" points=\"\(path)\"/>"
        for (index, point) in points.enumerated() {
            out += "<circle class=\"point\" data-label=\"\(HTMLEscaping.escape(point.label))\" data-value=\"\(SVG.n(point.value))\" cx=\"\(SVG.n(x(index)))\" cy=\"\(SVG.n(y(point.value)))\" r=\"5\" fill=\"\(SVG.blue)\"/>"
            out += SVG.text(SVG.n(point.value.rounded()), x: x(index), y: y(point.value) - 10, anchor: "middle", size: 11, weight: "bold", fill: "#223")
            out += SVG.text(point.label, x: x(index), y: height - 10, anchor: "middle", size: 9.5, fill: "#556")
        }
        return out + "</svg>"
    }
}
