import Foundation
import KartlaggningCore
import KartlaggningModel

/// Turns one source record into a respondent and typed answers, checking every cell against the survey.
///
/// All problems of a row are collected, not just the first, so a user can fix a file in one go.
struct RecordMapper {
    let survey: SurveyDefinition
    let districts: DistrictIndex?
    /// Where each respondent field's cell is among the stream's columns.
    private let fieldSlots: [RespondentField: Int]
    private let questionSlots: [Int]
    /// Per question: whether its text answers are free text (a technical column's never are), worked out once.
    private let freeText: [Bool]
    private let columns: [String]
    private let memo = Memo()

    /// Lookups that repeat on every row (a file names a handful of districts and kinds), remembered.
    private final class Memo {
        var districts: [String: DistrictMatch?] = [:]
        var towns: [String: DistrictMatch?] = [:]
        var kinds: [String: String?] = [:]
    }

    /// The columns to ask the stream for, with the list separator of multi questions.
    static func columns(for survey: SurveyDefinition) -> [(name: String, separator: String?)] {
        survey.respondent.mappedFields.map { ($0.column, nil) }
            + survey.questions.map { ($0.column, $0.type == .multi ? $0.multiSeparator : nil) }
    }

    init(survey: SurveyDefinition, districts: DistrictIndex?) {
        self.survey = survey
        self.districts = districts
        var slots: [RespondentField: Int] = [:]
        for (index, mapped) in survey.respondent.mappedFields.enumerated() { slots[mapped.field] = index }
        fieldSlots = slots
        questionSlots = survey.questions.indices.map { $0 + slots.count }
        freeText = survey.questions.map { $0.isFreeText && !survey.isTechnical($0.column) }
        columns = Self.columns(for: survey).map(\.name)
    }

    /// The respondent and answers of `record`, or the problems that stop it.
    func map(_ record: SourceRecord) -> MappedRecord {
        var issues: [ImportIssue] = []
        if let issue = record.issue { issues.append(issue) }
        func issue(_ field: RespondentField, _ message: String) {
            issues.append(ImportIssue(line: record.line, column: column(field), message: message))
        }
        func cell(_ field: RespondentField) -> String? {
            guard let slot = fieldSlots[field] else { return nil }
            let value = record.cells[slot].trimmedCell
            return value.isEmpty || survey.isMissing(value) ? nil : value
        }

        let externalId = survey.respondent.idIsRowNumber ? String(record.number) : (cell(.id) ?? "")
        if externalId.isEmpty { issue(.id, "the respondent id is empty") }

        var kind = survey.kind ?? ""
        if let raw = cell(.kind) {
            let known = memo.kinds[raw] ?? RespondentKind.canonical(raw, allowed: survey.allowedKinds)
            memo.kinds[raw] = known
            if let canonical = known {
                kind = canonical
            } else {
                issue(.kind, "\"\(raw.clipped())\" is not a respondent kind; known kinds: \(survey.allowedKinds.joined(separator: ", "))")
            }
        } else if kind.isEmpty {
            issues.append(
                ImportIssue(line: record.line, column: column(.kind), message: "no respondent kind, and the survey sets no default `kind`"))
        }

        var district: String?
        var serviceTown: String?
        if let raw = cell(.district) {
            let resolved = memo.districts[raw] ?? districts?.resolve(raw)
            memo.districts[raw] = resolved
            if let match = resolved {
                district = match.district
                serviceTown = match.serviceTown
            } else {
                issues.append(
                    ImportIssue(
                        line: record.line, column: column(.district),
                        message: "\"\(raw.clipped())\" is not a district or service town in the district registry",
                        group: "district\u{1F}" + raw))
            }
        }
        if let raw = cell(.serviceTown) {
            let resolved = memo.towns[raw] ?? districts?.resolveServiceTown(raw)
            memo.towns[raw] = resolved
            if let match = resolved {
                if let district, district != match.district {
                    issue(.serviceTown, "\"\(raw.clipped())\" lies in \(match.district), but the row's district is \(district)")
                }
                district = district ?? match.district
                serviceTown = match.serviceTown
            } else {
                issues.append(
                    ImportIssue(
                        line: record.line, column: column(.serviceTown),
                        message: "\"\(raw.clipped())\" is not a service town in the district registry", group: "town\u{1F}" + raw))
            }
        }

        var date: String?
        if let raw = cell(.date) {
            date = SwedishValues.date(raw)
            if date == nil { issue(.date, "\"\(raw.clipped())\" is not a date (write 2025-03-14 or 14 mars 2025)") }
        }

        var answers: [AnswerDraft] = []
        answers.reserveCapacity(survey.questions.count)
        var misfits = 0
        for (index, (question, slot)) in zip(survey.questions, questionSlots).enumerated() {
            let raw = record.cells[slot]
            let trimmed = raw.trimmedCell
            if trimmed.isEmpty || survey.isMissing(trimmed, question: question) {
                if question.required == true {
                    issues.append(ImportIssue(line: record.line, column: question.column, message: "an answer is required"))
                }
                continue
            }
            switch ValueReader.read(trimmed, as: question, missing: question.missing ?? survey.missing ?? []) {
            case .success(let typed):
                answers.append(
                    AnswerDraft(
                        questionId: question.id, raw: raw, valueText: typed.text, valueNumber: typed.number,
                        isFreeText: freeText[index]))
            case .failure(let message):
                misfits += 1
                issues.append(ImportIssue(line: record.line, column: question.column, message: message.text))
            }
        }
        if misfits > 0 || record.issue != nil, let shift = shiftExplaining(record, misfits: misfits) {
            return .invalid([shift])
        }
        if !issues.isEmpty { return .invalid(issues) }
        let fields = RespondentFields(
            externalId: externalId, kind: kind, district: district, serviceTown: serviceTown,
            organisation: cell(.organisation), interviewer: cell(.interviewer), date: date, wave: cell(.wave) ?? survey.wave)
        var respondent = RespondentDraft(fields: fields, sourceLine: record.line, sourceRecord: record.number)
        // Keep the cells as written only where they differ from what is stored (`Nätraområdet` for Nätra),
        // so that export can give the source back without storing every cell twice.
        for (slot, mapped) in survey.respondent.mappedFields.enumerated() where !record.cells[slot].isEmpty {
            let raw = record.cells[slot]
            if raw != fields.value(of: mapped.field) { respondent.rawFields[mapped.column] = raw }
        }
        return .valid(respondent, answers)
    }

