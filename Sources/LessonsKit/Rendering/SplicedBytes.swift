import Crypto
import Foundation

/// A page's bytes as the splice leaves them: runs of the page's own text with the HTML of the fragments (cards, rows)
/// written in their places between them, in order (``PartialFragments/Render/splice(into:)``).
///
/// The writer writes the runs one after another and page reuse hashes them the same way, so a page made of thousands
/// of fragments (the actions dashboard's rows, a long list's cards) is never copied into one buffer beside the
/// fragments it is made of.
struct SplicedBytes: Sendable {
    /// One run of the page's bytes.
    enum Run: Sendable {
        /// A range of ``text``.
        case text(Range<Int>)
        /// A fragment's HTML.
        case html(String)
    }

    /// The page's own text as the template wrote it (its UTF-8 bytes), with the places left for the fragments, which
    /// the runs leave out.
    let text: [UInt8]
    /// The page's runs, in order.
    let runs: [Run]
    /// How many bytes the page has.
    let count: Int

    /// The runs of `text` and `runs`, in order.
    init(text: [UInt8], runs: [Run]) {
        self.text = text
        self.runs = runs
        count = runs.reduce(0) { total, run in
            switch run {
            case .text(let range): total + range.count
            case .html(let html): total + html.utf8.count
            }
        }
    }

    /// Calls `body` with each non-empty run's bytes, in order, until it returns false; returns whether every call
    /// returned true.
    @discardableResult
    func forEachRun(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        for run in runs {
            let going: Bool
            switch run {
            case .text(let range):
                guard !range.isEmpty else { continue }
                going = text.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
            case .html(var html):
                guard !html.isEmpty else { continue }
                going = html.withUTF8 { body(UnsafeRawBufferPointer($0)) }
            }
            guard going else { return false }
        }
        return true
    }

    /// The page's bytes in one buffer (for the few readers of a page's bytes: print forms, tests).
    var joined: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        forEachRun {
            bytes += $0
            return true
        }
        return bytes
    }

    /// The SHA-256 of the page's bytes.
    var digest: Digest32 {
        var hasher = SHA256()
        forEachRun {
            hasher.update(bufferPointer: $0)
            return true
        }
        return Digest32(hasher.finalize())
    }

    /// Whether the page's bytes are `bytes`.
    func holds(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == count else { return false }
        var offset = 0
        return bytes.withUnsafeBytes { all in
            forEachRun { run in
                defer { offset += run.count }
                guard let base = all.baseAddress, let start = run.baseAddress else { return false }
                return memcmp(base + offset, start, run.count) == 0
            }
        }
    }
}
