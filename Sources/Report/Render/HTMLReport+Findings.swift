import AuditModel
import Rules

extension HTMLReport {
    func findings() -> SafeHTML {
        let gaps = Priorities(input.findings).gaps
        let colours: [Severity: String] = [.critical: SVG.red, .high: "#e67e22", .medium: SVG.amber, .low: SVG.blue, .info: SVG.grey]
        let matrix = PriorityMatrix(
            items: gaps.map {
                .init(id: $0.ruleID, impact: $0.impact.value, effort: $0.effort.value, colour: colours[$0.severity] ?? SVG.grey)
            },
            caption: t(.matrixCaption),
            labels: (t(.impact), t(.effort), t(.quickWins), t(.bigBets), t(.fillIns), t(.thankless)), language: language)
        // Every dot of the matrix, numbered as in the chart: none left out.
        var content: [SafeHTML] = causesHTML()
        content += [
            element(
                "div", [("class", "two")], SafeHTML(raw: matrix.svg()),
                element(
                    "ol", [("class", "matrix-list")],
                    gaps.map { finding in
                        element(
                            "li", [("class", "meta")], badge(finding.severity),
                            text("\(finding.ruleID) · \(finding.title[language])"))
                    }))
        ]
        content += gaps.map(findingCard)
        let notEvaluable = input.findings.filter { $0.status == .notEvaluable }
        if !notEvaluable.isEmpty {
            content.append(element("h3", [], text(t(.notEvaluableTitle))))
            content.append(element("p", [("class", "muted")], text(t(.notEvaluableLead))))
            content.append(
                table(
                    [(t(.findingsTitle), false), (t(.area), false), (t(.missing), false)],
                    notEvaluable.map { finding in
                        [
                            ("\(finding.ruleID) · \(finding.title[language])", false), (areaTitle(finding.area), false),
                            (finding.missing.map { $0.reason[language] }.joined(separator: "; "), false),
                        ]
                    }))
        }
        let waived = input.findings.filter { $0.status == .waived }
        if !waived.isEmpty {
            content.append(element("h3", [], text(t(.waivedTitle))))
            content.append(
                table(
                    [(t(.findingsTitle), false), (t(.note), false)],
                    waived.map { finding in
                        let waiver = finding.waiver
                        let note =
                            waiver.map {
                                "\($0.reason[language]) (\(t(.waivedBy)) \($0.acceptedBy), \(t(.waivedUntil)) \(format.date($0.until)))"
                            } ?? ""
                        return [("\(finding.ruleID) · \(finding.title[language])", false), (note, false)]
                    }))
        }
        content += passedChecks()
        // A check that does not apply is named by its problem's title: only the working copy lists them.
        let notApplicable = input.findings.filter { $0.status == .notApplicable }
        if !notApplicable.isEmpty && options.audience == .consultant {
            content.append(element("h3", [], text(t(.notApplicableTitle))))
            content.append(
                element("p", [("class", "meta")], text(notApplicable.map { "\($0.ruleID) \($0.title[language])" }.joined(separator: " · ")))
            )
        }
        return sectionElement(.findings, title: .findingsTitle, lead: t(.findingsLead), content)
    }

    /// Passed checks as strengths, in the rule's own words; a passed check without them is
    /// counted (the client's copy) or listed by id and title (the working copy), never shown
    /// under its problem's title as if it were one.
    func passedChecks() -> [SafeHTML] {
        let (phrased, others) = Strengths.split(input.findings)
        guard !phrased.isEmpty || !others.isEmpty else { return [] }
        var parts = [element("h3", [("id", "strengths")], text(t(.okTitle)))]
        if !phrased.isEmpty {
            parts.append(
                element(
                    "ul", [("class", "strengths")],
                    phrased.map { finding in
                        element("li", [("data-rule", finding.ruleID)], text((finding.strength?[language] ?? "") + " (\(finding.ruleID))"))
                    }))
        }
        if !others.isEmpty {
            if options.audience == .consultant {
                parts.append(
                    element(
                        "p", [("class", "meta")],
                        text(
                            t(.okWithoutStrength) + " "
                                + others.map { "\($0.ruleID) \($0.title[language])" }.joined(separator: " · "))))
            } else {
                parts.append(
                    element("p", [("class", "meta")], text(t(.okOthers).replacingOccurrences(of: "{count}", with: String(others.count)))))
            }
        }
        return parts
    }

    func findingCard(_ finding: Finding) -> SafeHTML {
        var meta =
            "\(finding.ruleID) · \(areaTitle(finding.area)) · \(t(.impact)): \(finding.impact.title[language]) · \(t(.effort)): \(finding.effort.effortTitle[language])"
        if options.audience == .consultant {
            // The score's arithmetic is the consultant's; the client reads severity and money.
            meta += " · \(t(.pointsLost)): \(format.number(finding.pointsLost, fractionDigits: 1))"
        }
        var parts: [SafeHTML] = [
            element("h4", [], badge(finding.severity), statusBadge(finding.status), text(finding.title[language])),
            element("div", [("class", "meta")], text(meta)),
        ]
        if let evidence = finding.evidence {
            parts.append(element("p", [("class", "evidence")], element("strong", [], text(t(.evidence) + ": ")), text(evidence[language])))
        }
        if let money = finding.money {
            // The estimate with what it rests on; the assumption is in the method appendix.
            parts.append(
                element(
                    "p", [("class", "money-line"), ("data-period", money.period.rawValue)],
                    element("strong", [], text(money.kind.title[language].capitalizedFirst + ": ")), text(money.text(language))))
        }
        if let comment = consultantComment(finding) { parts.append(comment) }
        if let expected = finding.expected, !expected[language].isEmpty {
            parts.append(element("p", [("class", "meta")], text("\(t(.expected)): \(expected[language])")))
        }
        if let previous = finding.previousStatus {
            parts.append(
                element("p", [("class", "meta")], text("\(t(.progressLead)) \(input.round.number - 1): \(previous.title[language])")))
        }
        parts.append(element("p", [("class", "recommendation")], text(finding.recommendation[language])))
        if let samples = finding.samples, !samples.rows.isEmpty {
            let numeric = Set(samples.fields.filter(SampleColumns.isNumeric))
            let rows = samples.rows.prefix(10).map { row in
                zip(samples.fields, row).map { field, value in (SampleColumns.value(value, field: field, format), numeric.contains(field)) }
            }
            parts.append(
                table(samples.fields.map { (SampleColumns.title($0, language), numeric.contains($0)) }, Array(rows), class: "samples"))
            parts.append(element("p", [("class", "meta")], text(options.recordsCaption(finding, shown: rows.count, format))))
        }
        return element("div", [("class", "finding sev-\(finding.severity.rawValue)"), ("id", "finding-\(finding.ruleID)")], parts)
    }

    func roadmap() -> SafeHTML {
        if let project = input.project, !project.stages.isEmpty { return self.project(project) }
        let plan = Priorities(input.findings).roadmap
        func column(_ title: ReportText, _ items: [Finding]) -> SafeHTML {
            element(
                "div", [], element("h3", [], text(t(title))),
                element(
                    "ul", [],
                    items.map {
                        element("li", [], text($0.recommendation[language]), element("span", [("class", "meta")], text(" (\($0.ruleID))")))
                    }))
        }
        return sectionElement(
            .roadmap, title: .roadmapTitle, lead: t(.roadmapLead),
            [
                element("div", [("class", "roadmap")], column(.now, plan.now), column(.within3, plan.soon), column(.within6, plan.later))
            ])
    }
}
