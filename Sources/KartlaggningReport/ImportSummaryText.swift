import KartlaggningModel

/// The terminal rendering of an import summary.
public enum ImportSummaryText {
    /// How many row errors the text shows before it counts the rest.
    public static let shownErrors = 20

    public static func render(_ summary: FileImportSummary) -> String {
        var lines: [String] = []
        let counts =
            "\(summary.rows) rows: \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged, \(summary.rejected) rejected"
        let how = [summary.format, summary.encoding, summary.delimiter.map { "delimiter \($0)" }, summary.sheet.map { "sheet \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
        switch summary.status {
        case .imported: lines.append("\(summary.file): imported into \(summary.survey) (\(how)): \(counts)")
        case .dryRun: lines.append("\(summary.file): dry run, nothing written (\(how)): \(counts)")
        case .alreadyImported: lines.append("\(summary.file): already imported into \(summary.survey); nothing to do")
        case .failed:
            if let fileError = summary.fileError {
                lines.append("error: \(fileError)")
            } else {
                lines.append(
                    "error: \(summary.file): \(summary.rejected) of \(summary.rows) rows have errors; nothing from this file was written")
            }
        }
        if summary.status == .imported || summary.status == .dryRun {
            lines += ImportChangeText.summaryLines(changes: summary.changes, count: summary.changeCount, importId: summary.importId)
        }
        for issue in summary.errors.prefix(shownErrors) {
            lines.append("  " + issue.formatted(file: summary.rowLocation))
        }
        if summary.errorCount > min(summary.errors.count, shownErrors) {
            lines.append("  … and \(summary.errorCount - min(summary.errors.count, shownErrors)) more errors")
        }
        if summary.status == .failed && summary.fileError == nil && summary.errorCount > 0 {
            lines.append("  fix these, or import the valid rows with \(Remedy.skipInvalid(rejects: true))")
        }
        for warning in summary.warnings where summary.status != .alreadyImported {
            lines.append("  note: \(warning)")
        }
        return lines.joined(separator: "\n")
    }
}
