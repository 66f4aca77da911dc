import Foundation

/// Golden files: expected outputs kept beside the tests and reviewed as diffs.
/// Run with `KARTLAGG_RECORD_GOLDEN=1` to write them anew from the actual output: a recording run writes the
/// file and fails (it returns nil), so a new golden file is always reviewed as a diff before it passes.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["KARTLAGG_RECORD_GOLDEN"] == "1" }

    /// The golden text for `name` in `Tests/<target>/Golden/`, recording `actual` first when asked to.
    public static func expected(_ name: String, target: String, actual: String) -> String? {
        let url = Paths.packageRoot.appendingPathComponent("Tests/\(target)/Golden/\(name)")
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
