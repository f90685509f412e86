import Foundation
import Testing

@testable import LessonsKit

@Suite struct SearchTextTests {
    @Test func splitsOnPunctuationAndFoldsCaseAndAccents() {
        #expect(
            SearchText.words("Café-based HANDOVER, naïve: résumé's") == [
                "cafe", "based", "handover", "naive", "resume",
            ])
        #expect(SearchText.words("NEWS2 score at 07:30") == ["news2", "score", "at", "07", "30"])
    }

    @Test func dropsOneCharacterWords() {
        #expect(SearchText.words("a patient's b plan") == ["patient", "plan"])
    }

    @Test func indexTermsLeaveOutStopWordsAndAreStemmed() {
        #expect(SearchIndex.terms(of: "The falls of the patients") == ["fall", "patient"])
    }
}

@Suite struct StemmerTests {
    @Test func learnLearnedLearningShareAStem() {
        #expect(Set(["learn", "learns", "learned", "learning"].map(Stemmer.stem)) == ["learn"])
    }

    @Test func fallAndFallsShareAStem() {
        #expect(Stemmer.stem("falls") == "fall")
        #expect(Stemmer.stem("falling") == "fall")
        #expect(Stemmer.stem("fall") == "fall")
    }

    @Test func commonInflectionsMeetTheirWord() {
        let pairs = [
            ("observations", "observation"), ("stopped", "stop"), ("studies", "study"), ("studied", "study"),
            ("rated", "rate"), ("handovers", "handover"), ("observed", "observe"), ("medicines", "medicine"),
        ]
        for (inflected, word) in pairs {
            #expect(Stemmer.stem(inflected) == Stemmer.stem(word), "\(inflected) and \(word)")
        }
    }

    @Test func keepsShortWordsWordsWithDigitsAndDoubleS() {
        #expect(Stemmer.stem("bus") == "bus")
        #expect(Stemmer.stem("news2") == "news2")
        #expect(Stemmer.stem("process") == "process")
        #expect(Stemmer.stem("diagnosis") == "diagnosis")
    }
}

@Suite struct SearchIndexTests {
    static func entry(
        _ title: String, summary: String = "", body: String = "", type: DocumentType = .lesson, year: Int = 2026,
        facets: [String] = []
    ) -> SearchEntry {
        SearchEntry(
            title: title, folder: "\(type.folder)/\(title.lowercased().split(separator: " ").joined(separator: "-"))/",
            type: type,
            dateText: "", summary: summary, facets: ["type-\(type.folder)", "year-\(year)"] + facets,
            fields: [
                .init(SearchWeight.title, title), .init(SearchWeight.summary, summary), .init(SearchWeight.body, body),
            ])
    }

    /// Newest first, as the renderer gives them.
    static let index = SearchIndex(
        entries: [
            entry("Night shift observations", body: "The handover was rushed."),  // 0
            entry("Safer handover", summary: "A structured handover tool."),  // 1
            entry("Medicines at discharge", body: "Handover of medicines to the GP."),  // 2
            entry(
                "Falls on the older adults ward", summary: "Lying and standing blood pressure.", year: 2025,
                facets: ["theme-falls"]),  // 3
            entry(
                "What we learned about falls", body: "Learning from a fall at night.", type: .practice, year: 2025,
                facets: ["theme-falls"]),  // 4
            entry("Absconsion from the ward", body: "The patient was absent without leave.", year: 2024),  // 5
        ], synonyms: [["awol", "absconsion", "absent-without-leave"]])

    @Test func titleMatchesRankAboveSummaryAboveBody() {
        #expect(Self.index.search("handover") == [1, 0, 2])
    }

    @Test func titleMatchBeatsNewerBodyMatch() {
        // The older document's title match beats the newer one's body match.
        #expect(Self.index.search("night") == [0, 4])
    }

    @Test func inflectionsFindEachOther() {
        #expect(Self.index.search("learning") == [4])
        // Both have it in the title; the older one also in its body, which tips the balance.
        #expect(Self.index.search("fall") == [4, 3])
        #expect(Self.index.search("falls") == [4, 3])
    }

    @Test func wordBeginningsMatchAsYouType() {
        #expect(Self.index.search("hando") == [1, 0, 2])
        #expect(Self.index.search("medic") == [2])
        // Two letters are too few to expand.
        #expect(Self.index.search("ha").isEmpty)
    }

    @Test func aStemPlusTheStartOfAnEndingStillMatches() {
        #expect(Self.index.search("learni") == [4])
    }

    @Test func everyWordMustMatch() {
        #expect(Self.index.search("handover medicines") == [2])
        #expect(Self.index.search("handover falls").isEmpty)
    }

    @Test func accentsAndCaseDoNotMatter() {
        #expect(Self.index.search("HÄNDOVER") == Self.index.search("handover"))
    }

    @Test func synonymsFindDocumentsUsingAnotherWordOfTheGroup() {
        #expect(Self.index.search("awol") == [5])
    }

