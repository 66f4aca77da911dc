import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

extension CodebookEvaluation {
    /// `kartlagg codebook eval` as a library call: the labelled set read, tagged with the codebook file by `matching`
    /// (default: the codebook's own rule), and scored. Nothing is stored.
    ///
    /// The set is a CSV or TSV with a `text` column and a `themes` column (theme ids, comma-separated; `-` or empty
    /// for none), and optionally `forms` (one entry per theme, several joined by `+`; `Tests/Evaluation/README.md`)
    /// and `question`.
    ///
    /// ```swift
    /// let result = try CodebookEvaluation.run(codebook: "kodbok.yaml", set: "kodat.tsv", matching: .forms)
    /// print(result.micro.f1)
    /// ```
    /// - Throws: `ImportError` for a file that cannot be read, a missing column, or a label that is no theme of the
    ///   codebook (`file:line: column "themes": …`); `PatternError` for a pattern that does not compile.
    public static func run(codebook path: String, set: String, matching: KeywordMatching? = nil, options: ReadOptions = ReadOptions())
        throws -> Result
    {
        var codebook = try DefinitionLoader.codebook(at: path)
        if let matching { codebook.matching = matching }
        let matcher = try CodebookMatcher(codebook: codebook)
        return evaluate(try labelledAnswers(set, codebook: codebook, options: options), matcher: matcher)
    }

    /// The answers of a labelled set, each label checked against the codebook.
    static func labelledAnswers(_ set: String, codebook: Codebook, options: ReadOptions) throws -> [LabelledAnswer] {
        let known = Set(codebook.themes.map(\.id))
        let table = try SourceTable(path: set, file: set, options: options)
        func column(_ names: [String]) -> Int? { table.header.firstIndex { names.contains(MatchKey.make($0)) } }
        let textColumn = column(["text", "svar", "answer"])
        let themesColumn = column(["themes", "teman", "theme", "tema"])
        let formsColumn = column(["forms", "former"])
        let questionColumn = column(["question", "fraga"])
        let missing = [("text", textColumn), ("themes", themesColumn)].filter { $0.1 == nil }.map(\.0)
        guard let textColumn, let themesColumn, missing.isEmpty else {
            throw ImportError.definition(
                file: set, line: table.headerLine,
                message: "a labelled set needs the columns text and themes; missing "
                    + missing.map { "\"\($0)\"" }.joined(separator: ", ") + "; the file has "
                    + table.header.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        var answers: [LabelledAnswer] = []
        while let row = try table.next() {
            func cell(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmedCell
            }
            let text = cell(textColumn)
            guard !text.isEmpty else { continue }
            let labelText = cell(themesColumn)
            let labels =
                labelText == "-"
                ? [] : labelText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let unknown = labels.first(where: { !known.contains($0) }) {
                throw ImportError.definition(
                    file: set, line: row.line,
                    message: "column \"\(table.header[themesColumn])\": \"\(unknown)\" is not a theme of codebook \(codebook.id)")
            }
            let question = cell(questionColumn)
            answers.append(
                LabelledAnswer(
                    line: row.line, text: text, themes: labels,
                    forms: cell(formsColumn).split(separator: ",").map { $0.split(separator: "+").map(String.init) },
                    question: question.isEmpty ? nil : question))
        }
        return answers
    }
}
