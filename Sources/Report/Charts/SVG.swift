import AuditModel

/// Small helpers for the inline SVG charts. Numbers are written with a dot and at most two
/// decimals; every value a chart draws is also written in a `data-value` attribute, so a test
/// can read the chart back and compare it with the metrics.
enum SVG {
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        guard rounded.isFinite else { return String(value) }  // beyond 1.8e306: no hundredths to keep
        if rounded == rounded.rounded(), let whole = Int64(checked: rounded) { return String(whole) }
        return String(rounded)
    }

    static func open(width: Double, height: Double, label: String, kind: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-\(kind)\" data-chart=\"\(kind)\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">"
    }

    static func text(
        _ value: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
        weight: String = "normal", fill: String = "#334", extra: String = ""
    ) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(extra)>\(HTMLEscaping.escape(value))</text>"
    }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#ccd", width: Double = 1, dash: String? = nil
    ) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    /// The palette: a sober consultancy blue, with signal colours for status.
    static let blue = "#1f4e79"
    static let lightBlue = "#8fb3d9"
    static let red = "#c0392b"
    static let amber = "#e0a526"
    static let green = "#2e8b57"
    static let grey = "#9aa3ad"
}
