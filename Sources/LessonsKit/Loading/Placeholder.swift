/// The marker `lessons new` writes where an editor still has to fill something in: `TODO`, alone or followed by a note.
///
/// A placeholder is never taken as a value: the decoder reports it as "still a placeholder" at its line, so a new file
/// cannot be published half-written.
enum Placeholder {
    static let marker = "TODO"

    /// Whether text (a front-matter value or a body line) is a placeholder.
    static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix(marker) else { return false }
        let rest = trimmed.dropFirst(marker.count)
        return rest.isEmpty || rest.hasPrefix(":") || rest.hasPrefix(" ")
    }

    /// Whether a YAML node is a placeholder scalar.
    static func isPlaceholder(_ node: YAMLNode) -> Bool {
        node.scalar.map(isPlaceholder) ?? false
    }

    /// Whether a node is, or holds anywhere inside it, a placeholder.
    static func contains(_ node: YAMLNode) -> Bool {
        switch node.kind {
        case .scalar: isPlaceholder(node)
        case .sequence(let items): items.contains(where: contains)
        case .mapping(let pairs): pairs.contains { contains($0.value) }
        }
    }

    /// The diagnostic for a placeholder found in field `field` (or in the body when nil).
    static func diagnostic(field: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            .placeholder, field.map { "'\($0)' is still a placeholder" } ?? "this prompt is still a placeholder",
            at: location,
            hint: field == nil
                ? "replace this prompt with your text"
                : "replace TODO with the real value (the comment after it says what goes there)")
    }
}

extension Placeholder {
    /// Every body line that is still a `TODO` prompt (outside fenced code), located in the file.
    static func bodyDiagnostics(_ body: String, firstLine: Int, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var inFence = false
        for (offset, line) in body[...].lineSlices().enumerated() where mayOpenFenceOrPrompt(line) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, isPlaceholder(trimmed) else { continue }
            let column = line.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count + 1
            diagnostics.append(
                diagnostic(field: nil, at: SourceLocation(file: file, line: firstLine + offset, column: column)))
        }
        return diagnostics
    }

    /// Whether a line can open or close a fence or hold a prompt: false when its first character after ASCII blanks is
    /// another ASCII character, so that most lines are passed over without trimming them into a new string.
    private static func mayOpenFenceOrPrompt(_ line: Substring) -> Bool {
        guard let first = line.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
            return false
        }
        return first >= 0x80 || first == UInt8(ascii: "T") || first == UInt8(ascii: "`") || first == UInt8(ascii: "~")
    }
}
