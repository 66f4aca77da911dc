import Foundation
import ZIPFoundation

/// The part names of a ZIP package, read from its central directory.
struct ZipDirectory {
    private let parts: Set<String>

    init(url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        parts = Set(archive.map(\.path))
    }

    func contains(_ part: String) -> Bool { parts.contains(part) }
}
