/// The report's only stylesheet, inlined into the HTML: A4 print layout with page breaks,
/// a single-column reading layout on a phone, system fonts only (nothing from the network).
enum Stylesheet {
    static let css = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm;
          @bottom-right { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #778; } }
        :root { --ink: #1a2633; --muted: #5b6774; --line: #dde3ea; --blue: #1f4e79; --pale: #f3f6fa;
          --red: #c0392b; --amber: #d68910; --green: #2e8b57; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); font: 10.5pt/1.5 "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif;
          background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        main { max-width: 190mm; margin: 0 auto; padding: 0 6mm; }
        h1, h2, h3 { color: var(--blue); line-height: 1.2; }
        h2 { font-size: 17pt; border-bottom: 2px solid var(--blue); padding-bottom: 4px; margin: 28px 0 12px; break-after: avoid; page-break-after: avoid; }
        h2 + p.muted { break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 12.5pt; margin: 18px 0 6px; break-after: avoid; page-break-after: avoid; }
        h3 + p.muted { break-after: avoid; page-break-after: avoid; }
        p { margin: 6px 0; }
        .readiness table.gates td:first-child { font-weight: 600; white-space: nowrap; }
        .readiness table.gates td:nth-child(2) { white-space: nowrap; }
        .gate-blocked, .verdict-not_yet { color: var(--red); font-weight: 600; }
        .gate-condition, .gate-unknown, .verdict-go_with_conditions { color: var(--amber); font-weight: 600; }
        .gate-passed, .verdict-go { color: var(--green); font-weight: 600; }
        dl.glossary dt { font-weight: 600; margin-top: 6px; break-after: avoid; }
        dl.glossary dd { margin: 0 0 4px 0; }
        /* Parts flow on from the page before (a part that began on a new page left that page
           near-empty); the summary after the cover starts its own page. */
        section { break-before: auto; page-break-before: auto; }
        section#summary { break-before: page; page-break-before: always; }
        .cover { break-before: auto; min-height: 250mm; display: flex; flex-direction: column; justify-content: center;
          border-left: 10px solid var(--blue); padding-left: 14mm; }
        .cover .kicker { text-transform: uppercase; letter-spacing: .12em; color: var(--muted); font-size: 10pt; }
        .cover h1 { font-size: 30pt; margin: 8px 0 4px; }
        .cover .client { font-size: 20pt; color: var(--ink); margin: 0 0 24px; }
        .cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; color: var(--muted); }
        .cover dt { font-weight: bold; } .cover dd { margin: 0; color: var(--ink); }
        .confidential { margin-top: 40px; font-size: 9pt; color: var(--muted); }
        .summary-grid { display: grid; grid-template-columns: 300px 1fr; gap: 18px; align-items: start; }
        .verdict { font-size: 12pt; }
        .verdict strong { color: var(--blue); }
        .blocked { border-left: 4px solid var(--red); background: #fbeeee; padding: 8px 12px; margin: 10px 0; }
        .risks { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin: 14px 0; }
        .risk { border: 1px solid var(--line); border-top: 4px solid var(--red); padding: 10px; background: var(--pale); break-inside: avoid; }
        .risk .money { font-size: 14pt; font-weight: bold; color: var(--red); display: block; margin: 2px 0; }
        .risk h4 { margin: 0; font-size: 10pt; }
        .risk p { font-size: 8.5pt; line-height: 1.35; color: var(--muted); }
        ol.actions { padding-left: 22px; font-size: 9.5pt; } ol.actions li { margin: 3px 0; }
        #summary h3 { margin: 12px 0 4px; }
        #summary .verdict { margin: 3px 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 9.5pt; }
        th, td { text-align: left; padding: 5px 7px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
        tr.hash td { font-size: 8pt; color: var(--muted); word-break: break-all; border-bottom: 1px solid var(--line); padding-top: 0; }
        th { background: var(--pale); color: var(--muted); font-weight: bold; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; }
        table.compact td, table.compact th { padding: 3px 7px; }
        .chart { width: 100%; height: auto; max-width: 680px; display: block; margin: 6px 0 12px; }
        .chart-gauge { max-width: 250px; } .chart-pareto { max-width: 680px; } .chart-matrix { max-width: 410px; }
        ol.matrix-list { margin: 0; padding-left: 22px; } ol.matrix-list li { margin: 2px 0; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
        .finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
        .finding.sev-critical { border-left-color: var(--red); } .finding.sev-high { border-left-color: #e67e22; }
        .finding.sev-medium { border-left-color: var(--amber); } .finding.sev-low { border-left-color: var(--blue); }
        .finding h4 { margin: 0 0 4px; font-size: 11pt; }
        .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 8.5pt; font-weight: bold; color: #fff;
          background: var(--muted); vertical-align: middle; margin-right: 4px; }
        .badge.sev-critical { background: var(--red); } .badge.sev-high { background: #e67e22; }
        .badge.sev-medium { background: var(--amber); } .badge.sev-low { background: var(--blue); } .badge.sev-info { background: #8895a3; }
        .badge.st-warn { background: var(--amber); } .badge.st-finding { background: var(--red); } .badge.st-ok { background: var(--green); }
        .meta { color: var(--muted); font-size: 9pt; }
        .evidence { margin: 4px 0; } .recommendation { margin: 4px 0; }
        .recommendation::before { content: "→ "; color: var(--blue); font-weight: bold; }
        .samples { font-size: 8.5pt; } .samples td { padding: 2px 5px; } .samples td.num { white-space: normal; }
        .muted { color: var(--muted); }
        .kpi-row { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 10px 0; }
        .kpi { border: 1px solid var(--line); padding: 8px 10px; background: var(--pale); }
        .kpi b { display: block; font-size: 14pt; color: var(--blue); }
        .kpi span { font-size: 8.5pt; color: var(--muted); }
        .kpi .change { display: block; margin-top: 2px; }
        .kpi .change.up { color: #2e8b57; } .kpi .change.down { color: #c0392b; }
        .roadmap { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
        .roadmap > div { border-top: 4px solid var(--blue); background: var(--pale); padding: 8px 10px; }
        .roadmap ul { padding-left: 18px; margin: 4px 0; }
        code { font-size: 9pt; background: var(--pale); padding: 0 3px; }
        td.up, .up { color: var(--green); font-weight: bold; } td.down, .down { color: var(--red); font-weight: bold; }
        tr.total td { border-top: 2px solid var(--line); }
        .changes { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 8px 0 14px; }
        .changes > div { background: var(--pale); padding: 8px 10px; border-top: 4px solid var(--muted); }
        .changes .change-resolved { border-top-color: var(--green); } .changes .change-new { border-top-color: var(--red); }
        .changes .change-persisting { border-top-color: var(--amber); grid-column: 1 / -1; }
        .changes .change-persisting ul { columns: 2; column-gap: 24px; } .changes .change-gone { grid-column: 1 / -1; }
        .changes h4 { margin: 0 0 4px; font-size: 10.5pt; } .changes ul { padding-left: 16px; margin: 4px 0; font-size: 9pt; }
        .changes li { margin: 3px 0; break-inside: avoid; } .changes li .meta { white-space: nowrap; }
        .chart-trend { max-width: 640px; }
        .belief-cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 10px 0 14px; }
        .belief-card { border-top: 4px solid var(--red); background: var(--pale); padding: 8px 10px; }
        .belief-card h4 { margin: 0 0 6px; font-size: 10.5pt; } .belief-card p { margin: 3px 0; }
        .belief-card .said b { color: var(--muted); } .belief-card .shows b { color: var(--red); font-size: 13pt; }
        table.beliefs { table-layout: fixed; width: 100%; } table.beliefs td { vertical-align: top; }
        table.beliefs th:nth-child(1) { width: 19%; } table.beliefs th:nth-child(2) { width: 14%; }
        table.beliefs th:nth-child(3) { width: 17%; } table.beliefs th:nth-child(4) { width: 29%; } table.beliefs th:nth-child(5) { width: 21%; }
        table.beliefs td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
        table.disagreements { table-layout: fixed; width: 100%; } table.disagreements td { vertical-align: top; }
        table.disagreements th:nth-child(1) { width: 30%; } table.disagreements th:nth-child(2) { width: 52%; }
        table.disagreements ul { margin: 0; padding-left: 1.1em; } table.disagreements li { margin-bottom: .3em; }
        .verdict-confirmed { color: var(--green); font-weight: bold; } .verdict-off { color: var(--red); font-weight: bold; }
        .verdict-near { color: #b7791f; font-weight: bold; } .verdict-unknown { color: var(--muted); font-style: italic; }
        nav.toc { margin-top: 28px; }
        .consultant-summary { border-left: 4px solid var(--blue); background: var(--pale); padding: 8px 14px; margin: 8px 0 14px; }
        .consultant-summary h3 { margin-top: 4px; }
        .consultant-comment { border-left: 3px solid var(--blue); padding-left: 10px; }
        table.sign-off td { padding: 14px 8px 4px; } table.sign-off td.signature { border-bottom: 1px solid var(--ink); width: 45%; color: var(--muted); font-size: 8pt; vertical-align: bottom; }
        nav.toc .toc-title { font-weight: bold; color: var(--blue); margin-bottom: 4px; }
        nav.toc ol { margin: 0; padding-left: 20px; columns: 2; column-gap: 24px; }
        nav.toc a { color: var(--ink); text-decoration: none; }
        footer.doc { margin: 30px 0 10px; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--line); padding-top: 6px; }
        @media screen and (max-width: 720px) {
          main { padding: 0 12px; } .summary-grid, .two, .risks, .roadmap, .kpi-row, .changes, .belief-cards { grid-template-columns: 1fr; }
          .changes .change-persisting ul { columns: 1; }
          .cover { min-height: auto; padding: 30px 0 30px 14px; } table { display: block; overflow-x: auto; }
          section { break-before: auto; }
        }
        @media print { main { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
        """
}
