import AuditModel
import Foundation

/// Stops the run with `message` on standard error: libFuzzer saves the input as a crash.
///
/// Used for what is not a trap but still a bug a fuzz input showed: an error that is not one
/// of the project's typed errors, or a message that does not say which file is wrong.
public func finding(_ message: String) -> Never {
    FileHandle.standardError.write(Data("FUZZ FINDING: \(message)\n".utf8))
    abort()
}

/// Checks that `error` is one of the project's typed errors (``AuditError``) and that its text
/// names `file` (or one of `others`: an import's mapping file) in every language.
public func requireClearError(_ error: any Error, naming file: String, or others: [String] = []) {
    guard let error = error as? any AuditError else {
        finding("an untyped error escaped: \(type(of: error)): \(error)")
    }
    for language in Language.allCases {
        let text = error.rendered(in: language)
        guard ([file] + others).contains(where: text.contains) else {
            finding("the \(language.rawValue) message does not name \(file): \(text)")
        }
    }
}

/// Checks that every diagnostic points into `file`.
public func requireLocated(_ diagnostics: [Diagnostic], in file: String) {
    for diagnostic in diagnostics where diagnostic.location?.file != file {
        finding("a diagnostic without its file: \(diagnostic.formatted(in: .en))")
    }
}
