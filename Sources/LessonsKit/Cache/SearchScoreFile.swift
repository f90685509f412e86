import Foundation

/// The search index's scored terms of one edition's last build (``SearchScoreTable``), stored in the cache as
/// `derived/search-<edition>.bin`: a binary file of its own, versioned, tied to the tool and checksummed.
///
/// Layout: the magic `LSSC`, the format number, the tool's identity (version and executable), the term count and each
/// term, the entry count and per entry its key (32 bytes), its pair count and its pairs (four bytes each), and last
/// the checksum of everything before it (``CacheChecksum``). Numbers are eight-byte little-endian; texts are a count and UTF-8 bytes. A
/// file of another format or tool, truncated, corrupt or half-written reads as an empty table: every entry is then
/// scored again.
enum SearchScoreFile {
    /// Bumped whenever the layout or the meaning of a score changes.
    static let format = 1
    private static let magic = Array("LSSC".utf8)

    /// The bytes of the file for `table`, written by `tool` (for tests; a build streams them with
    /// ``write(_:tool:to:)``).
    static func encoded(_ table: SearchScoreTable, tool: String) -> [UInt8] {
        ChecksummedStream.collected { write(table, tool: tool, to: &$0) }
    }

    /// Writes the file for `table`, written by `tool`, to `stream` an entry at a time.
    static func write(_ table: SearchScoreTable, tool: String, to stream: inout ChecksummedStream) {
        stream.buffer += magic
        TemplateValueBytes.appendLength(format, to: &stream.buffer)
        TemplateValueBytes.appendText(tool, to: &stream.buffer)
        TemplateValueBytes.appendLength(table.terms.count, to: &stream.buffer)
        for term in table.terms {
            TemplateValueBytes.appendText(term, to: &stream.buffer)
            stream.flushIfFull()
        }
        let keys = table.entries.keys.sorted {
            ($0.words.0, $0.words.1, $0.words.2, $0.words.3) < ($1.words.0, $1.words.1, $1.words.2, $1.words.3)
        }
        TemplateValueBytes.appendLength(keys.count, to: &stream.buffer)
        for key in keys {
            guard let range = table.entries[key] else { continue }
            key.append(to: &stream.buffer)
            TemplateValueBytes.appendLength(range.count, to: &stream.buffer)
            for pair in table.pairs[range] {
                stream.buffer.append(UInt8(truncatingIfNeeded: pair))
                stream.buffer.append(UInt8(truncatingIfNeeded: pair >> 8))
                stream.buffer.append(UInt8(truncatingIfNeeded: pair >> 16))
                stream.buffer.append(UInt8(truncatingIfNeeded: pair >> 24))
            }
            stream.flushIfFull()
        }
    }

    /// The table stored in `bytes` by `tool`; empty when the file cannot be trusted.
    static func decoded(_ bytes: [UInt8], tool: String) -> SearchScoreTable {
        guard let content = ChecksummedFile.content(of: bytes, magic: magic) else { return SearchScoreTable() }
        var reader = PageDigestFile.ByteReader(bytes: bytes, offset: content.lowerBound, end: content.upperBound)
        return table(reading: &reader, tool: tool) ?? SearchScoreTable()
    }

    /// The stored table of `edition`, or an empty one (missing, unreadable, untrusted).
    static func read(from cache: BuildCacheFolder, edition: String, tool: String) -> SearchScoreTable {
        guard let bytes = FileFacts.contents(cache.searchScoresPath(edition: edition)) else {
            return SearchScoreTable()
        }
        return decoded(bytes, tool: tool)
    }

    /// Reads what ``encoded(_:tool:)`` wrote after the magic; nil when anything is out of place.
    private static func table(reading reader: inout PageDigestFile.ByteReader, tool: String) -> SearchScoreTable? {
        let (bytes, end) = (reader.bytes, reader.end)
        guard reader.number() == format, reader.text() == tool, let termCount = reader.number(), termCount >= 0,
            termCount <= end - reader.offset, termCount < SearchScoreTable.termLimit
        else { return nil }
        var table = SearchScoreTable()
        table.terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let term = reader.text() else { return nil }
            table.terms.append(term)
        }
        guard let entryCount = reader.number(), entryCount >= 0, entryCount <= (end - reader.offset) / 40 else {
            return nil
        }
        table.entries.reserveCapacity(entryCount)
        table.pairs.reserveCapacity((end - reader.offset) / 4)
        for _ in 0..<entryCount {
            guard let key = reader.digest(), let count = reader.number(), count >= 0,
                count <= (end - reader.offset) / 4, table.entries[key] == nil
            else { return nil }
            let start = table.pairs.count
            var offset = reader.offset
            for _ in 0..<count {
                let pair =
                    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                    | UInt32(bytes[offset + 3]) << 24
                guard Int(pair >> 8) < termCount else { return nil }
                table.pairs.append(pair)
                offset += 4
            }
            reader.offset = offset
            table.entries[key] = start..<table.pairs.count
        }
        return reader.isAtEnd ? table : nil
    }
}
