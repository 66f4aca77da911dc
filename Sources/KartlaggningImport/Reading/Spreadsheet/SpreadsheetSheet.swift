import KartlaggningCore
import KartlaggningModel

/// A sheet of a workbook: its name, the package part that holds it, and whether it is hidden.
public struct SpreadsheetSheet: Sendable, Equatable {
    public var name: String
    var part: String
    public var hidden: Bool

    /// How errors name a row of this sheet: `svar.xlsx:Blad1!` (`svar.xlsx:Blad1!14`).
    func location(file: String) -> String { "\(file):\(name)!" }

    /// The sheet `selector` names — its name (case aside) or its number from 1 — or the first visible sheet.
    static func choose(_ selector: String?, from sheets: [SpreadsheetSheet], file: String) throws -> SpreadsheetSheet {
        guard !sheets.isEmpty else { throw ImportError.unreadable(file: file, reason: "the workbook has no sheets") }
        guard let selector else { return sheets.first { !$0.hidden } ?? sheets[0] }
        if let exact = sheets.first(where: { $0.name == selector }) { return exact }
        if let folded = sheets.first(where: { $0.name.lowercased() == selector.lowercased() }) { return folded }
        if let number = Int(selector), sheets.indices.contains(number - 1) { return sheets[number - 1] }
        throw ImportError.unreadable(
            file: file,
            reason: "no sheet \"\(selector.clipped(60))\"; the workbook has "
                + sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"" }.joined(separator: ", ")
                + " (\(Remedy.chooseSheet(.nameOrNumber)))")
    }
}
