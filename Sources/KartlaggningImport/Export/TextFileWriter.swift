import Foundation

/// A text file written line by line, for exports and rejects that may be large.
public final class TextFileWriter {
    private let handle: FileHandle
    private var buffer = ""

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ImportError.unreadable(file: path, reason: "cannot be written")
        }
        self.handle = handle
    }

    /// A writer to standard output.
    public init(standardOutput: Void = ()) {
        handle = FileHandle.standardOutput
    }

    public func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    deinit { flush() }
}
