import Foundation
import Mustache

/// The parsed templates of the theme, ready to render view models.
///
/// Each template is rewritten once, when parsed, to record the links and ids it writes (``RecordingTemplate``), so a
/// rendered page carries them (``RenderedHTML``) and the link check need not read the page's HTML again.
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>
    /// Whether every template records all its links and ids (a theme with attribute values too intricate to follow
    /// has its pages' HTML read by the link check instead).
    let recordsLinks: Bool
    /// Skips rendering the pages whose model did not change since the last build (see ``PageReuse``); nil renders all.
    var reuse: PageReuse?
    /// The partials page templates call through fragments (``PartialFragmentRewrite``).
    private let fragmentPartials: Set<String>
    /// The fragments rendered so far for this edition (``PartialFragments``); nil when no call is rewritten.
    private var fragments: PartialFragments?
    /// The link and id texts of this edition's pages, each kept once (``SharedLinkTexts``).
    private var linkTexts = SharedLinkTexts()

    /// The indentation each row partial's fragment renders under (``PartialFragmentRewrite/Calls/rowIndentations``).
    private let rowIndentations: [String: String]

    private init(
        library: MustacheLibrary, names: Set<String>, recordsLinks: Bool, fragmentPartials: Set<String>,
        rowIndentations: [String: String]
    ) {
        self.library = library
        self.names = names
        self.recordsLinks = recordsLinks
        self.fragmentPartials = fragmentPartials
        self.rowIndentations = rowIndentations
        self.fragments =
            fragmentPartials.isEmpty
            ? nil : PartialFragments(linkTexts: linkTexts, indentations: rowIndentations)
    }

    /// Starts an edition of a site of `documents` documents: fragments rendered for another edition's pages, and its
    /// link texts, are let go; cards come from the last build's when ``reuse`` keeps them (``StoredCardFragments``).
    mutating func startEdition(documents: Int = 0) {
        linkTexts = SharedLinkTexts()
        fragments =
            fragmentPartials.isEmpty
            ? nil
            : PartialFragments(
                linkTexts: linkTexts, stored: reuse?.cardFragments, indentations: rowIndentations,
                capacity: PartialFragments.capacity(documents: documents))
    }

    /// Parses every template, turning syntax errors into `file:line:column` diagnostics.
    static func parse(_ theme: ThemeFiles) -> (TemplateSet?, [Diagnostic]) {
        var library = MustacheLibrary()
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var diagnostics: [Diagnostic] = []
        var names: Set<String> = []
        var recordsLinks = true
        var texts: [String: String] = [:]
        for (name, file) in theme.templates { texts[name] = String(decoding: file.bytes, as: UTF8.self) }
        let fragmentCalls = PartialFragmentRewrite.rewrite(texts)
        // The theme's templates, then those the rewrite adds (each told as the theme file it was made from).
        let themeTemplates = theme.templates
        var sources = themeTemplates.map { (name: $0.name, file: $0.file, generated: false) }
        for (name, made) in fragmentCalls.generated.sorted(by: { $0.key < $1.key }) {
            guard let file = themeTemplates.first(where: { $0.name == made.source })?.file else { continue }
            sources.append((name, file, true))
        }
        for (name, file, generated) in sources {
            let text =
                generated ? fragmentCalls.generated[name]?.text ?? "" : fragmentCalls.texts[name] ?? texts[name] ?? ""
            // An empty page template would produce empty pages, then a broken link for every link to them: report the cause.
            if !generated, TextChecks.isBlank(text), !file.displayPath.contains("/partials/") {
                diagnostics.append(
                    .error(
                        .templateSyntax, "template '\(name)' is empty", at: SourceLocation(file: file.displayPath),
                        hint: "write the template, or delete the file to use the default theme's"))
                continue
            }
            do {
                let recording = RecordingTemplate(text)
                for escaping in recording.escapings { MustacheContentTypes.register(escaping, named: escaping.name) }
                // The rewrite only wraps attribute values, so the recording parses exactly when the template does; the
                // template itself is parsed (which costs as much) only when its recording cannot stand in for it, and
                // for a syntax error's position in the theme's own text.
                if recording.complete,
                    let recorded = try? MustacheTemplate(string: HTMLEscaping.pragma + recording.text)
                {
                    library.register(recorded, named: name)
                } else {
                    library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                    recordsLinks = false
                }
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        .templateSyntax, "template syntax error: \(describe(error.error))",
                        at: SourceLocation(
                            file: file.displayPath, line: max(1, error.context.lineNumber - 1),
                            column: error.context.columnNumber),
                        hint: "near: \(error.context.line.trimmingCharacters(in: .whitespaces))"))
            } catch {
                diagnostics.append(
                    .error(
                        .templateSyntax, "template syntax error: \(error)", at: SourceLocation(file: file.displayPath)))
            }
        }
        for required in ["layout", "home", "list", "document", "notfound"]
        where !names.contains(required)
            && !diagnostics.contains(where: { $0.location.file.hasSuffix("/\(required).mustache") })
        {
            diagnostics.append(
                .error(
                    .missingTemplate, "the theme has no '\(required).mustache' template",
                    at: SourceLocation(file: "themes"),
                    hint:
                        "add templates/\(required).mustache to the theme, or remove the site's theme setting to use the default"
                ))
        }
        var fragmentPartials: Set<String> = []
        if !fragmentCalls.texts.isEmpty, let html = try? MustacheTemplate(string: "{{{.}}}") {
            library.register(html, named: PartialFragmentRewrite.htmlName)
        }
        for partial in fragmentCalls.itemPartials where names.contains(partial) {
            let wrapperText =
                fragmentCalls.rowIndentations[partial].map {
                    PartialFragmentRewrite.rowWrapperText(partial, indentation: $0)
                }
                ?? PartialFragmentRewrite.wrapperText(partial)
            guard let wrapper = try? MustacheTemplate(string: wrapperText) else {
                continue
            }
            library.register(wrapper, named: PartialFragmentRewrite.wrapperName(partial))
            fragmentPartials.insert(partial)
        }
        for partial in fragmentCalls.pagePartials where names.contains(partial) {
            guard let wrapper = try? MustacheTemplate(string: "{{> \(partial)}}") else { continue }
            library.register(wrapper, named: PartialFragmentRewrite.pageWrapperName(partial))
            fragmentPartials.insert(partial)
        }
        return (
            diagnostics.isEmpty
                ? TemplateSet(
                    library: library, names: names, recordsLinks: recordsLinks, fragmentPartials: fragmentPartials,
                    rowIndentations: fragmentCalls.rowIndentations)
                : nil,
            diagnostics
        )
    }

    /// Whether the theme has a template of that name (optional pages such as posters need theirs).
    func has(_ name: String) -> Bool { names.contains(name) }

    /// Renders a typed model (`Page`, or the e-mail's `BulletinModel`) with a template; every `{{value}}` is HTML-escaped by
    /// the template engine. The links and ids written are recorded as they are written.
    func render<Model>(_ template: String, _ viewModel: Model) -> RenderedHTML {
        render(template, converted: TemplateValue.convertModel(viewModel))
    }

    /// The page readers browse to at `path`, rendered from a typed model with a template, or the same bytes as the last
    /// build's when the model did not change (see ``PageReuse``): then the template is not run at all, so anything that
    /// must be known of every page (its links, say) has to come from the model, not from running the template.
    func page<Model>(_ path: String, _ template: String, _ viewModel: Model) -> OutputFile {
        let converted = TemplateValue.convertModel(viewModel)
        guard let reuse else { return OutputFile(page: path, html: render(template, converted: converted)) }
        return reuse.page(path: path, template: template, converted: converted) { render(template, converted: $0) }
    }

    /// As ``page(_:_:_:)`` for a page made only from `inputs` (see ``PageInputs``): when the last build made the page
    /// from the same inputs, its bytes are used without even building the model.
    func page<Model>(_ path: String, _ template: String, inputs: PageInputs, _ viewModel: () -> Model) -> OutputFile {
        guard let reuse else { return page(path, template, viewModel()) }
        return reuse.page(
            path: path, template: template, inputs: inputs, convert: { TemplateValue.convertModel(viewModel()) },
            render: { render(template, converted: $0) })
    }

    /// A form of a page at `path` (print, e-mail: not listed in the sitemap), rendered from an already converted model
    /// with a template and then `finish`ed (the e-mail's inline styles; `finishing` names that step in the digest), or
    /// the last build's bytes when the model did not change (see ``PageReuse``).
    func form(
        _ path: String, _ template: String, converted: Any?, finishing: String = "",
        finish: @escaping (String) -> String = { $0 }
    ) -> OutputFile {
        let make = formRenderer(template, finishing, finish)
        guard let reuse else { return OutputFile(path: path, html: make(converted)) }
        return reuse.page(path: path, template: Self.formKey(template, finishing), converted: converted, render: make)
            .asForm
    }

    /// As ``form(_:_:converted:finishing:finish:)`` for a form made only from `inputs` when they are given (see
    /// ``PageInputs``): when the last build made it from the same inputs, its bytes are used without calling `convert`.
    func form(
        _ path: String, _ template: String, inputs: PageInputs?, finishing: String = "",
        finish: @escaping (String) -> String = { $0 }, _ convert: () -> Any?
    ) -> OutputFile {
        guard let reuse, let inputs else {
            return form(path, template, converted: convert(), finishing: finishing, finish: finish)
        }
        return reuse.page(
            path: path, template: Self.formKey(template, finishing), inputs: inputs, convert: convert,
            render: formRenderer(template, finishing, finish)
        ).asForm
    }

    /// The template and finishing step a form's digest names.
    private static func formKey(_ template: String, _ finishing: String) -> String {
        finishing.isEmpty ? template : template + " " + finishing
    }

    /// Renders a form's converted model with `template`, then `finish`es its text when a `finishing` step is named.
    private func formRenderer(_ template: String, _ finishing: String, _ finish: @escaping (String) -> String)
        -> (Any?) -> RenderedHTML
    {
        { converted in
            let rendered = render(template, converted: converted)
            return finishing.isEmpty ? rendered : RenderedHTML(text: finish(rendered.text), links: rendered.links)
        }
    }

    private func render(_ template: String, converted: Any?) -> RenderedHTML {
        var model = converted ?? ""
        if let fields = model as? TemplateValue { model = TemplateValue.merging(fields, Self.literal) }
        // Sections of fragments (cards) are written into the page's bytes after Mustache has run, so the text Mustache
        // builds (and copies into every enclosing section as it grows) holds only the rest of the page; when the
        // page's text cannot be told apart from the places left for them, it is rendered again the plain way.
        func run(splicing: Bool) -> (text: String, recorder: LinkRecorder, fragments: PartialFragments.Render?) {
            let recorder = LinkRecorder()
            let fragments = fragments.map { PartialFragments.Render(library: library, cache: $0, splicing: splicing) }
            let text = PartialFragments.$render.withValue(fragments) {
                LinkRecorder.$current.withValue(recorder) { library.render(model, withTemplate: template) ?? "" }
            }
            return (text, recorder, fragments)
        }
        let spliced = run(splicing: true)
        if let contents = spliced.fragments.map({ $0.splice(into: spliced.text) }) ?? .bytes(Array(spliced.text.utf8)) {
            return RenderedHTML(contents: contents, links: pageLinks(spliced.recorder))
        }
        let plain = run(splicing: false)
        return RenderedHTML(bytes: Array(plain.text.utf8), links: pageLinks(plain.recorder))
    }

    /// The links and ids a page's render recorded, held as numbers of the edition's texts; nil when the theme's
    /// templates cannot record them all.
    private func pageLinks(_ recorder: LinkRecorder) -> PageLinks? {
        recordsLinks ? .numbered(linkTexts.numbered(recorder.recorded)) : nil
    }

    /// The empty value a literal link or id is recorded through (``RecordingTemplate/literalName``).
    private static var literal: TemplateValue { TemplateValue(names: [RecordingTemplate.literalName], values: [""]) }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed ({{/name}} missing)"
        case MustacheTemplate.Error.invalidSetDelimiter: "malformed set-delimiter tag"
        default: "\(error)"
        }
    }
}
