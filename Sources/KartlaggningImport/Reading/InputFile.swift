import Foundation

/// Opening and reading input files in chunks, with errors that name the file.
enum InputFile {
    static let chunkSize = 1 << 16

    /// Checks that `path` is a readable regular file and opens it.
    static func open(path: String, file: String) throws -> FileHandle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError.fileNotFound(file: file)
        }
        if isDirectory.boolValue { throw ImportError.isDirectory(file: file) }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadable(file: file, reason: "permission denied")
        }
        return handle
    }

    /// The file's size and modification time, to tell whether it changed while it was read.
    static func stamp(path: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return FileStamp(
            size: (attributes[.size] as? NSNumber)?.intValue ?? -1, modified: attributes[.modificationDate] as? Date)
    }

    /// The next chunk of bytes, or nil at the end.
    static func read(_ handle: FileHandle, file: String) throws -> [UInt8]? {
        do {
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
            return [UInt8](data)
        } catch {
            throw ImportError.unreadable(file: file, reason: error.localizedDescription)
        }
    }
}

/// What the file system says of a file, before and after it is read.
struct FileStamp: Equatable {
    var size: Int
    var modified: Date?
}
