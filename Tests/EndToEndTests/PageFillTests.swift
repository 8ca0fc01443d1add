import Foundation
import TestSupport
import Testing

/// No page of the printed report is near-empty: each page but the last is filled at least to a
/// third of its height (a part that began on a new page left the page before it nearly blank).
/// Runs where headless Chromium and poppler's `pdftoppm` are installed.
@Suite(.serialized) struct PageFillTests {
    static var hasTools: Bool {
        ReportCommandTests.hasBrowser && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")
    }

    /// How far down each page of `pdf` its content reaches (0–1), between the running header
    /// and the footer: pages rendered to grey-scale PGM at 20 dpi.
    static func contentDepths(_ pdf: String, in directory: TemporaryDirectory) throws -> [Double] {
        let prefix = directory.file("page")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        process.arguments = ["-gray", "-r", "20", pdf, prefix]
        try process.run()
        process.waitUntilExit()
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasPrefix("page") && $0.hasSuffix(".pgm")
        }.sorted()
        return try pages.map { name in try depth(ofPGM: [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.file(name))))) }
    }

    /// A binary PGM (`P5 width height 255`, then one byte a pixel): the lowest row between 7 %
    /// and 93 % of the height holding a pixel darker than light grey, as a share of the height.
    static func depth(ofPGM bytes: [UInt8]) throws -> Double {
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        let (width, height) = (fields[0], fields[1])
        try #require(bytes.count >= index + width * height)
        var lowest = 0
        for row in Int(Double(height) * 0.07)..<Int(Double(height) * 0.93) {
            let start = index + row * width
            if bytes[start..<start + width].contains(where: { $0 < 200 }) { lowest = row }
        }
        return Double(lowest) / Double(height)
    }

    @Test(.enabled(if: CLI.isBuilt && hasTools), arguments: ["ru", "en"])
    func noPageButTheLastIsNearlyEmpty(language: String) throws {
        let directory = TemporaryDirectory("crm-audit-pages-\(language)")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let pdf = directory.file("report.pdf")
        let run = try CLI.run(["report", directory.file("technosnab.crmaudit"), "--out", pdf, "--lang", language])
        #expect(run.status == 0, "\(run.stderr)")
        let depths = try Self.contentDepths(pdf, in: directory)
        #expect(depths.count > 10)
        for (page, depth) in depths.dropLast().enumerated() {
            #expect(depth >= 0.33, "\(language): page \(page + 1) of \(depths.count) is filled to \(Int(depth * 100)) % of its height")
        }
    }
}
