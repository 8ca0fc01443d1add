/// Horizontal bars with a label, a value and an optional note per bar (area scores with their
/// confidence, manager revenue, segment counts).
struct HorizontalBars {
    struct Bar {
        var label: String
        var value: Double
        /// Text at the bar's end (the formatted value).
        var valueText: String
        /// A second, lighter line under the label (e.g. "confidence 80 %").
        var note: String?
        var colour: String = SVG.blue
        /// 0–1: how solid the bar is drawn (confidence); lower is more transparent.
        var opacity: Double = 1
    }

    var bars: [Bar]
    var caption: String
    /// The axis maximum; the largest value when nil.
    var maximum: Double?
    var labelWidth: Double = 210
    var rowHeight: Double = 30

    func svg() -> String {
        let width = 640.0
        let height = Double(bars.count) * rowHeight + 10
        let top = maximum ?? SVG.niceCeiling(bars.map(\.value).max() ?? 1)
        let plotWidth = width - labelWidth - 90
        var out = SVG.open(width: width, height: height, label: caption, kind: "bars")
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 5
            let length = top > 0 ? max(0, bar.value) / top * plotWidth : 0
            out += SVG.text(bar.label, x: labelWidth - 8, y: y + (bar.note == nil ? 17 : 12), anchor: "end", size: 11.5, fill: "#223")
            if let note = bar.note {
                out += SVG.text(note, x: labelWidth - 8, y: y + min(24, rowHeight - 3), anchor: "end", size: 9, fill: "#778")
            }
            out +=
                "<rect x=\"\(SVG.n(labelWidth))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(plotWidth))\" height=\"18\" fill=\"#eef1f5\" rx=\"2\"/>"
            out +=
                "<rect class=\"bar\" data-label=\"\(HTMLEscaping.escape(bar.label))\" data-value=\"\(SVG.n(bar.value))\" x=\"\(SVG.n(labelWidth))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(length))\" height=\"18\" fill=\"\(bar.colour)\" fill-opacity=\"\(SVG.n(max(0.25, bar.opacity)))\" rx=\"2\"/>"
            // The value sits after the bar, or inside it when the bar leaves no room.
            let inside = length > plotWidth - Double(bar.valueText.count) * 6.5 - 8
            out +=
                inside
                ? SVG.text(bar.valueText, x: labelWidth + length - 6, y: y + 17, anchor: "end", size: 11, weight: "bold", fill: "#fff")
                : SVG.text(bar.valueText, x: labelWidth + length + 6, y: y + 17, size: 11, weight: "bold", fill: "#223")
        }
        return out + "</svg>"
    }
}

/// Vertical columns over time (revenue by month), with a light grid and sparse labels. A month
/// the data do not cover whole is drawn hatched and lighter (`class="bar partial"`,
/// `data-partial="true"`), with a legend line saying so.
struct ColumnChart {
    struct Column {
        var label: String
        var value: Double
        /// The data cover only part of the period (the first or last month of an export).
        var partial = false
    }

    var columns: [Column]
    var caption: String
    var formatAxis: (Double) -> String
    /// The legend for partial columns, shown when there is one.
    var partialNote = "partial month"

    func svg() -> String {
        let hasPartial = columns.contains(where: \.partial)
        let width = 680.0, legend = hasPartial ? 20.0 : 0, height = 240.0 + legend, left = 70.0, bottom = 30.0 + legend, top = 12.0
        let plotWidth = width - left - 10, plotHeight = height - bottom - top
        let maxValue = SVG.niceCeiling(columns.map(\.value).max() ?? 1)
        let minValue = min(0, columns.map(\.value).min() ?? 0)
        let span = maxValue - minValue
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - minValue) / (span == 0 ? 1 : span)) }
        var out = SVG.open(width: width, height: height, label: caption, kind: "columns")
        if hasPartial {
            out +=
                "<defs><pattern id=\"hatch-partial\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"\(SVG.lightBlue)\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(SVG.blue)\" stroke-width=\"1.5\"/></pattern></defs>"
        }
        for step in 0...4 {
            let value = minValue + span * Double(step) / 4
            out += SVG.line(left, y(value), width - 10, y(value), stroke: "#e3e7ec")
            out += SVG.text(formatAxis(value), x: left - 6, y: y(value) + 4, anchor: "end", size: 9.5, fill: "#667")
        }
        let slot = plotWidth / Double(max(columns.count, 1))
        let labelEvery = max(1, (columns.count + 11) / 12)
        for (index, column) in columns.enumerated() {
            let x = left + Double(index) * slot + slot * 0.15
            let y0 = y(max(0, column.value)), y1 = y(min(0, column.value))
            let fill = column.partial ? "url(#hatch-partial)" : column.value < 0 ? SVG.red : SVG.blue
            out +=
                "<rect class=\"bar\(column.partial ? " partial" : "")\" data-label=\"\(HTMLEscaping.escape(column.label))\" data-value=\"\(SVG.n(column.value))\"\(column.partial ? " data-partial=\"true\" fill-opacity=\"0.7\"" : "") x=\"\(SVG.n(x))\" y=\"\(SVG.n(y0))\" width=\"\(SVG.n(slot * 0.7))\" height=\"\(SVG.n(max(0.5, y1 - y0)))\" fill=\"\(fill)\"/>"
            if index % labelEvery == 0 && index + labelEvery / 2 < columns.count {
                out += SVG.text(column.label, x: x + slot * 0.35, y: height - bottom + 16, anchor: "middle", size: 9, fill: "#556")
            }
        }
        if hasPartial {
            let y = height - 10
            out +=
                "<rect class=\"legend-partial\" x=\"\(SVG.n(left))\" y=\"\(SVG.n(y - 9))\" width=\"14\" height=\"10\" fill=\"url(#hatch-partial)\" fill-opacity=\"0.7\"/>"
            out += SVG.text(partialNote, x: left + 20, y: y, size: 9.5, fill: "#556")
        }
        return out + "</svg>"
    }
}
