/// A closed question in a district report: its text, id, whether it is multi-response, and its compared rows.
public struct ReportComparedQuestion: Encodable, Sendable, Equatable {
    public var text: String
    public var id: String
    public var multi: Bool
    public var rows: [ReportComparedRow]
}
