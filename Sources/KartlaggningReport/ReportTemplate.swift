import Foundation
import Mustache

/// Renders a report's data with a Mustache template: the built-in one for the kind and language, or a user's.
/// Every template can include the method box with `{{> method}}`.
public enum ReportTemplate {
    /// The built-in template of `kind` in `language`, to copy and edit.
    public static func builtIn(_ kind: ReportKind, _ language: ReportLanguage) -> String {
        switch (kind, language) {
        case (.theme, .sv): ThemeReport.swedish
        case (.theme, .en): ThemeReport.english
        case (.overview, .sv): OverviewReport.swedish
        case (.overview, .en): OverviewReport.english
        case (.district, .sv): DistrictReport.swedish
        case (.district, .en): DistrictReport.english
        }
    }

    /// Renders `context` with `template` (its text, read from `file`), or with the built-in template.
    /// - Throws: `ReportTemplateError` with the line where the template cannot be parsed.
    public static func render(
        _ context: some ReportContext, kind: ReportKind, language: ReportLanguage, template: String? = nil, file: String = "(built-in)"
    ) throws -> String {
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: template ?? builtIn(kind, language))
        } catch let error as MustacheTemplate.ParserError {
            throw ReportTemplateError(file: file, line: error.context.lineNumber, message: "\(error.error)")
        }
        var library = MustacheLibrary()
        // The built-in partial parses; a failure here is a bug in this file, reported like a template error.
        do {
            try library.register(MethodBox.template(language), named: "method")
            try library.register(ReportGrid.template, named: "grid")
            try library.register(ReportSummary.template(language), named: "summary")
        } catch let error as MustacheTemplate.ParserError {
            throw ReportTemplateError(file: "(built-in partial)", line: error.context.lineNumber, message: "\(error.error)")
        }
        return parsed.render(context, library: library)
    }
}
