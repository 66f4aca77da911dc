import Foundation
import FuzzSupport
import KartlaggningCore
import KartlaggningImport

// Any bytes as an SPSS (.sav), SPSS portable (.por) and Stata (.dta) file: ReadStat's reading through kartlagg's
// callbacks, the parsing thread and its buffer, inference and import end in a value or a clear error. (ReadStat itself
// is Debian's build, not instrumented: the coverage that guides the fuzzer is kartlagg's side.)
nonisolated(unsafe) let base = NSTemporaryDirectory() + "kartlagg-fuzz-stat-\(getpid())"
nonisolated(unsafe) let store: KartlaggningStore? = {
    guard let store = try? KartlaggningStore.inMemory(), (try? store.addSurvey(survey)) != nil else { return nil }
    return store
}()
nonisolated(unsafe) let survey = SurveyDefinition(
    id: "fuzz", title: "Fuzz", kind: "företag", respondent: RespondentMapping(id: "id"),
    questions: [Question(id: "a", column: "omr", type: .text), Question(id: "b", column: "nojd", type: .integer)])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    for ext in ["sav", "por", "dta"] {
        let path = base + "." + ext
        guard FileManager.default.createFile(atPath: path, contents: bytes) else { continue }
        _ = try? SurveyInferrer().infer(path: path)
        if let store { _ = try? Importer(store: store).importFile(at: path, survey: "fuzz") }
    }
    return 0
}

@_cdecl("FuzzStat_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
