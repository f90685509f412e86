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
    /// Lower-cased ids of the documents whose bodies are never let go.
    private let kept: Set<String>

    /// Holds `bodies`; the bodies of the bulletins of `documents` and of the lessons they lead are kept to the end.
    init(_ bodies: [String: PreparedMarkdown], documents: [Document] = []) {
        self.bodies = Mutex(bodies)
        var kept: Set<String> = []
        for document in documents {
            guard case .bulletin(let details) = document.details else { continue }
            kept.insert(document.slug)
            if let lead = details.lead { kept.insert(lead.value.lowercased()) }
        }
        self.kept = kept
    }

    /// The body of the document at content path `path`, unless it was let go.
    subscript(path: String) -> PreparedMarkdown? {
        bodies.withLock { $0[path] }
    }

    /// Lets go of `document`'s body: its page is made, and nothing else of the edition shows it.
    func release(_ document: Document) {
        // A bulletin without a `lead:` leads with a lesson of its period (BulletinAssembly): every lesson is kept.
        guard document.type != .bulletin, document.type != .lesson, !kept.contains(document.slug) else { return }
        _ = bodies.withLock { $0.removeValue(forKey: document.path) }  // freed once the lock is let go
    }
}
