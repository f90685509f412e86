import Foundation

/// Printing a page with a running ``DevToolsBrowser`` exactly as `chromium --headless --print-to-pdf` prints it, so the
/// PDF's bytes are the same: Chromium's own command handler opens `about:blank` in a new target, enables page and
/// lifecycle events, navigates to the page, waits for the main frame's `load` and calls `Page.printToPDF` with these
/// parameters (`--no-pdf-header-footer` is `displayHeaderFooter: false`; tagging stays on).
extension DevToolsBrowser {
    /// The `Page.printToPDF` parameters of `--print-to-pdf --no-pdf-header-footer`.
    static var printParameters: [String: Any] {
        ["displayHeaderFooter": false, "generateTaggedPDF": true, "printBackground": true, "preferCSSPageSize": true]
    }

    /// The arguments of a browser kept up for printing, with `profile` as its user-data folder. The same as a single
    /// print's, less `--no-pdf-header-footer` (with a pipe, Chromium then loses the page's renderer) and `--print-to-pdf`.
    static func arguments(profile: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=\(profile)", "--remote-debugging-pipe",
        ]
    }

    /// Starts a browser for printing and waits up to `seconds` for its first answer; nil when it does not start or
    /// answer (not a Chromium that speaks the protocol on a pipe), after stopping it.
    static func start(_ chromium: Chromium, profile: String, seconds: Int) async -> DevToolsBrowser? {
        guard
            let browser = launch(
                executable: chromium.executable, arguments: arguments(profile: profile), log: profile + ".log")
        else { return nil }
        do {
            _ = try await withTimeout(
                seconds: Double(seconds), onTimeout: { browser.abandon(tag: 0) },
                operation: { try await browser.call("Browser.getVersion", tag: 0) })
            return browser
        } catch {
            await browser.stop()
            return nil
        }
    }

    /// The PDF of the HTML file at `page` (an absolute path), printed in a new target closed afterwards; `tag` is unique
    /// among the prints running at once. Throws ``Failure/abandoned`` when it takes longer than `seconds`.
    func printPDF(page: String, tag: Int, seconds: Int) async throws -> [UInt8] {
        let url = URL(fileURLWithPath: page).absoluteString
        let target = TargetBox()
        defer {
            if let id = target.id {
                Task { _ = try? await self.call("Target.closeTarget", ["targetId": id], tag: -2) }
            }
        }
        return try await withTimeout(
            seconds: Double(seconds), onTimeout: { self.abandon(tag: tag) },
            operation: {
                let created = try await self.call("Target.createTarget", ["url": "about:blank"], tag: tag)
                guard let targetID = created.result["targetId"] as? String else { throw Failure.refused("no target") }
                target.id = targetID
                let attached = try await self.call(
                    "Target.attachToTarget", ["targetId": targetID, "flatten": true], tag: tag)
                guard let session = attached.result["sessionId"] as? String else { throw Failure.refused("no session") }
                defer { self.forget(session: session) }
                _ = try await self.call("Page.enable", session: session, tag: tag)
                _ = try await self.call("Page.setLifecycleEventsEnabled", ["enabled": true], session: session, tag: tag)
                let navigated = try await self.call("Page.navigate", ["url": url], session: session, tag: tag)
                guard let frame = navigated.result["frameId"] as? String else { throw Failure.refused("no frame") }
                if let error = navigated.result["errorText"] as? String { throw Failure.refused(error) }
                try await self.waitForLoad(session: session, frame: frame, after: navigated.eventMark, tag: tag)
                let printed = try await self.call("Page.printToPDF", Self.printParameters, session: session, tag: tag)
                guard let text = printed.result["data"] as? String, let data = Data(base64Encoded: text), !data.isEmpty
                else { throw Failure.refused("no PDF data") }
                return [UInt8](data)
            })
    }
}

/// The target a print opened, so that it is closed however the print ends.
private final class TargetBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    var id: String? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
