import KartlaggningCore
import KartlaggningModel

/// Opens a text file for reading: probes it once, settles its encoding, and hands back its UTF-8 stream.
struct TextSource {
    let probe: FileProbe
    let encoding: TextEncoding
    let stream: UTF8Stream
    /// What was done to the bytes that the user should know: NUL bytes left out, stray bytes read as Windows-1252.
    let warnings: [String]

    /// - Parameters:
    ///   - requested: the user's `--encoding`, or nil to detect: a BOM decides; else valid UTF-8 is UTF-8
    ///     (never mis-decoded); a file that is UTF-8 apart from a few bytes is refused, naming their lines; else
    ///     Windows-1252, unless the bytes read implausibly as such. `utf-8` asked for reads stray bytes as Windows-1252
    ///     characters, with a warning. A few NUL bytes in a text file are left out, with a warning; a binary file is
    ///     refused.
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
        } else if probe.isBinary {
            throw ImportError.binaryFile(file: file, line: probe.nulLines.first ?? 1)
        } else if probe.invalidUTF8Count == 0 {
            encoding = .utf8
        } else if probe.isMostlyUTF8 {
            // One stray byte must not turn a UTF-8 file into Windows-1252, garbling every å, ä and ö.
            throw probe.invalidUTF8(
                file: file, why: "everywhere else (\(probe.multibyteUTF8Count) characters such as å, ä, ö are written as UTF-8)")
        } else if !probe.readsAsWindows1252 {
            throw ImportError.implausibleEncoding(
                file: file,
                reason: "the file is not UTF-8, and read as Windows-1252 its words come out garbled (is it Greek, Cyrillic or "
                    + "another single-byte encoding?); convert it to UTF-8, e.g. `iconv -f ISO-8859-7 -t UTF-8`, or pass "
                    + "\(Remedy.encoding("windows-1252")) to read it as it is")
        } else {
            encoding = .windows1252
        }
        // A file read as UTF-8 because its BOM says so must be UTF-8 throughout: a bad byte is never changed unseen.
        if encoding == .utf8 && requested == nil && probe.invalidUTF8Count > 0 {
            throw probe.invalidUTF8(file: file, why: "by its byte-order mark")
        }
        let isUTF16 = encoding == .utf16LE || encoding == .utf16BE
        if !isUTF16 && probe.isBinary {
            throw ImportError.binaryFile(file: file, line: probe.nulLines.first ?? 1)
        }
        var warnings: [String] = []
        if !isUTF16 && probe.nulCount > 0 {
            warnings.append(
                "\(probe.nulCount) NUL byte\(probe.nulCount == 1 ? "" : "s") (on \(FileProbe.listedLines(probe.nulLines, more: probe.nulOnMoreLines))) "
                    + "\(probe.nulCount == 1 ? "is" : "are") not text and \(probe.nulCount == 1 ? "was" : "were") left out")
        }
        let repairs = encoding == .utf8 && probe.invalidUTF8Count > 0
        if repairs {
            warnings.append(
                "\(probe.invalidUTF8Count) place\(probe.invalidUTF8Count == 1 ? "" : "s") (on "
                    + "\(FileProbe.listedLines(probe.invalidUTF8Lines, more: probe.invalidUTF8OnMoreLines))) \(probe.invalidUTF8Count == 1 ? "is" : "are") "
                    + "not valid UTF-8 and \(probe.invalidUTF8Count == 1 ? "was" : "were") read as Windows-1252 characters, as "
                    + "\(Remedy.encoding("utf-8")) asks; check those lines")
        }
        // A UTF-8 byte-order mark is never text, even in a file read as Windows-1252 (as asked): "ï»¿" would
        // otherwise start the first header.
        let dropsBOM =
            probe.bom != nil && (encoding == probe.bom || (probe.bom == .utf8 && encoding != .utf16LE && encoding != .utf16BE))
        let bomLength = dropsBOM ? probe.bomLength : 0
        let stream = try UTF8Stream(
            path: path, file: file, encoding: encoding, bomLength: bomLength, dropsNULs: !isUTF16 && probe.nulCount > 0,
            repairsUTF8: repairs)
        return TextSource(probe: probe, encoding: encoding, stream: stream, warnings: warnings)
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

extension FileProbe {
    /// "lines 3, 17, …" or "line 3".
    static func listedLines(_ lines: [Int], more: Bool) -> String {
        "line\(lines.count == 1 && !more ? "" : "s") " + lines.map(String.init).joined(separator: ", ") + (more ? ", …" : "")
    }

    func invalidUTF8(file: String, why: String) -> ImportError {
        ImportError.invalidUTF8(
            file: file, line: firstInvalidUTF8Line ?? 1, byte: firstInvalidUTF8Byte ?? 0, why: why, count: invalidUTF8Count,
            lines: invalidUTF8Lines, moreLines: invalidUTF8OnMoreLines)
    }
}
