/// Every bulletin form: the web page, the A4 print page (with its footer stylesheet), the e-mail page, the .eml
/// message, and the bulletins list page linking to each form.
struct BulletinPages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let bodies: BodyRenderer
    /// The bulletin settings, `base_url` (e-mail forms), the site's title, organisation, language and time zone.
    let config: SiteConfig
    let data: SiteData
    /// The edition's theme figures, for spotlights.
    let themes: ThemeAnalysis
    /// `bulletin.support` of site.yaml as HTML, rendered once per build.
    let supportHTML: HTMLFragment?
    let today: PartialDate
    /// The bulletins (lower-cased ids) whose PDF the build is to print, so that their pages link to it from the start;
    /// the PDF stage renders the linking pages again only for a PDF that could not be made.
    var plannedPDFs: Set<String> = []
    var paths: SitePaths { links.paths }
    var content: EditionContent { links.content }

    /// The bulletin files of the edition, linking to the PDFs planned.
    func files() -> RenderedPage {
        files(pdfIds: plannedPDFs)
    }

    /// The bulletin files of the edition; `pdfIds` (lower-cased ids) are the bulletins whose PDF exists, so pages link to it.
    func files(pdfIds: Set<String>) -> RenderedPage {
        var files: [OutputFile] = []
        let diagnostics = forEachFile(pdfIds: pdfIds) { files += $0 }
        return RenderedPage(files: files, diagnostics: diagnostics)
    }

    /// The same files, each bulletin's forms handed to `body` as soon as they are made, then the list page; returns the
    /// problems met.
    func forEachFile(pdfIds: Set<String>, _ body: ([OutputFile]) -> Void) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let bulletins = content.documents(of: .bulletin)
        var listed: [(Document, BulletinIssue)] = []
        for bulletin in bulletins {
            guard
                let issue = BulletinAssembly.assemble(
                    bulletin, content: content, data: data, config: config, themes: themes)
            else {
                continue
            }
            listed.append((bulletin, issue))
            let page = bulletinForms(issue, hasPDF: pdfIds.contains(bulletin.slug))
            body(page.files)
            diagnostics += page.diagnostics
        }
        body([bulletinListPage(listed, pdfIds: pdfIds)])
        return diagnostics
    }

    /// Only the files that link to the PDFs: the web pages, the list page and the e-mail forms.
    func pagesLinkingPDFs(_ pdfIds: Set<String>) -> [OutputFile] {
        files(pdfIds: pdfIds).files.filter {
            $0.path.hasSuffix("/index.html") || $0.path.hasSuffix("/email.html") || $0.path.hasSuffix(".eml")
        }
    }

    /// The print page's path for a bulletin: `bulletins/llb-003/print.html`.
    static func bulletinPrintPath(_ slug: String) -> String { "bulletins/\(slug)/print.html" }

    /// The PDF's path for a bulletin: `bulletins/llb-003/llb-003.pdf`.
    static func bulletinPDFPath(_ slug: String) -> String { "bulletins/\(slug)/\(slug).pdf" }

    private func bulletinForms(_ issue: BulletinIssue, hasPDF: Bool) -> RenderedPage {
        let bulletin = issue.bulletin
        let folder = paths.folder(of: bulletin)
        var diagnostics: [Diagnostic] = []
        var files: [OutputFile] = []
        let foreword = bodies.renderBody(bulletin, folder: folder, diagnostics: &diagnostics, copiedFiles: &files)
        // With an input key, a form the last build made from the same inputs is taken without building its model.
        let inputs = templates.reuse?.sources.flatMap {
            reuseInputs(issue, forewordHTML: foreword, hasPDF: hasPDF, sources: $0)
        }
        let relative = BulletinLinks(paths: paths, folder: folder, base: nil)
        let hasEmail = config.baseURL != nil
        var formats = BulletinModel.Formats(printHref: "print.html")
        if hasPDF { formats.pdfHref = bulletin.slug + ".pdf" }
        if hasEmail {
            formats.emailHref = "email.html"
            formats.emlHref = bulletin.slug + ".eml"
        }
        let model = { bulletinView(issue, links: relative, forewordHTML: foreword, formats: formats) }

        let web = {
            frame.page(
                BulletinWebBody(
                    bulletin: model(),
                    doc: .init(related: links.related(bulletin, from: folder), typeSlug: "bulletins", id: bulletin.id)),
                folder: folder, title: bulletin.title, currentSection: paths.listFolder(of: .bulletin),
                breadcrumbs: [("Home", ""), (DocumentType.bulletin.pluralName, paths.listFolder(of: .bulletin))])
        }
        if let inputs {
            files.append(templates.page(paths.file(for: folder), "bulletin", inputs: inputs, web))
        } else {
            files.append(templates.page(paths.file(for: folder), "bulletin", web()))
        }

        // The print page is what Chromium prints, before any PDF exists: it never links to the PDF.
        let print = {
            var printFormats = formats
            printFormats.pdfHref = nil
            var printModel: BulletinModel
            if let base = config.baseURL {
                let printLinks = BulletinLinks(paths: paths, folder: folder, base: base, absoluteFiles: false)
                printModel = bulletinView(
                    issue, links: printLinks,
                    forewordHTML: bodies.bulletinBodyHTML(bulletin, links: printLinks, headingShift: 0),
                    formats: printFormats)
            } else {
                printModel = model()
                printModel.formats = printFormats
            }
            return TemplateValue.convertModel(
                frame.page(
                    BulletinPrintBody(bulletin: printModel, pageStylesheet: "print-page.css"), folder: folder,
                    title: bulletin.title, currentSection: nil, breadcrumbs: []))
        }
        files.append(templates.form(Self.bulletinPrintPath(bulletin.slug), "bulletin-print", inputs: inputs, print))
        files.append(
            OutputFile(path: folder + "print-page.css", text: Self.printPageCSS(issue: issue, site: config.title)))

        if let base = config.baseURL {
            let absolute = BulletinLinks(paths: paths, folder: folder, base: base)
            var emailFormats = BulletinModel.Formats(webHref: absolute.href(folder))
            if hasPDF { emailFormats.pdfHref = absolute.href(Self.bulletinPDFPath(bulletin.slug)) }
            // The e-mail's model, made once and only when a form needs it.
            var made: EmailModel?
            func email() -> EmailModel {
                if let made { return made }
                let emailForeword = bodies.bulletinBodyHTML(bulletin, links: absolute, headingShift: 0)
                var view = bulletinView(issue, links: absolute, forewordHTML: emailForeword, formats: emailFormats)
                view.lang = config.language
                view.pageTitle = bulletin.title
                let model = EmailModel(view: view, converted: TemplateValue.convertModel(view))
                made = model
                return model
            }
            let styled = templates.form(
                folder + "email.html", "bulletin-email", inputs: inputs, finishing: Self.emailStyling,
                finish: EmailStyling.inlineStyled
            ) { email().converted }
            files.append(styled)
            files.append(emailMessage(issue, email: email, inputs: inputs, html: styled))
        }
        return RenderedPage(files: files, diagnostics: diagnostics)
    }

    /// The e-mail form's view model and its conversion for the template.
    private struct EmailModel {
        let view: BulletinModel
        let converted: Any?
    }

    /// The step after rendering that makes the e-mail page, as named in its digest.
    private static let emailStyling = "inline styles"

    /// The `.eml` draft of a bulletin: its plain text and the styled e-mail page `html`. It is made only from the
    /// e-mail's model (`email`), the subject and the date line, so when those are the last build's (by the bulletin's
    /// `inputs`, else by the model's digest), the last build's bytes are used without writing the plain text or encoding
    /// the message again.
    private func emailMessage(
        _ issue: BulletinIssue, email: () -> EmailModel, inputs bulletinInputs: PageInputs?, html: OutputFile
    ) -> OutputFile {
        let path = paths.folder(of: issue.bulletin) + issue.bulletin.slug + ".eml"
        let subject = "\(config.title) Bulletin — Issue \(issue.details.issue) (\(issue.details.covers.displayText))"
        func message() -> String {
            guard let bytes = html.heldBytes ?? templates.reuse?.previousBytes(of: html) else { return "" }
            return MIMEMessage(
                subject: subject, date: today, timezone: config.timezone,
                plainText: BulletinPlainText.render(issue, view: email().view),
                html: String(decoding: bytes, as: UTF8.self)
            ).rendered
        }
        guard let reuse = templates.reuse else { return OutputFile(path: path, text: message()) }
        var inputs: PageInputs
        if let bulletinInputs {
            inputs = bulletinInputs
        } else {
            guard
                let model = reuse.digest(
                    template: "bulletin-email " + Self.emailStyling, converted: email().converted)
            else { return OutputFile(path: path, text: message()) }
            inputs = PageInputs(kind: "bulletin-eml 1")
            inputs.add(digest: model)
        }
        inputs.add(subject)
        inputs.add(MIMEMessage.rfc5322Date(today, timezone: config.timezone))
        return reuse.page(
            path: path, template: "bulletin-eml", inputs: inputs, convert: { nil },
            render: { _ in RenderedHTML(text: message(), links: nil) }
        ).asForm
    }

    private func bulletinListPage(_ issues: [(Document, BulletinIssue)], pdfIds: Set<String>) -> OutputFile {
        let folder = paths.listFolder(of: .bulletin)
        let items = issues.map { bulletin, issue -> BulletinsBody.Issue in
            let target = paths.folder(of: bulletin)
            var item = BulletinsBody.Issue(
                title: bulletin.title, href: paths.href(from: folder, to: target), issueLine: issue.issueLine,
                printHref: paths.href(from: folder, to: Self.bulletinPrintPath(bulletin.slug)),
                isDraft: bulletin.isDraft, dateText: bulletin.date?.displayText, summary: bulletin.summary)
            if pdfIds.contains(bulletin.slug) {
                item.pdfHref = paths.href(from: folder, to: Self.bulletinPDFPath(bulletin.slug))
            }
            if config.baseURL != nil {
                item.emailHref = paths.href(from: folder, to: target + "email.html")
                item.emlHref = paths.href(from: folder, to: target + bulletin.slug + ".eml")
            }
            return item
        }
        let body = BulletinsBody(intro: DocumentType.bulletin.introduction, isEmpty: issues.isEmpty, issues: items)
        let view = frame.page(
            body, folder: folder, title: DocumentType.bulletin.pluralName, currentSection: folder,
            breadcrumbs: [("Home", "")])
        return OutputFile(page: paths.file(for: folder), html: templates.render("bulletins", view))
    }

    /// The print page's footer (issue and page number on every page) as margin boxes; a stylesheet of its own because
    /// the pages' Content-Security-Policy forbids inline styles.
    static func printPageCSS(issue: BulletinIssue, site: String) -> String {
        let left = "\(site) Bulletin · \(issue.issueLine)"
        return """
            /* Footer of every printed page of \(issue.bulletin.id). */
            @page {
              @bottom-left { content: "\(cssString(left))"; }
            }

            """
    }

    /// Escapes text for a CSS string: quotes, backslashes and every non-ASCII character as hex escapes.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": result += "\\" + String(scalar)
            case _ where scalar.value < 0x20 || scalar.value > 0x7e:
                result += "\\" + String(scalar.value, radix: 16) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
