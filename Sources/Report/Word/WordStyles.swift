import AuditModel

/// `word/styles.xml`: the report's typography in Word's own style names (Title, Heading 1–3,
/// List Paragraph, Caption, TOC 1), so that the consultant's edits keep the look and Word's
/// navigation and contents work.
enum WordStyles {
    static func xml(language: Language) -> String {
        let locale = language.documentTag
        let blue = "1F4E79"
        func paragraph(
            _ id: String, _ name: String, basedOn: String = "Normal", outline: Int? = nil, size: Int, bold: Bool = false,
            color: String? = nil, before: Int = 0, after: Int = 120, keepNext: Bool = false
        ) -> String {
            """
            <w:style w:type="paragraph" w:styleId="\(id)"><w:name w:val="\(name)"/><w:basedOn w:val="\(basedOn)"/>\
            <w:next w:val="Normal"/><w:qFormat/><w:pPr>\(keepNext ? "<w:keepNext/>" : "")\
            <w:spacing w:before="\(before)" w:after="\(after)"/>\(outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "")</w:pPr>\
            <w:rPr>\(bold ? "<w:b/>" : "")\(color.map { "<w:color w:val=\"\($0)\"/>" } ?? "")<w:sz w:val="\(size)"/></w:rPr></w:style>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/>\
            <w:sz w:val="21"/><w:lang w:val="\(locale)"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(paragraph("Title", "Title", size: 44, bold: true, color: blue, before: 2400, after: 240))\
            \(paragraph("Heading1", "heading 1", outline: 0, size: 34, bold: true, color: blue, before: 0, after: 200, keepNext: true))\
            \(paragraph("Heading2", "heading 2", outline: 1, size: 26, bold: true, color: blue, before: 240, after: 120, keepNext: true))\
            \(paragraph("Heading3", "heading 3", outline: 2, size: 22, bold: true, before: 200, after: 80, keepNext: true))\
            \(paragraph("ListParagraph", "List Paragraph", size: 21, after: 60))\
            \(paragraph("Label", "Label", size: 18, color: "5B6774", after: 0))\
            \(paragraph("Caption", "caption", size: 18, color: "5B6774", after: 240))\
            \(paragraph("TableText", "Table Text", size: 18, after: 0))\
            \(paragraph("TOCHeading", "TOC Heading", size: 34, bold: true, color: blue, before: 480, after: 200))\
            \(paragraph("TOC1", "toc 1", size: 21, after: 60))\
            <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr>\
            <w:tblBorders><w:top w:val="single" w:sz="4" w:color="DDE3EA"/><w:bottom w:val="single" w:sz="4" w:color="DDE3EA"/>\
            <w:insideH w:val="single" w:sz="4" w:color="DDE3EA"/></w:tblBorders>\
            <w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """
    }
}
