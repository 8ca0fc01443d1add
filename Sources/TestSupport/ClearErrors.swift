import AuditModel

/// What is wrong with `error` as the answer to a bad input file `file`, or nil when it is what
/// the tool promises: one of the project's typed errors (``AuditError``) whose text names the
/// file in every language, with the Russian text in Russian.
package func unclearError(_ error: any Error, file: String) -> String? {
    guard let error = error as? any AuditError else { return "an untyped error: \(type(of: error)): \(error)" }
    for language in Language.allCases where !error.rendered(in: language).contains(file) {
        return "the \(language.rawValue) text does not name \(file): \(error.rendered(in: language))"
    }
    if !error.message(in: .ru).unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) {
        return "the Russian text is not in Russian: \(error.message(in: .ru))"
    }
    return nil
}

/// What is wrong with `diagnostics` about file `file`, or nil when each points at its line in
/// that file and says what is wrong in both languages.
package func unlocatedDiagnostics(_ diagnostics: [Diagnostic], file: String) -> String? {
    for diagnostic in diagnostics {
        guard let location = diagnostic.location, location.file == file, location.line != nil else {
            return "a diagnostic without its file and line: \(diagnostic.formatted(in: .en))"
        }
        if let problem = unclearError(diagnostic, file: file) { return problem }
    }
    return nil
}
