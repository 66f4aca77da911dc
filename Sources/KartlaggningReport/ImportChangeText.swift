import KartlaggningModel

/// The terminal rendering of what imports replaced, and of the list of imports.
public enum ImportChangeText {
    /// How many changes an import's summary shows before it counts the rest.
    public static let shownInSummary = 20

    /// One change: `R12  hur_nojd: "3" → "4"`, `R40  ovrigt: "Mer buss" → (removed)`, `R7  district: Nätra → Anundsjö`.
    public static func line(_ change: ImportChange) -> String {
        "\(change.respondent)  \(change.field): \(value(change.before, isQuestion: change.isQuestion, missing: "(none)")) → "
            + value(change.after, isQuestion: change.isQuestion, missing: change.isQuestion ? "(removed)" : "(none)")
    }

    private static func value(_ text: String?, isQuestion: Bool, missing: String) -> String {
        guard let text else { return missing }
        if text == ImportChange.hidden { return text }
        let shown = text.replacingOccurrences(of: "\n", with: " ").clipped(80)
        return isQuestion ? "\"\(shown)\"" : shown
    }

    /// The lines a summary adds for the changes of import `id`: a heading, the first few, and how to see and undo all.
    public static func summaryLines(changes: [ImportChange], count: Int, importId: Int64?) -> [String] {
        guard count > 0 else { return [] }
        var lines = ["  \(count) value\(count == 1 ? "" : "s") changed in respondents seen before:"]
        for change in changes.prefix(shownInSummary) { lines.append("    " + line(change)) }
        let shown = min(changes.count, shownInSummary)
        if count > shown {
            lines.append("    … and \(count - shown) more" + (importId.map { ": \(Remedy.listImports(id: $0)) lists them all" } ?? ""))
        }
        if let importId { lines.append("  \(Remedy.undoImport(importId)) takes this import back") }
        return lines
    }

    /// `kartlagg imports`: one line per import.
    public static func list(_ batches: [ImportBatch]) -> String {
        guard !batches.isEmpty else { return "no imports yet" }
        let rows = batches.map { batch in
            [
                "\(batch.id)", batch.surveyId, batch.fileName, String(batch.importedAt.prefix(19)).replacingOccurrences(of: "T", with: " "),
                "\(batch.rowsRead)", "\(batch.added)", "\(batch.updated)", "\(batch.unchanged)", "\(batch.rejected)",
                String(batch.sha256.prefix(12)),
            ]
        }
        let header = ["import", "survey", "file", "imported", "rows", "added", "updated", "unchanged", "rejected", "sha-256"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [0, 4, 5, 6, 7, 8]
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        return ([render(header)] + rows.map(render)).joined(separator: "\n")
    }

    /// `kartlagg imports N`: the import and every value it replaced.
    public static func detail(_ batch: ImportBatch, changes: [ImportChange]) -> String {
        var lines = [
            "import \(batch.id): \(batch.fileName) into \(batch.surveyId), \(batch.importedAt)",
            "  \(batch.rowsRead) rows: \(batch.added) added, \(batch.updated) updated, \(batch.unchanged) unchanged, "
                + "\(batch.rejected) rejected; sha-256 \(batch.sha256)",
        ]
        if changes.isEmpty {
            lines.append("  it changed no value in respondents seen before")
        } else {
            lines.append("  \(changes.count) value\(changes.count == 1 ? "" : "s") changed in respondents seen before:")
            for change in changes { lines.append("    " + line(change)) }
        }
        return lines.joined(separator: "\n")
    }

    /// `kartlagg import undo N`: what was restored.
    public static func undo(_ undo: ImportUndo) -> String {
        let batch = undo.batch
        var parts: [String] = []
        func add(_ n: Int, _ one: String, _ many: String) { if n > 0 { parts.append("\(n) \(n == 1 ? one : many)") } }
        add(undo.respondentsRemoved, "respondent it added removed", "respondents it added removed")
        add(undo.respondentsRestored, "respondent it updated set back", "respondents it updated set back")
        add(undo.answersRestored, "answer restored", "answers restored")
        add(undo.answersRemoved, "answer it added removed", "answers it added removed")
        add(undo.answersReinstated, "answer it removed put back", "answers it removed put back")
        add(undo.coderFlagsCleared, "coder's review flag cleared", "coders' review flags cleared")
        add(undo.coderTagsRestored, "archived coder's tag restored", "archived coders' tags restored")
        add(undo.coderTagsArchived, "coder's tag archived with its answer", "coders' tags archived with their answers")
        var text = "import \(batch.id) (\(batch.fileName) into \(batch.surveyId)) undone"
        text += parts.isEmpty ? "; it had changed nothing" : ": " + parts.joined(separator: "; ")
        return text
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
