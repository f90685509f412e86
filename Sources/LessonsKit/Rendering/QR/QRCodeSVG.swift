/// A QR Code as inline SVG: one path of unit squares inside a four-module quiet zone, drawn with crisp edges so it
/// scans from screen and paper alike.
extension QRCode {
    /// The quiet zone the standard asks for, in modules.
    static let quietZone = 4

    /// SVG markup with an accessible name; `label` says where the code leads.
    func svg(label: String, className: String = "qr-code") -> String {
        let side = size + 2 * Self.quietZone
        // Built as bytes: a code has hundreds of runs, and string interpolation per run was most of the drawing's cost.
        var path: [UInt8] = []
        path.reserveCapacity(size * size * 2)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                var run = 1
                while self[x + run, y] { run += 1 }
                path.append(UInt8(ascii: "M"))
                Self.appendDecimal(x + Self.quietZone, to: &path)
                path.append(UInt8(ascii: " "))
                Self.appendDecimal(y + Self.quietZone, to: &path)
                path.append(UInt8(ascii: "h"))
                Self.appendDecimal(run, to: &path)
                path.append(contentsOf: "v1h-".utf8)
                Self.appendDecimal(run, to: &path)
                path.append(UInt8(ascii: "z"))
                x += run
            }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(XMLText.escape(className))\" viewBox=\"0 0 \(side) \(side)\" "
            + "role=\"img\" aria-label=\"\(XMLText.escape(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"\(String(decoding: path, as: UTF8.self))\"/></svg>"
    }

    /// Appends a non-negative number's decimal digits.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The code as a plain PBM image (`P1`), `scale` pixels per module with the quiet zone: for decoders in tests.
    func pbm(scale: Int = 4) -> String {
        let side = (size + 2 * Self.quietZone) * scale
        var lines = ["P1", "\(side) \(side)"]
        for row in 0..<side {
            let y = row / scale - Self.quietZone
            lines.append((0..<side).map { self[$0 / scale - Self.quietZone, y] ? "1" : "0" }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
