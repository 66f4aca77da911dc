import Foundation
import FuzzSupport
import KartlaggningReport

// Any text escaped for Markdown and rendered to HTML must stay text: no tag, link or image may come out of it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let markdown = "# " + Markdown.inline(text) + "\n\n" + Markdown.inline(text, startsLine: true) + "\n\n"
        + Markdown.table(["a", "b"], [[text, "1"]]) + "\n![" + Markdown.altText(text) + "](x.svg)\n"
    let html = HTMLPage.render(markdown: markdown, title: text, language: .sv, figures: ["x.svg": "<svg></svg>"])
    let body = html.components(separatedBy: "<main>").last ?? html
    for live in ["<script", "<img", "<a ", "<iframe", "<b>", "<em>", "<strong>", "<code>"] where body.contains(live) {
        fatalError("markup from data in the HTML: \(live) from \(text.debugDescription)")
    }
    return 0
}

@_cdecl("FuzzEscaping_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
