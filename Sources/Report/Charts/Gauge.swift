/// A half-circle gauge for the overall score (0–100) with the maturity bands behind it.
struct Gauge {
    var score: Double
    var levelLabel: String
    var caption: String
    /// Upper bounds of the bands, ascending (e.g. 35, 55, 70, 85, 100).
    var bands: [Double] = [35, 55, 70, 85, 100]

    func svg() -> String {
        let cx = 150.0, cy = 140.0, radius = 110.0, thickness = 26.0
        var out = SVG.open(width: 300, height: 200, label: caption, kind: "gauge")
        let colours = ["#c0392b", "#e67e22", "#e0a526", "#7fb069", "#2e8b57"]
        var start = 0.0
        for (index, end) in bands.enumerated() {
            out += arc(
                cx: cx, cy: cy, radius: radius, thickness: thickness, from: start, to: end,
                fill: colours[min(index, colours.count - 1)], opacity: 0.9)
            start = end
        }
        let clamped = min(max(score, 0), 100)
        let angle = Double.pi * (1 - clamped / 100)
        let needleX = cx + (radius - thickness - 6) * cos(angle), needleY = cy - (radius - thickness - 6) * sin(angle)
        out +=
            "<line class=\"needle\" data-value=\"\(SVG.n(score))\" x1=\"\(SVG.n(cx))\" y1=\"\(SVG.n(cy))\" x2=\"\(SVG.n(needleX))\" y2=\"\(SVG.n(needleY))\" stroke=\"#223\" stroke-width=\"4\" stroke-linecap=\"round\"/>"
        out += "<circle cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"7\" fill=\"#223\"/>"
        out += SVG.text(SVG.n(clamped.rounded()), x: cx, y: cy + 34, anchor: "middle", size: 30, weight: "bold", fill: "#1a2633")
        out += SVG.text(levelLabel, x: cx, y: cy + 54, anchor: "middle", size: 12, weight: "bold", fill: "#1a2633")
        out += SVG.text("0", x: cx - radius + thickness / 2, y: cy + 16, anchor: "middle", size: 10, fill: "#667")
        out += SVG.text("100", x: cx + radius - thickness / 2, y: cy + 16, anchor: "middle", size: 10, fill: "#667")
        return out + "</svg>"
    }

    private func arc(
        cx: Double, cy: Double, radius: Double, thickness: Double, from: Double, to: Double,
        fill: String, opacity: Double
    ) -> String {
        func point(_ value: Double, _ r: Double) -> (Double, Double) {
            let angle = Double.pi * (1 - value / 100)
            return (cx + r * cos(angle), cy - r * sin(angle))
        }
        let inner = radius - thickness
        let (x1, y1) = point(from, radius), (x2, y2) = point(to, radius)
        let (x3, y3) = point(to, inner), (x4, y4) = point(from, inner)
        let d =
            "M\(SVG.n(x1)) \(SVG.n(y1)) A\(SVG.n(radius)) \(SVG.n(radius)) 0 0 1 \(SVG.n(x2)) \(SVG.n(y2)) L\(SVG.n(x3)) \(SVG.n(y3)) A\(SVG.n(inner)) \(SVG.n(inner)) 0 0 0 \(SVG.n(x4)) \(SVG.n(y4)) Z"
        return "<path d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(SVG.n(opacity))\"/>"
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
