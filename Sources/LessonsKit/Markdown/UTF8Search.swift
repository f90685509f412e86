#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search on the UTF-8 bytes, without a round trip through `NSString`: every place the needle's bytes occur.
/// Foundation's `range(of:)` and `contains(_:)` find the same places, except one directly followed by a combining mark
/// (which Foundation skips as part of a longer character); the markers and tags searched for in the HTML cmark
/// writes are always followed by ASCII, so for them the answers are the same.
extension Substring {
    /// The first place `needle` occurs, comparing bytes; nil when it does not, or when `needle` is empty (as
    /// `range(of:)` answers).
    func utf8Range(of needle: String) -> Range<Index>? {
        guard let offset = utf8Offset(of: needle) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether `needle` occurs, comparing bytes (false for an empty `needle`, as Foundation's `contains(_:)`).
    func utf8Contains(_ needle: String) -> Bool {
        utf8Offset(of: needle) != nil
    }

    /// How many times `needle` occurs without overlapping, counted from the start (so `components(separatedBy:)` gives
    /// one more piece than this).
    func utf8Count(of needle: String) -> Int {
        var rest = self
        var count = 0
        while let found = rest.utf8Range(of: needle) {
            count += 1
            rest = rest[found.upperBound...]
        }
        return count
    }

    /// The byte offset of the first occurrence of `needle` from `startIndex`.
    private func utf8Offset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard !pattern.isEmpty else { return nil }
            if let found = utf8.withContiguousStorageIfAvailable({ Self.offset(of: pattern, in: $0) }) {
                return found
            }
            return Array(utf8).withUnsafeBufferPointer { Self.offset(of: pattern, in: $0) }
        }
    }

    /// The offset of `pattern` in `bytes`: `memchr` to each candidate first byte, `memcmp` for the rest.
    private static func offset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let needle = pattern.baseAddress, bytes.count >= pattern.count else {
            return nil
        }
        let last = bytes.count - pattern.count
        var offset = 0
        while offset <= last {
            guard let found = memchr(base + offset, Int32(needle.pointee), last - offset + 1) else { return nil }
            let candidate = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if memcmp(base + candidate, needle, pattern.count) == 0 { return candidate }
            offset = candidate + 1
        }
        return nil
    }
}

extension String {
    /// See `Substring.utf8Range(of:)`.
    func utf8Range(of needle: String) -> Range<Index>? { self[...].utf8Range(of: needle) }

    /// See `Substring.utf8Contains(_:)`.
    func utf8Contains(_ needle: String) -> Bool { self[...].utf8Contains(needle) }

    /// See `Substring.utf8Count(of:)`.
    func utf8Count(of needle: String) -> Int { self[...].utf8Count(of: needle) }

    /// The text with every occurrence of `needle` (found as `utf8Range(of:)` finds it, from the start, without
    /// overlapping) replaced by `replacement`.
    func utf8Replacing(_ needle: String, with replacement: String) -> String {
        var rest = self[...]
        guard var found = rest.utf8Range(of: needle) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        while true {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
            guard let next = rest.utf8Range(of: needle) else { break }
            found = next
        }
        result += rest
        return result
    }
}
