/// Where a tagging run's next batch of texts comes from. On a pool, the matching thread reads it on a connection of
/// its own (`after`: the free texts after an answer id, so many at most) while the writer writes the batch before it:
/// reading was a ninth of the writer's time, and the writer is the run's bottleneck. A reader sees what was committed
/// before the run took the write lock (no other writer can commit while it holds it) and none of the run's own rows,
/// which are the marks and tags of answers before the batch, so it reads what the writer would have read. On a queue
/// (one connection) the writer reads it and hands it over (`given`).
enum TagBatchTexts: Sendable {
    case after(Int64, answers: Int)
    case given([UntaggedText])
}
