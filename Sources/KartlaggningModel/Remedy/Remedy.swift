/// What a person can do about a message: the command to run or the setting to change. Libraries name the remedy as a
/// typed value and never spell a command line; how it reads is the front end's choice (``RemedyWording``), so the
/// command-line tool says `--header-row 5` where a library user reads "the header row (`ReadOptions.headerRow`)".
///
/// A remedy interpolated into a message (`"name its line with \(Remedy.headerRow(nil))"`) reads in the wording the
/// process has chosen (``Remedy/wording``).
public enum Remedy: Sendable, Equatable, CustomStringConvertible {
    /// Create (or upgrade) the database at this path.
    case initDatabase(path: String)
    /// List the surveys.
    case listSurveys
    /// Add a survey definition from a file.
    case addSurvey
    /// Draft a survey definition from an export (the command that wrote a draft).
    case inferSurvey
    /// Draft a district registry from an export (the command that wrote a draft).
    case inferDistricts
    /// Draft a district registry from this file's column (and sheet): the whole command.
    case inferDistrictsFrom(file: String, column: String, sheet: String?)
    /// Load a district registry from a file (`file`: the one to load, when it is known).
    case loadDistricts(file: String?)
    /// List the codebooks.
    case listCodebooks
    /// Load a codebook (`file`: spell the file argument).
    case loadCodebook(file: Bool)
    /// Name the codebook to use.
    case chooseCodebook
    /// Tag the answers with the codebooks in use.
    case tag
    /// List the flagged tags (`archived`: the archived ones).
    case reviewTags(archived: Bool)
    /// Settle flagged tags: keep one or all, archive one with the decider's name.
    case settleTags
    /// List answers with their ids.
    case listAnswers
    /// List the imports (`id`: one import's changes).
    case listImports(id: Int64?)
    /// Undo this import.
    case undoImport(Int64)
    /// Audit everything published from the database, naming what can be narrowed.
    case auditLedger
    /// Wait longer for another writer.
    case raiseWait
    /// Give bin edges for a number question.
    case giveBins
    /// Name the district a district report is about.
    case chooseDistrict
    /// Name the themes a theme report is about.
    case chooseThemes
    /// Name the answer of this question a map shows.
    case chooseMapAnswer(question: String)
    /// Order areas by one theme's share.
    case orderAreasByShare
    /// The smallest count a table shows (`value`: the one to give, when it is known).
    case minCell(Int?)
    /// The fewest answers an area is shown with on its own.
    case minBase
    /// Suggest themes the codebook misses (the command that wrote a suggestion).
    case suggestCodebook
    /// Start the ledger afresh: outputs before it do not count.
    case freshLedger
    /// Import the valid rows and set the rejected ones aside (`rejects`: name the file they go to).
    case skipInvalid(rejects: Bool)
    /// The line of the column names (`line`: the one to give, when it is known).
    case headerRow(Int?)
    /// The header-row setting itself.
    case headerRowSetting
    /// The cell delimiter.
    case delimiter
    /// Choose a workbook's sheet or a file's record group: the setting alone, by name, or by name or number.
    case chooseSheet(SheetChoice)
    /// Include the columns that identify people.
    case includeIdentifying
    /// The workbench was started showing identifying columns.
    case workbenchShowsIdentifying
    /// Read the file in this encoding (`utf-8`: UTF-8 with stray bytes read as Windows-1252; `windows-1252`).
    case encoding(String)
    /// Read stray quotes as Excel does.
    case lenientQuotes
    /// Raise a reading limit.
    case raiseLimit(ReadLimit)
    /// Keep the last of several rows with one id.
    case lastWins
    /// Open the workbench at the address it printed, with its token.
    case openWorkbenchAddress

    /// How a sheet is named.
    public enum SheetChoice: Sendable, Equatable {
        case setting, name, nameOrNumber
    }

    /// A reading limit a remedy raises.
    public enum ReadLimit: String, Sendable, Equatable {
        case cellSize, rowSize, columns, repeatedRows
    }

    /// The remedy in the process's wording.
    public var description: String { Self.wording.text(for: self) }

    /// The wording remedies read in: ``LibraryWording`` unless the front end chose another (the command-line tool sets
    /// its own once, at start).
    public static var wording: any RemedyWording {
        get { WordingStore.shared.value }
        set { WordingStore.shared.value = newValue }
    }
}
