import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

/// What the pages show, from the database: the counts (the report builder's cross-tabs, protected as `crosstab`
/// protects them), the answers behind a shown cell (pseudonymised, matched words marked), and coders' decisions.
/// Reads go through a read-only connection; only coding opens the file to write. What is worked out is kept until
/// the database changes (SQLite's `data_version`: a coder's write or another process's import).
final class WorkbenchData: @unchecked Sendable {
    let options: WorkbenchOptions
    let reader: KartlaggningStore
    /// The connection coding writes through: opened at the first decision, so that starting the workbench writes
    /// nothing to the database (SQLite's WAL set-up is a write). Nil in meeting mode.
    private var writerStore: KartlaggningStore?
    /// A second read-only connection, so that the two tables of a page are counted at once.
    let secondReader: KartlaggningStore

    /// What holds until the database changes.
    struct State: @unchecked Sendable {
        var vocabulary: WorkbenchVocabulary
        var codebook: StoredCodebook?
        var matcher: CodebookMatcher?
        var cleaner: Pseudonymizer
        /// The registry's group of each district that has one (`group:` in districts.yaml).
        var groups: [String: String]
        /// The registry's map, where it has one: the overview draws a theme on it.
        var map: AreaMap?

        /// Each free-text question's text, by `survey/question`.
        var questionTexts: [String: String] {
            Dictionary(vocabulary.questions.map { ("\($0.survey)/\($0.id)", $0.text) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The two tables every page stands on, for one choice of survey, wave and kind.
    struct Tables: Sendable {
        /// kind × area.
        var basis: CrossTable
        /// theme × area (nil without a codebook).
        var themes: CrossTable?
        /// Their cells by value, looked up for every answer on a page.
        let basisCells: CrossTable.Lookup
        let themeCells: CrossTable.Lookup?
        /// The areas' order and registry groups.
        var areas: AreaArrangement

        init(basis: CrossTable, themes: CrossTable?, areas: AreaArrangement) {
            self.basis = basis
            self.themes = themes
            self.areas = areas
            basisCells = CrossTable.Lookup(basis)
            themeCells = themes.map(CrossTable.Lookup.init)
        }
    }

    private let lock = NSLock()
    /// The codebook matcher keeps a cache of its own: one page matches at a time.
    private let matching = NSLock()
    private var version: Int?
    private var state: State?
    private var tables: [String: Tables] = [:]
    private var sections: [String: ThemeReportInput.Section?] = [:]
    /// What the pages have published for the data as it is (made at the first page, anew when the data changes).
    private var publication: Publication?
    /// Whether the ledger is still to be started anew (`--fresh`): at the first page.
    private var freshPending: Bool

    /// Opens the database read-only; an older file is first backed up and migrated (unless in meeting mode), as every
    /// writing command does. Coding opens a writing connection at the first decision.
    init(options: WorkbenchOptions) throws {
        self.options = options
        freshPending = options.freshLedger
        do {
            reader = try KartlaggningStore(path: options.database, mode: .readOnly)
        } catch StoreError.olderSchema where !options.meeting {
            // An older file is backed up and migrated at once, as every writing command does.
            writerStore = try KartlaggningStore(path: options.database, mode: .existing)
            reader = try KartlaggningStore(path: options.database, mode: .readOnly)
        }
        secondReader = try KartlaggningStore(path: options.database, mode: .readOnly)
        _ = try current()
    }

    /// The state for the database as it is now.
    func current() throws -> State {
        let now = try reader.dataVersion()
        lock.lock()
        defer { lock.unlock() }
        if let state, version == now { return state }
        let codebook: StoredCodebook?
        do {
            codebook = try reader.codebook(id: options.codebook)
        } catch StoreError.codebookNotFound(nil) {
            codebook = nil
        }
        let fresh = State(
            vocabulary: try reader.workbenchVocabulary(), codebook: codebook,
            matcher: try codebook.map { try CodebookMatcher(codebook: $0.codebook) },
            cleaner: try reader.pseudonymizer(),
            groups: try reader.districtRegistry().groups, map: try reader.areaMap())
        state = fresh
        version = now
        tables = [:]
        sections = [:]
        publication = nil
        return fresh
    }

    /// What `cache` holds for `key` while the database is as it was at `seen`, else `make()`'s, kept unless the
    /// database changed meanwhile.
    private func remembered<T>(
        _ cache: ReferenceWritableKeyPath<WorkbenchData, [String: T]>, _ key: String, _ make: () throws -> T
    ) throws -> T {
        let seen = lock.withLock { version }
        if let known = lock.withLock({ self[keyPath: cache][key] }) { return known }
        let made = try make()
        lock.withLock {
            if version == seen { self[keyPath: cache][key] = made }
        }
        return made
    }

    /// The pages' publication for the data as it is: consulted by every table a page shows, appended to the ledger
    /// as pages are made (unless `--no-publish`).
    private func currentPublication() throws -> Publication {
        if let known = lock.withLock({ publication }) { return known }
        let fresh = lock.withLock { () -> Bool in
            defer { freshPending = false }
            return freshPending
        }
        let made = try Publication(store: reader, output: "workbench", appending: options.publish, fresh: fresh)
        return lock.withLock {
            if let known = publication { return known }
            publication = made
            return made
        }
    }

    /// kind × area and theme × area for the selection's survey, wave and kind.
    func tables(for selection: Selection) throws -> Tables {
        let state = try current()
        return try remembered(\.tables, selection.overviewFilters.query()) {
            let publication = try currentPublication()
            let made = try publication.protectTogether { try makeTables(selection, state: state, publication: publication) }
            try publication.commit()
            return made
        }
    }

    /// One round of `tables(for:)`: the two tables at once, each on a read-only connection of its own (two cores: the
    /// first overview sooner), protected with and recorded in the pages' publication.
    private func makeTables(_ selection: Selection, state: State, publication: Publication) throws -> Tables {
        do {
            let filters = selection.filters
            let (minCell, codebook, stores) = (options.minCell, state.codebook, [reader, secondReader])
            let results = ResultBox()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                results.set(index) {
                    let tabulator = CrossTabulator(store: stores[index], publication: publication)
                    if index == 0 {
                        return try tabulator.respondentsByKind(by: .district, filters: filters, minCell: minCell)
                            .droppingEmptyColumns()
                    }
                    return try codebook.map {
                        try tabulator.respondents(.theme, by: .district, filters: filters, codebook: $0, minCell: minCell)
                            .droppingEmptyColumns()
                    }
                }
            }
            guard let basis = try results.value(0) else { throw WorkbenchError.refused("the respondents could not be counted") }
            // Areas in registry order under their groups, as the reports list them.
            let areas = AreaArrangement.make(
                areas: basis.colValues, registryGroups: state.groups, order: .registry, size: { _ in nil }, share: { _ in nil },
                other: ReportLanguage.sv.phrases.otherAreas)
            return Tables(
                basis: basis.arrangingColumns(areas.order), themes: try results.value(1)?.arrangingColumns(areas.order), areas: areas)
        }
    }

    /// The themes most often raised by the same respondents (for the survey, wave and kind chosen), each with at
    /// least min-cell respondents, as the theme report lists them.
    func related(_ theme: Theme, selection: Selection) throws -> [(label: String, respondents: Int)] {
        guard let codebook = try current().codebook else { return [] }
        let labels = codebook.codebook.labels
        return try reader.relatedThemes(of: theme.id, codebook: codebook, filters: selection.filters)
            .filter { $0.respondents >= max(options.minCell, 1) }
            .map { (labels[$0.theme] ?? $0.theme, $0.respondents) }
    }

    /// A theme's related themes and distinctive words, as its theme report has them (for the survey and wave chosen).
    func themeSection(_ theme: Theme, selection: Selection) throws -> ThemeReportInput.Section? {
        guard let codebook = try current().codebook else { return nil }
        var scoped = Selection()
        scoped.theme = theme.id
        scoped.survey = selection.survey
        scoped.wave = selection.wave
        return try remembered(\.sections, scoped.query()) {
            let scope = ReportScope(surveys: selection.survey.map { [$0] } ?? [], waves: selection.wave.map { [$0] } ?? [])
            let publication = try currentPublication()
            let section = try publication.protectTogether {
                try ReportBuilder.themeSection(
                    theme, codebook: codebook, scope: scope, minCell: options.minCell, store: reader, publication: publication)
            }
            try publication.commit()
            return section
        }
    }

    // MARK: - Answers

    /// One answer as the page shows it.
    struct Answer: Sendable, Equatable {
        var id: Int64
        /// The text as markup: escaped, matched words in `<mark>`.
        var html: String
        var kind: String
        var area: String
        var survey: String
        var question: String
        /// The themes it carries whose cell in its area is shown.
        var themes: [String]
    }

    struct AnswerPage: Sendable {
        var answers: [Answer]
        /// Whether answers follow this page.
        var more: Bool
        /// The shown cell the selection is (theme × area, an area's or a theme's total), when it is one.
        var cell: (n: Int, base: Int?)?
        /// How many answers the selection lists in all, where all were read (a respondent can have several: the
        /// page says both, so its count agrees with the list).
        var total: Int? = nil
    }

    /// The answers behind a selection, a page at a time — only where the selection is a shown cell (or a shown
    /// total), each answer only where its own kind × area cell (and its theme × area cell) is shown, and never fewer
    /// respondents than min-cell.
    func answers(_ selection: Selection, names: Bool, pageSize: Int? = nil) throws -> AnswerPage {
        let pageSize = pageSize ?? options.pageSize
        let state = try current()
        let tables = try tables(for: selection)
        let cell = try gate(selection, tables: tables, codebook: state.codebook)
        var filter = Self.answerFilter(selection, codebook: state.codebook)
        filter.text = selection.text
        let wanted = selection.offset + pageSize
        var limit = wanted + 1
        var visible: [AnswerHit] = []
        var (exhausted, respondents) = (false, 0)
        // Answers of hidden cells are passed over: ask for more until a page is full or none are left.
        for _ in 0..<12 {
            filter.limit = limit
            let result: AnswerQueryResult
            do {
                result = try reader.answers(matching: filter, codebook: state.codebook)
            } catch let error as StoreError {
                throw WorkbenchError.refused(error.localizedDescription)
            }
            exhausted = result.hits.count < limit
            visible = result.hits.filter { isShown($0, selection: selection, tables: tables) }
            if !names, let text = selection.text {
                // The words must be in the text shown: a masked personnummer or name found by search would be an oracle.
                let words = SearchWords(query: text)
                visible = visible.filter { words.match(state.cleaner.apply($0.text)) }
            }
            respondents = Set(visible.map { "\($0.survey)/\($0.respondent)" }).count
            if exhausted || (visible.count > wanted && respondents >= options.minCell) { break }
            limit *= 2
        }
        if respondents < max(options.minCell, 1) {
            // Nothing at all to show is no small count to hide.
            if exhausted && visible.isEmpty { return AnswerPage(answers: [], more: false, cell: cell) }
            throw WorkbenchError.tooFew(minCell: options.minCell)
        }
        let page = visible.dropFirst(selection.offset).prefix(pageSize)
        let questions = state.questionTexts
        let rows = page.map { hit in
            answer(
                hit, selection: selection, tables: tables, state: state, names: names, question: questions["\(hit.survey)/\(hit.question)"])
        }
        return AnswerPage(
            answers: rows, more: visible.count > selection.offset + pageSize, cell: cell, total: exhausted ? visible.count : nil)
    }

    /// The answers a selection's page lists (its words aside): its theme with the themes below it, area, kind, survey,
    /// wave and question.
    private static func answerFilter(_ selection: Selection, codebook: StoredCodebook?) -> AnswerFilter {
        var filter = AnswerFilter()
        filter.countAll = false
        filter.codebook = codebook?.codebook.id
        if let theme = selection.theme, let codebook { filter.themes = codebook.codebook.descendants(of: theme) }
        if let area = selection.area, area != CrossSpec.unknown { filter.district = area }
        filter.kind = selection.kind
        filter.survey = selection.survey
        filter.wave = selection.wave
        filter.question = selection.question
        return filter
    }

    /// Refuses a selection that is a hidden cell or total; returns the cell's count and base where it is one.
    private func gate(_ selection: Selection, tables: Tables, codebook: StoredCodebook?) throws -> (n: Int, base: Int?)? {
        if selection.theme != nil && codebook == nil { throw WorkbenchError.noCodebook }
        // The cell or total the selection is: theme × area, a theme's or an area's total, kind × area.
        let found: (suppressed: Bool, n: Int?, base: Int?)?
        switch (selection.theme, selection.area, selection.kind) {
        case (let theme?, let area?, _): found = tables.themeCells?.cell(theme, area).map { ($0.suppressed, $0.n, $0.base) }
        case (let theme?, nil, _): found = tables.themeCells?.rowTotal(theme).map { ($0.suppressed, $0.n, tables.themes?.shownTotal) }
        case (nil, let area?, let kind?): found = tables.basisCells.cell(kind, area).map { ($0.suppressed, $0.n, nil) }
        case (nil, let area?, nil): found = tables.basisCells.colTotal(area).map { ($0.suppressed, $0.n, nil) }
        case (nil, nil, _): return nil
        }
        guard let found, !found.suppressed, let n = found.n else { throw WorkbenchError.hiddenCell(minCell: options.minCell) }
        return (n, found.base)
    }

    /// Whether an answer may be shown: its respondent's kind × area cell is shown, and the theme asked for is shown
    /// in its area.
    private func isShown(_ hit: AnswerHit, selection: Selection, tables: Tables) -> Bool {
        let area = hit.district ?? CrossSpec.unknown
        if let asked = selection.area, asked != area { return false }
        guard let cell = tables.basisCells.cell(hit.kind, area), !cell.suppressed else { return false }
        if let theme = selection.theme {
            guard let cell = tables.themeCells?.cell(theme, area), !cell.suppressed else { return false }
        }
        return true
    }

    private func answer(
        _ hit: AnswerHit, selection: Selection, tables: Tables, state: State, names: Bool, question: String?
    ) -> Answer {
        let area = hit.district ?? CrossSpec.unknown
        let themes = hit.themes.filter { theme in tables.themeCells?.cell(theme, area).map { !$0.suppressed } ?? false }
        let text: String
        var spans: [[Int]]
        if names {
            text = hit.text
            spans = hit.spans
        } else {
            // Names out first; then the words that matched are found again in what is left.
            text = state.cleaner.apply(hit.text)
            let matches = matching.withLock { state.matcher?.match(text, question: hit.question) ?? [] }
            // Only the words of themes whose cell is shown here: a marked word of a hidden theme × area cell would
            // count its respondents as the chips do not.
            spans = matches.filter { themes.contains($0.theme) }.flatMap(\.matches).map { [$0.start, $0.end] }
        }
        spans += Marking.wordSpans(of: selection.text, in: text)
        return Answer(
            id: hit.answer, html: Marking.html(text, spans: spans), kind: hit.kind, area: area, survey: hit.survey,
            question: question ?? hit.question, themes: themes)
    }

    // MARK: - Coding

    /// A coder's decision, written as `kartlagg tag add` (or `tag remove`: `negative`) writes it.
    /// Records a coder's decision on an answer the page (`selection`, from the form's `back`) shows: the same gate as
    /// the page — a hidden cell's answers, or an answer its own cells hide, cannot be coded by a crafted form.
    /// Returns the coder's decision on that answer and theme before (nil: none), which an undo puts back.
    @discardableResult
    func record(
        answer: Int64, theme: String, coder: String, negative: Bool, note: String?, page selection: Selection
    ) throws -> ManualDecision? {
        if options.meeting { throw WorkbenchError.codingOff(reason: "the workbench runs in meeting mode") }
        let writer = try writer()
        let state = try current()
        guard let codebook = state.codebook else { throw WorkbenchError.noCodebook }
        let tables = try tables(for: selection)
        _ = try gate(selection, tables: tables, codebook: codebook)
        var filter = Self.answerFilter(selection, codebook: codebook)
        filter.answerIds = [answer]
        let hits: [AnswerHit]
        do {
            hits = try reader.answers(matching: filter, codebook: codebook).hits
        } catch let error as StoreError {
            throw WorkbenchError.refused(error.localizedDescription)
        }
        guard let hit = hits.first, isShown(hit, selection: selection, tables: tables) else {
            throw WorkbenchError.refused("answer \(answer) is not on the page it was coded from")
        }
        do {
            let previous = try writer.manualDecision(answer: answer, theme: theme, coder: coder, codebook: codebook)
            try writer.setManualTags(
                [ManualTag(answer: .id(answer), theme: theme, coder: coder, negative: negative, note: note)], codebook: codebook)
            return previous
        } catch let error as StoreError {
            throw WorkbenchError.refused(error.localizedDescription)
        }
    }

    /// Takes a coder's last decision back (`previous`: what it was before; the session holds it, so the answer was
    /// on the coder's page when it was made).
    func undo(answer: Int64, theme: String, coder: String, previous: ManualDecision?) throws {
        if options.meeting { throw WorkbenchError.codingOff(reason: "the workbench runs in meeting mode") }
        let writer = try writer()
        guard let codebook = try current().codebook else { throw WorkbenchError.noCodebook }
        do {
            try writer.restoreManualDecision(answer: answer, theme: theme, coder: coder, codebook: codebook, previous: previous)
        } catch let error as StoreError {
            throw WorkbenchError.refused(error.localizedDescription)
        }
    }

    /// The connection coding writes through, opened at the first decision.
    private func writer() throws -> KartlaggningStore {
        try lock.withLock {
            if let writerStore { return writerStore }
            let opened = try KartlaggningStore(path: options.database, mode: .existing)
            writerStore = opened
            return opened
        }
    }
}

/// What two concurrent computations give back: each slot a table (or none) or the error it threw.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<CrossTable?, any Error>] = [:]

    func set(_ index: Int, _ work: () throws -> CrossTable?) {
        let result = Result { try work() }
        lock.withLock { results[index] = result }
    }

    func value(_ index: Int) throws -> CrossTable? {
        try lock.withLock { results[index] }?.get() ?? nil
    }
}
