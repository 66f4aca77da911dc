import Foundation

/// The bytes of a file, for "nothing changed" checks.
public enum FileDigest {
    /// The file's contents, or nil when it does not exist.
    public static func bytes(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}
