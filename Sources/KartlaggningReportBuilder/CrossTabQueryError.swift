import Foundation

/// What stops a `CrossTabQuery` beyond the store's own errors.
public enum CrossTabQueryError: Error, Equatable, LocalizedError {
    /// A wave to compare has nothing to count (with the filters given).
    case emptyWave(wave: String, unit: String)

    public var errorDescription: String? {
        switch self {
        case .emptyWave(let wave, let unit): "no \(unit) in wave \"\(wave)\" (with the filters given)"
        }
    }
}
