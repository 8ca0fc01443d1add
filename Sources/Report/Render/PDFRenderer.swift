import AuditModel
import Foundation

/// Turns the HTML report into PDF with headless Chromium, when it is installed.
package enum PDFRenderer {
    /// Why a PDF could not be made.
    package enum Failure: AuditError {
        case noBrowser
        case browserFailed(status: Int32, output: String)

        package func message(in language: Language) -> String {
            switch self {
            case .noBrowser: ReportText.pdfNeedsChromium.render(in: language)
            case .browserFailed(let status, let output):
                ReportText.chromiumFailed.render(["status": .value(status), "output": .text(output)], in: language)
            }
        }
    }

    /// The browsers tried, in order; `CRM_AUDIT_CHROMIUM`, when set, is the only one.
    static var candidates: [String] {
        if let explicit = ProcessInfo.processInfo.environment["CRM_AUDIT_CHROMIUM"], !explicit.isEmpty { return [explicit] }
        return ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    }

    /// The first browser found on `PATH` (or at an absolute path).
    package static func findBrowser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            if name.hasPrefix("/") {
                if FileManager.default.isExecutableFile(atPath: name) { return name }
                continue
            }
            for directory in path.split(separator: ":") {
                let full = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
            // Debian's headless shell lives outside PATH.
            let debian = "/usr/lib/chromium/\(name)"
            if ProcessInfo.processInfo.environment["CRM_AUDIT_CHROMIUM"] == nil, FileManager.default.isExecutableFile(atPath: debian) {
                return debian
            }
        }
        return nil
    }

    /// Renders `html` to a PDF at `output` (mode 0600), as `outputGuard` allows.
    package static func render(html: String, to output: String, guard outputGuard: OutputGuard = OutputGuard()) throws {
        guard let browser = findBrowser() else { throw Failure.noBrowser }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-audit-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.html").path
        let pdf = directory.appendingPathComponent("report.pdf").path
        try PrivateFile.write(html, to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        var arguments = [
            "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(directory.path)/profile",
            "--print-to-pdf=\(pdf)", "file://\(input)",
        ]
        if !browser.hasSuffix("headless-shell") { arguments.insert("--headless", at: 0) }
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: pdf), !data.isEmpty else {
            let text = String(decoding: stderr, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            throw Failure.browserFailed(status: process.terminationStatus, output: text)
        }
        try PrivateFile.write(markedAsOurs(data), to: output, guard: outputGuard)
    }

    /// `pdf` with crm-audit's generator mark (``OutputSignature``) as a comment line before its
    /// last `startxref`: after every object and cross-reference table, so that no byte offset
    /// the file records moves. Unchanged when there is no `startxref`.
    static func markedAsOurs(_ pdf: Data) -> Data {
        let keyword = Data("startxref".utf8)
        guard let found = pdf.range(of: keyword, options: .backwards) else { return pdf }
        var marked = Data(pdf[..<found.lowerBound])
        marked.append(Data("%\(OutputSignature.comment)\n".utf8))
        marked.append(pdf[found.lowerBound...])
        return marked
    }
}
