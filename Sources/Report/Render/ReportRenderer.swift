import Analytics
import AuditModel
import Foundation
import Rules

/// Renders an audit report from a ``ReportInput``: one self-contained HTML file (inline CSS and
/// SVG, no scripts, no network), Markdown with the same content, or JSON of everything shown.
package enum ReportRenderer {
    /// The HTML report.
    /// - Complexity: O(customers + findings); the largest per-item tables are cut before rendering.
    package static func html(_ input: ReportInput, options: ReportOptions) -> String {
        HTMLReport(input: Redaction.apply(to: input, options: options), options: options).render()
    }

    /// The same content as Markdown, for pasting into other documents.
    package static func markdown(_ input: ReportInput, options: ReportOptions) -> String {
        MarkdownReport(input: Redaction.apply(to: input, options: options), options: options).render()
    }

    /// Everything the report shows, as JSON.
    package static func json(_ input: ReportInput, options: ReportOptions) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Redaction.apply(to: input, options: options))
        return String(decoding: data, as: UTF8.self)
    }
}

/// What the executive summary and roadmap pick from the findings; shared by every format.
struct Priorities {
    let gaps: [Finding]

    init(_ findings: [Finding]) {
        gaps = findings.filter(\.isGap).sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            return lhs.ruleID < rhs.ruleID
        }
    }

    /// The three biggest risks to the business: risks with money at stake first (an owner weighs
    /// a risk by what it may cost; what the project lacks — goals, an owner, a budget — is the
    /// readiness verdict's and the decisions' business just above), then by severity and money;
    /// one per root cause, so that three symptoms of one cause do not fill the list.
    var topRisks: [Finding] {
        let ranked = gaps.sorted { lhs, rhs in
            if (lhs.money != nil) != (rhs.money != nil) { return lhs.money != nil }
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if (lhs.money?.high ?? 0) != (rhs.money?.high ?? 0) { return (lhs.money?.high ?? 0) > (rhs.money?.high ?? 0) }
            if lhs.blocking != rhs.blocking { return lhs.blocking }
            return lhs.priority > rhs.priority
        }
        var causes = Set<String>(), chosen: [Finding] = []
        for finding in ranked where chosen.count < 3 {
            if let cause = finding.cause, !causes.insert(cause).inserted { continue }
            chosen.append(finding)
        }
        return chosen
    }

    /// The first five actions: blocking and critical gaps, then quick wins (high impact, low effort).
    var firstActions: [Finding] { Array(firstOrder.prefix(5)) }

    private func actionRank(_ finding: Finding) -> Double {
        (finding.blocking ? 100 : 0) + Double(4 - finding.severity.rank) * 6 + Double(finding.impact.value) * 3
            - Double(finding.effort.value) * 4
    }

    /// Now / within 3 months / within 6 months: blocking and critical gaps and the best quick
    /// wins first (at most eight "now"), high-severity and moderate-effort work next, the rest later.
    var roadmap: (now: [Finding], soon: [Finding], later: [Finding]) {
        var now: [Finding] = [], soon: [Finding] = [], later: [Finding] = []
        for finding in firstOrder {
            let urgent = finding.blocking || finding.severity == .critical
            let quickWin = finding.effort == .low && finding.impact == .high && finding.severity <= .high
            if (urgent || quickWin) && now.count < 8 {
                now.append(finding)
            } else if (finding.severity <= .high && finding.effort <= .medium) || finding.effort == .low {
                soon.append(finding)
            } else {
                later.append(finding)
            }
        }
        return (now, soon, later)
    }

    /// All gaps in the order actions are taken.
    private var firstOrder: [Finding] {
        gaps.sorted { lhs, rhs in
            let left = actionRank(lhs), right = actionRank(rhs)
            return left != right ? left > right : lhs.ruleID < rhs.ruleID
        }
    }
}
