import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// The csvkit and frictionless example files: each goes through `infer` → `add` → `import` and either
/// lands in the database whole or stops with an error that names the file and says what is wrong.
struct ConformanceImportTests {
    enum Outcome: Equatable {
        /// Imported; this many respondents.
        case imported(Int)
        /// Stopped, with a message containing this text.
        case error(String)
    }

    static let expectations: [(folder: String, file: String, outcome: Outcome)] = [
        ("csvkit-examples/examples", "bad.csv", .error("bad.csv:2: the row has 4 cells but the header has 3")),
        ("csvkit-examples/examples", "bad_skip_lines.csv", .error("bad_skip_lines.csv:5: the row has 4 cells")),
        ("csvkit-examples/examples", "blanks.csv", .imported(1)),
        ("csvkit-examples/examples", "blanks_converted.csv", .error("the file has a header but no data rows")),
        ("csvkit-examples/examples", "dummy.tsv", .imported(1)),
        ("csvkit-examples/examples", "dummy_col_shuffled_ragged.csv", .imported(1)),
        ("csvkit-examples/examples", "empty.csv", .error("empty.csv: the file is empty")),
        ("csvkit-examples/examples", "mac_newlines.csv", .imported(2)),
        ("csvkit-examples/examples", "no_header_row.csv", .error("the file has a header but no data rows")),
        ("csvkit-examples/examples", "null_byte.csv", .imported(1)),  // its NUL byte left out, with a warning
        ("csvkit-examples/examples", "optional_quote_characters.csv", .imported(1)),
        (
            "csvkit-examples/examples", "test_empty_columns.csv",
            .error("test_empty_columns.csv:3: the row has 4 cells but the header has 5")
        ),
        ("csvkit-examples/examples", "test_empty_columns_long_row.csv", .error("the file has a header but no data rows")),
        ("csvkit-examples/examples", "test_empty_columns_short_row.csv", .error("the file has a header but no data rows")),
        ("csvkit-examples/examples", "test_extra_header.csv", .error("test_extra_header.csv:2: the row has 3 cells but the header has 4")),
        ("csvkit-examples/examples", "test_header_newline.csv", .imported(1)),
        ("csvkit-examples/examples", "test_latin1.csv", .imported(2)),
        ("csvkit-examples/examples", "test_locale.csv", .imported(1)),
        ("csvkit-examples/examples", "test_skip_lines.csv", .imported(1)),
        ("csvkit-examples/examples", "test_utf16_big.csv", .imported(2)),
        ("csvkit-examples/examples", "test_utf16_little.csv", .imported(2)),
        ("csvkit-examples/examples", "test_utf8.csv", .imported(2)),
        ("csvkit-examples/examples", "test_utf8_bom.csv", .imported(2)),
        ("csvkit-examples/examples", "testjson.json", .imported(5)),
        ("csvkit-examples/examples", "testjson_multiline.json", .imported(2)),
        ("csvkit-examples/examples", "testjson_nested.json", .imported(2)),
        ("frictionless-data/data", "blank-cells.csv", .imported(5)),
        ("frictionless-data/data", "blank-headers.csv", .imported(2)),
        ("frictionless-data/data", "blank-rows-multiple.csv", .imported(2)),
        ("frictionless-data/data", "blank-rows-no-fields.csv", .imported(2)),
        ("frictionless-data/data", "blank-rows.csv", .imported(2)),
        ("frictionless-data/data", "bom.csv", .imported(2)),
        ("frictionless-data/data", "delimiter.csv", .imported(2)),
        ("frictionless-data/data", "dialect.csv", .error("dialect.csv:3: the row has 3 cells but the header has 2")),
        ("frictionless-data/data", "doublequote.csv", .imported(5)),
        // Repeated names are told apart by column (`B (column 3)`, `id (column 3)`), as infer and import both read them.
        ("frictionless-data/data", "duplicate-column.csv", .imported(1)),
        ("frictionless-data/data", "duplicate-headers.csv", .imported(2)),
        ("frictionless-data/data", "empty.csv", .error("the file is empty")),
        ("frictionless-data/data", "issue-1009-semicolon.csv", .imported(1)),
        ("frictionless-data/data", "latin1.csv", .imported(2)),
        // A comment line above the header: infer finds the header on line 2 and writes `header_row: 2`.
        ("frictionless-data/data", "matrix-with-comment.csv", .imported(4)),
        ("frictionless-data/data", "skip-blank-at-the-end.csv", .error("skip-blank-at-the-end.csv:2: the row has 1 cells")),
        ("frictionless-data/data", "skip-rows-before-headers.csv", .imported(2)),
        // A comment line among the data is a row of one cell, named with its line.
        ("frictionless-data/data", "skip-rows.csv", .error("skip-rows.csv:4: the row has 1 cells but the header has 2")),
        ("frictionless-data/data", "table-delimiter.csv", .imported(2)),
        ("frictionless-data/data", "table-infer-iso-8859-7.csv", .error("is it Greek, Cyrillic")),
        ("frictionless-data/data", "table-infer-missing-values.csv", .imported(7)),
        ("frictionless-data/data", "table-infer-utf8.csv", .imported(5)),
        ("frictionless-data/data", "table-unicode-headers.csv", .imported(2)),
        ("frictionless-data/data", "without-headers-extra.csv", .error("without-headers-extra.csv:3: the row has 3 cells")),
        ("frictionless-data/data", "without-headers.csv", .imported(2)),
    ]

