import Foundation

/// Where the package, its samples and the shared conformance suites are.
public enum Paths {
    /// The package root (this file is Tests/TestSupport/Paths.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let samples = packageRoot.appendingPathComponent("SampleSurveys")

    /// `../shared/conformance/` beside the package, as CI lays it out.
    public static let conformance = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")

    /// Whether the public conformance suites are there; a user's own clone may not have them.
    public static var conformanceAvailable: Bool {
        FileManager.default.fileExists(atPath: conformance.path)
    }

    public static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }
}
