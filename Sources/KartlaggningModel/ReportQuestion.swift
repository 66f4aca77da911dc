/// A closed question a report shows per district.
public struct ReportQuestion: Sendable, Equatable {
    public init(survey: String, id: String, reference: String, text: String, type: QuestionType, scale: ScaleRange? = nil) {
        self.survey = survey
        self.id = id
        self.reference = reference
        self.text = text
        self.type = type
        self.scale = scale
    }

    public var survey: String
    public var id: String
    /// How a cross-tab names it: the id, or `survey/id` where several surveys have the id.
    public var reference: String
    public var text: String
    public var type: QuestionType
    public var scale: ScaleRange?
}
