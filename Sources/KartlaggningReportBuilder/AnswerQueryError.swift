import Foundation

/// A place an `AnswerQuery` names that the district registry does not know.
public enum AnswerQueryError: Error, Equatable, LocalizedError {
    case unknownDistrict(String)
    case unknownServiceTown(String)

    public var errorDescription: String? {
        switch self {
        case .unknownDistrict(let name): "\"\(name)\" is not a district in the registry"
        case .unknownServiceTown(let name): "\"\(name)\" is not a service town in the registry"
        }
    }
}
