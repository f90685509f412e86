/// A QR Code as inline SVG: one path of unit squares inside a four-module quiet zone, drawn with crisp edges so it
/// scans from screen and paper alike.
extension QRCode {
    /// The quiet zone the standard asks for, in modules.
    static let quietZone = 4

    /// SVG markup with an accessible name; `label` says where the code leads.
    func svg(label: String, className: String = "qr-code") -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                var run = 1
                while self[x + run, y] { run += 1 }
                path += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(XMLText.escape(className))\" viewBox=\"0 0 \(side) \(side)\" "
            + "role=\"img\" aria-label=\"\(XMLText.escape(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"\(path)\"/></svg>"
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
