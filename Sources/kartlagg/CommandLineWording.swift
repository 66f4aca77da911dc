import KartlaggningCore
import KartlaggningModel

/// Every remedy the libraries name, as the command line spells it: the command to run or the flag that fixes it. The
/// one place where a library's message meets `kartlagg`'s commands and flags; set as the process's wording at start.
struct CommandLineWording: RemedyWording {
    func text(for remedy: Remedy) -> String {
        switch remedy {
        case .initDatabase(let path): "`kartlagg init --db \(path)`"
        case .listSurveys: "`kartlagg survey list`"
        case .addSurvey: "`kartlagg survey add FILE`"
        case .inferSurvey: "`kartlagg survey infer`"
        case .inferDistricts: "`kartlagg districts infer`"
        case .inferDistrictsFrom(let file, let column, let sheet):
            "`kartlagg districts infer \(Self.shellQuoted(file)) --column \(Self.shellQuoted(column))"
                + (sheet.map { " --sheet \(Self.shellQuoted($0))" } ?? "") + " > districts.yaml`"
        case .loadDistricts(let file): "`kartlagg districts load \(file ?? "FILE")`"
        case .listCodebooks: "`kartlagg codebook list`"
        case .loadCodebook(let file): file ? "`kartlagg codebook load FILE`" : "`kartlagg codebook load`"
        case .chooseCodebook: "--codebook"
        case .tag: "`kartlagg tag`"
        case .reviewTags(let archived): archived ? "`kartlagg tag review --archived`" : "`kartlagg tag review`"
        case .settleTags: "keep with --accept TAG (or --accept-all), archive with --drop TAG --by NAME"
        case .listAnswers: "`kartlagg query`"
        case .listImports(let id): id.map { "`kartlagg imports \($0)`" } ?? "`kartlagg imports`"
        case .undoImport(let id): "`kartlagg import undo \(id)`"
        case .auditLedger: "`kartlagg audit`"
        case .raiseWait: "--wait"
        case .giveBins: "--bins"
        case .chooseDistrict: "--district NAME"
        case .chooseThemes: "--theme ID (repeatable)"
        case .chooseMapAnswer(let question): "--question \(question)=VALUE"
        case .orderAreasByShare: "--area-order share:THEME"
        case .minCell(let value): value.map { "--min-cell \($0)" } ?? "--min-cell"
        case .minBase: "--min-base"
        case .suggestCodebook: "kartlagg codebook suggest"
        case .freshLedger: "--fresh"
        case .skipInvalid(let rejects): rejects ? "--skip-invalid --rejects rejected.csv" : "--skip-invalid"
        case .headerRow(let line): "--header-row \(line.map(String.init) ?? "N")"
        case .headerRowSetting: "--header-row"
        case .delimiter: "--delimiter"
        case .chooseSheet(.setting): "--sheet"
        case .chooseSheet(.name): "--sheet NAME"
        case .chooseSheet(.nameOrNumber): "--sheet NAME or --sheet N"
        case .includeIdentifying: "--include-identifying"
        case .workbenchShowsIdentifying: "--identifying"
        case .encoding(let name): "--encoding \(name)"
        case .lenientQuotes: "--lenient-quotes"
        case .raiseLimit(.cellSize): "--max-cell-size"
        case .raiseLimit(.rowSize): "--max-row-size"
        case .raiseLimit(.columns): "--max-columns"
        case .raiseLimit(.repeatedRows): "a smaller sheet"
        case .lastWins: "--last-wins"
        case .openWorkbenchAddress: "open the address kartlagg serve printed, with its ?token=…"
        }
    }

    /// A word as a shell reads it: bare when it is safe, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) })
            ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
