import Foundation
import FuzzSupport
import KartlaggningCore
import KartlaggningImport

// Any bytes as a JSON (and NDJSON) export: inference and import end in a value or a clear error.
nonisolated(unsafe) let base = NSTemporaryDirectory() + "kartlagg-fuzz-\(getpid())"
/// One store for the whole run (migrations are the slow part); each import is its own transaction.
nonisolated(unsafe) let store: KartlaggningStore? = {
    guard let store = try? KartlaggningStore.inMemory(), (try? store.addSurvey(survey)) != nil else { return nil }
    return store
}()
nonisolated(unsafe) let survey = SurveyDefinition(
    id: "fuzz", title: "Fuzz", kind: "företag", respondent: RespondentMapping(id: "id"),
    questions: [Question(id: "a", column: "a", type: .text), Question(id: "b", column: "b.c", type: .integer)])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    for ext in ["json", "ndjson"] {
        let path = base + "." + ext
        guard FileManager.default.createFile(atPath: path, contents: bytes) else { continue }
        _ = try? SurveyInferrer().infer(path: path)
        if let store {
            _ = try? Importer(store: store).importFile(at: path, survey: "fuzz")
        }
    }
    return 0
}

@_cdecl("FuzzJSON_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
