import Foundation
import KartlaggningModel

/// A tagging run's memory of the texts it has matched: real surveys repeat short answers ("Nej", "Vet ej",
/// "Bredbandet är för långsamt"), and a codebook's tags are a pure function of an answer's text and question, so each
/// distinct text and question is matched once and its tags reused for every answer that repeats it.
///
/// The same text to the same question always gets the same tags, so a run's tags are those it would write matching
/// every answer (`RepeatedTextsTests`). Texts are compared byte for byte (two spellings of "å" are two texts: a tag's
/// spans count the text's own characters). Memory is bounded: only texts up to ``longestKept`` bytes are kept across
/// batches, at most ``keptBytes`` of them and ``keptTexts`` in all; when it is full it starts again (repeats come
/// back quickly, and each costs one match). Within a batch every repeat is matched once, whatever its length.
///
/// Used by one matching thread at a time (a run's `MatchedAhead` makes one batch after the other).
final class RepeatedTexts: @unchecked Sendable {
    static let longestKept = 200
    static let keptBytes = 2 << 20
    static let keptTexts = 20_000

    private var kept: [TextKey: PreparedTags] = [:]
    private var bytes = 0
    /// Answers whose tags came from an earlier match (read by the tests).
    private(set) var reused = 0

    /// The tags of `batch`, in its order: `match` is called once, with each text and question not matched before.
    func tags(for batch: [TagInput], match: ([TagInput]) -> [PreparedTags]) -> [PreparedTags] {
        var fresh: [TagInput] = []
        var freshIndex: [TextKey: Int] = [:]
        // Each answer's source: a kept result, or the n-th fresh text.
        var source: [Either] = []
        source.reserveCapacity(batch.count)
        for input in batch {
            let key = TextKey(input)
            if let known = kept[key] {
                source.append(.kept(known))
            } else if let index = freshIndex[key] {
                source.append(.fresh(index))
            } else {
                freshIndex[key] = fresh.count
                source.append(.fresh(fresh.count))
                fresh.append(input)
            }
        }
        let matched = fresh.isEmpty ? [] : match(fresh)
        precondition(matched.count == fresh.count, "a tagger gives one result per text")
        for (input, tags) in zip(fresh, matched) { keep(TextKey(input), tags) }
        reused += batch.count - fresh.count
        return source.map { source in
            switch source {
            case .kept(let tags): tags
            case .fresh(let index): matched[index]
            }
        }
    }

    private func keep(_ key: TextKey, _ tags: PreparedTags) {
        let size = key.text.text.utf8.count + key.question.text.utf8.count
        guard size <= Self.longestKept else { return }
        if bytes + size > Self.keptBytes || kept.count >= Self.keptTexts {
            kept.removeAll(keepingCapacity: true)
            bytes = 0
        }
        kept[key] = tags
        bytes += size
    }

    private enum Either {
        case kept(PreparedTags)
        case fresh(Int)
    }
}

/// A text and its question, equal only byte for byte (Swift's `String` equality would equate canonically equivalent
/// spellings, whose character offsets differ).
private struct TextKey: Hashable {
    let text: ByteString
    let question: ByteString

    init(_ input: TagInput) {
        text = ByteString(input.text)
        question = ByteString(input.question)
    }
}