    @Test func filtersWorkWithAnEmptyQuery() {
        #expect(Self.index.search("", filters: ["theme-falls", "year-2025"]) == [3, 4])
        #expect(Self.index.search("", filters: ["theme-falls", "type-lessons"]) == [3])
        #expect(Self.index.search("falls", filters: ["type-practice"]) == [4])
    }

    @Test func shardsHoldEveryTermOnceAndSplitBigPrefixes() {
        var files = SearchIndexFiles(index: Self.index)
        files.shardBytes = 40
        let shards = files.shards()
        let terms = shards.flatMap(\.terms)
        #expect(terms.sorted() == Self.index.postings.keys.sorted())
        #expect(Set(terms).count == terms.count)
        #expect(shards.contains { $0.key.count > 1 }, "small shard size forces longer keys")
        for shard in shards {
            #expect(shard.terms.allSatisfy { $0.hasPrefix(shard.key) })
        }
    }
    @Test func filesHoldTheIndexAsJSONOrScriptsOfTheSameJSON() throws {
        var entries = (0..<5).map { Self.entry("Handover \($0)", summary: "Safer handover \($0)", body: "ward \($0)") }
        entries.append(
            Self.entry("Quotes \"here\" </script> \u{2028} back\\slash", summary: "Line\nbreak é 日本", body: "ward"))
        let index = SearchIndex(entries: entries)
        var writer = SearchIndexFiles(index: index)
        writer.shardBytes = 40
        writer.chunkSize = 4
        var json: [String: [UInt8]] = [:]
        var scripts: [String: [UInt8]] = [:]
        func bytes(_ file: OutputFile) -> [UInt8] {
            guard case .bytes(let bytes) = file.contents else { return [] }
            return bytes
        }
        writer.forEachFile(folder: "search/", portable: false) { json[$0.path] = bytes($0) }
        writer.forEachFile(folder: "search/", portable: true) { scripts[$0.path] = bytes($0) }
        func object(_ name: String) throws -> Any {
            let bytes = try #require(json["search/\(name).json"])
            #expect(bytes.last == UInt8(ascii: "\n"))
            return try JSONSerialization.jsonObject(with: Data(bytes))
        }
        // Each shard's terms, with their postings as gaps and scores.
        let shards = writer.shards()
        #expect(shards.count > 1)
        var postings: [String: [SearchIndex.Posting]] = [:]
        for number in shards.indices {
            let shard = try #require(try object("t\(number)") as? [String: [Int]])
            #expect(Set(shard.keys) == Set(shards[number].terms))
            for (term, numbers) in shard {
                var document = -1
                postings[term] = stride(from: 0, to: numbers.count, by: 2).map { at in
                    document += numbers[at] + 1
                    return SearchIndex.Posting(document: document, score: numbers[at + 1])
                }
            }
        }
        #expect(postings == index.postings)
        // Documents in chunks of four, each [title, folder, type, date, summary].
        var documents: [[String]] = []
        for number in 0..<2 {
            let chunk = try #require(try object("d\(number)") as? [[Any]])
            documents += chunk.map { $0.map { "\($0)" } }
        }
        #expect(documents == index.entries.map { [$0.title, $0.folder, "\($0.type.order)", $0.dateText, $0.summary] })
        #expect(json["search/d2.json"] == nil)
        let meta = try #require(try object("meta") as? [String: Any])
        #expect(meta["keys"] as? [String] == shards.map(\.key))
        #expect(meta["documents"] as? Int == 6)
        // Portable: the same JSON, handed to lessonsSearchData by name.
        #expect(scripts.count == json.count)
        for (path, bytes) in json {
            let name = String(path.dropFirst("search/".count).dropLast(".json".count))
            let script = try #require(scripts["search/\(name).js"])
            #expect(script == Array("lessonsSearchData(\"\(name)\",".utf8) + bytes.dropLast() + Array(");\n".utf8))
        }
    }

    @Test func filesMadeInBatchesOnSeveralThreadsAreTheSameFilesInTheSameOrder() async throws {
        let entries = (0..<23).map {
            Self.entry("Handover \($0)", summary: "Safer handover \($0) ward \($0 % 4)", body: "ward \($0) night")
        }
        var writer = SearchIndexFiles(index: SearchIndex(entries: entries))
        writer.shardBytes = 40
        writer.chunkSize = 4
        func bytes(_ file: OutputFile) -> [UInt8] {
            guard case .bytes(let bytes) = file.contents else { return [] }
            return bytes
        }
        for portable in [false, true] {
            var expected: [(String, [UInt8])] = []
            writer.forEachFile(folder: "search/", portable: portable) { expected.append(($0.path, bytes($0))) }
            #expect(expected.count > 10)
            #expect(expected.first?.0.hasPrefix("search/t0.") == true)
            #expect(expected.last?.0.hasPrefix("search/meta.") == true)
            for batch in [1, 3, 64] {
                var made: [(String, [UInt8])] = []
                await writer.forEachFile(folder: "search/", portable: portable, jobs: 2, batch: batch) {
                    made.append(($0.path, bytes($0)))
                }
                #expect(made.map(\.0) == expected.map(\.0), "batch \(batch)")
                #expect(made.map(\.1) == expected.map(\.1), "batch \(batch)")
            }
        }
    }
}
