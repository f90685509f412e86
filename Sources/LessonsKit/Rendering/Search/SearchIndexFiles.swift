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
        for file in files(folder: folder, portable: portable) { body(file.make()) }
    }

    /// Hands on every file as ``forEachFile(folder:portable:_:)`` does, in the same order, making them `batch` at a time
    /// on up to `jobs` threads: at the end of a rebuild the index files are the longest step left.
    func forEachFile(folder: String, portable: Bool, jobs: Int?, batch: Int = 64, _ body: (OutputFile) -> Void) async {
        let files = files(folder: folder, portable: portable)
        for start in stride(from: 0, to: files.count, by: max(1, batch)) {
            let made = await parallelMap(Array(files[start..<min(start + max(1, batch), files.count)]), jobs: jobs) {
                $0.make()
            }
            for file in made { body(file) }
        }
    }

    /// One index file, made when asked.
    struct File: Sendable {
        let make: @Sendable () -> OutputFile
    }

    /// Every file of the index, in order, each made only when asked.
    func files(folder: String, portable: Bool) -> [File] {
        let index = index
        let chunkSize = chunkSize
        var files: [File] = []
        func add(_ name: String, capacity: Int = 256, _ write: @escaping @Sendable (inout [UInt8]) -> Void) {
            files.append(
                File {
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(capacity)
                    if portable {
                        bytes.append(contentsOf: "lessonsSearchData(".utf8)
                        JSONText.append(name, to: &bytes)
                        bytes.append(UInt8(ascii: ","))
                    }
                    write(&bytes)
                    bytes.append(contentsOf: (portable ? ");\n" : "\n").utf8)
                    return OutputFile(path: folder + name + (portable ? ".js" : ".json"), contents: .bytes(bytes))
                })
        }
        let shards = shards()
        for (number, shard) in shards.enumerated() {
            let size = shard.terms.reduce(64) { $0 + estimatedSize(of: $1) }
            let terms = shard.terms
            add("t\(number)", capacity: size) { bytes in
                bytes.append(UInt8(ascii: "{"))
                for (position, term) in terms.enumerated() {
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
            add("f\(number)") { bytes in
                var previous = -1
                let gaps = (index.facets[key] ?? []).map { document -> Int in
                    defer { previous = document }
                    return document - previous - 1
                }
                JSONText.append(gaps, to: &bytes)
            }
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
        let text = "{" + meta.joined(separator: ",\n") + "}"
        add("meta") { $0.append(contentsOf: text.utf8) }
        return files
    }
}
