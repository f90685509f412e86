import Foundation

/// Writes a ``SearchIndex`` as small files so that a query downloads only what it needs.
///
/// - `meta`: document count, chunk size, the shard keys, stop words, type names and each filter's file.
/// - `t<N>`: one shard of terms (all terms whose longest listed key is shard N's), each with its postings as
///   `[gap, score, gap, score, …]` (document numbers delta-encoded).
/// - `d<N>`: `chunkSize` documents: `[title, folder, type number, date text, summary]`.
/// - `f<N>`: one filter's document numbers, delta-encoded.
///
/// Normally these are JSON files fetched by `search.js`; in portable mode they are scripts calling
/// `lessonsSearchData(name, data)`, since browsers refuse `fetch` on `file://` but still run `<script src>`.
struct SearchIndexFiles: Sendable {
    let index: SearchIndex
    /// Documents per `d<N>` file.
    var chunkSize = 20
    /// A shard is split by the next letter while its JSON is larger than this (single long terms excepted).
    var shardBytes = 16_000

    init(index: SearchIndex) {
        self.index = index
    }

    /// Shard keys in order and the terms of each.
    func shards() -> [(key: String, terms: [String])] {
        var result: [(String, [String])] = []
        func split(_ key: String, _ terms: [String]) {
            let size = terms.reduce(0) { $0 + estimatedSize(of: $1) }
            let longer = terms.filter { $0.count > key.count }
            guard size > shardBytes, !longer.isEmpty, key.count < 8 else {
                result.append((key, terms))
                return
            }
            let here = terms.filter { $0.count == key.count }
            if !here.isEmpty { result.append((key, here)) }
            var groups: [String: [String]] = [:]
            for term in longer { groups[key + String(Array(term)[key.count]), default: []].append(term) }
            for child in groups.keys.sorted() { split(child, groups[child] ?? []) }
        }
        var first: [String: [String]] = [:]
        for term in index.postings.keys.sorted() { first[String(term.prefix(1)), default: []].append(term) }
        for key in first.keys.sorted() { split(key, first[key] ?? []) }
        return result
    }

    private func estimatedSize(of term: String) -> Int {
        term.utf8.count + 6 + (index.postings[term]?.count ?? 0) * 5
    }

    /// Hands on every file of the index under `folder` (e.g. `search/`), JSON or, when `portable`, scripts, each as soon
    /// as it is made (a 10,000-document index is about 6 MB of files, so they are not all held at once). Each file's
    /// bytes are written straight into one buffer: an index has millions of numbers, too many for a string each.
    func forEachFile(folder: String, portable: Bool, _ body: (OutputFile) -> Void) {
        func add(_ name: String, capacity: Int = 256, _ write: (inout [UInt8]) -> Void) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(capacity)
            if portable {
                bytes.append(contentsOf: "lessonsSearchData(".utf8)
                JSONText.append(name, to: &bytes)
                bytes.append(UInt8(ascii: ","))
            }
            write(&bytes)
            bytes.append(contentsOf: (portable ? ");\n" : "\n").utf8)
            body(OutputFile(path: folder + name + (portable ? ".js" : ".json"), contents: .bytes(bytes)))
        }
        let shards = shards()
        for (number, shard) in shards.enumerated() {
            let size = shard.terms.reduce(64) { $0 + estimatedSize(of: $1) }
            add("t\(number)", capacity: size) { bytes in
                bytes.append(UInt8(ascii: "{"))
                for (position, term) in shard.terms.enumerated() {
                    if position > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONText.append(term, to: &bytes)
                    bytes.append(contentsOf: ":[".utf8)
                    var previous = -1
                    for posting in index.postings[term] ?? [] {
                        if previous >= 0 { bytes.append(UInt8(ascii: ",")) }
                        JSONText.append(posting.document - previous - 1, to: &bytes)
                        bytes.append(UInt8(ascii: ","))
                        JSONText.append(posting.score, to: &bytes)
                        previous = posting.document
                    }
                    bytes.append(UInt8(ascii: "]"))
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }
        for (number, start) in stride(from: 0, to: index.entries.count, by: chunkSize).enumerated() {
            add("d\(number)", capacity: 8192) { bytes in
                bytes.append(UInt8(ascii: "["))
                for document in start..<min(start + chunkSize, index.entries.count) {
                    let entry = index.entries[document]
                    if document > start { bytes.append(contentsOf: ",\n".utf8) }
                    bytes.append(UInt8(ascii: "["))
                    JSONText.append(entry.title, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                    JSONText.append(entry.folder, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                    JSONText.append(entry.type.order, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                    JSONText.append(entry.dateText, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                    JSONText.append(entry.summary, to: &bytes)
                    bytes.append(UInt8(ascii: "]"))
                }
                bytes.append(UInt8(ascii: "]"))
            }
        }
        let facetKeys = index.facets.keys.sorted()
        for (number, key) in facetKeys.enumerated() {
            var previous = -1
            let gaps = (index.facets[key] ?? []).map { document -> Int in
                defer { previous = document }
                return document - previous - 1
            }
            add("f\(number)") { JSONText.append(gaps, to: &$0) }
        }
        let facetMap = facetKeys.enumerated().map { number, key in
            JSONText.string(key) + ":[" + String(number) + "," + String(index.facets[key]?.count ?? 0) + "]"
        }
        let meta = [
            "\"version\":1",
            "\"documents\":\(index.entries.count)",
            "\"chunk\":\(chunkSize)",
            "\"keys\":[" + shards.map { JSONText.string($0.key) }.joined(separator: ",") + "]",
            "\"stop\":[" + SearchText.stopWords.sorted().map(JSONText.string).joined(separator: ",") + "]",
            "\"inflections\":[" + SearchIndex.inflections.map(JSONText.string).joined(separator: ",") + "]",
            "\"types\":[" + DocumentType.allCases.map { JSONText.string($0.displayName) }.joined(separator: ",") + "]",
            "\"facets\":{" + facetMap.joined(separator: ",") + "}",
        ]
        add("meta") { $0.append(contentsOf: ("{" + meta.joined(separator: ",\n") + "}").utf8) }
    }
}
