import KartlaggningCore
import KartlaggningModel

/// A mapped record: ready to store, or the problems that stop it.
enum MappedRecord {
    case valid(RespondentDraft, [AnswerDraft])
    case invalid([ImportIssue])
}