    /// A row whose values fit the survey's typed questions only when moved by one or two columns is a shifted row
    /// (a delimiter too many or too few in the export): one error that says so, instead of a value under the
    /// wrong question.
    private func shiftExplaining(_ record: SourceRecord, misfits: Int) -> ImportIssue? {
        guard !record.fields.isEmpty, record.indices.count == columns.count else { return nil }
        let typed = zip(survey.questions, questionSlots).filter { $0.0.type != .text }
        guard typed.count >= 2 else { return nil }
        // Values from some column on moved by `shift` (an unquoted delimiter in a text cell moves what follows it).
        func score(_ shift: Int, from start: Int) -> (fits: Int, misfits: Int) {
            var fits = 0
            var misses = 0
            for (question, slot) in typed {
                guard let index = record.indices[slot] else { continue }
                let source = index >= start ? index + shift : index
                let cell = source >= 0 && source < record.fields.count ? record.fields[source].trimmedCell : ""
                if cell.isEmpty || survey.isMissing(cell, question: question) { continue }
                if case .success = ValueReader.read(cell, as: question, missing: question.missing ?? survey.missing ?? []) {
                    fits += 1
                } else {
                    misses += 1
                }
            }
            return (fits, misses)
        }
        let here = score(0, from: 0)
        let starts = Set(typed.compactMap { record.indices[$0.1] }).sorted()
        var best: (shift: Int, start: Int, fits: Int)?
        // A row with more filled cells than the header has columns has gained one: its values moved right.
        let filled = (record.fields.lastIndex { !$0.trimmedCell.isEmpty } ?? -1) + 1
        let shifts = filled > record.width ? [1, 2] : [1, -1, 2, -2]
        for shift in shifts {
            for start in starts {
                let there = score(shift, from: start)
                // Shifted, every typed answer fits and more of them than as the row stands: moving values into
                // empty cells explains nothing. The latest column that explains the row is where the shift begins.
                guard there.misfits == 0, there.fits >= 2, there.fits > here.fits else { continue }
                if let current = best, (current.fits, -abs(current.shift), current.start) >= (there.fits, -abs(shift), start) { continue }
                best = (shift, start, there.fits)
            }
        }
        if let best {
            let shift = best.shift
            let direction = shift > 0 ? "right" : "left"
            let name = zip(columns, record.indices).first { $0.1 == best.start }?.0 ?? ""
            return ImportIssue(
                line: record.line,
                message:
                    "the row's values from column \"\(name.clipped(60))\" on look shifted \(abs(shift)) column\(abs(shift) == 1 ? "" : "s") "
                    + "to the \(direction) (read \(abs(shift)) column\(abs(shift) == 1 ? "" : "s") further \(direction), every typed answer fits; "
                    + "as it stands, \(here.misfits) do\(here.misfits == 1 ? "es" : "") not): a delimiter too many or too few? Fix the row in the file"
            )
        }
        return nil
    }

    private func column(_ field: RespondentField) -> String? {
        fieldSlots[field].map { columns[$0] }
    }
}
