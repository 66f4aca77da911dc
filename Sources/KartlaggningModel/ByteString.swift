import Foundation

/// A text compared and hashed by its UTF-8 bytes, where `String` compares and hashes by canonical equivalence.
///
/// Two spellings of "ä" (one scalar, or "a" and a combining mark) are equal `String`s but two `ByteString`s: where
/// positions count a text's own scalars (a tag's spans, a token's pieces) they are two texts. And a non-ASCII
/// `String` is hashed and compared through Unicode normalisation, which costs a hot path's lookups (a tagging run's
/// memory of texts, the matcher's memory of tokens) much of their time; bytes are hashed as they lie.
public struct ByteString: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ByteString, b: ByteString) -> Bool {
        var a = a.text
        var b = b.text
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count, let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            // The length after the bytes: two texts hashed one after the other cannot run into each other.
            hasher.combine(bytes.count)
        }
    }
}
