/// The formats `crosstab` prints, and `sav`: the protected table as an SPSS file (`crosstab --output`, written by
/// `StatWriter`; rendered as text it is the CSV).
public enum CrossTableFormat: String, Sendable, CaseIterable {
    case text, csv, json, markdown, sav
}
