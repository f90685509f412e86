import Testing

@testable import LessonsKit

@Suite struct RelativePathTests {
    @Test(arguments: [
        ("../../incidents/inc-1/", "lessons/ll-1", "incidents/inc-1/"),
        ("poster.html", "lessons/ll-1", "lessons/ll-1/poster.html"),
        ("./a/./b", "x", "x/a/b"),
        ("a//b/", "", "a/b/"),
        ("..", "a/b", "a/"),
        (".", "a", "a/"),
        ("", "a/b", "a/b"),
        ("../..", "a/b", ""),
        ("b/../../c", "a", "c"),
        ("é/ü/../ß", "ä", "ä/é/ß"),
    ])
    func resolvesDotsAndEmptyNames(_ relative: String, _ folder: String, _ expected: String) {
        #expect(RelativePath.join(relative, to: folder) == expected)
    }

    @Test func climbingAboveTheRootIsNil() {
        #expect(RelativePath.join("../x", to: "") == nil)
        #expect(RelativePath.join("../../../x", to: "a/b") == nil)
        #expect(RelativePath.join("a/../../x", to: "") == nil)
    }

    /// The byte-level join gives what joining the names as strings gives, on paths made of every awkward piece.
    @Test func agreesWithJoiningNamesAsStrings() {
        let pieces = ["", ".", "..", "a", "bc", "...", ".a", "é", "x.html", "../", "./"]
        var generator = SplitMix64(seed: 25)
        for _ in 0..<3_000 {
            let relative = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined(separator: "/")
            let folder = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                ["a", "b", "é", "ll-1", ""].randomElement(using: &generator) ?? ""
            }
            let split = folder.map { Substring($0) }
            #expect(
                RelativePath.join(Substring(relative), toFolder: split)
                    == Self.joinedAsStrings(relative, folder: split),
                "\(relative) in \(folder)")
        }
    }

    /// The rule written plainly on arrays of names.
    private static func joinedAsStrings(_ relative: String, folder: [Substring]) -> String? {
        var parts = folder
        for piece in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if piece.isEmpty || piece == "." { continue }
            if piece == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(piece)
            }
        }
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..") || relative == "."
            || relative == ".."
        let joined = parts.joined(separator: "/")
        return endsInFolder && !joined.isEmpty ? joined + "/" : joined
    }
}
