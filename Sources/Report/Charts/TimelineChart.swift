import AuditModel

/// The project plan as a Gantt chart: one bar per stage over the weeks, in plan order. Each bar
/// carries its weeks in `data-start` and `data-end`, so a test can read the chart back.
enum TimelineChart {
    static func render(_ stages: [ProjectSection.Stage], language: Language) -> String {
        let weeks = max(1, stages.map(\.endWeek).max() ?? 1)
        let labelWidth = 250.0, chartWidth = 430.0, row = 24.0, top = 26.0
        let width = labelWidth + chartWidth + 20, height = top + row * Double(stages.count) + 10
        let scale = chartWidth / Double(weeks)
        var svg = SVG.open(
            width: width, height: height,
            label: ReportText.theProjectPlanByWeek.text()[language], kind: "timeline")
        // Week marks every 2 or 4 weeks, so the labels do not crowd.
        let step = weeks > 24 ? 4 : 2
        for week in stride(from: 0, through: weeks, by: step) {
            let x = labelWidth + Double(week) * scale
            svg += SVG.line(x, top - 6, x, height - 8, stroke: "#e3e6ea")
            svg += SVG.text(String(week), x: x, y: top - 10, anchor: "middle", size: 10, fill: "#667")
        }
        svg += SVG.text(
            ReportText.weeks2.text()[language], x: labelWidth + chartWidth, y: 10, anchor: "end", size: 10, fill: "#667")
        for (index, stage) in stages.enumerated() {
            let y = top + Double(index) * row
            let title = stage.title[language]
            let label = title.count > 40 ? String(title.prefix(39)) + "…" : title
            svg += SVG.text("\(index + 1). \(label)", x: 0, y: y + 15, size: 11)
            let x = labelWidth + Double(stage.startWeek) * scale
            let barWidth = max(2, Double(stage.endWeek - stage.startWeek) * scale)
            svg +=
                "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(barWidth))\" height=\"\(SVG.n(row - 8))\" rx=\"3\" fill=\"\(SVG.blue)\""
                + " data-stage=\"\(HTMLEscaping.escape(stage.id))\" data-start=\"\(stage.startWeek)\" data-end=\"\(stage.endWeek)\"/>"
        }
        return svg + "</svg>"
    }
}
