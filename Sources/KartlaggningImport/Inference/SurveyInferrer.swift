import Foundation
import KartlaggningCore

/// Infers a draft survey definition from a data file: columns, their types, and which columns hold
/// the respondent id, kind, district, service town, organisation, interviewer and date.
///
/// Every value of the file is read (with bounded memory), so a draft whose inference was unambiguous
/// validates the file it came from without edits.
public struct SurveyInferrer {
    let registry: DistrictRegistry

    public init(registry: DistrictRegistry = DistrictRegistry(districts: [])) {
        self.registry = registry
    }

    public func infer(path: String, options: ReadOptions = ReadOptions()) throws -> SurveyDraft {
        let (profiles, rows, readWith) = try profile(path: path, options: options)
        if rows == 0 {
            throw SourceFormat.isJSONPath(path, options.format)
                ? ImportError.jsonShape(file: path, line: 1, message: "the file holds no records")
                : ImportError.headerOnly(file: path)
        }
        var notes: [String] = []
        var used = Set<Int>()
        let index = registry.index()

        func pick(_ names: [String], where accept: (ColumnProfile) -> Bool = { _ in true }) -> Int? {
            let found = profiles.indices.first { i in
                !used.contains(i) && Self.nameMatches(profiles[i].name, names) && profiles[i].nonEmpty > 0 && accept(profiles[i])
            }
            if let found { used.insert(found) }
            return found
        }

        // The respondent id: a column named like one whose values are unique; else the first unique column.
        let idNames = [
            "id", "nr", "nummer", "lopnummer", "lopnr", "respondent", "respondentid", "respondent id", "respondentnummer",
            "svarsid", "svar id", "intervju", "intervjuid", "intervju id", "intervjunr", "id nummer", "kod", "key",
        ]
        var idColumn = pick(idNames) { $0.uniqueness != nil && !$0.duplicates && $0.nonEmpty == rows }
        if idColumn == nil {
            idColumn = profiles.indices.first { i in
                profiles[i].uniqueness != nil && !profiles[i].duplicates && profiles[i].nonEmpty == rows
            }
            if let idColumn { used.insert(idColumn) }
        }
        var idName = idColumn.map { profiles[$0].name }
        if idColumn == nil {
            idName = RespondentMapping.rowNumber
            notes.append(
                "no column has a unique value on every row, so each row is a respondent numbered by its position "
                    + "(`id: \"#row\"`); name an id column instead if the file has one")
        }

        let resolves: (ColumnProfile) -> Bool = { profile in
            registry.districts.isEmpty || (!profile.tooManyDistinct && profile.distinct.allSatisfy { index.resolve($0) != nil })
        }
        var district = pick(["omrade", "område", "district", "bygd", "distrikt", "socken", "kommundel"], where: resolves)
        if district == nil && !registry.districts.isEmpty {
            // A column named otherwise ("Vilket område bor du i?") whose every value is a district or service town.
            district = profiles.indices.first { i in
                !used.contains(i) && profiles[i].nonEmpty > 0 && !profiles[i].tooManyDistinct
                    && profiles[i].distinct.allSatisfy { index.resolve($0) != nil }
            }
            if let district { used.insert(district) }
        }
        let serviceTown = pick(["serviceort", "service town", "ort", "tatort", "by", "närmaste serviceort", "narmaste serviceort"]) {
            profile in
            registry.districts.isEmpty || (!profile.tooManyDistinct && profile.distinct.allSatisfy { index.resolveServiceTown($0) != nil })
        }
        if (district != nil || serviceTown != nil) && registry.districts.isEmpty {
            notes.append("no district registry in the database to check the district column against; load it before importing")
        }
        let kind = pick(["typ", "kind", "respondenttyp", "kategori", "aktor", "aktör", "respondentkategori"]) { profile in
            !profile.tooManyDistinct && profile.distinct.allSatisfy { RespondentKind.canonical($0, allowed: RespondentKind.builtIn) != nil }
        }
        let organisation = pick([
            "organisation", "foretag", "forening", "företagsnamn", "foretagsnamn", "föreningens namn",
            "foreningens namn", "organisationsnamn", "verksamhet",
        ]) { !$0.lineBreaks && $0.maxLength <= 120 }
        let interviewer = pick(["intervjuare", "interviewer", "antecknad av", "intervjuad av"])
        let date = pick(["datum", "date", "intervjudatum", "mötesdatum", "motesdatum"]) { $0.allDate }
        let wave = pick(["omgang", "omgång", "wave", "vag", "våg"])

        let mapping = RespondentMapping(
            id: idName!, kind: kind.map { profiles[$0].name }, district: district.map { profiles[$0].name },
            serviceTown: serviceTown.map { profiles[$0].name }, organisation: organisation.map { profiles[$0].name },
            interviewer: interviewer.map { profiles[$0].name }, date: date.map { profiles[$0].name },
            wave: wave.map { profiles[$0].name })

        var questions: [Question] = []
        var ids = Set<String>()
        for (i, profile) in profiles.enumerated() where !used.contains(i) {
            guard !profile.name.isEmpty else {
                notes.append("column \(i + 1) has no header and is left out")
                continue
            }
            var id = Self.slug(profile.name, separator: "_")
            if id.isEmpty || id.first!.isNumber { id = "q_" + id }
            var unique = id
            var n = 2
            while !ids.insert(unique).inserted { unique = "\(id)_\(n)"; n += 1 }
            let (question, note) = Self.question(id: unique, profile: profile, rows: rows)
            questions.append(question)
            if let note { notes.append(note) }
        }

        let base = Self.baseName(path)
        let defaultKind = kind == nil ? Self.kindFromFileName(base) : nil
        if kind == nil && defaultKind == nil {
            notes.append(
                "the respondent kind could not be told from the file; \"inspel\" is set — change `kind` if the rows are företag, förening, …"
            )
        }
        let survey = SurveyDefinition(
            id: Self.slug(base, separator: "-").isEmpty ? "survey" : Self.slug(base, separator: "-"),
            title: base, kind: kind == nil ? (defaultKind ?? "inspel") : nil, respondent: mapping, questions: questions)
        return SurveyDraft(survey: survey, notes: notes, readWith: readWith)
    }

