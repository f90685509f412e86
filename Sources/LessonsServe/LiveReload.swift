/// The small script that reloads open pages after a rebuild. It is served only by `lessons serve` and added only to
/// the pages it serves (never written to the output), as a same-origin script file, so the pages' Content-Security-Policy
/// (`script-src 'self'`) allows it there and nothing changes in the published site.
enum LiveReload {
    static let scriptPath = "/_lessons/live-reload.js"
    static let versionPath = "/_lessons/version"

    /// Polls the build version once a second; a new version (a rebuild, or a failed build) reloads the page.
    static let script = """
        (function () {
          "use strict";
          var seen = null;
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (version) {
                if (seen !== null && version !== seen) { window.location.reload(); return; }
                seen = version;
                setTimeout(poll, 1000);
              })
              .catch(function () { setTimeout(poll, 2000); });
          }
          poll();
        })();

        """

    static let tag = "<script src=\"\(scriptPath)\" defer></script>"

    /// The page with the script added before `</body>` (or at the end when there is none).
    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end, with: tag + "</body>")
    }
}
