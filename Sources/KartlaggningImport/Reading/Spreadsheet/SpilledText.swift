import Foundation

/// Text written to a temporary file of its own through a buffer, and read back by offset. The file's name is removed
/// as soon as it is open, so nothing is left behind however the process ends; its space is freed when this goes.
final class SpilledText {
    private let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Bytes written so far, buffered ones included.
    private var length = 0

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kartlagg-strings-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        do {
            handle = try FileHandle(forUpdating: url)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Where the file was made (no longer there once it is open).
    var path: String { url.path }

    deinit {
        try? handle.close()
    }

    /// Appends `text` and returns where it ends.
    func append(_ text: String) throws -> Int {
        buffer.append(contentsOf: text.utf8)
        length += text.utf8.count
        if buffer.count >= 1 << 20 { try flush() }
        return length
    }

    func flush() throws {
        // Reads go by offset (pread) and leave the handle at the end, where every write goes.
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The text between two offsets, nil where the file cannot give it back.
    func text(from start: Int, to end: Int) -> String? {
        guard end > start else { return end == start ? "" : nil }
        var text = [UInt8](repeating: 0, count: end - start)
        var done = 0
        while done < text.count {
            let read = text.withUnsafeMutableBytes { buffer in
                pread(handle.fileDescriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done, off_t(start + done))
            }
            guard read > 0 else { return nil }
            done += read
        }
        return String(decoding: text, as: UTF8.self)
    }
}
