/// A workbook file as it was when reading began: its SHA-256, size and modification time, to refuse one that is
/// written while it is read (a spreadsheet program saving over it).
struct WorkbookFile {
    let path: String
    let file: String
    let sha256: String
    private let stamp: FileStamp?

    init(path: String, file: String) throws {
        _ = try InputFile.open(path: path, file: file)
        let now = try Self.read(path: path, file: file)
        if now.size == 0 { throw ImportError.emptyFile(file: file) }
        self.path = path
        self.file = file
        sha256 = now.sha256
        stamp = now.stamp
    }

    /// After the last row: the SHA-256 recorded; throws when the file changed since reading began.
    func verifyUnchanged() throws -> String {
        let now = try Self.read(path: path, file: file)
        if now.sha256 != sha256 || now.stamp != stamp {
            throw ImportError.fileChanged(file: file, detail: "the workbook was written while it was read")
        }
        return sha256
    }

    /// The file's stamp (taken first, so a write during the pass shows in one or the other) and its fingerprint.
    private static func read(path: String, file: String) throws -> (stamp: FileStamp?, sha256: String, size: Int) {
        let stamp = InputFile.stamp(path: path)
        let (sha256, size) = try FileFingerprint.file(path: path, file: file)
        return (stamp, sha256, size)
    }
}
