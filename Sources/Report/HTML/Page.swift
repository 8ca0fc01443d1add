import AuditModel

/// The shell of every page we write: one self-contained document with the report's stylesheet,
/// a content security policy that allows no script and nothing from the network, and a footer.
enum Page {
    static func document(language: Language, title: String, body: SafeHTML, footer: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        \(OutputSignature.htmlMeta)
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(HTMLEscaping.escape(title))</title>
        <style>\(Stylesheet.css)</style>
        </head>
        <body>
        <main>
        \(body.raw)
        <footer class="doc">\(HTMLEscaping.escape(footer))</footer>
        </main>
        </body>
        </html>

        """
    }
}
