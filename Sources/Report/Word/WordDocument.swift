import Foundation

/// The body of the Word copy (`word/document.xml`) built from the report page: headings in
/// Word's heading styles (so the navigation pane and the table of contents work), paragraphs,
/// lists, tables with a repeated header row, and each chart as an SVG picture with its caption.
/// Every section starts on a new page, as in the PDF.
struct WordDocument {
    /// An SVG chart to store as `word/media/chartN.svg`.
    struct Picture {
        var relationship: String
        var file: String
        var svg: String
    }

    private(set) var body = ""
    private(set) var pictures: [Picture] = []
    private var headings: [String] = []
    private let contentsTitle: String

    /// Word's page text width (A4, 2 cm margins) in EMU, which pictures are scaled to fit.
    static let textWidth = 6_120_000

    init(page: HTMLNode, contentsTitle: String) {
        self.contentsTitle = contentsTitle
        let root = page.first("main") ?? page.first("body") ?? page
        var first = true
        for node in root.children {
            if node.name == "section" {
                if !first { body += Self.pageBreak }
                block(node)
                if node.attributes["id"] == "cover" { tableOfContents(root) }
                first = false
            } else {
                block(node)
            }
        }
    }

    /// The whole `document.xml`.
    var xml: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    static let pageBreak = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"

    // MARK: - Blocks

    private static let headingStyles = ["h1": "Title", "h2": "Heading1", "h3": "Heading2", "h4": "Heading3"]
    private static let blocks: Set<String> = [
        "section", "div", "p", "h1", "h2", "h3", "h4", "table", "ul", "ol", "li", "dl", "dt", "dd", "main", "footer",
        "header", "svg", "figure", "figcaption", "thead", "tbody", "tr",
    ]

    private mutating func block(_ node: HTMLNode, style: String? = nil, prefix: String = "") {
        guard let name = node.name else {
            paragraph([node], style: style, prefix: prefix)
            return
        }
        switch name {
        case "h1", "h2", "h3", "h4":
            let style = Self.headingStyles[name] ?? "Heading3"
            if name == "h2" { headings.append(Self.collapse(node.textContent)) }
            paragraph(node.children, style: style)
        case "nav": return  // the page's contents; Word has its own field
        case "table": table(node)
        case "svg": picture(node)
        case "ul", "ol":
            var number = 0
            for item in node.children where item.name == "li" {
                number += 1
                block(item, style: "ListParagraph", prefix: name == "ol" ? "\(number). " : "• ")
            }
        case "dl":
            for item in node.children {
                block(item, style: item.name == "dt" ? "Label" : nil)
            }
        default:
            // A container: runs of inline content become paragraphs, blocks are laid out in turn.
            var inline: [HTMLNode] = []
            var prefix = prefix
            func flush() {
                if !inline.isEmpty {
                    paragraph(inline, style: style, prefix: prefix)
                    prefix = ""
                }
                inline = []
            }
            for child in node.children {
                if let childName = child.name, Self.blocks.contains(childName) {
                    flush()
                    block(child, style: style)
                } else {
                    inline.append(child)
                }
            }
            flush()
        }
    }

    private mutating func paragraph(_ nodes: [HTMLNode], style: String?, prefix: String = "") {
        guard !Self.collapse(nodes.map(\.textContent).joined()).isEmpty else { return }
        var runs = prefix.isEmpty ? "" : Self.run(prefix, bold: false)
        runs += Self.runs(of: nodes, bold: false)
        guard runs.contains("<w:t") else { return }
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        body += "<w:p>\(properties)\(runs)</w:p>"
    }

    private static func runs(_ node: HTMLNode, bold: Bool) -> String {
        switch node {
        case .text(let text): return run(text, bold: bold)
        case .element(let name, _, let children):
            if name == "br" { return "<w:r><w:br/></w:r>" }
            if name == "svg" { return "" }
            let bold = bold || name == "strong" || name == "b" || name == "th"
            return runs(of: children, bold: bold)
        }
    }

    /// The runs of sibling nodes. Two elements side by side with no space between them (a
    /// badge and a title, a tile's value and its label) are laid out apart by the page's CSS; in
    /// Word they get a space, or they would read as one word.
    private static func runs(of nodes: [HTMLNode], bold: Bool) -> String {
        var out = ""
        var previousIsElement = false
        for node in nodes {
            if case .text(let text) = node, collapse(text).isEmpty {
                if !text.isEmpty { previousIsElement = false }
                out += run(text, bold: bold)
                continue
            }
            let isElement = node.name != nil
            if isElement && previousIsElement { out += run(" ", bold: false) }
            out += runs(node, bold: bold)
            previousIsElement = isElement
        }
        return out
    }

