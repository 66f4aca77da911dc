import Foundation
import KartlaggningModel

/// Plain-text renderings of the store's contents for the terminal.
public enum StatusText {
    public static func surveys(_ surveys: [SurveySummary]) -> String {
        if surveys.isEmpty { return "no surveys yet; add one with \(Remedy.addSurvey)\n" }
        let rows = surveys.map {
            [$0.id, $0.wave ?? "", $0.kind ?? "", String($0.questions), String($0.respondents), String($0.answers), $0.title]
        }
        return table(["survey", "wave", "kind", "questions", "respondents", "answers", "title"], rows, numeric: [3, 4, 5])
    }

    public static func districts(_ registry: DistrictRegistry) -> String {
        if registry.districts.isEmpty { return "no districts yet; load them with \(Remedy.loadDistricts(file: nil))\n" }
        return table(
            ["district", "aliases", "service towns"],
            registry.districts.map {
                [$0.name, $0.aliases.joined(separator: ", "), $0.serviceTowns.joined(separator: ", ")]
            })
    }

    public static func status(_ status: StoreStatus) -> String {
        var out = "Surveys\n" + surveys(status.surveys)
        out +=
            "\nRespondents: \(status.respondents) · answers: \(status.answers) (free text: \(status.freeTextAnswers)) · districts: \(status.districts)\n"
        if !status.byKindAndDistrict.isEmpty {
            let kinds = Array(Set(status.byKindAndDistrict.map(\.kind))).sorted()
            let districts = Array(Set(status.byKindAndDistrict.map { $0.district ?? CrossSpec.unknown })).sorted()
            var rows: [[String]] = []
            for district in districts {
                var row = [district]
                var total = 0
                for kind in kinds {
                    let n =
                        status.byKindAndDistrict.first { $0.kind == kind && ($0.district ?? CrossSpec.unknown) == district }?.respondents
                        ?? 0
                    total += n
                    row.append(String(n))
                }
                rows.append(row + [String(total)])
            }
            var totals = ["total"]
            for kind in kinds {
                totals.append(String(status.byKindAndDistrict.filter { $0.kind == kind }.reduce(0) { $0 + $1.respondents }))
            }
            rows.append(totals + [String(status.respondents)])
            out += "\nRespondents by district × kind\n"
            out += table(["district"] + kinds + ["total"], rows, numeric: Set(1...(kinds.count + 1)))
        }
        if !status.imports.isEmpty {
            out += "\nImports\n"
            out += table(
                ["#", "survey", "file", "format", "encoding", "rows", "added", "updated", "unchanged", "rejected", "when"],
                status.imports.map {
                    [
                        String($0.id), $0.surveyId, $0.fileName, $0.format + ($0.delimiter.map { " \($0)" } ?? ""), $0.encoding ?? "",
                        String($0.rowsRead), String($0.added), String($0.updated), String($0.unchanged), String($0.rejected), $0.importedAt,
                    ]
                }, numeric: [0, 5, 6, 7, 8, 9])
        }
        return out
    }

    /// An aligned table; `numeric` columns are right-aligned.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func render(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([render(header), render(widths.map { String(repeating: "-", count: $0) })] + rows.map(render))
            .joined(separator: "\n") + "\n"
    }
}
