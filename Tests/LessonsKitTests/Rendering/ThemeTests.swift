import Testing

@testable import LessonsKit

@Suite struct ThemeTests {
    /// The error is placed in the theme's own text, also in a template whose links are recorded (a rewritten text
    /// is what renders, but the editor's file is what the line names).
    @Test(arguments: [
        "<main>\n  {{#doc}}\n    <h1>{{title}}</h1>\n  {{/docs}}\n</main>\n",
        "<main>\n  <a href=\"{{href}}\" id=\"{{id}}\">{{#doc}}\n    <h1>{{title}}</h1>\n  {{/docs}}</a>\n</main>\n",
    ])
    func reportsTemplateSyntaxErrorWithLineAndColumn(broken: String) async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
            "themes/default/templates/document.mustache": broken,
        ])
        defer { site.remove() }
        let report = await site.check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .templateSyntax })
        #expect(diagnostic.location.file == "themes/default/templates/document.mustache")
        #expect(diagnostic.location.line == 4)
        #expect(report.status == .contentErrors)
    }

    @Test func siteThemeShadowsDefaultFilesOneByOne() throws {
        let site = try MiniSite(files: [
            "themes/default/templates/notfound.mustache": "custom 404 {{heading}}",
            "themes/default/assets/site/extra.css": ".extra { color: red }",
        ])
        defer { site.remove() }
        let theme = ThemeFiles.load(name: "default", siteDirectory: site.root)
        #expect(theme.files["templates/notfound.mustache"]?.displayPath == "themes/default/templates/notfound.mustache")
        #expect(
            String(decoding: theme.files["templates/notfound.mustache"]?.bytes ?? [], as: UTF8.self)
                == "custom 404 {{heading}}")
        #expect(
            theme.files["templates/layout.mustache"] != nil,
            "files the site does not override come from the built-in theme")
        #expect(theme.files["assets/site/extra.css"] != nil)
    }

    @Test func embeddedThemeParses() {
        let theme = ThemeFiles(
            files: EmbeddedDefaultTheme.files.mapValues { ThemeFiles.File(bytes: $0, displayPath: "themes/default") })
        let (templates, diagnostics) = TemplateSet.parse(theme)
        #expect(diagnostics.isEmpty)
        #expect(templates != nil)
    }

    @Test func assetKeysAreCamelCase() {
        #expect(PageFrame.assetKey("bulletin-print.css") == "bulletinPrintCss")
        #expect(PageFrame.assetKey("js/search.js") == "searchJs")
    }
}

@Suite struct SitePathsTests {
    @Test func linksAreRelativeToThePage() {
        let paths = SitePaths(portable: false)
        #expect(
            paths.href(from: "lessons/ll-2026-001/", to: "incidents/inc-2026-001/") == "../../incidents/inc-2026-001/")
        #expect(paths.href(from: "lessons/ll-2026-001/", to: "") == "../../")
        #expect(paths.href(from: "", to: "") == "./")
        #expect(paths.href(from: "", to: "assets/style.css") == "assets/style.css")
    }

    @Test func aFolderIsAsDeepAsItsNonEmptyParts() {
        let cases: [(String, Int)] = [
            ("", 0), ("/", 0), ("lessons/", 1), ("lessons", 1), ("themes/suicide-prevention/", 2),
            ("a//b/", 2), ("/a/b", 2), ("services/é/ünit/", 3),
        ]
        for (folder, depth) in cases {
            #expect(SitePaths.depth(of: folder) == depth, "\(folder)")
            #expect(SitePaths.depth(of: folder) == folder.split(separator: "/").count, "\(folder)")
        }
        #expect(SitePaths(portable: false).href(from: "a//b/", to: "c/") == "../../c/")
    }

    @Test func portableLinksEndInIndexHTML() {
        let paths = SitePaths(portable: true)
        #expect(paths.href(from: "lessons/", to: "") == "../index.html")
        #expect(paths.href(from: "lessons/", to: "incidents/inc-1/") == "../incidents/inc-1/index.html")
        #expect(paths.href(from: "lessons/", to: "assets/style.css") == "../assets/style.css")
    }
}
