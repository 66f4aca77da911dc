import Foundation
import KartlaggningCore
import KartlaggningModel

/// Why a report cannot be written.
public enum ReportError: Error, LocalizedError, Equatable, Sendable {
    case needsOneDistrict(given: [String])
    case noRespondents(district: String, known: [String])
    case needsTheme
    case unknownTheme(theme: String, codebook: String)
    case notWritable(path: String)
    case unreadableTemplate(path: String)
    /// `--area-order share` in an overview, which has no one theme to sort by.
    case shareNeedsTheme
    /// A selection whose own size may not be shown: fewer than min-cell respondents, or a total another table hides.
    case selectionHidden(minCell: Int)

    public var errorDescription: String? {
        switch self {
        case .needsOneDistrict(let given):
            given.isEmpty
                ? "a district report needs \(Remedy.chooseDistrict)"
                : "a district report is about one district; got \(given.joined(separator: ", "))"
        case .noRespondents(let district, let known):
            "no respondents in district \"\(district)\" with the filters given; districts: \(known.joined(separator: ", "))"
        case .needsTheme: "a theme report needs \(Remedy.chooseThemes)"
        case .unknownTheme(let theme, let codebook): "codebook \"\(codebook)\" has no theme \"\(theme)\""
        case .notWritable(let path): "\(path): cannot be written"
        case .unreadableTemplate(let path): "\(path): cannot be read as UTF-8 text"
        case .shareNeedsTheme: "an overview sorts areas by one theme's share: give \(Remedy.orderAreasByShare)"
        case .selectionHidden(let minCell):
            "the selection has fewer than \(minCell) respondents, or its size is hidden in a table already published (it protects another count): a report of it would give that count away; widen the selection"
        }
    }
}
