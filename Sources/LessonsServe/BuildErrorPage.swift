import LessonsKit

/// The page shown instead of the site while the last build failed: every located problem, with its hint, so the editor
/// sees what to fix without looking at the terminal. It reloads by itself once the problems are fixed.
enum BuildErrorPage {
    static func html(_ report: BuildReport, requestedPath: String) -> String {
        let errors = report.diagnostics.filter { $0.severity == .error }
        var items = ""
        for diagnostic in errors {
            items += "<li><p><code>\(escape(diagnostic.location.description))</code>: \(escape(diagnostic.message))"
            items += " <span class=\"code\">(\(escape(diagnostic.code.rawValue)))</span></p>"
            if let hint = diagnostic.hint { items += "<p class=\"hint\">Hint: \(escape(hint))</p>" }
            items += "</li>\n"
        }
        if let failure = report.failure { items += "<li><p>\(escape(failure))</p></li>\n" }
        let count = errors.count + (report.failure == nil ? 0 : 1)
        let lastGood = requestedPath + (requestedPath.contains("?") ? "&" : "?") + PreviewFiles.lastGoodQuery
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(PageFrame.contentSecurityPolicy)">
            <title>The site could not be built — lessons serve</title>
            <link rel="stylesheet" href="\(errorStylePath)">
            </head>
            <body>
            <main>
            <h1>The site could not be built</h1>
            <p>\(count == 1 ? "1 problem stops" : "\(count) problems stop") the build. Fix \(count == 1 ? "it" : "them") and save: this page reloads by itself.
            The last good build is still being served: <a href="\(escape(lastGood))">see the last good version of this page</a>.</p>
            <ol>
            \(items)</ol>
            <p>Every problem is explained with its fix in <code>docs/diagnostics.md</code>.</p>
            </main>
            \(LiveReload.tag)
            </body>
            </html>

            """
    }

    static let errorStylePath = "/_lessons/error.css"

    /// Shown until the first build has finished.
    static let building = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>Building the site — lessons serve</title>
        <link rel="stylesheet" href="\(errorStylePath)">
        </head>
        <body><main><h1>Building the site…</h1><p>This page reloads by itself when the build has finished.</p></main>
        \(LiveReload.tag)
        </body>
        </html>

        """

    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; padding: 1.5rem; color: #212b32; background: #fff; line-height: 1.5; }
        main { max-width: 60rem; margin: 0 auto; }
        h1 { color: #d5281b; }
        li { margin-bottom: 1rem; }
        li p { margin: 0; }
        code { font-family: ui-monospace, monospace; background: #f0f4f5; padding: 0 0.2em; word-break: break-all; }
        .code { color: #4c6272; }
        .hint { color: #4c6272; margin-left: 1.5rem; }
        a { color: #005eb8; }
        a:focus { outline: 3px solid #ffeb3b; background: #ffeb3b; color: #212b32; }

        """

    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
