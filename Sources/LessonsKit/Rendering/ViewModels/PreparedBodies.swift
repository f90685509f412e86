import Synchronization

/// The bodies of an edition's documents as parsed once when decoded (``PreparedMarkdown``), by content path, each let go
/// once the edition has no more use for it.
///
/// A body's HTML is most of what a decoded document holds (about 2 KB each, 19 MB for 10,000 documents), and all but a
/// few are read once: by the document's own page. The render hands each page's body back with ``release(_:)`` once
/// the page is made, so the bodies do not all stay in memory until the last page of the edition. Bodies a bulletin
/// may show (its foreword, and every lesson, since a bulletin without a `lead:` leads with a lesson of its period) are
/// kept while the bulletin pages may still be rendered: when no bulletin PDF is planned, a lesson's body goes with its
/// page once the bulletin pages are made (``bulletinPagesMade()``), and every body left once the document and bulletin
/// pages are all made (``readerDone(of:)``); else they are kept to the end (the PDF stage may render them again).
///
/// Each body's plain text (``PreparedMarkdown/plainText``, about 1.4 KB a document) is kept apart until the search
/// index and feeds have read it (``plainText(of:)``, then ``plainTextsDone()``), whether or not the body itself was let
/// go: the documents keep no copy of it.
final class PreparedBodies: Sendable {
    private struct State {
        var bodies: [String: PreparedMarkdown]
        /// Each body's plain text by content path, until ``plainTextsDone()``.
        var plainTexts: [String: String]
        /// How many of the parts reading kept bodies are done.
        var readersDone = 0
        /// Whether the bulletin pages are all made and will not be rendered again.
        var bulletinPagesMade = false
        /// Content paths of the kept bodies whose own page is made, until the bulletin pages are made.
        var madePages: Set<String> = []
    }

    private let state: Mutex<State>

    /// Holds `bodies`; bulletins' and lessons' bodies are kept until ``readerDone(of:)`` lets them go.
    init(_ bodies: [String: PreparedMarkdown]) {
        state = Mutex(State(bodies: bodies, plainTexts: bodies.mapValues(\.plainText)))
    }

    /// The body of the document at content path `path`, unless it was let go.
    subscript(path: String) -> PreparedMarkdown? {
        state.withLock { $0.bodies[path] }
    }

    /// The body's text without markup (links left as written) of `document`, for the search index and feed summaries;
    /// nil once ``plainTextsDone()`` let the texts go (or for a document without a parsed body).
    func plainText(of document: Document) -> String? {
        state.withLock { $0.plainTexts[document.path] }
    }

    /// Lets go of every plain text: the edition's search index and feeds are made.
    func plainTextsDone() {
        let texts = state.withLock { state in
            defer { state.plainTexts = [:] }
            return state.plainTexts
        }
        _ = texts  // freed here, outside the lock
    }

    /// Lets go of `document`'s body: its page is made, and nothing else of the edition shows it (a lesson's body is
    /// kept until the bulletin pages are made, see ``bulletinPagesMade()``).
    func release(_ document: Document) {
        let body = state.withLock { state -> PreparedMarkdown? in
            // A bulletin leads with a lesson (named by `lead:`, or else one of its period; BulletinAssembly takes only
            // lessons): every lesson is kept while bulletin pages may be rendered.
            guard state.bulletinPagesMade || (document.type != .bulletin && document.type != .lesson) else {
                state.madePages.insert(document.path)
                return nil
            }
            return state.bodies.removeValue(forKey: document.path)
        }
        _ = body  // freed here, outside the lock
    }

    /// Notes that the bulletin pages are all made and nothing renders them again (no bulletin PDF planned): each kept
    /// body whose own page is made goes now, and each other lesson's goes with its page (``release(_:)``).
    func bulletinPagesMade() {
        let bodies = state.withLock { state -> [PreparedMarkdown] in
            state.bulletinPagesMade = true
            defer { state.madePages = [] }
            return state.madePages.compactMap { state.bodies.removeValue(forKey: $0) }
        }
        _ = bodies  // freed here, outside the lock
    }

    /// Notes that one of the `readers` parts of the render that read kept bodies (the document pages, the bulletin
    /// pages) is done; once all are, every body left is let go. Only for an edition none of whose pages is rendered
    /// again after the render (no bulletin PDF planned).
    func readerDone(of readers: Int) {
        let left: [String: PreparedMarkdown] = state.withLock { state in
            state.readersDone += 1
            guard state.readersDone == readers else { return [:] }
            defer { state.bodies = [:] }
            return state.bodies
        }
        _ = left  // freed here, outside the lock
    }
}