    static func run(_ text: String, bold: Bool) -> String {
        let text = collapse(text, trim: false)
        guard !text.isEmpty else { return "" }
        return "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    // MARK: - Tables

    private mutating func table(_ node: HTMLNode) {
        var rows: [(cells: [HTMLNode], header: Bool)] = []
        func collect(_ node: HTMLNode, header: Bool) {
            for child in node.children {
                switch child.name {
                case "thead": collect(child, header: true)
                case "tbody", "tfoot": collect(child, header: false)
                case "tr": rows.append((child.children.filter { $0.name == "td" || $0.name == "th" }, header))
                default: break
                }
            }
        }
        collect(node, header: false)
        let columns = rows.map(\.cells.count).max() ?? 0
        guard columns > 0 else { return }
        let width = 9_638 / columns
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr>" + (row.header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for index in 0..<columns {
                let cell = index < row.cells.count ? row.cells[index] : .text("")
                let number = cell.attributes["class"]?.split(separator: " ").contains("num") == true
                let alignment = number ? "<w:jc w:val=\"right\"/>" : ""
                let runs = Self.runs(cell, bold: row.header || cell.name == "th")
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                xml += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(alignment)</w:pPr>\(runs)</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        body += xml + "</w:tbl><w:p/>"
    }

    // MARK: - Pictures

    private mutating func picture(_ node: HTMLNode) {
        let number = pictures.count + 1
        let relationship = "rIdChart\(number)"
        pictures.append(Picture(relationship: relationship, file: "chart\(number).svg", svg: Self.serialise(node)))
        let box = (node.attributes["viewBox"] ?? "0 0 600 300").split(separator: " ").compactMap { Double($0) }
        let (width, height) = box.count == 4 && box[2] > 0 && box[3] > 0 ? (box[2], box[3]) : (600, 300)
        // Scaled to the text width, but no wider than the chart was drawn at 96 dpi.
        let cx = min(Self.textWidth, Int(width * 9_525))
        let cy = Int(Double(cx) * height / width)
        let caption = node.attributes["aria-label"] ?? node.first("title")?.textContent ?? ""
        body += """
            <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
            <wp:extent cx="\(cx)" cy="\(cy)"/><wp:docPr id="\(number)" name="Chart \(number)" descr="\(Self.escape(caption))"/>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:pic><pic:nvPicPr><pic:cNvPr id="\(number)" name="\(relationshipFile(number))"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="\(relationship)"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">\
            <asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="\(relationship)"/>\
            </a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
            <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
            </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
        if !caption.isEmpty { body += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>\(Self.run(caption, bold: false))</w:p>" }
    }

    private func relationshipFile(_ number: Int) -> String { "chart\(number).svg" }

    /// The chart as a standalone SVG file.
    static func serialise(_ node: HTMLNode) -> String {
        switch node {
        case .text(let text): return escape(text)
        case .element(let name, var attributes, let children):
            if name == "svg" && attributes["xmlns"] == nil { attributes["xmlns"] = "http://www.w3.org/2000/svg" }
            let attributeText = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
            let inner = children.map(serialise).joined()
            return inner.isEmpty ? "<\(name)\(attributeText)/>" : "<\(name)\(attributeText)>\(inner)</\(name)>"
        }
    }

    // MARK: - Contents

    /// A table of contents field after the cover, filled with the sections' titles so that it
    /// reads right before Word updates it (with page numbers) on opening.
    private mutating func tableOfContents(_ root: HTMLNode) {
        let titles = root.children.filter { $0.name == "section" && $0.attributes["id"] != "cover" }
            .compactMap { $0.first("h2").map { Self.collapse($0.textContent) } }
        guard !titles.isEmpty else { return }
        body += "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr>\(Self.run(contentsTitle, bold: false))</w:p>"
        body += "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
        body += "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
        body += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(Self.run(titles[0], bold: false))</w:p>"
        for title in titles.dropFirst() {
            body += "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>\(Self.run(title, bold: false))</w:p>"
        }
        body += "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
    }

    // MARK: - Text

    /// Whitespace runs as one space, as a browser shows them.
    static func collapse(_ text: String, trim: Bool = true) -> String {
        var out = ""
        var space = false
        for character in text {
            if character == " " || character == "\n" || character == "\t" || character == "\r" {
                space = true
                continue
            }
            if space && (!out.isEmpty || !trim) { out.append(" ") }
            space = false
            out.append(character)
        }
        if space && !trim { out.append(" ") }
        return out
    }

    /// Escapes text for XML content and attributes (the page's own escaping: it is XML-safe).
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
