import Crypto

/// A file's SHA-256 fingerprint, fed in chunks so a file is fingerprinted while it is read once; the digest as lowercase
/// hex. The digest is swift-crypto's (BoringSSL's on Linux, CryptoKit's on Apple platforms).
struct FileFingerprint {
    private var hasher = Crypto.SHA256()

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// The digest of everything fed, as 64 lowercase hex digits.
    mutating func finalize() -> String {
        Self.hex(digest: hasher.finalize())
    }

    /// A file's digest and size, read once in chunks: what a workbook or a statistics file is known by (its bytes are
    /// not text, so the text probe's analysis is not needed; it was most of the time of the two passes over a 99 MB
    /// SPSS file, on the thread the import waits for).
    static func file(path: String, file: String) throws -> (sha256: String, size: Int) {
        let handle = try InputFile.open(path: path, file: file)
        defer { try? handle.close() }
        var fingerprint = FileFingerprint()
        var size = 0
        while let chunk = try InputFile.read(handle, file: file) {
            chunk.withUnsafeBufferPointer { fingerprint.update($0) }
            size += chunk.count
        }
        return (fingerprint.finalize(), size)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        var fingerprint = FileFingerprint()
        fingerprint.update(bytes)
        return fingerprint.finalize()
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(digest: SHA256.Digest) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
