import Foundation
import KartlaggningModel

/// What stops a `MapQuery` beyond the store's own errors.
public enum MapQueryError: Error, Equatable, LocalizedError {
    /// The registry was loaded without a `map:`.
    case noMap
    case unknownTheme(String, known: [String])
    /// A value the question's table has no row for.
    case unknownValue(question: String, value: String, values: [String])
    /// A question with more than two answers needs `=VALUE`.
    case valueNeeded(question: String, values: [String])
    /// A difference map needs the whole's share, which the table hides.
    case wholeHidden(String)

    public var errorDescription: String? {
        switch self {
        case .noMap:
            "the district registry has no map: add a map block (file, property, source) to districts.yaml and load it again with \(Remedy.loadDistricts(file: "districts.yaml"))"
        case .unknownTheme(let id, let known): "no theme \"\(id)\" in the codebook; themes: \(known.joined(separator: ", "))"
        case .unknownValue(let question, let value, let values):
            "\(question) has no answer \"\(value)\"; its answers: \(values.joined(separator: ", "))"
        case .valueNeeded(let question, let values):
            "say which answer to map with \(Remedy.chooseMapAnswer(question: question)), one of \(values.joined(separator: ", "))"
        case .wholeHidden(let row): "a difference map needs the whole municipality's share of \"\(row)\", which the table hides (too few)"
        }
    }
}
