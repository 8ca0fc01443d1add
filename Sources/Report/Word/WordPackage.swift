import AuditModel
import Foundation

/// The Word copy of the report (`.docx`): the page the PDF is printed from, as a document the
/// consultant edits before sending — Word's own heading, list, table and caption styles, a table
/// of contents that Word refreshes on opening, the charts as pictures.
package enum WordReport {
    /// The `.docx` bytes of `html` (``ReportRenderer/html(_:options:)``).
    package static func document(html: String, language: Language) throws -> Data {
        let page = HTMLTree.parse(html)
        let title = WordDocument.collapse(page.first("title")?.textContent ?? "")
        let contents = HTMLReport.contentsTitle[language]
        let document = WordDocument(page: page, contentsTitle: contents)
        var parts: [(String, String)] = [
            // First and stored: the generator mark sits in the file's first bytes, where
            // ``OutputSignature`` looks for it before replacing the file.
            ("docProps/app.xml", app),
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", core(title: title, language: language)),
            ("word/document.xml", document.xml),
            ("word/styles.xml", WordStyles.xml(language: language)),
            ("word/settings.xml", settings),
            ("word/_rels/document.xml.rels", documentRelationships(document.pictures)),
        ]
        parts += document.pictures.map { ("word/media/\($0.file)", $0.svg) }
        return try OfficePackage.zip(parts.map { (path: $0.0, text: $0.1) }, storeFirst: true)
    }

    static let app = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- \(OutputSignature.comment) -->
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>crm-audit</Application></Properties>
        """

    static func core(title: String, language: Language) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(WordDocument.escape(title))</dc:title>\
        <dc:creator>crm-audit</dc:creator><dc:language>\(language.rawValue)</dc:language></cp:coreProperties>
        """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="svg" ContentType="image/svg+xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    /// Word refreshes the table of contents (and its page numbers) when the file is opened.
    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/>\
        <w:defaultTabStop w:val="708"/></w:settings>
        """

    static func documentRelationships(_ pictures: [WordDocument.Picture]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
            """
        for picture in pictures {
            xml +=
                "<Relationship Id=\"\(picture.relationship)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\(picture.file)\"/>"
        }
        return xml + "</Relationships>"
    }
}