    // MARK: - Reading

    private func profile(path: String, options: ReadOptions) throws -> ([ColumnProfile], Int, String) {
        let format = try SourceFormat.resolve(options.format, path: path, file: path)
        var rows = 0
        if format.isJSON {
            let reader = try JSONRecordReader(path: path, file: path, options: options, format: format)
            var profiles: [ColumnProfile] = []
            var position: [String: Int] = [:]
            while let record = try reader.next() {
                rows += 1
                for key in record.cells.keys.sorted() where position[key] == nil {
                    position[key] = profiles.count
                    profiles.append(ColumnProfile(name: key, trackUniqueness: profiles.count < 3 || Self.looksLikeId(key)))
                    // A column first seen late was empty in the earlier records.
                }
                for (key, cell) in record.cells {
                    switch cell {
                    case .value(let text): profiles[position[key]!].add(text)
                    case .list(let items): profiles[position[key]!].add(items.joined(separator: "; "))
                    case .null: break
                    }
                }
            }
            return (profiles, rows, "\(format.rawValue), \(reader.encoding.rawValue)")
        }
        let table = try CSVTable(path: path, file: path, options: options)
        var duplicates = Set<String>()
        for name in table.header where !name.isEmpty && !duplicates.insert(name).inserted {
            throw ImportError.duplicateHeader(file: path, line: table.headerLine, column: name)
        }
        var profiles = table.header.enumerated().map { i, name in
            ColumnProfile(name: name, trackUniqueness: i < 3 || Self.looksLikeId(name))
        }
        while let row = try table.next() {
            rows += 1
            if let message = RecordStream.raggedness(of: row, header: table.header, firstRow: rows == 1) {
                throw ImportError.definition(file: path, line: row.line, message: message)
            }
            for (i, field) in row.fields.prefix(profiles.count).enumerated() { profiles[i].add(field) }
        }
        var readWith = "\(format.rawValue), \(table.encoding.rawValue), delimiter \(table.delimiterName)"
        if options.headerRow > 1 { readWith += ", --header-row \(options.headerRow)" }
        return (profiles, rows, readWith)
    }

    // MARK: - Types

