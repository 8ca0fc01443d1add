import AuditModel
import CLibXML2
import Foundation

/// A hardened pull reader over libxml2's `xmlTextReader`: it never resolves entities, never
/// loads a DTD, never touches the network, and refuses documents that declare a DOCTYPE or
/// use entity references (the external-entity and entity-expansion attacks).
final class XMLStream {
    /// XML_READER_TYPE_* values used here.
    enum Kind: Int32 {
        case element = 1, attribute = 2, text = 3, cdata = 4, entityReference = 5, entity = 6
        case processingInstruction = 7, comment = 8, document = 9, documentType = 10
        case documentFragment = 11, notation = 12, whitespace = 13, significantWhitespace = 14
        case endElement = 15, endEntity = 16, xmlDeclaration = 17
    }

    /// No entity substitution (no XML_PARSE_NOENT), no DTD loading or validation, no network,
    /// no messages on stderr; libxml2's own amplification limits stay on (no XML_PARSE_HUGE).
    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOBLANKS.rawValue
            | XML_PARSE_BIG_LINES.rawValue)

    private let reader: xmlTextReaderPtr
    /// Where a workbook part's bytes come from (nil for a file read by libxml2 itself).
    private let pipe: ZIPEntryPipe?
    let file: String

    /// Streams the file at `path` (its bytes are read as parsing goes, never all at once).
    /// `checkProlog` false skips the byte scan for `<!DOCTYPE` (tests use it to check that the
    /// reader's own refusal holds as a second line of defence).
    init(path: String, checkProlog: Bool = true) throws {
        file = path
        if checkProlog { try XMLStream.refuseDoctype(prefix: XMLStream.decodedPrefix(XMLStream.readPrefix(path)), file: path) }
        guard let reader = xmlReaderForFile(path, nil, XMLStream.options) else {
            throw ImportError.malformed(SourceLocation(file: path), ImportText.cannotOpenTheXml.text())
        }
        self.reader = reader
        pipe = nil
    }

    /// Streams the bytes of a workbook's part as `pipe` unpacks them (never the whole part at
    /// once); `file` names it in messages. A failure to unpack is reported as the pipe's error.
    init(pipe: ZIPEntryPipe, file: String) throws {
        self.file = file
        do {
            try XMLStream.refuseDoctype(prefix: XMLStream.decodedPrefix(pipe.peek(65_536)), file: file)
        } catch {
            pipe.cancel()
            throw error
        }
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let pipe = Unmanaged<ZIPEntryPipe>.fromOpaque(context).takeUnretainedValue()
            return Int32(pipe.read(into: buffer, count: Int(length)))
        }
        let close: xmlInputCloseCallback = { _ in 0 }
        // The pipe outlives the reader: this stream holds it until after xmlFreeTextReader.
        guard let created = xmlReaderForIO(read, close, Unmanaged.passUnretained(pipe).toOpaque(), nil, nil, XMLStream.options) else {
            pipe.cancel()
            throw pipe.error
                ?? ImportError.malformed(
                    SourceLocation(file: file), ImportText.cannotParseTheXml.text())
        }
        reader = created
        self.pipe = pipe
    }

    deinit {
        xmlFreeTextReader(reader)
        pipe?.cancel()
    }

    /// Advances to the next node; false at the end of the document.
    func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            switch kind {
            case .documentType, .entityReference, .entity:
                throw unsafe(line: nodeLine)
            default:
                return true
            }
        }
        if status == 0 { return false }
        throw lastError()
    }

    var kind: Kind? { Kind(rawValue: xmlTextReaderNodeType(reader)) }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    /// How far the parser has read (it reads ahead of the current node).
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The line of the current node's start tag.
    var nodeLine: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return line }
        let number = Int(xmlGetLineNo(node))
        return number > 0 ? number : line
    }

    /// The local name of the current node (no namespace prefix).
    var localName: String {
        guard let pointer = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: pointer)
    }

    var value: String {
        guard let pointer = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: pointer)
    }

    /// The current node's value as UTF-8 bytes, valid only inside `body` (no `String` made).
    func withValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let pointer = xmlTextReaderConstValue(reader) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let length = UnsafeRawPointer(pointer).withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
        return try body(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// The local name of the current node as a NUL-terminated C string, valid only inside
    /// `body` (no `String` made; an empty string when there is none).
    func withLocalName<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        guard let pointer = xmlTextReaderConstLocalName(reader) else {
            return try withUnsafePointer(to: UInt8(0)) { try body($0) }
        }
        return try body(pointer)
    }

    /// Calls `body` with the local name and the value of each attribute of the current element
    /// as UTF-8 bytes, valid only inside the call (no `String` made), then returns to the element.
    func forEachAttribute(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        defer { xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard let name = xmlTextReaderConstLocalName(reader) else { continue }
            let value = xmlTextReaderConstValue(reader)
            try body(
                UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))),
                UnsafeBufferPointer(
                    start: value, count: value.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0))
        }
    }

    /// The current element's attributes, by local name.
    func attributes() -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = localName
            if name == "xmlns" || String(cString: xmlTextReaderConstName(reader)).hasPrefix("xmlns:") { continue }
            result.append((name, value))
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    func attribute(_ name: String) -> String? {
        guard let pointer = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { free(pointer) }  // libxml2's default xmlFree is free(3)
        return String(cString: pointer)
    }

    private func unsafe(line: Int) -> ImportError {
        .unsafeXML(
            SourceLocation(file: file, line: line),
            ImportText.theXmlDeclaresADoctypeOr.text())
    }

    private func lastError() -> ImportError {
        if let failure = pipe?.error { return failure }
        if let error = xmlGetLastError() {
            let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
            let line = Int(error.pointee.line)
            let lowered = message.lowercased()
            if lowered.contains("entity") || lowered.contains("amplification") || lowered.contains("doctype") {
                return unsafe(line: line)
            }
            return .malformed(
                SourceLocation(file: file, line: line > 0 ? line : nil, column: error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil),
                ImportText.malformedXml.text(["message": .value(message)]))
        }
        return .malformed(SourceLocation(file: file, line: line), ImportText.malformedXml2.text())
    }

    private static func readPrefix(_ path: String) throws -> [UInt8] {
        var input = try FileInput(path: path, chunkSize: 65_536)
        var bytes: [UInt8] = []
        _ = try input.readChunk { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The start of a document as UTF-8: a UTF-16 document (with a byte-order mark, or starting
    /// `<` as UTF-16 does) is transcoded, so that the scan for `<!DOCTYPE` sees its characters.
    static func decodedPrefix(_ bytes: [UInt8]) -> [UInt8] {
        guard let encoding = XMLStream.utf16Encoding(of: bytes) else { return bytes }
        var transcoder = Transcoder(encoding)
        var text: [UInt8] = []
        bytes.withUnsafeBufferPointer { transcoder.transcode($0, into: &text) }
        return text
    }

    /// UTF-16LE or BE when `bytes` start with its byte-order mark or with `<` in it (the XML
    /// specification's appendix F); nil otherwise.
    static func utf16Encoding(of bytes: [UInt8]) -> TextEncoding? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE), (0x3C, 0x00): return .utf16LE
        case (0xFE, 0xFF), (0x00, 0x3C): return .utf16BE
        default: return nil
        }
    }

    /// Refuses a document whose prolog holds `<!DOCTYPE` or `<!ENTITY`, before libxml2 parses
    /// (and could start expanding) anything.
    private static func refuseDoctype(prefix: some Collection<UInt8>, file: String) throws {
        let bytes = Array(prefix)
        let patterns: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        var index = 0
        var line = 1
        while index < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == 0x3C {
                for pattern in patterns where index + pattern.count <= bytes.count {
                    var match = true
                    for offset in 0..<pattern.count {
                        let byte = bytes[index + offset]
                        let upper = byte >= 0x61 && byte <= 0x7A ? byte - 32 : byte
                        if upper != pattern[offset] {
                            match = false
                            break
                        }
                    }
                    if match {
                        throw ImportError.unsafeXML(
                            SourceLocation(file: file, line: line),
                            ImportText.theXmlDeclaresADoctypeOr.text())
                    }
                }
            }
            index += 1
        }
    }
}
