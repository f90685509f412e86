import Crypto
import Foundation

/// SHA-256 (swift-crypto) as lower-case hex: the one hash of the build cache's keys.
enum SHA256Hex {
    /// The hex digest of `bytes`.
    static func of<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The hex digest of a text's UTF-8 bytes.
    static func of(text: String) -> String {
        of(Array(text.utf8))
    }

    /// Lower-case hex of a finished digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Builds one SHA-256 key from labelled parts, each length-prefixed so that no two different lists of parts collide.
struct CacheKeyBuilder {
    private var hasher = SHA256()

    /// Adds a labelled text part.
    mutating func add(_ label: String, _ text: String) {
        add(label, bytes: Array(text.utf8))
    }

    /// Adds a labelled part of raw bytes.
    mutating func add(_ label: String, bytes: [UInt8]) {
        let head = Array("\(label.utf8.count):\(label)\(bytes.count):".utf8)
        hasher.update(data: head)
        hasher.update(data: bytes)
    }

    /// The key, as hex.
    func finish() -> String {
        SHA256Hex.hex(hasher.finalize())
    }
}
