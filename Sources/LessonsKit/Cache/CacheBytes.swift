/// Bytes of a binary cache record being written: unsigned LEB128 numbers (negative ones zig-zagged), texts as a byte
/// count and their UTF-8 bytes, flags as one byte, decimals as their eight-byte bit pattern.
///
/// The reading side is ``CacheByteReader``; the two must change together (and the file's format number with them).
struct CacheByteWriter {
    /// What has been written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty record.
    init() {}

    /// Moves the bytes written so far to the end of `stream` (handed on when a chunk is full), and starts again empty.
    mutating func drain(into stream: inout ChecksummedStream) {
        stream.buffer += bytes
        bytes.removeAll(keepingCapacity: true)
        stream.flushIfFull()
    }

    /// A whole number, any sign.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func double(_ value: Double) {
        var pattern = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: pattern))
            pattern >>= 8
        }
    }

    /// Raw bytes, without a count (the reader must know how many to take).
    mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }

    /// A flag for presence, then the value when there is one.
    mutating func optional<Value>(_ value: Value?, _ write: (inout CacheByteWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// The count, then each element.
    mutating func array<Element>(_ values: [Element], _ write: (inout CacheByteWriter, Element) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func optionalString(_ value: String?) {
        optional(value) { $0.string($1) }
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }
}

/// A cache record that does not read back: cut short, or not what the writer wrote. The record is then not used.
struct CacheBytesError: Error {}

/// Reads what ``CacheByteWriter`` wrote, from a region of memory that outlives the reader. Every read checks its
/// bounds and throws ``CacheBytesError`` rather than trusting a count it reads.
struct CacheByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        offset = 0
    }

    /// How many bytes have been read.
    var position: Int { offset }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(CacheBytesError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw CacheBytesError() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let bits = Int(truncatingIfNeeded: value)
        return Int(bitPattern: UInt(bitPattern: bits) >> 1) ^ -(bits & 1)
    }

    /// A count of things that follow: never negative, never more than the bytes left could hold.
    mutating func count() throws(CacheBytesError) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw CacheBytesError() }
        return count
    }

    mutating func bool() throws(CacheBytesError) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw CacheBytesError() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws(CacheBytesError) -> String {
        let count = try count()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        offset += count
        return text
    }

    mutating func double() throws(CacheBytesError) -> Double {
        guard bytes.count - offset >= 8 else { throw CacheBytesError() }
        var pattern: UInt64 = 0
        for index in (0..<8).reversed() { pattern = pattern << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Double(bitPattern: pattern)
    }

    /// `count` raw bytes.
    mutating func raw(_ count: Int) throws(CacheBytesError) -> UnsafeRawBufferPointer {
        guard count >= 0, bytes.count - offset >= count else { throw CacheBytesError() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func optional<Value>(_ read: (inout CacheByteReader) throws(CacheBytesError) -> Value)
        throws(CacheBytesError) -> Value?
    {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Element>(_ read: (inout CacheByteReader) throws(CacheBytesError) -> Element)
        throws(CacheBytesError) -> [Element]
    {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func optionalString() throws(CacheBytesError) -> String? {
        try optional { reader throws(CacheBytesError) in try reader.string() }
    }

    mutating func strings() throws(CacheBytesError) -> [String] {
        try array { reader throws(CacheBytesError) in try reader.string() }
    }

    /// A value of a `String`-backed enumeration, refused when the text names no case.
    mutating func rawValue<Value: RawRepresentable>(_: Value.Type) throws(CacheBytesError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw CacheBytesError() }
        return value
    }
}