    static func question(id: String, profile: ColumnProfile, rows: Int) -> (Question, String?) {
        let column = profile.name
        if profile.nonEmpty == 0 {
            return (Question(id: id, column: column, type: .text), "\"\(column)\" is empty in every row; typed as text")
        }
        if profile.allBoolean && profile.anyBooleanWord {
            return (Question(id: id, column: column, type: .boolean), nil)
        }
        if profile.allInteger {
            if let range = scaleRange(in: column), range.contains(profile.minInteger), range.contains(profile.maxInteger) {
                return (Question(id: id, column: column, type: .scale, scale: range), nil)
            }
            return (Question(id: id, column: column, type: .integer), nil)
        }
        if profile.allScalePoints && profile.anyScaleLabel {
            // Labelled points (`4 - Ganska nöjd`): the header's range, else the usual 1–5, 1–7 or 0/1–10 that holds them.
            let observed =
                scaleRange(in: column)
                ?? ScaleRange(
                    min: profile.minScalePoint >= 1 ? 1 : 0, max: [5, 7, 10].first { $0 >= profile.maxScalePoint } ?? profile.maxScalePoint)
            if observed.contains(profile.minScalePoint) && observed.contains(profile.maxScalePoint) && observed.min < observed.max {
                let note =
                    scaleRange(in: column) == nil
                    ? "\"\(column)\" is read as a scale \(observed.description) from its labelled answers; check the range" : nil
                return (Question(id: id, column: column, type: .scale, scale: observed), note)
            }
        }
        if profile.allDecimal { return (Question(id: id, column: column, type: .decimal), nil) }
        if profile.allDate { return (Question(id: id, column: column, type: .date), nil) }
        let shortValues = !profile.lineBreaks && profile.maxLength <= 60
        if profile.rowsWithSemicolon > 0 && !profile.tooManyParts && shortValues && profile.parts.allSatisfy({ $0.count <= 60 })
            && profile.parts.count < profile.nonEmpty
        {
            return (Question(id: id, column: column, type: .multi, options: profile.parts), nil)
        }
        if !profile.tooManyDistinct && profile.distinct.count <= 12 && shortValues && profile.distinct.count * 2 <= profile.nonEmpty {
            return (Question(id: id, column: column, type: .choice, options: profile.distinct), nil)
        }
        return (Question(id: id, column: column, type: .text), nil)
    }

    /// The range a header announces: `Nöjd med bredband (1-5)`, `Betyg 1–10`, `skala 0-10`.
    static func scaleRange(in header: String) -> ScaleRange? {
        let pattern = #"(\d{1,2})\s*[-–—]\s*(\d{1,2})"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: header, range: NSRange(header.startIndex..., in: header)),
            let lowRange = Range(match.range(at: 1), in: header), let highRange = Range(match.range(at: 2), in: header),
            let low = Int(header[lowRange]), let high = Int(header[highRange]), low < high, high <= 100
        else { return nil }
        return ScaleRange(min: low, max: high)
    }

    // MARK: - Names

    /// Whether a column's name, or the last part of a dotted JSON path (`mote.datum`), is one of `candidates`.
    static func nameMatches(_ name: String, _ candidates: [String]) -> Bool {
        func key(_ text: String) -> String {
            MatchKey.make(text).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        }
        let keys = [key(name), key(String(name.split(separator: ".").last ?? ""))]
        return candidates.contains { keys.contains(key($0)) }
    }

    static func looksLikeId(_ name: String) -> Bool {
        let key = MatchKey.make(name)
        return key == "id" || key.hasSuffix(" id") || key.hasSuffix("id") || key.hasPrefix("nr") || key.contains("nummer")
    }

    static func kindFromFileName(_ base: String) -> String? {
        let key = MatchKey.make(base)
        if key.contains("foretag") || key.contains("company") { return "företag" }
        if key.contains("forening") || key.contains("association") { return "förening" }
        if key.contains("tema") { return "temagrupp" }
        if key.contains("inspel") || key.contains("enkat") { return "inspel" }
        return nil
    }

    static func baseName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for ext in [".csv", ".tsv", ".tab", ".txt", ".json", ".ndjson", ".jsonl"] where name.lowercased().hasSuffix(ext) {
            name = String(name.dropLast(ext.count))
        }
        return name
    }

    /// `Nöjd med bredband (1-5)` → `nojd_med_bredband_1_5`: ASCII letters and digits, at most 40 characters.
    static func slug(_ text: String, separator: Character) -> String {
        var out = ""
        for character in MatchKey.make(text) {
            if character.isASCII && (character.isLetter || character.isNumber) {
                out.append(character)
            } else if let last = out.last, last != separator {
                out.append(separator)
            }
        }
        while out.last == separator { out.removeLast() }
        if out.count > 40 {
            out = String(out.prefix(40))
            if let cut = out.lastIndex(of: separator) { out = String(out[..<cut]) }
        }
        return out
    }
}

extension SourceFormat {
    static func isJSONPath(_ path: String, _ requested: String?) -> Bool {
        (try? resolve(requested, path: path, file: path).isJSON) ?? false
    }
}
