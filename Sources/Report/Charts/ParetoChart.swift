/// The Pareto curve: cumulative share of revenue against the share of customers ranked by
/// revenue, with the 20 % and 80 % marks.
struct ParetoChart {
    /// Cumulative revenue share (0–1) at evenly spaced shares of customers, from 0 % to 100 %.
    var cumulative: [Double]
    var top20Share: Double
    var caption: String
    var xLabel: String
    var yLabel: String
    var formatPercent: (Double) -> String

    func svg() -> String {
        let width = 680.0, height = 340.0, left = 58.0, bottom = 44.0, top = 14.0, right = 16.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func point(_ x: Double, _ y: Double) -> (Double, Double) { (left + x * plotWidth, top + (1 - y) * plotHeight) }
        var out = SVG.open(width: width, height: height, label: caption, kind: "pareto")
        for step in 0...4 {
            let fraction = Double(step) / 4
            let (_, gy) = point(0, fraction)
            out += SVG.line(left, gy, width - right, gy, stroke: "#e3e7ec")
            out += SVG.text(formatPercent(fraction), x: left - 6, y: gy + 4, anchor: "end", size: 11, fill: "#667")
            let (gx, _) = point(fraction, 0)
            out += SVG.text(formatPercent(fraction), x: gx, y: height - bottom + 15, anchor: "middle", size: 11, fill: "#667")
        }
        // `cumulative` holds evenly spaced points from 0 % to 100 % of customers.
        let count = cumulative.count
        let points = cumulative.enumerated().map { index, share -> String in
            let (x, y) = point(count > 1 ? Double(index) / Double(count - 1) : 1, share)
            return "\(SVG.n(x)),\(SVG.n(y))"
        }
        out +=
            "<polyline class=\"curve\" fill=\"none\" stroke=\"\(SVG.blue)\" stroke-width=\"2.5\" points=\"\(points.joined(separator: " "))\"/>"
        let (ex, ey) = point(1, 1)
        out += SVG.line(left, top + plotHeight, ex, ey, stroke: SVG.grey, width: 1, dash: "4 3")
        let (mx, my) = point(0.2, top20Share)
        out += SVG.line(mx, top + plotHeight, mx, my, stroke: SVG.red, width: 1.2, dash: "3 3")
        out += SVG.line(left, my, mx, my, stroke: SVG.red, width: 1.2, dash: "3 3")
        out +=
            "<circle class=\"mark\" data-value=\"\(SVG.n(top20Share))\" cx=\"\(SVG.n(mx))\" cy=\"\(SVG.n(my))\" r=\"4.5\" fill=\"\(SVG.red)\"/>"
        out += SVG.text("20 % → " + formatPercent(top20Share), x: mx + 8, y: my + 16, size: 13, weight: "bold", fill: SVG.red)
        let (_, y80) = point(0, 0.8)
        out += SVG.line(left, y80, width - right, y80, stroke: SVG.amber, width: 1, dash: "2 4")
        out += SVG.text(xLabel, x: left + plotWidth / 2, y: height - 6, anchor: "middle", size: 12, fill: "#445")
        out += SVG.text(
            yLabel, x: 14, y: top + plotHeight / 2, anchor: "middle", size: 12, fill: "#445",
            extra: " transform=\"rotate(-90 14 \(SVG.n(top + plotHeight / 2)))\"")
        return out + "</svg>"
    }
}
