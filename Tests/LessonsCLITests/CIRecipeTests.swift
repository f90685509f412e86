import Foundation
import Testing

@testable import LessonsKit

/// The CI recipes in `examples/ci/` parse as YAML, and every `lessons` command they run exists with the options given.
@Suite struct CIRecipeTests {
    static let folder = ExampleSiteCopy.repository + "/examples/ci"
    static let recipes = ["github-actions.yml", "gitlab-ci.yml", "azure-pipelines.yml"]

    /// Every string in a YAML tree (scripts are strings, or lists of strings).
    static func strings(in node: YAMLNode) -> [String] {
        switch node.kind {
        case .scalar(let text, _): [text]
        case .sequence(let items): items.flatMap(strings)
        case .mapping(let pairs): pairs.flatMap { strings(in: $0.value) }
        }
    }

    /// `lessons <command> --option …` invocations in shell text, as (command, options).
    static func invocations(in text: String) -> [(command: String, options: [String])] {
        text.matches(of: #/(?:^|[\s;&|(])(?:\S*/)?lessons[ \t]+([a-z-]+)([^\n;&|)]*)/#).map { match in
            let options = match.output.2.matches(of: #/(?:^|\s)(--[a-z-]+)/#).map { String($0.output.1) }
            return (String(match.output.1), options)
        }
    }

    static func recipe(_ name: String) throws -> YAMLNode {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        guard case .success(let node?) = YAMLReader().parse(text, file: name) else {
            Issue.record("\(name) does not parse as YAML")
            throw CancellationError()
        }
        return node
    }

    @Test(arguments: recipes) func runsOnlyCommandsAndOptionsThatExist(name: String) throws {
        let commands = try Self.strings(in: Self.recipe(name)).flatMap(Self.invocations)
        #expect(commands.contains { $0.command == "check" }, "checks merge requests")
        #expect(
            commands.contains { $0.command == "build" && $0.options.contains("--all-editions") }, "builds every edition"
        )
        for invocation in commands {
            if invocation.command.hasPrefix("-") { continue }
            let help = try LessonsBinary.run([invocation.command, "--help"])
            #expect(help.status == 0, "'lessons \(invocation.command)' is not a command (\(name))")
            for option in invocation.options {
                #expect(
                    help.stdout.contains(option), "'lessons \(invocation.command)' has no option \(option) (\(name))")
            }
        }
    }

    @Test(arguments: recipes) func checksMergeRequestsAndPublishesSiteOutput(name: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
        let root = try Self.recipe(name)
        #expect(text.contains("site-output"))
        #expect(text.contains("libcmark-dev"), "installs the dependency the build needs")
        switch name {
        case "github-actions.yml":
            #expect(root["on"]?["pull_request"] != nil)
            #expect(root["on"]?["push"]?["branches"]?.items?.compactMap(\.scalar) == ["main"])
            #expect(text.contains("lessons check --format github"))
        case "gitlab-ci.yml":
            #expect(root["check"]?["rules"] != nil)
            #expect(root["check"]?["artifacts"]?["reports"]?["codequality"]?.scalar == "gl-code-quality.json")
        default:
            #expect(root["pr"] != nil && root["trigger"] != nil)
            #expect(text.contains("##vso[task.logissue"))
        }
    }

    @Test func findsInvocationsInShellText() {
        let found = Self.invocations(
            in: "cd x && /usr/local/bin/lessons check --format github --strict\nlessons build --all-editions")
        #expect(found.map(\.command) == ["check", "build"])
        #expect(found.first?.options == ["--format", "--strict"])
    }
}
