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
        let profiling = try profile(path: path, options: options)
        let (profiles, rows, readWith) = (profiling.profiles, profiling.rows, profiling.readWith)
        if rows == 0 {
            throw SourceFormat.isJSONPath(path, options.format)
                ? ImportError.jsonShape(file: path, line: 1, message: "the file holds no records")
                : ImportError.headerOnly(file: path)
        }
        var notes = profiling.notes
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
            "responseid", "response id", "svars id", "svarsid", "_recordid", "recordid", "respondent_id", "respondentnr",
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

        // The area column: by its name (område, ort, var bor du, …), else — with a registry — by values that name
        // districts. A few values that do not resolve (≤ 1 %, ≤ 5 rows) do not stop it; they are noted.
        let unresolved: (ColumnProfile) -> [(String, Int)] = { profile in
            (profile.places ?? [:]).filter { index.resolve($0.key) == nil }.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }
        }
        let resolvesMostly: (ColumnProfile) -> Bool = { profile in
            guard !registry.districts.isEmpty else { return true }
            guard let places = profile.places, !profile.tooManyPlaces else { return false }
            let misses = unresolved(profile).reduce(0) { $0 + $1.1 }
            return places.count > 0 && ColumnProfile.Fit(misfits: misses).holds(of: profile.nonEmpty)
        }
        var district = profiles.indices.first { i in
            !used.contains(i) && profiles[i].nonEmpty > 0 && Self.isAreaName(profiles[i].name) && resolvesMostly(profiles[i])
        }
        if district == nil && !registry.districts.isEmpty {
            district = profiles.indices.first { i in
                !used.contains(i) && profiles[i].nonEmpty > 0 && profiles[i].places != nil && resolvesMostly(profiles[i])
                    && profiles[i].distinct.count > 1
            }
        }
        if let district {
            used.insert(district)
            let profile = profiles[district]
            let strays = registry.districts.isEmpty ? [] : unresolved(profile)
            if !strays.isEmpty {
                notes.append(
                    "\"\(profile.name.clipped(60))\" is read as the district column, but "
                        + strays.prefix(5).map { "\"\($0.0.clipped(40))\" (\($0.1) row\($0.1 == 1 ? "" : "s"))" }.joined(separator: ", ")
                        + " \(strays.count == 1 ? "is not a district" : "are not districts") in the registry: add "
                        + "\(strays.count == 1 ? "it" : "them") as aliases, or import the rest with --skip-invalid")
            }
        }
        let serviceTown = pick(["serviceort", "service town", "tatort", "tätort", "närmaste serviceort", "narmaste serviceort"]) {
            profile in
            registry.districts.isEmpty || (!profile.tooManyDistinct && profile.distinct.allSatisfy { index.resolveServiceTown($0) != nil })
        }
        if let district, registry.districts.isEmpty {
            let name = profiles[district].name
            notes.append(
                "\"\(name.clipped(60))\" is read as the district column (\(profiles[district].placeCount) different names); no district "
                    + "registry is loaded: draft one with `kartlagg districts infer \(Self.shellQuoted(path)) --column "
                    + "\(Self.shellQuoted(name))\(options.sheet.map { " --sheet \(Self.shellQuoted($0))" } ?? "") > districts.yaml`, "
                    + "check it and `kartlagg districts load districts.yaml`")
        } else if serviceTown != nil && registry.districts.isEmpty {
            notes.append("no district registry in the database to check the service-town column against; load it before importing")
        }
        let kind = pick(["typ", "kind", "respondenttyp", "kategori", "aktor", "aktör", "respondentkategori"]) { profile in
            !profile.tooManyDistinct && profile.distinct.allSatisfy { RespondentKind.canonical($0, allowed: RespondentKind.builtIn) != nil }
        }
        let organisation = pick([
            "organisation", "foretag", "forening", "företagsnamn", "foretagsnamn", "föreningens namn",
            "foreningens namn", "organisationsnamn", "verksamhet",
        ]) { !$0.lineBreaks && $0.maxLength <= 120 }
        let interviewer = pick(["intervjuare", "interviewer", "antecknad av", "intervjuad av"])
        let date = pick(["datum", "date", "intervjudatum", "mötesdatum", "motesdatum"]) { $0.date.misfits == 0 }
        let wave = pick(["omgang", "omgång", "wave", "vag", "våg"])

        let mapping = RespondentMapping(
            id: idName ?? RespondentMapping.rowNumber, kind: kind.map { profiles[$0].name }, district: district.map { profiles[$0].name },
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
            if id.first?.isNumber ?? true { id = "q_" + id }
            var unique = id
            var n = 2
            while !ids.insert(unique).inserted { unique = "\(id)_\(n)"; n += 1 }
            var (question, note) = Self.question(id: unique, profile: profile, rows: rows)
            // Reports head the question with its label: an R/SPSS-style name read back as words.
            question.text = QuestionLabel.from(header: profile.name)
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
        // Missing-value tokens seen anywhere: the survey's `missing`, so that no column reads them as answers.
        var tokens: [String: Int] = [:]
        for profile in profiles { tokens.merge(profile.missingTokens, uniquingKeysWith: +) }
        let missing = tokens.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        if !missing.isEmpty {
            notes.append(
                "cells holding only " + missing.map { "\"\($0)\" (\(tokens[$0, default: 0])×)" }.joined(separator: ", ")
                    + " are read as no value (`missing`); remove a token there if it is a real answer")
        }
        var survey = SurveyDefinition(
            id: Self.slug(base, separator: "-").isEmpty ? "survey" : Self.slug(base, separator: "-"),
            title: base, kind: kind == nil ? (defaultKind ?? "inspel") : nil, respondent: mapping, questions: questions,
            sheet: profiling.sheet, headerRow: profiling.shape.map { $0.headerRow > 1 ? $0.headerRow : nil } ?? nil,
            skipAfterHeader: profiling.shape.map { $0.skipAfterHeader > 0 ? $0.skipAfterHeader : nil } ?? nil,
            missing: missing.isEmpty ? nil : missing)
        // Columns that name or reach a person stay out of every output unless asked for.
        let identifying = profiles.map(\.name).filter(Self.looksIdentifying)
        if !identifying.isEmpty {
            survey.identifying = identifying
            notes.append(
                "identifying column\(identifying.count == 1 ? "" : "s") "
                    + identifying.map { "\"\($0.clipped(40))\"" }.joined(separator: ", ")
                    + " (names, e-mail, phone): kept out of query, export and reports unless --include-identifying")
        }
        return SurveyDraft(survey: survey, notes: notes, readWith: readWith)
    }

    // MARK: - Reading

    /// What one pass over a file tells about its columns and shape.
    struct Profiling {
        var profiles: [ColumnProfile]
        var rows: Int
        var readWith: String
        var notes: [String] = []
        var shape: TableShape?
        var sheet: String?
    }

    /// Whether a column's distinct values are kept for the area column: one named like it, or, with a registry to
    /// resolve values against, any column (free text is then dropped from the count past 5,000 names).
    private func mayNamePlaces(_ name: String) -> Bool {
        !registry.districts.isEmpty || Self.isAreaName(name)
    }

    private func profile(path: String, options: ReadOptions) throws -> Profiling {
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
                    profiles.append(
                        ColumnProfile(
                            name: key, trackUniqueness: profiles.count < 3 || Self.looksLikeId(key), trackPlaces: mayNamePlaces(key)))
                    // A column first seen late was empty in the earlier records.
                }
                for (key, cell) in record.cells {
                    guard let slot = position[key] else { continue }
                    switch cell {
                    case .value(let text): profiles[slot].add(text, line: record.line)
                    case .list(let items): profiles[slot].add(items.joined(separator: "; "), line: record.line)
                    case .null: break
                    }
                }
            }
            return Profiling(profiles: profiles, rows: rows, readWith: "\(format.rawValue), \(reader.encoding.rawValue)")
        }
        let table = try SourceTable(
            path: path, file: path, options: options, shape: options.headerRow == nil ? nil : options.shape())
        var profiles = table.header.enumerated().map { i, name in
            ColumnProfile(name: name, trackUniqueness: i < 3 || Self.looksLikeId(name), trackPlaces: mayNamePlaces(name))
        }
        var ragged: [(line: Int, cells: Int)] = []
        while let row = try table.next() {
            rows += 1
            let filled = row.fields.lastIndex { !$0.trimmedCell.isEmpty }.map { $0 + 1 } ?? 0
            if filled > table.header.count || (!table.format.isSpreadsheet && row.fields.count < table.header.count) {
                ragged.append((row.line, row.fields.count))
            }
            for (i, field) in row.fields.prefix(profiles.count).enumerated() { profiles[i].add(field, line: row.line) }
        }
        var profiling = Profiling(profiles: profiles, rows: rows, readWith: table.readWith, notes: table.shapeNotes)
        profiling.notes += table.warnings
        if !ragged.isEmpty {
            profiling.notes.append(
                "\(ragged.count) row\(ragged.count == 1 ? " has" : "s have") a different number of cells than the header's "
                    + "\(table.header.count) ("
                    + ragged.prefix(5).map { "line \($0.line): \($0.cells)" }.joined(separator: ", ") + (ragged.count > 5 ? ", …" : "")
                    + "): shifted rows? import rejects them until they are fixed")
        }
        if table.format.isSpreadsheet {
            let sheets = table.reader.sheets
            let name = table.reader.sheet?.name
            if sheets.count > 1 {
                profiling.sheet = name
                profiling.notes.append(
                    "the workbook has \(sheets.count) sheets: "
                        + sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"\($0.element.hidden ? " (hidden)" : "")" }
                        .joined(separator: ", ") + "; this draft reads \"\(name ?? "")\" (`sheet`; --sheet NAME for another)")
            } else if options.sheet != nil {
                profiling.sheet = name
            }
        }
        profiling.shape = table.shape
        return profiling
    }

    // MARK: - Types

    static func question(id: String, profile: ColumnProfile, rows: Int) -> (Question, String?) {
        let column = profile.name
        let count = profile.nonEmpty
        if count == 0 {
            return (Question(id: id, column: column, type: .text), "\"\(column)\" is empty in every row; typed as text")
        }
        if profile.boolean.holds(of: count) && profile.anyBooleanWord {
            return (Question(id: id, column: column, type: .boolean), profile.misfitNote(profile.boolean, readAs: "Ja/Nej"))
        }
        if profile.integer.holds(of: count) && profile.minInteger <= profile.maxInteger {
            if let range = scaleRange(in: column), range.contains(profile.minInteger), range.contains(profile.maxInteger) {
                return (
                    Question(id: id, column: column, type: .scale, scale: range),
                    profile.misfitNote(profile.integer, readAs: "a scale \(range.description)")
                )
            }
            return (Question(id: id, column: column, type: .integer), profile.misfitNote(profile.integer, readAs: "whole numbers"))
        }
        if profile.scalePoint.holds(of: count) && profile.anyScaleLabel && profile.minScalePoint <= profile.maxScalePoint {
            // Labelled points (`4 - Ganska nöjd`): the header's range, else the usual 1–5, 1–7 or 0/1–10 that holds them.
            let observed =
                scaleRange(in: column)
                ?? ScaleRange(
                    min: profile.minScalePoint >= 1 ? 1 : 0, max: [5, 7, 10].first { $0 >= profile.maxScalePoint } ?? profile.maxScalePoint)
            if observed.contains(profile.minScalePoint) && observed.contains(profile.maxScalePoint) && observed.min < observed.max {
                var notes: [String] = []
                if scaleRange(in: column) == nil {
                    notes.append("\"\(column)\" is read as a scale \(observed.description) from its labelled answers; check the range")
                }
                if let misfit = profile.misfitNote(profile.scalePoint, readAs: "a scale") { notes.append(misfit) }
                return (
                    Question(id: id, column: column, type: .scale, scale: observed),
                    notes.isEmpty ? nil : notes.joined(separator: "\n# check: ")
                )
            }
        }
        if profile.decimal.holds(of: count) && profile.decimal.misfits < count {
            var question = Question(id: id, column: column, type: .decimal)
            var note = profile.misfitNote(profile.decimal, readAs: "numbers")
            if profile.pointDecimals > 0 && profile.commaDecimals == 0 {
                question.decimalMark = "."
            } else if profile.commaDecimals > 0 && profile.pointDecimals == 0 {
                question.decimalMark = ","
            } else if profile.commaDecimals > 0 {
                note = [note, "\"\(column)\" writes decimals both with a comma and with a point; set `decimal_mark`"]
                    .compactMap { $0 }.joined(separator: "\n# check: ")
            }
            return (question, note)
        }
        if profile.date.holds(of: count) {
            return (Question(id: id, column: column, type: .date), profile.misfitNote(profile.date, readAs: "dates"))
        }
        let shortValues = !profile.lineBreaks && profile.maxLength <= 60
        if profile.rowsWithSemicolon > 0 && !profile.tooManyParts && shortValues && profile.parts.allSatisfy({ $0.count <= 60 })
            && profile.parts.count < profile.nonEmpty
        {
            return (Question(id: id, column: column, type: .multi, options: OptionOrder.natural(profile.parts, counts: [:])), nil)
        }
        if !profile.tooManyDistinct && profile.distinct.count <= ColumnProfile.distinctCap && shortValues
            && profile.distinct.count * 2 <= profile.nonEmpty
        {
            // Values seen once that break a pattern the rest follow (`Bra` among age bands) are slips, not options.
            let strays = profile.distinct.filter { profile.counts[$0] == 1 }
            let regular = profile.distinct.filter { profile.counts[$0, default: 0] > 1 }
            var fit = ColumnProfile.Fit()
            for value in strays { fit.miss(value, line: profile.firstLines[value] ?? 0) }
            if !strays.isEmpty && fit.holds(of: profile.nonEmpty) && !OptionOrder.hasPattern(profile.distinct)
                && OptionOrder.hasPattern(regular)
            {
                return (
                    Question(id: id, column: column, type: .choice, options: OptionOrder.natural(regular, counts: profile.counts)),
                    profile.misfitNote(fit, readAs: "one of \(regular.count) options")
                )
            }
            return (
                Question(id: id, column: column, type: .choice, options: OptionOrder.natural(profile.distinct, counts: profile.counts)),
                nil
            )
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

    /// Whether a header names where the respondent lives or works: `Område`, `Bostadsort`, `Var bor du?`,
    /// `I vilken kommundel bor du?`, `Socken`, `By`.
    static func isAreaName(_ name: String) -> Bool {
        let key = MatchKey.make(name).replacingOccurrences(of: "?", with: "").replacingOccurrences(of: "_", with: " ")
            .replacingOccurrences(of: ".", with: " ")
        let words = Set(key.split(whereSeparator: { !$0.isLetter }).map(String.init))
        let exact = ["ort", "by", "district", "area", "region", "bygd"]
        if words.count <= 2 && exact.contains(where: words.contains) { return true }
        let anywhere = [
            "omrade", "omradet", "bostadsort", "stadsdel", "kommundel", "socken", "postort", "distrikt", "hemort", "bostadsomrade",
            "bygden", "landsbygdsomrade",
        ]
        if anywhere.contains(where: words.contains) { return true }
        return key.contains("bor du") || key.contains("where do you live") || key.contains("var bor")
    }

    /// Whether a header names a person or a way to reach one: `Namn`, `E-post`, `Telefon`, `Personnummer`.
    static func looksIdentifying(_ name: String) -> Bool {
        let key = MatchKey.make(name).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        let words = Set(key.split(whereSeparator: { !$0.isLetter }).map(String.init))
        let names = [
            "namn", "name", "fornamn", "efternamn", "kontaktperson", "epost", "email", "mail", "mejl", "telefon", "tel", "mobil",
            "phone", "personnummer", "adress", "address", "gatuadress",
        ]
        return names.contains(where: words.contains) || key.contains("e post") || key.contains("e mail")
    }

    /// `'…'` for a shell, when the text needs it.
    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) })
            ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
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
        for ext in [".csv", ".tsv", ".tab", ".txt", ".json", ".ndjson", ".jsonl", ".xlsx", ".xlsm", ".ods"]
        where name.lowercased().hasSuffix(ext) {
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
