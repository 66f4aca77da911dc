import Foundation
import FuzzSupport
import KartlaggningCore
import KartlaggningImport
import ZIPFoundation

// Any bytes as the sheet of an XLSX workbook and as an ODS content.xml: inference and import end in a value or a
// clear error (the streaming XML scanner, the cell and row readers, merged cells, repeats).
nonisolated(unsafe) let base = NSTemporaryDirectory() + "kartlagg-fuzz-sheet-\(getpid())"
nonisolated(unsafe) let store: KartlaggningStore? = {
    guard let store = try? KartlaggningStore.inMemory(), (try? store.addSurvey(survey)) != nil else { return nil }
    return store
}()
nonisolated(unsafe) let survey = SurveyDefinition(
    id: "fuzz", title: "Fuzz", kind: "företag", respondent: RespondentMapping(id: "id"),
    questions: [Question(id: "a", column: "a", type: .text), Question(id: "b", column: "b", type: .integer)])

let workbook = #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
let relationships = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#

func write(_ path: String, _ parts: [(String, Data)]) -> Bool {
    try? FileManager.default.removeItem(atPath: path)
    guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .create) else { return false }
    for (name, data) in parts {
        do {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        } catch {
            return false
        }
    }
    return true
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let xlsx = base + ".xlsx"
    let ods = base + ".ods"
    let packages = [
        (xlsx, [("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(relationships.utf8)), ("xl/worksheets/sheet1.xml", bytes)]),
        (ods, [("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", bytes)]),
    ]
    for (path, parts) in packages where write(path, parts) {
        _ = try? SurveyInferrer().infer(path: path)
        if let store { _ = try? Importer(store: store).importFile(at: path, survey: "fuzz") }
    }
    return 0
}

@_cdecl("FuzzSheet_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
