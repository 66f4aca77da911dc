import Foundation
import FuzzSupport
import KartlaggningImport

// Encoding detection on any bytes, with each encoding forced too: a value or a clear error.
nonisolated(unsafe) let path = NSTemporaryDirectory() + "kartlagg-fuzz-enc-\(getpid()).tsv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
    for encoding in [nil, "utf-8", "utf-16", "windows-1252", "iso-8859-1"] {
        _ = try? SurveyInferrer().infer(path: path, options: ReadOptions(encoding: encoding))
    }
    return 0
}

@_cdecl("FuzzEncoding_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
