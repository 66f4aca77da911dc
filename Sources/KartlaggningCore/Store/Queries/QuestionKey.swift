/// A question by its survey and id, as a key of counts.
struct QuestionKey: Hashable {
    var survey: String
    var question: String
}
