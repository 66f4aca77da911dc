import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

struct ExportTests {
    static func importedSample(_ sample: String, definition: String) throws -> KartlaggningStore {
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(try DefinitionLoader.districts(at: Paths.sample("districts.yaml")))
        let survey = try DefinitionLoader.survey(at: Paths.sample(definition))
        try store.addSurvey(survey)
        let summary = try Importer(store: store).importFile(at: Paths.sample(sample), survey: survey.id)
        #expect(summary.status == .imported)
        return store
    }

    static func export(
        _ store: KartlaggningStore, survey: String, format: ExportFormat = .csv, layout: ExportLayout = .wide,
        delimiter: Character = ";"
    ) throws -> String {
        let folder = TemporaryDirectory()
        let path = folder.path("out")
        let writer = try TextFileWriter(path: path)
        try Exporter(store: store).export(survey: survey, format: format, layout: layout, delimiter: delimiter, to: writer)
        writer.flush()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func wideExportGivesBackTheImportedTable() throws {
        let store = try Self.importedSample("foretag-2025.csv", definition: "foretag-2025.survey.yaml")
        let exported = try Self.export(store, survey: "foretag-2025")
        var original = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8)
        if original.hasPrefix("\u{FEFF}") { original.removeFirst() }
        #expect(exported == original)
    }

    @Test func wideExportOfWindows1252FileMatchesItsText() throws {
        let store = try Self.importedSample("forening-2025.csv", definition: "forening-2025.survey.yaml")
        let exported = try Self.export(store, survey: "forening-2025")
        let data = try Data(contentsOf: URL(fileURLWithPath: Paths.sample("forening-2025.csv")))
        #expect(exported == String(data: data, encoding: .windowsCP1252))
    }

    @Test func longExportHasTypedValues() throws {
        let store = try Self.importedSample("foretag-2025.csv", definition: "foretag-2025.survey.yaml")
        let lines = try Self.export(store, survey: "foretag-2025", layout: .long, delimiter: ",").components(separatedBy: "\r\n")
        #expect(lines[0] == "respondent,kind,district,service_town,wave,question,column,raw,value")
        #expect(
            lines.contains("F001,företag,Anundsjö,Bredbyn,2025,behov,Behov,Bredband; Kompetens,\"[\"\"Bredband\"\",\"\"Kompetens\"\"]\""))
        #expect(lines.contains("F013,företag,Grundsunda,Husum,2025,bredband_nojd,Nöjd med bredband (1-5),4,4"))
        #expect(lines.contains("F001,företag,Anundsjö,Bredbyn,2025,samverkar_foreningar,Samverkar med föreningar,Ja,ja"))
    }

    @Test func jsonExportParses() throws {
        let store = try Self.importedSample("inspel-2025.csv", definition: "inspel-2025.survey.yaml")
        let json = try Self.export(store, survey: "inspel-2025", format: .json)
        let records = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]
        #expect(records?.count == 12)
        #expect(records?.first?["Svars-ID"] == "W-101")
        #expect(records?.first?["Hur stolt är du över din bygd? (1-10)"] == "8")
    }
}
