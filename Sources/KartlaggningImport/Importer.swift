import Foundation
import KartlaggningCore
import KartlaggningModel

/// Imports answer files into a survey: one transaction per file, streamed row by row.
///
/// A file with any error writes nothing (unless `skipInvalid`); the same bytes imported twice are a
/// no-op; respondents seen before are updated, and every row read is counted as added, updated,
/// unchanged or rejected.
///
/// ```swift
/// let store = try KartlaggningStore(path: "kartlaggning.sqlite")
/// let summary = try Importer(store: store).importFile(at: "foretag.csv", survey: "foretag-2025")
/// print(summary.added, summary.errors.map { $0.formatted(file: summary.file) })
/// ```
public struct Importer {
    public let store: KartlaggningStore

    /// Called every few thousand rows with the rows read so far.
    public typealias Progress = (_ rows: Int) -> Void

    public init(store: KartlaggningStore) {
        self.store = store
    }

    /// Imports one file.
    /// - Throws: `StoreError.surveyNotFound` when the survey does not exist. Problems with the file
    ///   itself do not throw: they come back in the summary, with status `failed`.
    public func importFile(
        at path: String, survey surveyId: String, options: ImportOptions = ImportOptions(),
        rejects: RejectsWriter? = nil, progress: Progress? = nil
    ) throws -> FileImportSummary {
        let survey = try store.survey(id: surveyId)
        let file = path
        var summary = FileImportSummary(file: file, survey: surveyId, status: .failed)
        do {
            let mapsDistricts = survey.respondent.district != nil || survey.respondent.serviceTown != nil
            var districts: DistrictIndex?
            if mapsDistricts {
                let registry = try store.districtRegistry()
                if registry.districts.isEmpty {
                    summary.fileError =
                        "\(file): survey \"\(surveyId)\" maps districts but no district registry is loaded; "
                        + "run \(Remedy.loadDistricts(file: nil)) first"
                    return summary
                }
                districts = registry.index()
            }
            let stream = try RecordStream(
                path: path, file: file, options: options.read.applying(survey), shape: options.read.shape(for: survey),
                columns: RecordMapper.columns(for: survey))
            summary.sheet = stream.sheet
            summary.format = stream.format.rawValue
            summary.encoding = stream.format.isSpreadsheet ? nil : stream.encoding.rawValue
            summary.delimiter = stream.delimiter
            summary.sha256 = stream.sha256
            if !stream.unreadColumns.isEmpty {
                summary.warnings.append(
                    "\(stream.unreadColumns.count) column\(stream.unreadColumns.count == 1 ? " is" : "s are") not in the survey and "
                        + "\(stream.unreadColumns.count == 1 ? "was" : "were") not imported: "
                        + stream.unreadColumns.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            let mapper = RecordMapper(survey: survey, districts: districts)
            summary = try store.importTransaction(
                { session in
                    try run(
                        stream: stream, mapper: mapper, session: session, summary: summary, options: options,
                        rejects: rejects, progress: progress)
                }, shouldCommit: { $0.status == .imported })
        } catch let error as ImportError {
            summary.status = .failed
            summary.fileError = error.errorDescription
        }
        return summary
    }

    private func run(
        stream: RecordStream, mapper: RecordMapper, session: ImportSession, summary initial: FileImportSummary,
        options: ImportOptions, rejects: RejectsWriter?, progress: Progress?
    ) throws -> FileImportSummary {
        var summary = initial
        // The same bytes as the survey's latest import: nothing can differ. The same bytes as an earlier one: a later
        // import may have changed what they set (a wrong correction), so they are read again and set it back.
        let earlier = try session.existingBatch(surveyId: summary.survey, sha256: stream.sha256)
        if let earlier, try session.latestBatch(surveyId: summary.survey)?.id == earlier.id {
            summary.status = .alreadyImported
            summary.warnings.append(
                "the same file was imported into \(summary.survey) on \(earlier.importedAt) "
                    + "(as \(earlier.fileName), import \(earlier.id)); nothing to do")
            return summary
        }
        session.lastWins = options.lastWins
        let batchId = try session.startBatch(
            ImportBatchInfo(
                surveyId: summary.survey, fileName: (summary.file as NSString).lastPathComponent, sha256: stream.sha256,
                format: stream.format.rawValue, encoding: stream.encoding.rawValue, delimiter: stream.delimiter,
                columns: stream.columnsInFileOrder))
        var counts = ImportCounts()
        var pendingRejects: [(SourceRecord, [ImportIssue])] = []
        var grouped: [String: (issue: ImportIssue, rows: Int, lines: [Int])] = [:]
        var groupOrder: [String] = []
        // Reading and mapping on one thread, writing on this one; the stream is this thread's again after the loop.
        let pipeline = MappingPipeline(stream: stream, mapper: mapper)
        defer { pipeline.stop() }
        while let item = try pipeline.nextItem() {
            let record = item.record
            counts.rows += 1
            if counts.rows % 5000 == 0 { progress?(counts.rows) }
            switch item.mapped {
            case .valid(let respondent, let answers):
                let outcome = try session.upsert(respondent, answers: answers, surveyId: summary.survey, batchId: batchId)
                counts.record(outcome)
                if outcome == .repeated {
                    // Two rows for one respondent: which one holds is for a person to say, never the row order.
                    summary.errorCount += 1
                    let issue = ImportIssue(
                        line: record.line, column: mapper.survey.respondent.idIsRowNumber ? nil : mapper.survey.respondent.id,
                        message: "the respondent id \"\(respondent.externalId.clipped(60))\" is also on line "
                            + "\(session.repeatedFirstLine) of this file; give each row its own id, or pass \(Remedy.lastWins) to keep "
                            + "the last row")
                    if summary.errors.count < options.errorLimit { summary.errors.append(issue) }
                    if rejects != nil { pendingRejects.append((record, [issue])) }
                }
            case .invalid(let issues):
                counts.rejected += 1
                summary.errorCount += issues.count
                let located = issues.map { issue -> ImportIssue in
                    var issue = issue
                    if stream.format.isJSON { issue.record = record.number }
                    return issue
                }
                for issue in located {
                    if let group = issue.group {
                        // An unknown district name is said once, with how many rows have it.
                        if grouped[group] == nil { groupOrder.append(group) }
                        var entry = grouped[group] ?? (issue, 0, [])
                        entry.rows += 1
                        if entry.lines.count < 3 { entry.lines.append(issue.line) }
                        grouped[group] = entry
                    } else if summary.errors.count < options.errorLimit {
                        summary.errors.append(issue)
                    }
                }
                if rejects != nil { pendingRejects.append((record, located)) }
            }
        }
        progress?(counts.rows)
        // Each unknown name once, first, in the order met.
        summary.errors =
            groupOrder.compactMap { group -> ImportIssue? in
                guard let entry = grouped[group] else { return nil }
                var issue = entry.issue
                if entry.rows > 1 {
                    issue.message +=
                        " — \(entry.rows) rows (lines " + entry.lines.map(String.init).joined(separator: ", ")
                        + (entry.rows > entry.lines.count ? ", …" : "") + "); add it as an alias in the registry, or fix the rows"
                } else {
                    issue.message += "; add it as an alias in the registry, or fix the row"
                }
                return issue
            } + summary.errors
        // What was parsed must be what was probed and hashed: a file written meanwhile is refused whole.
        summary.sha256 = try stream.verifyUnchanged()
        summary.counts = counts
        summary.warnings += stream.warnings
        if stream.emptyRows > 0 {
            summary.warnings.append("\(stream.emptyRows) empty row\(stream.emptyRows == 1 ? "" : "s") (no cell filled in) skipped")
        }
        let missing = stream.jsonColumnsNeverSeen
        if !missing.isEmpty && counts.rows > 0 {
            // JSON records describe themselves: a key no record has is a question nobody answered here.
            summary.warnings.append(
                "no record has " + missing.map { "\"\($0)\"" }.joined(separator: ", ")
                    + "; check the spelling in the survey if answers were expected")
        }
        if counts.rows == 0 {
            throw stream.format.isJSON
                ? ImportError.jsonShape(file: summary.file, line: 1, message: "the file holds no records")
                : ImportError.headerOnly(file: summary.file)
        }
        if summary.errorCount > 0 && !options.skipInvalid {
            summary.status = .failed
            return summary
        }
        if let earlier, counts.added == 0 && counts.updated == 0 && counts.rejected == 0 {
            summary.status = .alreadyImported
            summary.warnings.append(
                "the same file was imported into \(summary.survey) on \(earlier.importedAt) (as \(earlier.fileName), import "
                    + "\(earlier.id)), and every row still stands as it says; nothing to do")
            return summary
        }
        if let earlier {
            summary.warnings.append(
                "the same file was imported before (import \(earlier.id)); \(counts.updated) respondent\(counts.updated == 1 ? "" : "s") "
                    + "a later import had changed \(counts.updated == 1 ? "is" : "are") set back to what it says")
        }
        if session.rowsReplaced > 0 {
            summary.warnings.append(
                "\(session.rowsReplaced) row\(session.rowsReplaced == 1 ? "" : "s") repeated the respondent id of an earlier row "
                    + "of this file and replaced it (\(Remedy.lastWins))")
        }
        summary.importId = options.dryRun ? nil : batchId
        summary.changes = session.changes
        summary.changeCount = session.changeCount
        summary.codedAnswersChanged = session.codedAnswersChanged
        summary.manualTagsArchived = session.manualTagsArchived
        if session.codedAnswersChanged > 0 {
            summary.warnings.append(
                "\(session.codedAnswersChanged) coded answer\(session.codedAnswersChanged == 1 ? "" : "s") changed: "
                    + "their coders' tags are kept and flagged; see \(Remedy.reviewTags(archived: false))")
        }
        if session.manualTagsArchived > 0 {
            summary.warnings.append(
                "\(session.manualTagsArchived) coder tag\(session.manualTagsArchived == 1 ? " is" : "s are") on answers the file "
                    + "no longer has: kept in the archive (\(Remedy.reviewTags(archived: true)))")
        }
        summary.status = options.dryRun ? .dryRun : .imported
        try session.finishBatch(batchId, counts: counts)
        if summary.status == .imported, let rejects {
            for (record, issues) in pendingRejects {
                rejects.write(file: summary.file, line: record.line, issues: issues, cells: record.cells)
            }
        }
        return summary
    }
}
