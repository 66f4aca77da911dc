import Foundation

/// A template that cannot be used, with the line the parser stopped at.
public struct ReportTemplateError: Error, LocalizedError, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var errorDescription: String? { "\(file):\(line): template error: \(message)" }
}
