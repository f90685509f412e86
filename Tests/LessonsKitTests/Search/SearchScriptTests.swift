import Foundation
import Testing

@testable import LessonsKit

/// Runs the shipped `search.js` itself, with Node, on an index the generator built.
@Suite(
    .enabled(
        if: SearchSite.executable("node") != nil,
        "Node.js is not installed: the search script tests need `node` on the PATH"))
struct SearchScriptTests {
    static let runner = """
        const fs = require('fs'), path = require('path');
        const [script, dir, queriesJSON, wordsJSON] = process.argv.slice(2);
        const lib = require(script);
        const load = name => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, name + '.json'), 'utf8')));
        (async () => {
          const engine = new lib.Engine(await load('meta'), load);
          const out = { results: {}, fetched: {} };
          for (const [q, filters] of JSON.parse(queriesJSON)) {
            const found = await engine.search(q, filters);
            out.results[q + '|' + filters.join(',')] = (await engine.documents(found.documents)).map(d => d[0]);
          }
          out.stems = JSON.parse(wordsJSON).map(lib.stem);
          out.words = lib.words("Café-based HANDOVER, naïve: résumé's NEWS2");
          console.log(JSON.stringify(out));
        })().catch(e => { console.error(e); process.exit(1); });
        """

    struct Output: Decodable {
        let results: [String: [String]]
        let stems: [String]
        let words: [String]
    }

    static let stemWords = [
        "learn", "learned", "learning", "falls", "falling", "observations", "stopped", "studies", "studied", "rated",
        "handover", "observed", "caring", "process", "diagnosis", "news2", "happily", "agreed", "running", "fallen",
        "medicines", "ligatures", "restrictive", "deteriorating",
    ]

    func run(queries: [(String, [String])]) async throws -> Output {
        let (site, output, report) = try await SearchSite.build(SearchSite.files())
        defer { SearchSite.remove(site, output) }
        #expect(report.status == .success, "\(report.diagnostics)")
        let assets = try FileManager.default.contentsOfDirectory(atPath: output + "/assets")
        let script = try #require(
            assets.first { $0.hasPrefix("search.") && $0.hasSuffix(".js") }, "search.js is published with a hashed name"
        )
        let runner = output + "/runner.cjs"
        try Data(Self.runner.utf8).write(to: URL(fileURLWithPath: runner))
        let queriesJSON = String(
            decoding: try JSONSerialization.data(withJSONObject: queries.map { [$0.0, $0.1] as [Any] }), as: UTF8.self)
        let wordsJSON = String(decoding: try JSONSerialization.data(withJSONObject: Self.stemWords), as: UTF8.self)
        let node = try #require(SearchSite.executable("node"))
        let result = try SearchSite.run(
            node, [runner, output + "/assets/" + script, output + "/search", queriesJSON, wordsJSON])
        #expect(result.status == 0)
        return try JSONDecoder().decode(Output.self, from: Data(result.output.utf8))
    }

    @Test func findsRanksAndFiltersLikeTheIndexPromises() async throws {
        let output = try await run(queries: [
            ("handover", []), ("hand", []), ("cafe", []), ("learned", []), ("", ["theme-falls", "year-2025"]),
            ("night", ["type-incidents"]), ("falls handover", []), ("the", []),
        ])
        // Title and summary before body.
        #expect(output.results["handover|"] == ["Safer handover on night shifts", "Learning from falls at night"])
        #expect(
            output.results["hand|"] == ["Safer handover on night shifts", "Learning from falls at night"],
            "prefixes match as you type")
        #expect(output.results["cafe|"] == ["A café for carers"], "accents are folded")
        #expect(
            output.results["learned|"] == ["Learning from falls at night", "Safer handover on night shifts"],
            "inflections match")
        #expect(
            output.results["|theme-falls,year-2025"] == [
                "Lying and standing blood pressure after a fall", "Learning from falls at night",
            ],
            "filters work without words, newest first")
        #expect(output.results["night|type-incidents"] == ["Missed observation on a night shift"])
        #expect(output.results["falls handover|"] == ["Learning from falls at night"], "every word must match")
        #expect(output.results["the|"] == [], "stop words alone find nothing")
    }

    @Test func theScriptFoldsAndStemsExactlyAsTheIndexer() async throws {
        let output = try await run(queries: [])
        #expect(output.stems == Self.stemWords.map(Stemmer.stem))
        #expect(output.words == SearchText.words("Café-based HANDOVER, naïve: résumé's NEWS2"))
    }
}
