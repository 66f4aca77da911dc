/// The wording for library users: the setting or operation that helps, in words, naming no command line.
public struct LibraryWording: RemedyWording {
    public init() {}

    public func text(for remedy: Remedy) -> String {
        switch remedy {
        case .initDatabase: "a store opened for writing (it creates or upgrades the file)"
        case .listSurveys: "the store's survey list"
        case .addSurvey: "adding a survey definition"
        case .inferSurvey: "survey inference"
        case .inferDistricts: "district inference"
        case .inferDistrictsFrom(_, let column, _): "a district registry drafted from the column \"\(column)\""
        case .loadDistricts: "loading a district registry"
        case .listCodebooks: "the store's codebook list"
        case .loadCodebook: "loading a codebook"
        case .chooseCodebook: "the codebook option"
        case .tag: "tagging"
        case .reviewTags(let archived): archived ? "the archived tags" : "the flagged tags"
        case .settleTags: "keep or archive each flagged tag"
        case .listAnswers: "an answer query"
        case .listImports: "the import history"
        case .undoImport(let id): "undoing import \(id)"
        case .auditLedger: "the publication ledger's audit"
        case .raiseWait: "a longer wait"
        case .giveBins: "bin edges"
        case .chooseDistrict: "the report request's district"
        case .chooseThemes: "the report request's themes"
        case .chooseMapAnswer(let question): "the map's answer to \(question)"
        case .orderAreasByShare: "an area order by one theme's share"
        case .minCell(let value): value.map { "min-cell \($0)" } ?? "min-cell"
        case .minBase: "min-base"
        case .suggestCodebook: "codebook suggestions"
        case .freshLedger: "a fresh ledger"
        case .skipInvalid: "the skip-invalid option"
        case .headerRow(let line?): "header row \(line)"
        case .headerRow(nil), .headerRowSetting: "the header row option"
        case .delimiter: "the delimiter option"
        case .chooseSheet: "the sheet option"
        case .includeIdentifying: "the include-identifying option"
        case .workbenchShowsIdentifying: "started showing identifying columns"
        case .encoding(let name): "the encoding \(name)"
        case .lenientQuotes: "lenient quotes"
        case .raiseLimit(let limit): "the \(limit.rawValue) limit"
        case .lastWins: "the last-wins option"
        case .openWorkbenchAddress: "open the address the workbench printed, with its token"
        }
    }
}
