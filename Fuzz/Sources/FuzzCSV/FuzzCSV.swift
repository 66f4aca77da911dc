import Foundation
import FuzzSupport
import KartlaggningCore
import KartlaggningImport

// Any bytes as a CSV export: inference (encoding, dialect, header, types) and a whole import into a fresh
// in-memory database must end in a value or a clear error, never a crash, a hang or a sanitizer report.
nonisolated(unsafe) let path = NSTemporaryDirectory() + "kartlagg-fuzz-\(getpid()).csv"
/// One store for the whole run (migrations are the slow part); each import is its own transaction.
nonisolated(unsafe) let store: KartlaggningStore? = {
    guard let store = try? KartlaggningStore.inMemory(), (try? store.addSurvey(survey)) != nil else { return nil }
    return store
}()
nonisolated(unsafe) let survey = SurveyDefinition(
    id: "fuzz", title: "Fuzz", kind: "företag", respondent: RespondentMapping(id: "Nr"),
    questions: [
        Question(id: "a", column: "A", type: .text), Question(id: "b", column: "B", type: .scale, scale: ScaleRange(min: 1, max: 5)),
        Question(id: "c", column: "C", type: .decimal),
    ])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    let limits = ReadLimits(cellBytes: 4096, columns: 64, rowBytes: 16384)
    for lenient in [false, true] {
        _ = try? SurveyInferrer().infer(path: path, options: ReadOptions(lenientQuotes: lenient, limits: limits))
    }
    if let store {
        let options = ImportOptions(read: ReadOptions(limits: limits))
        _ = try? Importer(store: store).importFile(at: path, survey: "fuzz", options: options)
    }
    return 0
}

@_cdecl("FuzzCSV_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
