/// The formats `export` writes: text (CSV, JSON), or a labelled statistics file (SPSS `.sav`, Stata `.dta`, through
/// `StatWriter`), which needs a file to write to.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json, sav, dta

    /// The statistics file format, for `sav` and `dta`.
    public var statFormat: StatWriter.Format? { StatWriter.Format(rawValue: rawValue) }
}
