import Foundation
import KartlaggningCore
import KartlaggningModel

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
        let profiling: Profiling
        do {
            profiling = try profile(path: path, options: options)
        } catch let error as ImportError {
            throw Self.withSheets(error, path: path, options: options)
        }
        let (profiles, rows, readWith) = (profiling.profiles, profiling.rows, profiling.readWith)
        if rows == 0 {
            throw SourceFormat.isJSONPath(path, options.format)
                ? ImportError.jsonShape(file: path, line: 1, message: "the file holds no records")
                : Self.withSheets(ImportError.headerOnly(file: path), path: path, options: options)
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
        var idColumn = pick(Self.idNames) { $0.uniqueness != nil && !$0.duplicates && $0.nonEmpty == rows }
        let idByName = idColumn != nil
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
            !used.contains(i) && profiles[i].nonEmpty > 0 && Self.isAreaName(profiles[i].name) && Self.looksLikePlaces(profiles[i])
                && resolvesMostly(profiles[i])
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
                        + "\(strays.count == 1 ? "it" : "them") as aliases, or import the rest with \(Remedy.skipInvalid(rejects: false))")
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
                    + "registry is loaded: draft one with \(Remedy.inferDistrictsFrom(file: path, column: name, sheet: options.sheet)), "
                    + "check it and \(Remedy.loadDistricts(file: "districts.yaml"))")
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
        let date = pick([
            "datum", "date", "intervjudatum", "mötesdatum", "motesdatum", "timestamp", "tidsstampel", "tidstämpel", "tidsstämpel",
            "completion time", "slutförandetid", "submitdate", "submissiondate", "_submission_time", "recordeddate",
        ]) { $0.date.misfits == 0 }
        let wave = pick(["omgang", "omgång", "wave", "vag", "våg"])

        let mapping = RespondentMapping(
            id: idName ?? RespondentMapping.rowNumber, kind: kind.map { profiles[$0].name }, district: district.map { profiles[$0].name },
            serviceTown: serviceTown.map { profiles[$0].name }, organisation: organisation.map { profiles[$0].name },
            interviewer: interviewer.map { profiles[$0].name }, date: date.map { profiles[$0].name },
            wave: wave.map { profiles[$0].name })

        // Why each column got what it got: `# why:` in the draft.
        var reasons: [String: String] = [:]
        let fieldColumns: [(RespondentField, Int?)] = [
            (.id, idColumn), (.kind, kind), (.district, district), (.serviceTown, serviceTown), (.organisation, organisation),
            (.interviewer, interviewer), (.date, date), (.wave, wave),
        ]
        for case (let field, let column?) in fieldColumns {
            let byName = field == .id ? idByName : (field != .district || Self.isAreaName(profiles[column].name))
            reasons[profiles[column].name] = Self.reason(forRespondent: field, profile: profiles[column], rows: rows, byName: byName)
        }
        var questions: [Question] = []
        var ids = Set<String>()
        let batteries = Self.ratingBatteries(profiles)
        // A statistics file's checkbox variables are read through their set's column, not as questions of their own.
        let memberColumns = Set(profiling.checkboxSets.values.flatMap { $0.members.map(\.variable) })
        for (i, profile) in profiles.enumerated() where !used.contains(i) {
            guard !profile.name.isEmpty else {
                notes.append("column \(i + 1) has no header and is left out")
                continue
            }
            var id = Self.slug(profile.name, separator: "_")
            if id.first?.isNumber ?? true { id = "q_" + id }
            var unique = id
            var n = 2
            while !ids.insert(unique).inserted {
                unique = "\(id)_\(n)"
                n += 1
            }
            var (question, note) = Self.question(id: unique, profile: profile, rows: rows, battery: batteries[i])
            // Reports head the question with its label: an R/SPSS-style name read back as words.
            question.text = profiling.labels[profile.name] ?? QuestionLabel.from(header: profile.name)
            if let set = profiling.checkboxSets[profile.name] {
                // One checkbox question in one variable per option: the added column is the question, the variables
                // are read through it.
                var multi = Question(id: unique, column: set.name, text: set.label, type: .multi, options: set.options)
                if set.separator != ";" { multi.separator = set.separator }
                questions.append(multi)
                reasons[profile.name] =
                    "the file writes it as \(set.members.count) variables, one per option, each labelled as a box: read as one checkbox question"
                continue
            }
            if memberColumns.contains(profile.name) { continue }
            if let variable = profiling.stat[profile.name] {
                // A labelled file defines the question: nothing to check.
                let defined = StatDefinition.question(question, variable: variable, profile: profile)
                questions.append(defined.0)
                reasons[profile.name] = defined.reason
                continue
            }
            questions.append(question)
            reasons[profile.name] = Self.reason(for: question, profile: profile, battery: batteries[i])
            if let note { notes.append(note) }
        }

        let base = Self.baseName(path)
        let defaultKind = kind == nil ? Self.kindFromFileName(base) : nil
        // A form tool names its sheet after the form (Kobo, LimeSurvey); else the title is made from the file's name.
        // Reports take it as theirs, so the draft asks for the survey's own.
        let title: String
        if let label = profiling.fileLabel, !label.isEmpty {
            // The file names itself: nothing to check.
            title = label
        } else if let sheet = profiling.sheetName, let named = SurveyTitle.fromSheet(sheet) {
            title = named
            notes.append("`title` \"\(title)\" is the workbook's sheet name; write the survey's own title if it is another, reports use it")
        } else {
            title = SurveyTitle.fromFileName(base)
            notes.append("`title` \"\(title)\" is made from the file's name; write the survey's own title, reports use it")
        }
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
            title: title, kind: kind == nil ? (defaultKind ?? "inspel") : nil, respondent: mapping, questions: questions,
            sheet: profiling.sheet, headerRow: profiling.shape.map { $0.headerRow > 1 ? $0.headerRow : nil } ?? nil,
            skipAfterHeader: profiling.shape.map { $0.skipAfterHeader > 0 ? $0.skipAfterHeader : nil } ?? nil,
            missing: missing.isEmpty ? nil : missing)
        // Columns that name or reach a person stay out of every output unless asked for: by their header, or by values
        // that are e-mail addresses, phone numbers or personnummer.
        // A form tool's own `_name` columns (Kobo's `_parent_table_name`) identify by their values only; a column of
        // people's names does whatever its header says, unless it is the interviewer's or the organisation's (kept,
        // and pseudonymised in reports, as respondent fields).
        let staff = Set([mapping.interviewer, mapping.organisation].compactMap { $0 })
        // A header row of codes (`V3`) with the texts below it (`Name`): the texts say what the column is too.
        let labels = profiling.labels
        let identifying = profiles.filter { profile in
            (Self.looksIdentifying(profile.name) && !profile.name.hasPrefix("_"))
                || (labels[profile.name].map(Self.looksIdentifying) == true && !Self.looksTechnical(profile.name))
                || (profile.nonEmpty > 0 && profile.contactValues * 2 >= profile.nonEmpty)
                || (profile.nonEmpty > 0 && profile.nameValues * 2 >= profile.nonEmpty && !staff.contains(profile.name))
        }.map(\.name)
        if !identifying.isEmpty {
            survey.identifying = identifying
            notes.append(
                "identifying column\(identifying.count == 1 ? "" : "s") "
                    + identifying.map { "\"\($0.clipped(40))\"" }.joined(separator: ", ")
                    + " (names, e-mail, phone): kept out of query, export and reports unless \(Remedy.includeIdentifying)")
        }
        // A form tool's own columns (ids, timings, IP addresses, metadata) are kept but are no questions to report.
        let respondentColumns = Set(([mapping.id] + mapping.mappedFields.map(\.column)).map(MatchKey.header))
        let technical = profiles.filter { profile in
            guard !respondentColumns.contains(MatchKey.header(profile.name)), !identifying.contains(profile.name) else { return false }
            let stamped = profile.nonEmpty > 0 && profile.machineValues * 10 >= profile.nonEmpty * 9
            return stamped || Self.looksTechnical(profile.name) || labels[profile.name].map(Self.looksTechnical) == true
        }.map(\.name)
        if !technical.isEmpty {
            survey.technical = technical
            let shown: [String] = technical.prefix(8).map { "\"\($0.clipped(30))\"" }
            let more = technical.count > 8 ? " and \(technical.count - 8) more" : ""
            notes.append(
                "technical column\(technical.count == 1 ? "" : "s") \(shown.joined(separator: ", "))\(more) (a form tool's ids, "
                    + "timings, IP addresses, metadata): kept, but in no report, cross-tab or the workbench")
        }
        return SurveyDraft(survey: survey, notes: notes, readWith: readWith, reasons: reasons)
    }

    // MARK: - Reading

    /// What infer says about a form tool's JSON: its repeat groups, read as records of their own with `--sheet`.
    static func formToolNotes(_ reader: JSONRecordReader, sheet: String?) -> [String] {
        guard let tool = reader.dialect else { return [] }
        var notes: [String] = []
        let link = tool == .kobo ? "_submission__uuid and _parent_index" : "PARENT_KEY"
        if let sheet {
            notes.append(
                "the records are those of the repeat group \"\(sheet)\" in \(tool.name) submissions, each linked to its parent by "
                    + "\(link) (`sheet: \(sheet)`)")
        }
        let others = reader.repeatSheets.filter { $0.name != sheet }
        if !others.isEmpty {
            notes.append(
                "the submissions hold repeat group\(others.count == 1 ? "" : "s") "
                    + others.map { "\"\($0.name)\" (\($0.records) record\($0.records == 1 ? "" : "s"))" }.joined(separator: ", ")
                    + ": their answers are not in this draft; `\(Remedy.chooseSheet(.name))` drafts one as records of its own, linked to their "
                    + "parents by \(link)")
        }
        if !reader.unexpandedRepeats.isEmpty {
            notes.append(String(JSONRecordReader.unexpandedHint(reader.unexpandedRepeats).dropFirst(2)))
        }
        return notes
    }

    /// A refusal of a workbook's sheet, with the workbook's sheets listed to choose from (when it has more than one).
    static func withSheets(_ error: ImportError, path: String, options: ReadOptions) -> ImportError {
        if case .inWorkbook = error { return error }
        guard let format = try? SourceFormat.resolve(options.format, path: path, file: path), format.isSpreadsheet else {
            return error
        }
        let reader: RowReader? =
            format == .xlsx
            ? try? XLSXReader(path: path, file: path, sheet: nil, limits: options.limits)
            : try? ODSReader(path: path, file: path, sheet: nil, limits: options.limits, allSheets: true)
        guard let sheets = reader?.sheets, sheets.count > 1 else { return error }
        return .inWorkbook(
            error, sheets: sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"\($0.element.hidden ? " (hidden)" : "")" })
    }

    /// What one pass over a file tells about its columns and shape.
    struct Profiling {
        var profiles: [ColumnProfile]
        var rows: Int
        var readWith: String
        var notes: [String] = []
        var shape: TableShape?
        var sheet: String?
        /// The name of the sheet read (a workbook), whether or not the draft names it.
        var sheetName: String?
        /// Question texts the file gives under its column names, by name.
        var labels: [String: String] = [:]
        /// What a labelled statistics file (SPSS, Stata) defines of each variable, by name.
        var stat: [String: StatVariable] = [:]
        /// Its label, the survey's title where it has one.
        var fileLabel: String?
        /// Its checkbox questions written one variable per option (`StatCheckboxSet`), by the added column's name.
        var checkboxSets: [String: StatCheckboxSet] = [:]
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
                for key in record.cells.order where position[key] == nil {
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
            var profiling = Profiling(profiles: profiles, rows: rows, readWith: "\(format.rawValue), \(reader.encoding.rawValue)")
            profiling.notes = reader.warnings + Self.formToolNotes(reader, sheet: options.sheet)
            if let tool = reader.dialect { profiling.readWith += ", \(tool.name) submissions" }
            profiling.sheet = options.sheet
            return profiling
        }
        let table = try SourceTable(
            path: path, file: path, options: options, shape: options.headerRow == nil ? nil : options.shape())
        var profiles = table.header.enumerated().map { i, name in
            ColumnProfile(name: name, trackUniqueness: i < 3 || Self.looksLikeId(name), trackPlaces: mayNamePlaces(name))
        }
        // A row with more filled cells than the header, or (in text) fewer cells, has a delimiter too many or too few:
        // its values sit under the wrong columns. It never shapes the draft — "15-24" is not an education, "0-4 år"
        // not a district — and import rejects it until it is fixed.
        var shifted: [(line: Int, cells: Int)] = []
        // Shifted rows are profiled apart, for a file in which every row is "shifted" (the header has a cell more):
        // its draft is then made of them, and import says what is wrong.
        var shiftedProfiles: [ColumnProfile] = []
        while let row = try table.next() {
            let filled = row.fields.lastIndex { !$0.trimmedCell.isEmpty }.map { $0 + 1 } ?? 0
            if filled > table.header.count || (!table.format.isSpreadsheet && row.fields.count < table.header.count) {
                shifted.append((row.line, table.format.isSpreadsheet ? filled : row.fields.count))
                if rows == 0 {
                    if shiftedProfiles.isEmpty { shiftedProfiles = profiles }
                    for (i, field) in row.fields.prefix(profiles.count).enumerated() { shiftedProfiles[i].add(field, line: row.line) }
                }
                continue
            }
            rows += 1
            shiftedProfiles = []
            for (i, field) in row.fields.prefix(profiles.count).enumerated() { profiles[i].add(field, line: row.line) }
        }
        let everyRowShifted = rows == 0 && !shifted.isEmpty
        if everyRowShifted { (profiles, rows) = (shiftedProfiles, shifted.count) }
        var profiling = Profiling(profiles: profiles, rows: rows, readWith: table.readWith, notes: table.shapeNotes)
        profiling.labels = table.labels
        for variable in table.statMetadata?.variables ?? [] { profiling.stat[variable.name] = variable }
        for set in table.statCheckboxSets { profiling.checkboxSets[set.name] = set }
        profiling.fileLabel = table.statMetadata?.fileLabel.trimmingCharacters(in: .whitespaces)
        profiling.notes += table.warnings
        if everyRowShifted {
            profiling.notes.append(
                "every row has a different number of cells than the header's \(table.header.count) (line \(shifted[0].line): "
                    + "\(shifted[0].cells)): is the header on another line (\(Remedy.headerRow(nil))) or the delimiter another "
                    + "(\(Remedy.delimiter))? Import rejects such rows")
        } else if !shifted.isEmpty {
            let cells = table.format.isSpreadsheet ? "filled cells" : "cells"
            profiling.notes.append(
                "\(shifted.count) row\(shifted.count == 1 ? " has" : "s have") a different number of \(cells) than the header's "
                    + "\(table.header.count) ("
                    + shifted.prefix(5).map { "line \($0.line): \($0.cells)" }.joined(separator: ", ") + (shifted.count > 5 ? ", …" : "")
                    + "): shifted by a delimiter too many or too few, so left out of this draft's types, options and "
                    + "districts; import rejects \(shifted.count == 1 ? "it" : "them") until \(shifted.count == 1 ? "it is" : "they are") fixed"
            )
        }
        if table.format.isSpreadsheet {
            let sheets = table.reader.sheets
            let name = table.reader.sheet?.name
            profiling.sheetName = name
            if sheets.count > 1 {
                profiling.sheet = name
                profiling.notes.append(
                    "the workbook has \(sheets.count) sheets: "
                        + sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"\($0.element.hidden ? " (hidden)" : "")" }
                        .joined(separator: ", ")
                        + "; this draft reads \"\(name ?? "")\" (`sheet`; \(Remedy.chooseSheet(.name)) for another)")
            } else if options.sheet != nil {
                profiling.sheet = name
            }
        }
        profiling.shape = table.shape
        return profiling
    }

    // MARK: - Types

    static func question(id: String, profile: ColumnProfile, rows: Int, battery: ScaleRange? = nil) -> (question: Question, reason: String?)
    {
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
            // A checkbox column written as 1 where chosen (and 0 or nothing where not): a yes/no question; written as
            // the option's code where chosen (SurveyMonkey's `3` under its third option): that one value.
            if profile.minInteger >= 0 && profile.maxInteger == 1 && profile.integer.misfits == 0 && isOptionColumn(column) {
                return (Question(id: id, column: column, type: .boolean), nil)
            }
            if profile.minInteger == profile.maxInteger && profile.integer.misfits == 0 && isOptionColumn(column),
                let code = profile.distinct.first, profile.distinct.count == 1
            {
                return (
                    Question(id: id, column: column, type: .choice, options: [code]),
                    "\"\(column.clipped(60))\" holds only \"\(code)\": read as one option's column (chosen where it holds \(code), "
                        + "not chosen where empty)"
                )
            }
            // A rating: one of a battery of columns on the same small range, or a header that asks for one.
            if let range = battery ?? ratingRange(of: profile) {
                var notes = [
                    "\"\(column.clipped(60))\" is read as a rating \(range.description) "
                        + (battery != nil ? "(one of several columns side by side on that range)" : "(its header asks for a rating)")
                        + "; make it `type: integer` if it counts something"
                ]
                if let misfit = profile.misfitNote(profile.integer, readAs: "a scale") { notes.append(misfit) }
                return (Question(id: id, column: column, type: .scale, scale: range), notes.joined(separator: "\n# check: "))
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
        // Checkbox answers joined by `, ` (Google Forms) while options may hold commas: the options are the values
        // that are no join of others.
        if let joins = profile.joins, profile.rowsWithSemicolon == 0, !profile.lineBreaks,
            let options = CheckboxAnswers.options(of: joins, separator: ", ")
        {
            var seen: [String: Int] = [:]
            for (value, n) in joins {
                for part in CheckboxAnswers.split(value, separator: ", ", options: options) { seen[part, default: 0] += n }
            }
            return (
                Question(
                    id: id, column: column, type: .multi, options: OptionOrder.natural(options, counts: seen), separator: ", "),
                "\"\(column.clipped(60))\" is read as a checkbox question: \(options.count) options, answers joined by \", \" "
                    + "(an option's own commas kept where the option is seen alone)"
            )
        }
        // A few long options, each chosen many times (`I prefer spending time alone … (Introversion)`), are still options.
        let fewLongOptions =
            !profile.lineBreaks && !profile.tooManyDistinct && profile.maxLength <= 250 && profile.distinct.count <= 12
            && profile.distinct.count * 5 <= profile.nonEmpty && profile.distinct.allSatisfy { profile.counts[$0, default: 0] >= 2 }
        if fewLongOptions && !shortValues {
            return (
                Question(id: id, column: column, type: .choice, options: OptionOrder.natural(profile.distinct, counts: profile.counts)),
                nil
            )
        }
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

    /// Words a header that asks for a rating uses, in the languages exports come in (diacritics folded; `*` ends a
    /// stem: `nojd*` is `nöjd` and `nöjdhet`).
    static let ratingWords = [
        "nojd*", "betyg*", "skala", "instammer", "grad", "hur bra", "hur viktigt", "viktigt", "sannolikt", "rate", "rating",
        "scale", "satisf*", "agree", "likely", "important", "fornoyd*", "tilfreds*", "enig", "vurder*", "zufrieden*",
        "bewert*", "tyytyv*", "arvio", "satisfait*", "note", "satisfech*", "valor", "satisfeit*",
    ]
    /// Words of a header that counts: never a rating. Not `år`: folded it is `ar`, as `är` is (`Hur nöjd är du …`).
    static let countWords = [
        "antal*", "hur manga", "number of", "how many", "amount", "belopp", "kronor", "kr", "age", "alder", "anstallda",
        "employees", "timmar", "hours", "minuter", "minutes", "km", "sek", "procent", "percent", "andel*", "elever",
        "medlemmar", "members", "barn", "children", "year", "years", "duration", "seconds", "sekunder",
    ]

    /// Whether the header says one of `words`: a word or phrase as whole words, a stem (`antal*`) at a word's start —
    /// so `barn` counts children but `barnomsorgen` does not, and `kr` counts kronor but `kring` does not.
    static func headerSays(_ header: String, _ words: [String]) -> Bool {
        let key = " " + MatchKey.make(header).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ") + " "
        return words.contains { word in
            word.hasSuffix("*") ? key.contains(" " + word.dropLast()) : key.contains(" " + word + " ")
        }
    }

    /// A rating's range from its answers and a header that asks for one: 0 or 1 up to the highest answer, which is
    /// at least 4 and at most 10.
    static func ratingRange(of profile: ColumnProfile) -> ScaleRange? {
        guard profile.minInteger >= 0, profile.minInteger <= 1, (4...10).contains(profile.maxInteger),
            headerSays(profile.name, ratingWords), !headerSays(profile.name, countWords)
        else { return nil }
        return ScaleRange(min: profile.minInteger, max: profile.maxInteger)
    }

    /// Runs of three or more columns side by side whose answers are whole numbers from 0 or 1 up to at most 20 and
    /// whose headers do not count: a rating battery (`0–14` items, a 1–6 grid), each column on the run's range.
    static func ratingBatteries(_ profiles: [ColumnProfile]) -> [Int: ScaleRange] {
        func fits(_ p: ColumnProfile) -> Bool {
            p.nonEmpty > 0 && p.integer.holds(of: p.nonEmpty) && p.minInteger >= 0 && p.minInteger <= 1 && p.maxInteger >= 3
                && p.maxInteger <= 20 && scaleRange(in: p.name) == nil && !headerSays(p.name, countWords)
        }
        var out: [Int: ScaleRange] = [:]
        var start = 0
        while start < profiles.count {
            guard fits(profiles[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < profiles.count && fits(profiles[end]) { end += 1 }
            let run = start..<end
            let low = run.map { profiles[$0].minInteger }.min() ?? 0
            let high = run.map { profiles[$0].maxInteger }.max() ?? 0
            // Side by side and alike: every column reaches near the run's top.
            if run.count >= 3 && run.allSatisfy({ profiles[$0].maxInteger * 2 >= high }) {
                for i in run { out[i] = ScaleRange(min: low, max: high) }
            }
            start = end
        }
        return out
    }

    /// A column named `Question: Option` (a two-row header's option under its question) or an option code
    /// (`q4_2`, `some_string/CHOICE_1`).
    static func isOptionColumn(_ header: String) -> Bool {
        header.contains(": ") || header.contains("/") || header.contains("[")
    }

    /// The range a header announces: `Nöjd med bredband (1-5)`, `Betyg 1–10`, `skala 0-10`, `skala mellan 1 och 6`,
    /// `from 1 to 10`, `1=Inte alls … 6=Helt`.
    static func scaleRange(in header: String) -> ScaleRange? {
        let key = header.lowercased()
        if let range = wordedRange(in: key) { return range }
        let pattern = #"(\d{1,2})\s*[-–—]\s*(\d{1,2})"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: header, range: NSRange(header.startIndex..., in: header)),
            let lowRange = Range(match.range(at: 1), in: header), let highRange = Range(match.range(at: 2), in: header),
            let low = Int(header[lowRange]), let high = Int(header[highRange]), low < high, high <= 100
        else { return nil }
        return ScaleRange(min: low, max: high)
    }

    /// `mellan 1 och 6`, `1 till 5`, `from 1 to 10`, `1 bis 5`, or labelled ends `1=…` and `6=…`.
    private static func wordedRange(in key: String) -> ScaleRange? {
        let worded = #"(\d{1,2})\s+(?:och|till|to|and|til|og|bis|à|a|y|e|ja)\s+(\d{1,2})\b"#
        if let regex = try? NSRegularExpression(pattern: worded),
            let match = regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)),
            let a = Range(match.range(at: 1), in: key), let b = Range(match.range(at: 2), in: key),
            let low = Int(key[a]), let high = Int(key[b]), low < high, low <= 1, high <= 20,
            key.contains("skala") || key.contains("scale") || key.contains("mellan") || key.contains("between")
                || key.contains("from") || key.contains("från") || key.contains("fra ") || key.contains("rate")
        {
            return ScaleRange(min: low, max: high)
        }
        guard let ends = try? NSRegularExpression(pattern: #"(?<![\d,.])(\d{1,2})\s*="#) else { return nil }
        let points = ends.matches(in: key, range: NSRange(key.startIndex..., in: key)).compactMap { match in
            Range(match.range(at: 1), in: key).flatMap { Int(key[$0]) }
        }
        guard points.count >= 2, let low = points.min(), let high = points.max(), low <= 1, high > low + 1, high <= 20 else { return nil }
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
            "landsbygdsomrade",
        ]
        if anywhere.contains(where: words.contains) { return true }
        return key.contains("bor du") || key.contains("where do you live") || key.contains("var bor")
    }

    /// Words of a header that names a person or a way to reach one, in Swedish, Norwegian, Danish, Finnish, English,
    /// German, French, Spanish and Portuguese.
    static let identifyingWords = [
        // sv
        "namn", "fornamn", "efternamn", "kontaktperson", "epost", "mejl", "telefon", "telefonnummer", "mobil", "mobilnummer",
        "personnummer", "adress", "gatuadress", "postadress",
        // no, da
        "navn", "fornavn", "etternavn", "efternavn", "mobilnr", "fodselsnummer", "cpr", "personnr",
        // fi
        "nimi", "etunimi", "sukunimi", "sahkoposti", "puhelin", "puhelinnumero", "osoite", "henkilotunnus",
        // en
        "name", "firstname", "lastname", "surname", "email", "mail", "phone", "telephone", "mobile", "address", "ssn",
        // de
        "vorname", "nachname", "anschrift", "telefonnummer", "handy",
        // fr
        "nom", "prenom", "courriel", "telephone", "adresse", "portable",
        // es, pt
        "nombre", "apellido", "apellidos", "correo", "telefono", "direccion", "celular", "nome", "sobrenome", "endereco",
        "telefone", "morada",
    ]

    /// Whether a column's values look like place names: short words that start with a letter, not numbers, dates or
    /// sentences (a rating whose question mentions `bygden` is no area column).
    static func looksLikePlaces(_ profile: ColumnProfile) -> Bool {
        guard profile.nonEmpty > 0, !profile.lineBreaks, profile.maxLength <= 60 else { return false }
        let numeric = profile.nonEmpty - profile.decimal.misfits
        guard numeric * 10 < profile.nonEmpty else { return false }
        let sample = profile.distinct.isEmpty ? Array((profile.places ?? [:]).keys.prefix(200)) : profile.distinct
        let placeLike = sample.filter { value in
            (value.first?.isLetter ?? false) && value.split(separator: " ").count <= 5
        }.count
        return placeLike * 10 >= sample.count * 9
    }

    /// Whether a header names a person or a way to reach one: `Namn`, `E-post`, `Telefon`, `Personnummer`, `Eget
    /// navn`, `Sähköposti`. Only short headers (a label, at most five words): a question that merely mentions an
    /// address ("does your office address security issues?") asks for none.
    static func looksIdentifying(_ name: String) -> Bool {
        let spaced = name.unicodeScalars.reduce(into: "") { out, scalar in
            // `RecipientLastName` → `Recipient Last Name`
            if CharacterSet.uppercaseLetters.contains(scalar), let last = out.unicodeScalars.last,
                CharacterSet.lowercaseLetters.contains(last)
            {
                out.append(" ")
            }
            out.unicodeScalars.append(scalar)
        }
        let key = MatchKey.make(spaced).folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        let words = key.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard words.count <= 5 else { return false }
        return identifyingWords.contains(where: Set(words).contains) || key.contains("e post") || key.contains("e mail")
            || words.joined().hasSuffix("email")
    }

    /// Headers form tools give their own columns: ids, timings, IP addresses, languages, tool metadata (Qualtrics,
    /// LimeSurvey, SurveyMonkey, Kobo, ODK, Nettskjema, Google and Microsoft Forms).
    static let technicalNames: Set<String> = [
        "startdate", "enddate", "start date", "end date", "status", "ipaddress", "ip address", "ip", "ip adresse", "progress",
        "duration in seconds", "duration", "finished", "recordeddate", "distributionchannel", "userlanguage",
        "externalreference", "externaldatareference", "locationlatitude", "locationlongitude", "locationaccuracy",
        "responseset", "collector id", "collectorid", "sid", "uid", "serial", "draft", "lastpage", "startlanguage", "seed",
        "datestamp", "submitdate", "interviewtime", "refurl", "token", "uuid", "id", "validation status",
        "submission time", "submitted by", "meta instanceid", "meta instancename", "key",
        "submissiondate", "start", "end", "deviceid", "simserial", "subscriberid", "today", "instanceid", "formhub uuid",
        "xform id string", "attachments", "completion time", "start time", "last modified time", "svarstid", "starttid",
        "sluttid", "ip adress", "ip nummer", "language", "startlanguage", "edited", "submitterid", "attachmentspresent",
        "attachmentsexpected", "reviewstate", "edits", "formversion", "parent key",
    ]

    /// Whether a header is one a form tool gives its own column, or is shaped like one: Kobo's `_uuid` and
    /// `__version__`, LimeSurvey's `groupTime7`, Qualtrics' `Q3_Page Submit`, ODK's `SET-OF-g1`.
    static func looksTechnical(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("_") || trimmed.hasPrefix("$") || trimmed.hasPrefix("SET-OF-") { return true }
        let key = MatchKey.make(trimmed).replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "").replacingOccurrences(of: "/", with: " ")
        if technicalNames.contains(key) { return true }
        // LimeSurvey's timings: `interviewtime`, `groupTime12`, `g0Time`, `q3Time` — one word ending in Time.
        if !trimmed.contains(" "), trimmed.range(of: #"^[A-Za-z0-9]*Time\d*$"#, options: .regularExpression) != nil { return true }
        // Qualtrics' timing questions.
        return ["first click", "last click", "page submit", "click count"].contains { key.hasSuffix($0) }
    }

    /// `'…'` for a shell, when the text needs it.

    /// Headers of a respondent id column.
    static let idNames = [
        "id", "nr", "nummer", "lopnummer", "lopnr", "respondent", "respondentid", "respondent id", "respondentnummer",
        "svarsid", "svar id", "intervju", "intervjuid", "intervju id", "intervjunr", "id nummer", "kod", "key",
        "responseid", "response id", "svars id", "svarsid", "_recordid", "recordid", "respondent_id", "respondentnr",
        "_uuid", "_id", "instanceid", "meta instanceid", "meta/instanceid", "uuid", "sid", "serial", "submission id",
    ]

    static func looksLikeId(_ name: String) -> Bool {
        if nameMatches(name, idNames) { return true }
        let key = MatchKey.make(name)
        return key == "id" || key.hasSuffix(" id") || key.hasSuffix("id") || key.hasPrefix("nr") || key.contains("nummer")
    }

    static func kindFromFileName(_ base: String) -> String? {
        let key = MatchKey.make(base)
        if key.contains("foretag") || key.contains("company") { return "företag" }
        if key.contains("forening") || key.contains("association") { return "förening" }
        if key.contains("tema") { return "temagrupp" }
        if key.contains("inspel") || key.contains("enkat") { return "inspel" }
        if key.contains("boende") || key.contains("invanare") || key.contains("resident") { return "privatperson" }
        return nil
    }

    static func baseName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for ext in [
            ".csv", ".tsv", ".tab", ".txt", ".json", ".ndjson", ".jsonl", ".xlsx", ".xlsm", ".ods", ".sav", ".zsav", ".por", ".dta",
        ]
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
    static func isJSONPath(_ path: String, _ requested: SourceFormat?) -> Bool {
        (try? resolve(requested, path: path, file: path).isJSON) ?? false
    }
}
