/// Opens a text file for reading: probes it once, settles its encoding, and hands back its UTF-8 stream.
struct TextSource {
    let probe: FileProbe
    let encoding: TextEncoding
    let stream: UTF8Stream

    /// - Parameters:
    ///   - requested: the user's `--encoding`, or nil to detect: a BOM decides; else valid UTF-8 is UTF-8
    ///     (never mis-decoded); else Windows-1252, unless the bytes read implausibly as such.
    static func open(path: String, file: String, requested: String?) throws -> TextSource {
        let probe = try FileProbe.probe(path: path, file: file)
        if probe.size <= probe.bomLength { throw ImportError.emptyFile(file: file) }
        let encoding: TextEncoding
        if let requested {
            guard let named = TextEncoding.named(requested, bom: probe.bom) else {
                throw ImportError.unreadable(
                    file: file, reason: "unknown encoding \"\(requested)\"; use one of \(TextEncoding.acceptedNames)")
            }
            encoding = named
        } else if let bom = probe.bom {
            encoding = bom
        } else if let utf16 = probe.bomlessUTF16 {
            encoding = utf16
        } else if let line = probe.firstNULLine {
            throw ImportError.binaryFile(file: file, line: line)
        } else if probe.firstInvalidUTF8Line == nil {
            encoding = .utf8
        } else if !probe.readsAsWindows1252 {
            throw ImportError.implausibleEncoding(
                file: file,
                reason: "the file is not UTF-8, and read as Windows-1252 its words come out garbled (is it Greek, Cyrillic or "
                    + "another single-byte encoding?); convert it to UTF-8, e.g. `iconv -f ISO-8859-7 -t UTF-8`, or pass "
                    + "--encoding windows-1252 to read it as it is")
        } else {
            encoding = .windows1252
        }
        // A file read as UTF-8 must be UTF-8 throughout: a bad byte is never turned into U+FFFD unseen.
        if encoding == .utf8, let line = probe.firstInvalidUTF8Line {
            throw ImportError.invalidUTF8(
                file: file, line: line, byte: probe.firstInvalidUTF8Byte ?? 0,
                why: requested != nil ? "as asked" : "because it starts with a UTF-8 byte-order mark")
        }
        if encoding != .utf16LE && encoding != .utf16BE, let line = probe.firstNULLine {
            throw ImportError.binaryFile(file: file, line: line)
        }
        // A UTF-8 byte-order mark is never text, even in a file read as Windows-1252 (as asked): "ï»¿" would
        // otherwise start the first header.
        let dropsBOM =
            probe.bom != nil && (encoding == probe.bom || (probe.bom == .utf8 && encoding != .utf16LE && encoding != .utf16BE))
        let bomLength = dropsBOM ? probe.bomLength : 0
        let stream = try UTF8Stream(path: path, file: file, encoding: encoding, bomLength: bomLength)
        return TextSource(probe: probe, encoding: encoding, stream: stream)
    }

    /// Checks, once the reader is done, that the bytes parsed are the bytes probed and that the file's size and
    /// modification time are what they were: a file written while it was read is refused, never half-imported.
    /// - Returns: the SHA-256 of the bytes parsed.
    func verifyUnchanged(path: String, file: String) throws -> String {
        let (sha256, size) = try stream.finishReading()
        if sha256 != probe.sha256 || size != probe.size {
            throw ImportError.fileChanged(
                file: file, detail: "\(probe.size) bytes when reading began, \(size) different bytes read since")
        }
        if InputFile.stamp(path: path) != probe.stamp {
            throw ImportError.fileChanged(file: file, detail: "its size or modification time changed")
        }
        return sha256
    }
}
