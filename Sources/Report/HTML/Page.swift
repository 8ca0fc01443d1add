import AuditModel

/// The shell of every page we write: one self-contained document with the report's stylesheet,
/// a content security policy that allows no script and nothing from the network, and a footer.
enum Page {
    /// - Parameter runningHeader: printed at the top of every page but the first (the client and
    ///   the date, so that a loose page of the PDF still says whose audit it belongs to).
    static func document(language: Language, title: String, body: SafeHTML, footer: String, runningHeader: String? = nil) -> String {
        let header =
            runningHeader.map { text in
                "<style>@page { @top-left { content: \(cssString(text)); font: 9pt \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; color: #778; } } @page :first { @top-left { content: none; } }</style>\n"
            } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            \(OutputSignature.htmlMeta)
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>\(Stylesheet.css)</style>
            \(header)</head>
            <body>
            <main>
            \(body.raw)
            <footer class="doc">\(HTMLEscaping.escape(footer))</footer>
            </main>
            </body>
            </html>

            """
    }

    /// `text` as a CSS string literal: quotes, backslashes, angle brackets and line breaks as
    /// escapes, so that a client's name can neither end the string nor the `<style>` element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">": out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
