import Foundation
import HTTPTypes
import KartlaggningCore
import KartlaggningModel

/// Why the workbench refuses a request; each says what to do, none shows data.
public enum WorkbenchError: Error, LocalizedError, Equatable, Sendable {
    /// A parameter the page does not take, or a value the database does not hold.
    case badParameter(name: String, value: String, reason: String)
    /// The cell asked for is hidden: fewer than min-cell, or hidden so that none can be worked out.
    case hiddenCell(minCell: Int)
    /// The filters leave fewer respondents than min-cell.
    case tooFew(minCell: Int)
    case notFound(path: String)
    /// A form without this browser session's token, or from another site.
    case forgedRequest
    /// A request without the access token `--host` requires.
    case accessTokenNeeded
    /// A Host header that is not this server's (a page elsewhere reaching for 127.0.0.1).
    case wrongHost(String)
    case codingOff(reason: String)
    case noCodebook
    case coderNeeded
    case badCoder(String)
    /// What the store refused (an unknown answer or theme, a full-text query it cannot read).
    case refused(String)

    public var errorDescription: String? {
        switch self {
        case .badParameter(let name, let value, let reason): "parameter \"\(name)\" = \"\(value.prefix(80))\": \(reason)"
        case .hiddenCell(let minCell):
            "this cell is hidden: fewer than \(minCell) respondents, or hidden so that no hidden count can be worked out"
        case .tooFew(let minCell): "fewer than \(minCell) respondents match these filters: their answers are not shown"
        case .notFound(let path): "\(path.prefix(120)): no such page"
        case .forgedRequest: "this form is not from this browser session; reload the page and try again"
        case .accessTokenNeeded: "\(Remedy.openWorkbenchAddress)"
        case .wrongHost(let host): "requests for host \"\(host.prefix(80))\" are not served here"
        case .codingOff(let reason): "coding is off: \(reason)"
        case .noCodebook: "no codebook is loaded: load one with \(Remedy.loadCodebook(file: false)) and tag with \(Remedy.tag)"
        case .coderNeeded: "give your name as coder first"
        case .badCoder(let reason): "coder name: \(reason)"
        case .refused(let reason): reason
        }
    }

    /// The HTTP status it is sent with.
    public var status: HTTPResponse.Status {
        switch self {
        case .badParameter, .badCoder, .coderNeeded, .refused: .badRequest
        case .hiddenCell, .tooFew, .forgedRequest, .codingOff, .wrongHost: .forbidden
        case .accessTokenNeeded: .unauthorized
        case .notFound: .notFound
        case .noCodebook: .conflict
        }
    }
}
