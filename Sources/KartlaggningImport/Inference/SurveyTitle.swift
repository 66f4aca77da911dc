import Foundation

/// A survey's title as `survey infer` proposes it from the file's name, the one place a file names its survey.
/// Form tools name their downloads after the form, with their own additions: Kobo's
/// `Meeting_Form_-_latest_version_-_False_-_2024-03-14-09-51-14`, LimeSurvey's `results-survey54231`, a
/// municipality's own `data-raw_utf8`. What a tool or a person added for the file's sake (versions, dates and times,
/// encodings, "export", "raw") is dropped, underscores (and the dashes of a name without spaces) read as spaces, and
/// the first letter raised. A draft's note asks for the survey's own title, which reports use as theirs.
enum SurveyTitle {
    /// Words of a file name (case folded) that describe the file, not the survey.
    private static let fileWords: Set<String> = [
        "utf8", "utf-8", "utf16", "ansi", "latin1", "cp1252", "windows-1252", "raw", "export", "exported", "download", "data",
        "results", "responses", "csv", "xlsx", "final", "copy", "kopia",
    ]

    /// A sheet's name where it names the form (Kobo's "Meeting Form", LimeSurvey's "Artifact Evaluation Survey"); nil
    /// for the names spreadsheets and tools give every sheet ("Sheet1", "Blad1", Google's "Form Responses 1", "Data").
    static func fromSheet(_ sheet: String) -> String? {
        let name = sheet.trimmingCharacters(in: .whitespaces)
        let generic =
            #"^(sheet|blad|tabelle|feuil|hoja|foglio|ark|taulukko|form responses|formulärsvar|svar|responses|results|data|raw data|export|query|worksheet)\s*\d*$"#
        guard !name.isEmpty, name.range(of: generic, options: [.regularExpression, .caseInsensitive]) == nil else { return nil }
        return name
    }

    /// The proposed title; `base` itself where nothing of it is left.
    static func fromFileName(_ base: String) -> String {
        var name = base.replacingOccurrences(of: "_", with: " ")
        // Kobo: "<form> - latest version - False - <timestamp>", "<form> - all versions - labels - <timestamp>".
        for marker in [" - latest version", " - all versions"] {
            if let range = name.range(of: marker, options: .caseInsensitive) { name = String(name[..<range.lowerBound]) }
        }
        // A date and time the tool stamped at the end: 2024-03-14-09-51-14, 2024-03-14 09.51, 20240314_0951.
        for pattern in [#"[ .-]*\d{4}-\d{2}-\d{2}([ T.-]+\d{2}[-:.]\d{2}([-:.]\d{2})?)?$"#, #"[ .-]*\d{8}([ .-]*\d{4,6})?$"#] {
            if let range = name.range(of: pattern, options: .regularExpression) { name = String(name[..<range.lowerBound]) }
        }
        // What describes the file goes, word by word from either end; the words between are kept as written.
        func describesFile(_ word: Substring) -> Bool {
            let lower = word.lowercased()
            // Version numbers (v2, v12) are the file's too.
            return fileWords.contains(lower) || (lower.count > 1 && lower.first == "v" && lower.dropFirst().allSatisfy(\.isNumber))
        }
        let separators: Set<Character> = [" ", "-", "."]
        var changed = true
        while changed {
            changed = false
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: " -."))
            if let cut = name.lastIndex(where: { separators.contains($0) }), describesFile(name[name.index(after: cut)...]) {
                name = String(name[..<cut])
                changed = true
            } else if let cut = name.firstIndex(where: { separators.contains($0) }), describesFile(name[..<cut]) {
                name = String(name[name.index(after: cut)...])
                changed = true
            }
        }
        // LimeSurvey's "survey54231": the survey's number, said as such.
        if let range = name.range(of: #"^survey(\d+)$"#, options: [.regularExpression, .caseInsensitive]) {
            name = "Survey " + name[range].dropFirst(6)
        }
        // A name of dashed words (grundskolan-2009): the dashes stood for spaces.
        if !name.contains(" ") { name = name.replacingOccurrences(of: "-", with: " ") }
        let title = name.trimmingCharacters(in: .whitespaces)
        guard let first = title.first else { return base }
        return first.uppercased() + title.dropFirst()
    }
}
