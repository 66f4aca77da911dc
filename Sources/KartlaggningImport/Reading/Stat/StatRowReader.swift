import Foundation

/// The cases of a labelled statistics file as rows, streamed: ReadStat parses on a thread of its own and hands each
/// case over through a small buffer, so memory stays flat however many cases the file holds. The first row is the
/// variables' names (the header); case N is on "line" N + 1, as in a spreadsheet.
final class StatRowReader: RowReader {
    let metadata: StatFile.Metadata
    /// Checkbox questions written one variable per option, each added as one column before its first variable.
    let checkboxSets: [StatCheckboxSet]
    /// Where each column of a row comes from: a variable (its index) or a checkbox set (its index, negated less one).
    private let plan: [Int]
    private let workbook: WorkbookFile
    private let channel: BatchChannel<[String]>
    /// Cases per hand-over from the parsing thread.
    static let batch = 128
    private var headerSent = false
    private var line = 1
    private let file: String

    init(path: String, file: String, kind: StatFile.Kind) throws {
        workbook = try WorkbookFile(path: path, file: file)
        self.file = file
        metadata = try StatFile.metadata(path: path, file: file, kind: kind)
        if metadata.variables.isEmpty { throw ImportError.headerOnly(file: file) }
        checkboxSets = StatCheckboxSet.find(metadata.variables)
        let firsts = Dictionary(checkboxSets.enumerated().compactMap { set in set.element.members.first.map { ($0.index, set.offset) } }) {
            first, _ in first
        }
        plan = metadata.variables.indices.flatMap { i in firsts[i].map { [-1 - $0, i] } ?? [i] }
        let variables = metadata.variables
        // Cases go over in batches: one hand-over (a lock and a wake-up) per 128 cases, not per case.
        channel = .producing(capacity: 2, batch: Self.batch, stackSize: 1 << 22) { emit in
            // ReadStat's callback outlives nothing: it runs within `rows`.
            _ = try withoutActuallyEscaping(emit) { emit in
                try StatFile.rows(path: path, file: file, kind: kind, variables: variables) { row in emit(row) }
            }
        }
    }

    deinit { channel.cancel() }

    func nextRow() throws -> CSVRow? {
        if !headerSent {
            headerSent = true
            return CSVRow(fields: plan.map { $0 >= 0 ? metadata.variables[$0].name : checkboxSets[-1 - $0].name }, line: 1)
        }
        guard let cells = try channel.next() else { return nil }
        line += 1
        if checkboxSets.isEmpty { return CSVRow(fields: cells, line: line) }
        return CSVRow(fields: plan.map { $0 >= 0 ? ($0 < cells.count ? cells[$0] : "") : checkboxSets[-1 - $0].cell(cells) }, line: line)
    }

    func verifyUnchanged() throws -> String { try workbook.verifyUnchanged() }

    var sha256: String { workbook.sha256 }

    var description: String {
        var text = "\(metadata.kind.name) file, \(metadata.variables.count) variables"
        if metadata.cases >= 0 { text += ", \(metadata.cases) cases" }
        if !metadata.encoding.isEmpty { text += ", encoding \(metadata.encoding)" }
        return text
    }

    var warnings: [String] { [] }
}
