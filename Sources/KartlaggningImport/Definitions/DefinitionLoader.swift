import Foundation
import KartlaggningCore
import KartlaggningModel
import Yams

/// Reads survey definitions and district registries from YAML or JSON files, and checks them.
public enum DefinitionLoader {
    /// Reads and checks a survey definition (`Schemas/survey.schema.json`).
    /// - Throws: `ImportError.definition` naming the file, and the line where the parser knows it.
    public static func survey(at path: String) throws -> SurveyDefinition {
        let survey: SurveyDefinition = try decode(path, keys: .survey)
        try check(survey, file: path)
        return survey
    }

    /// Reads and checks a district registry (`Schemas/districts.schema.json`).
    public static func districts(at path: String) throws -> DistrictRegistry {
        let registry: DistrictRegistry = try decode(path, keys: .districts)
        if registry.districts.isEmpty { throw ImportError.definition(file: path, line: nil, message: "no districts") }
        for district in registry.districts where district.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ImportError.definition(file: path, line: nil, message: "a district has an empty name")
        }
        if let conflict = registry.conflicts().first { throw ImportError.definition(file: path, line: nil, message: conflict) }
        return registry
    }

    /// Reads and checks a codebook (`Schemas/codebook.schema.json`): unique theme ids, parents that exist,
    /// no cycles. Patterns are compiled (and so checked) by the matcher. A file that does not say how keywords match
    /// gets `KeywordMatching.default`, written into the stored definition.
    public static func codebook(at path: String) throws -> Codebook {
        var codebook: Codebook = try decode(path, keys: .codebook)
        codebook.matching = codebook.matching ?? .default
        func fail(_ message: String) -> ImportError { .definition(file: path, line: nil, message: message) }
        if codebook.id.isEmpty || codebook.id.contains(where: \.isWhitespace) {
            throw fail("the codebook id must be a word without spaces")
        }
        if codebook.themes.isEmpty { throw fail("the codebook has no themes") }
        var ids = Set<String>()
        for theme in codebook.themes {
            if theme.id.isEmpty { throw fail("a theme has an empty id") }
            if !ids.insert(theme.id).inserted { throw fail("theme \"\(theme.id)\" appears twice") }
        }
        for theme in codebook.themes {
            if let parent = theme.parent, !ids.contains(parent) {
                throw fail("theme \"\(theme.id)\": parent \"\(parent)\" is not a theme of the codebook")
            }
            var seen: Set<String> = [theme.id]
            var current = theme.parent
            while let parent = current {
                if !seen.insert(parent).inserted { throw fail("theme \"\(theme.id)\": its parents form a cycle") }
                current = codebook.themes.first { $0.id == parent }?.parent
            }
        }
        return codebook
    }

    static func decode<T: Decodable>(_ path: String, keys: KnownKeys? = nil) throws -> T {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ImportError.fileNotFound(file: path) }
        if isDirectory.boolValue { throw ImportError.isDirectory(file: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError.unreadable(file: path, reason: "permission denied")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportError.definition(file: path, line: nil, message: "definitions must be UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ImportError.emptyFile(file: path)
        }
        try keys?.check(text, file: path)
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as YamlError {
            throw ImportError.definition(file: path, line: line(of: error), message: describe(error))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
                throw ImportError.definition(file: path, line: line(of: yaml), message: describe(yaml))
            }
            throw ImportError.definition(file: path, line: nil, message: describe(error))
        } catch {
            throw ImportError.definition(file: path, line: nil, message: "\(error)")
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            "syntax error: \(problem)" + (context.map { " \($0.text)" } ?? "")
        default: "syntax error: \(error)"
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "missing \"\(key.stringValue)\"" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            // Yams' own words ("Expected to decode Sequence but found Node") say what a reader cannot act on.
            let at = path(context.codingPath)
            let expected =
                "\(type)".hasPrefix("Array") || "\(type)".contains("Sequence")
                ? "a list (`- …` items, or [] for none)"
                : "\(type)".hasPrefix("Dictionary") || "\(type)".contains("Mapping")
                    ? "a mapping (`key: value` lines)"
                    : "\(type)" == "String"
                        ? "text" : "\(type)" == "Int" ? "a whole number" : "\(type)" == "Bool" ? "true or false" : "\(type)"
            let found =
                context.debugDescription.contains("Node") || context.debugDescription.contains("null") ? "nothing" : "something else"
            return "\(at.isEmpty ? "the file" : at): expected \(expected), found \(found)"
                + (at == "questions" ? " — the survey lists no questions" : "")
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            // An enum's unknown value: say which values the key takes.
            let allowed: String? =
                switch context.codingPath.last?.stringValue {
                case "type": "a question's type is one of " + QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
                case "matching": "matching is one of " + KeywordMatching.allCases.map(\.rawValue).joined(separator: ", ")
                default: nil
                }
            let detail =
                context.debugDescription.contains("Cannot initialize")
                ? "unknown value" + (allowed.map { "; " + $0 } ?? "")
                : context.debugDescription
            return (at.isEmpty ? "" : "\(at): ") + detail
        @unknown default:
            return "\(error)"
        }
    }

    /// Checks what the schema cannot: unique ids and columns, options where needed, sane ranges, known kinds.
    static func check(_ survey: SurveyDefinition, file: String) throws {
        for (list, columns) in [("identifying", survey.identifying ?? []), ("technical", survey.technical ?? [])] {
            for column in columns where !survey.sourceColumns.contains(where: { MatchKey.header($0) == MatchKey.header(column) }) {
                throw ImportError.definition(
                    file: file, line: nil, message: "\(list) column \"\(column)\" is not a column the survey reads")
            }
        }
        func fail(_ message: String) -> ImportError { .definition(file: file, line: nil, message: message) }
        if survey.id.trimmingCharacters(in: .whitespaces).isEmpty { throw fail("the survey id is empty") }
        if survey.id.contains(where: { $0.isWhitespace }) { throw fail("the survey id \"\(survey.id)\" contains spaces") }
        if survey.questions.isEmpty {
            throw fail(
                "the survey has no questions; if `survey infer` wrote it, the header is probably on another line: infer again with "
                    + "\(Remedy.headerRow(nil)) (the line of the column names, as an editor counts it)")
        }
        if let headerRow = survey.headerRow, headerRow < 1 { throw fail("header_row counts lines from 1") }
        if let skip = survey.skipAfterHeader, skip < 0 { throw fail("skip_after_header is a number of rows, from 0") }
        for token in (survey.missing ?? []) + survey.questions.flatMap({ $0.missing ?? [] }) where token.trimmedCell.isEmpty {
            throw fail("a `missing` token is empty; an empty cell is always no value")
        }
        if let kind = survey.kind, RespondentKind.canonical(kind, allowed: survey.allowedKinds) == nil {
            throw fail(
                "kind \"\(kind)\" is not a respondent kind; add it to `kinds` or use one of \(RespondentKind.builtIn.joined(separator: ", "))"
            )
        }
        var ids = Set<String>()
        var columns: [String: String] = [:]
        for (field, column) in survey.respondent.mappedFields {
            if let other = columns[MatchKey.header(column)] {
                throw fail("column \"\(column)\" is mapped twice (\(other) and \(field.rawValue))")
            }
            columns[MatchKey.header(column)] = "respondent.\(field.rawValue)"
        }
        for question in survey.questions {
            let name = "question \"\(question.id)\""
            if question.id.isEmpty { throw fail("a question has an empty id") }
            if !ids.insert(question.id).inserted { throw fail("\(name) appears twice") }
            if let other = columns[MatchKey.header(question.column)] {
                throw fail("column \"\(question.column)\" is mapped twice (\(other) and \(name))")
            }
            columns[MatchKey.header(question.column)] = name
            switch question.type {
            case .choice, .multi:
                guard let options = question.options, !options.isEmpty else {
                    throw fail("\(name): a \(question.type.rawValue) question needs `options`")
                }
                if Set(options.map(MatchKey.header)).count != options.count { throw fail("\(name): an option is listed twice") }
                if question.type == .multi && question.multiSeparator.isEmpty { throw fail("\(name): the separator is empty") }
            case .scale:
                guard let scale = question.scale else { throw fail("\(name): a scale question needs `scale: {min: 1, max: 5}`") }
                if scale.min >= scale.max { throw fail("\(name): the scale's min \(scale.min) is not below its max \(scale.max)") }
            default:
                break
            }
            if let mark = question.decimalMark, mark != "," && mark != "." { throw fail("\(name): decimal_mark is \",\" or \".\"") }
            if let codes = question.codes {
                let options = Set(question.options ?? [])
                if let stray = codes.sorted(by: { $0.key < $1.key }).first(where: { !options.contains($0.value) }) {
                    throw fail("\(name): code \"\(stray.key)\" names \"\(stray.value)\", which is not one of its options")
                }
            }
        }
    }
}
