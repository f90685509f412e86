// The libFuzzer entry point. It is compiled into one module together with the LessonsKit sources listed in
// Fuzz/sources.txt (see Fuzz/build), so it can reach internal API such as `PipeTable`.
import Foundation

/// A decoder with a minimal configuration and the data slugs the seed corpus uses.
private let decoder: DocumentDecoder = {
    var data = SiteData()
    data.themes = ["falls", "observation", "medication"].map {
        Theme(slug: $0, title: $0, description: nil, parent: nil)
    }
    return DocumentDecoder(config: SiteConfig(title: "Fuzz", organisation: "Fuzz Trust"), data: data)
}()

private let scanner: PrivacyScanner = {
    var settings = PrivacySettings()
    settings.allowedEmailDomains = ["nhs.net"]
    settings.patterns = [PrivacyPattern(name: "RiO number", regex: #"\bRIO\d{7}\b"#)]
    return PrivacyScanner(settings: settings)
}()

/// libFuzzer's entry point: one input per call; traps on a crash or a broken invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
    FuzzChecks.run(text, decoder: decoder, scanner: scanner)
    return 0
}
