import KartlaggningCore
import KartlaggningModel

/// One row or record, its cells aligned to the columns a survey reads.
struct SourceRecord {
    /// The line the row starts on (CSV) or the line of the record's `{` (JSON).
    var line: Int
    /// The data row's number (CSV) or the record's index (JSON), from 1.
    var number: Int
    /// One cell per requested column; "" where the row has none.
    var cells: [String]
    /// A problem with the row as a whole (a ragged CSV row).
    var issue: ImportIssue?
    /// The whole row as the file has it (tables), to tell a row whose values are shifted.
    var fields: [String] = []
    /// Where each requested column stands in `fields`.
    var indices: [Int?] = []
    /// How many columns the header has.
    var width = 0

    /// About the bytes the record and its mapping hold, what a queue of records weighs: its texts (cells and fields),
    /// and for each cell its places in both arrays and the answer it maps to (`cellBytes`) — a thousand short ratings
    /// a row weigh more than their few bytes of text.
    var weight: Int {
        cells.reduce(0) { $0 + $1.utf8.count } + fields.reduce(0) { $0 + $1.utf8.count } + Self.cellBytes * max(cells.count, fields.count)
    }

    /// A cell's share of a record and its mapping beside its text: a string in `cells` and in `fields` (16 bytes
    /// each) and the answer it maps to (`AnswerDraft`, 80).
    static let cellBytes = 112
}
