import Synchronization

/// The bodies of an edition's documents as parsed once when decoded (``PreparedMarkdown``), by content path, each let go
/// once the edition has no more use for it.
///
/// A body's HTML is most of what a decoded document holds (about 2 KB each, 19 MB for 10,000 documents), and all but a
/// few are read once: by the document's own page. The render hands each page's body back with ``release(_:)`` once
/// the page is made, so the bodies do not all stay in memory until the last page of the edition. Bodies a bulletin
/// may show (its foreword, and every lesson, since a bulletin without a `lead:` leads with a lesson of its period) are
/// kept: the bulletin pages render alongside and may be rendered again after the PDFs.
final class PreparedBodies: Sendable {
    private let bodies: Mutex<[String: PreparedMarkdown]>

    /// Holds `bodies`; bulletins' and lessons' bodies are kept to the end.
    init(_ bodies: [String: PreparedMarkdown]) {
        self.bodies = Mutex(bodies)
    }

    /// The body of the document at content path `path`, unless it was let go.
    subscript(path: String) -> PreparedMarkdown? {
        bodies.withLock { $0[path] }
    }

    /// Lets go of `document`'s body: its page is made, and nothing else of the edition shows it.
    func release(_ document: Document) {
        // A bulletin leads with a lesson (named by `lead:`, or else one of its period; BulletinAssembly takes only
        // lessons): every lesson is kept.
        guard document.type != .bulletin, document.type != .lesson else { return }
        _ = bodies.withLock { $0.removeValue(forKey: document.path) }  // freed once the lock is let go
    }
}
