/// Small facts about and fixes to a PDF written by Chromium (Skia): page count, reproducible dates and node names.
enum PDFFile {
    /// The number of `/Type /Page` objects (not `/Pages`); Skia writes no object streams, so each is visible.
    static func pageCount(_ bytes: [UInt8]) -> Int {
        let needle = Array("/Type /Page".utf8)
        var count = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle {
                let next = index + needle.count < bytes.count ? bytes[index + needle.count] : 0
                // "/Pages" or "/PageLabel" are other objects; a page is followed by a delimiter.
                if !(next >= 65 && next <= 90) && !(next >= 97 && next <= 122) { count += 1 }
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// Replaces the digits of `/CreationDate` and `/ModDate` with `date` at midnight, keeping every byte offset the same
    /// (so the cross-reference table stays valid), and blanks any `/ID` the same way: identical input gives identical bytes.
    static func reproducible(_ bytes: [UInt8], date: PartialDate) -> [UInt8] {
        var result = bytes
        let fixed = Array(String(format: "%04d%02d%02d000000", date.year, date.month, date.day ?? 1).utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let needle = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: needle, in: result, from: index) {
                var position = found + needle.count
                var digit = 0
                while position < result.count, digit < fixed.count, result[position] >= 48, result[position] <= 57 {
                    result[position] = fixed[digit]
                    position += 1
                    digit += 1
                }
                index = position
            }
        }
        // A trailer /ID [<hex><hex>] (not written by current Skia) becomes zeros of the same length.
        let idNeedle = Array("/ID [<".utf8)
        var index = 0
        while let found = firstIndex(of: idNeedle, in: result, from: index) {
            var position = found + idNeedle.count
            while position < result.count, result[position] != 93 {  // ]
                if isHex(result[position]) { result[position] = 48 }
                position += 1
            }
            index = position
        }
        return result
    }

    /// Renumbers the tagged PDF's node names (`(node00000128)`: Chromium's DOM node ids, in structure elements, table
    /// headers and the ID tree) by rank, from `(node00000000)`, keeping their order and every byte offset. The ids
    /// depend on how many nodes the renderer had numbered before printing (one more when a paint came first), so the
    /// same page printed twice could differ by them.
    static func renumberingNodeIDs(_ bytes: [UInt8]) -> [UInt8] {
        let prefix = Array("(node".utf8)
        let width = 8
        var positions: [Int] = []
        var index = 0
        while let found = firstIndex(of: prefix, in: bytes, from: index) {
            let digits = found + prefix.count
            let end = digits + width
            index = digits
            guard end < bytes.count, bytes[end] == 41,  // )
                bytes[digits..<end].allSatisfy({ $0 >= 48 && $0 <= 57 })
            else { continue }
            positions.append(digits)
            index = end
        }
        guard !positions.isEmpty else { return bytes }
        // Equal widths: the byte order is the numeric order.
        let names = Set(positions.map { Array(bytes[$0..<$0 + width]) })
        let ranks = Dictionary(
            uniqueKeysWithValues: names.sorted { $0.lexicographicallyPrecedes($1) }.enumerated().map { ($1, $0) })
        var result = bytes
        for position in positions {
            guard let rank = ranks[Array(bytes[position..<position + width])] else { continue }
            result.replaceSubrange(position..<position + width, with: Array(String(format: "%08d", rank).utf8))
        }
        return result
    }

    /// Replaces every occurrence of `text` with `replacement`, which must have the same length in UTF-8.
    static func replacingSameLength(_ text: String, with replacement: String, in bytes: [UInt8]) -> [UInt8] {
        let needle = Array(text.utf8)
        let substitute = Array(replacement.utf8)
        guard needle.count == substitute.count, needle != substitute else { return bytes }
        var result = bytes
        var index = 0
        while let found = firstIndex(of: needle, in: result, from: index) {
            result.replaceSubrange(found..<found + needle.count, with: substitute)
            index = found + needle.count
        }
        return result
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
