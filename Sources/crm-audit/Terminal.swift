import AuditModel
import Foundation

/// The command line's only way to standard output and standard error. Every text for people
/// passes through `TerminalText.sanitised`, so that a customer's or manager's name, an answer
/// or a cell of a client's file cannot drive the terminal (retitle the window, clear the screen,
/// reorder the line). Stored data and written files keep every character.
enum Terminal {
    /// Prints `text` and a line break on standard output.
    static func print(_ text: String) {
        write(TerminalText.sanitised(text) + "\n", to: .standardOutput)
    }

    /// Prints `text` and a line break on standard error.
    static func printError(_ text: String) {
        write(TerminalText.sanitised(text) + "\n", to: .standardError)
    }

    /// Writes `text` on standard output without adding a line break.
    static func write(_ text: String) {
        write(TerminalText.sanitised(text), to: .standardOutput)
    }

    /// Prints a document a program may read (JSON, HTML, Markdown) on standard output:
    /// sanitised on a terminal, byte for byte into a file or a pipe. (JSON escapes every C0
    /// control, `ESC` included, by itself.)
    static func printDocument(_ text: String) {
        let shown = isatty(STDOUT_FILENO) == 1 ? TerminalText.sanitised(text) : text
        write(shown.hasSuffix("\n") ? shown : shown + "\n", to: .standardOutput)
    }

    /// Writes text the caller has already sanitised and coloured itself (the interview, which
    /// adds its own colour codes around sanitised text).
    static func writeStyled(_ text: String) {
        write(text, to: .standardOutput)
    }

    /// Makes Ctrl-C print `message` (sanitised) on standard error and exit with 130.
    static func installInterruptNotice(_ message: String) { InterruptNotice.install(message) }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}

/// What Ctrl-C prints during the interview: where the answers are and how to go on. The text is
/// prepared before the handler is installed; the handler only writes it (write(2) is
/// async-signal-safe) and exits with the conventional status 130.
private enum InterruptNotice {
    nonisolated(unsafe) private static var text: UnsafeMutableBufferPointer<UInt8>?

    static func install(_ message: String) {
        let bytes = Array(("\n" + TerminalText.sanitised(message) + "\n").utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        text = buffer
        // A parent that started us with SIGINT blocked (some launchers do) would leave Ctrl-C pending forever.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            if let text = InterruptNotice.text { _ = write(STDERR_FILENO, text.baseAddress, text.count) }
            _exit(130)
        }
    }
}
