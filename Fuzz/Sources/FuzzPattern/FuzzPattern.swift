import Foundation
import FuzzSupport
import KartlaggningAnalysis
import KartlaggningCore

// Any text as a codebook pattern, compiled into a matcher and run over Swedish text (and over itself).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard (try? CodebookPattern(text)) != nil else { return 0 }
    let codebook = Codebook(id: "f", version: "1", themes: [Theme(id: "t", label: "T", keywords: [text])])
    if let matcher = try? CodebookMatcher(codebook: codebook) {
        _ = matcher.match("Föreningarna i Nätra vill ha bredband och närarbetsplatser, inte vindkraftverket.", question: "q")
        _ = matcher.match(text, question: "q")
    }
    return 0
}

@_cdecl("FuzzPattern_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
