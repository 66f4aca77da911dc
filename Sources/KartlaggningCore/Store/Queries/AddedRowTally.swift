import GRDB

/// The kept counts' share of what an import session added, counted as the rows were written: each new respondent's
/// cell (the kept fields), its answers, free texts and dates, and its answers to kept questions by category. At
/// commit the counts are added from here (`KartlaggningStore.countAddedRows`) instead of reading back every row the
/// import wrote (0.7 s of a 200,000-respondent import).
///
/// It stands for the rows added only if it holds every one of them: it notes each row's id, and is used only when its
/// ids are exactly those above what the counts had counted (`covers`). A session that changes a known respondent
/// gives it up (`abandon`); such a transaction rewrites rows and is counted from them anyway.
struct AddedRowTally {
    /// Ids noted: how many, and the lowest and highest.
    struct Ids {
        private(set) var count: Int64 = 0
        private(set) var lowest: Int64 = .max
        private(set) var highest: Int64 = .min

        mutating func note(_ id: Int64) {
            note(id...id)
        }

        mutating func note(_ ids: ClosedRange<Int64>) {
            count += Int64(ids.count)
            lowest = min(lowest, ids.lowerBound)
            highest = max(highest, ids.upperBound)
        }

        /// Whether the ids noted are every id above `upTo` up to `top` (ids are unique, so as many as the range holds
        /// and none outside it is all of them).
        func areAll(above upTo: Int64, upTo top: Int64) -> Bool {
            count == 0 ? top == upTo : lowest > upTo && highest <= top && count == top - upTo
        }
    }

    /// A cell's respondents, answers and free texts, and its interview dates.
    struct Cell {
        var fields: [String?]
        var respondents = 0
        var answers = 0
        var freeTexts = 0
        var period = DatePeriod()
    }

    private(set) var cells: [Cell] = []
    private var cellOfFields: [[String?]: Int] = [:]
    /// Answers to kept questions by cell, question, stored category (nil for a scale: its category is its number's
    /// whole part, worked out by SQLite when the counts are added) and number.
    private(set) var closed: [KartlaggningStore.ClosedKey<Int>: Int] = [:]
    private(set) var respondentIds = Ids()
    private(set) var answerIds = Ids()
    /// False once the session wrote something this does not follow.
    private(set) var isComplete = true

    /// Notes a respondent added, and returns its cell for its answers.
    mutating func addRespondent(id: Int64, fields: [String?], date: String?) -> Int {
        respondentIds.note(id)
        let cell: Int
        if let known = cellOfFields[fields] {
            cell = known
        } else {
            cell = cells.count
            cellOfFields[fields] = cell
            cells.append(Cell(fields: fields))
        }
        cells[cell].respondents += 1
        cells[cell].period.include(date)
        return cell
    }

    /// Notes an answer added to the respondent in `cell` (its id noted when it is written: `noteAnswers`); `kept` says
    /// whether its question's answers are counted by category, `scale` whether that category is the number's whole
    /// part.
    mutating func addAnswer(cell: Int, question: Int64, value: String?, number: Double?, isFreeText: Bool, kept: Bool, scale: Bool) {
        cells[cell].answers += 1
        if isFreeText { cells[cell].freeTexts += 1 }
        guard kept else { return }
        closed[KartlaggningStore.ClosedKey(cell: cell, question: question, value: scale ? nil : value, number: number), default: 0] += 1
    }

    /// Notes the ids of answers written (nil: not known, so this gives up).
    mutating func noteAnswers(_ ids: ClosedRange<Int64>?) {
        guard let ids else { return abandon() }
        answerIds.note(ids)
    }

    /// Gives up: the session wrote rows this does not follow.
    mutating func abandon() {
        isComplete = false
        cells = []
        cellOfFields = [:]
        closed = [:]
    }

    /// Whether this holds exactly the rows above the counts' `respondentsUpTo` and `answersUpTo`.
    func covers(respondentsUpTo: Int64, answersUpTo: Int64, db: Database) throws -> Bool {
        guard isComplete else { return false }
        let top = try Row.fetchOne(
            db, sql: "SELECT (SELECT COALESCE(MAX(id), 0) FROM respondent), (SELECT COALESCE(MAX(id), 0) FROM answer)")
        guard let top else { return false }
        return respondentIds.areAll(above: respondentsUpTo, upTo: top[0]) && answerIds.areAll(above: answersUpTo, upTo: top[1])
    }
}
