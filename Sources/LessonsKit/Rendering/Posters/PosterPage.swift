/// `lessons/<id>/poster.html`: an A4 portrait poster of a lesson for a ward noticeboard — title, key messages set
/// large, one picture, the Trust's name, and a QR code to the lesson's page when `base_url` is known.
struct PosterPages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let paths: SitePaths
    let baseURL: String?

    /// Key messages longer than this in total are set a size smaller so the poster stays on one page.
    static let longPosterCharacters = 420

    /// The poster's path for a lesson: `lessons/ll-2026-001/poster.html`.
    static func posterPath(_ slug: String) -> String { "lessons/\(slug)/poster.html" }

    /// The poster PDF's path: `lessons/ll-2026-001/poster.pdf`.
    static func posterPDFPath(_ slug: String) -> String { "lessons/\(slug)/poster.pdf" }

    func posterView(_ lesson: Document, keyMessages: [String], picture: PosterView.Picture?) -> PosterView {
        let folder = paths.folder(of: lesson)
        let address = baseURL.map { $0 + folder }
        let editionTitle = frame.editionTitle
        let qr = address.flatMap { QRCode(text: $0) }?.svg(
            label: "QR code: scan to open this lesson on the \(editionTitle) site")
        return PosterView(
            id: lesson.id, title: lesson.title, summary: lesson.summary, keyMessages: keyMessages,
            isLong: keyMessages.map(\.count).reduce(0, +) > Self.longPosterCharacters,
            picture: picture, organisation: frame.organisation, siteTitle: editionTitle,
            address: address, qrSVG: qr.map(HTMLFragment.init(scanning:)),
            findText: "Read the whole lesson on the \(editionTitle) intranet site: search for \(lesson.id).",
            lessonHref: paths.href(from: folder, to: folder))
    }

    func page(_ lesson: Document, keyMessages: [String], bodyHTML: String) -> OutputFile {
        let folder = paths.folder(of: lesson)
        let picture = FirstImage.find(in: bodyHTML)
        return templates.page(
            Self.posterPath(lesson.slug), "poster", inputs: inputs(lesson, keyMessages: keyMessages, picture: picture)
        ) {
            frame.page(
                PosterBody(poster: posterView(lesson, keyMessages: keyMessages, picture: picture)), folder: folder,
                title: "Poster: \(lesson.title)", heading: lesson.title, currentSection: nil, breadcrumbs: [])
        }
    }

    /// Every value the poster's page is made from (the QR code and the picture from what they are made of), so an
    /// unchanged poster is taken from the last build without drawing its QR code again.
    func inputs(_ lesson: Document, keyMessages: [String], picture: PosterView.Picture?) -> PageInputs {
        var inputs = PageInputs(kind: "poster 1")
        inputs.add(frame: frame)
        inputs.add(paths.folder(of: lesson))
        inputs.add(Self.posterPath(lesson.slug))
        inputs.add(lesson.id)
        inputs.add(lesson.title)
        inputs.add(lesson.summary)
        inputs.add(keyMessages)
        inputs.add(baseURL)
        inputs.add(picture?.src)
        inputs.add(picture?.alt)
        return inputs
    }
}