    /// Runs the whole path a user would: infer a draft, add it, import the file.
    static func run(_ path: String, options: ReadOptions = ReadOptions()) throws -> (Outcome, KartlaggningStore, FileImportSummary?) {
        let store = try KartlaggningStore.inMemory()
        let draft: SurveyDraft
        do {
            draft = try SurveyInferrer().infer(path: path, options: options)
        } catch let error as ImportError {
            return (.error(error.errorDescription ?? ""), store, nil)
        }
        let folder = TemporaryDirectory()
        let definitionPath = folder.write("survey.yaml", draft.yaml)
        try store.addSurvey(try DefinitionLoader.survey(at: definitionPath))
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id, options: ImportOptions(read: options))
        if summary.status == .imported { return (.imported(try store.status().respondents), store, summary) }
        let message = summary.fileError ?? summary.errors.first.map { $0.formatted(file: summary.file) } ?? "failed without a message"
        return (.error(message), store, summary)
    }

    @Test(
        .enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"),
        arguments: expectations.map { "\($0.folder)/\($0.file)" }
    )
    func importsOrFailsClearly(relative: String) throws {
        let expected = Self.expectations.first { "\($0.folder)/\($0.file)" == relative }!.outcome
        let path = Paths.conformance.appendingPathComponent(relative).path
        let (outcome, store, _) = try Self.run(path)
        switch (expected, outcome) {
        case (.imported(let n), .imported(let m)):
            #expect(n == m)
        case (.error(let fragment), .error(let message)):
            #expect(message.contains(fragment), "\(message)")
            #expect(message.contains((path as NSString).lastPathComponent), "the error names the file: \(message)")
            #expect(try store.status().respondents == 0)
        default:
            Issue.record("\(relative): expected \(expected), got \(outcome)")
        }
    }

    @Test(.enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"))
    func everyExampleFileHasAnExpectation() throws {
        var files: [String] = []
        for folder in ["csvkit-examples/examples", "frictionless-data/data"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Paths.conformance.appendingPathComponent(folder).path)
            where name.hasSuffix(".csv") || name.hasSuffix(".tsv") || name.hasSuffix(".json") {
                if folder.hasPrefix("csvkit") && (name.hasSuffix("_converted.csv") && name != "blanks_converted.csv") { continue }
                if name == "dialect.json" { continue }
                files.append("\(folder)/\(name)")
            }
        }
        let covered = Set(Self.expectations.map { "\($0.folder)/\($0.file)" })
        #expect(Set(files).subtracting(covered).isEmpty, "\(Set(files).subtracting(covered).sorted())")
    }

    /// Values, not just counts: what the decoders and readers made of the tricky files.
    @Test(.enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"))
    func valuesComeThroughIntact() throws {
        let csvkit = Paths.conformance.appendingPathComponent("csvkit-examples/examples")
        let frictionless = Paths.conformance.appendingPathComponent("frictionless-data/data")

        let latin1 = try readTable(csvkit.appendingPathComponent("test_latin1.csv").path)
        #expect(latin1.last?["c"] == "©")
        #expect(try readTable(csvkit.appendingPathComponent("test_utf16_little.csv").path).last?["c"] == "ʤ")
        #expect(try readTable(csvkit.appendingPathComponent("test_utf16_big.csv").path).last?["c"] == "ʤ")
        let mac = try readTable(csvkit.appendingPathComponent("mac_newlines.csv").path)
        #expect(mac.map { $0["a"] } == ["1", "Once upon\ra time"])
        let header = try SourceTable(path: csvkit.appendingPathComponent("test_header_newline.csv").path, file: "h", options: ReadOptions())
            .header
        #expect(header.count == 3 && header[0].hasPrefix("start") && header[0].hasSuffix("end"))
        let bom = try SourceTable(path: frictionless.appendingPathComponent("bom.csv").path, file: "b", options: ReadOptions())
        #expect(bom.header.first == "id")
        // Leading zeros stay text: "0123" is an id or a code, not the number 123.
        let semicolon = frictionless.appendingPathComponent("issue-1009-semicolon.csv").path
        let (outcome, store, _) = try Self.run(semicolon)
        #expect(outcome == .imported(1))
        var cells: [String] = []
        let survey = try store.surveys().first!.id
        try store.forEachRespondent(surveyId: survey) { respondent in
            cells = Array(respondent.rawFields.values) + respondent.answers.values.map(\.raw) + [respondent.externalId]
        }
        #expect(cells.contains("0123"))
    }
}
