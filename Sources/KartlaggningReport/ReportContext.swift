/// What a report template receives: a typed value per report kind, its texts already escaped for where they go.
/// Mustache reads its properties by name (`{{title}}`); `Encodable` gives the same variables as JSON.
public protocol ReportContext: Encodable, Sendable {}
