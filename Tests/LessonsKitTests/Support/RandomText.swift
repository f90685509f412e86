extension SplitMix64 {
    /// A text of `0...maxLength` characters, each drawn from `alphabet`, for tests that compare a fast path with the
    /// rule it stands for.
    mutating func text(from alphabet: [Character], maxLength: Int) -> String {
        String(
            (0..<Int.random(in: 0...maxLength, using: &self)).map { _ in alphabet.randomElement(using: &self) ?? " " })
    }
}
