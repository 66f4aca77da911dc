/// The JSON submissions of form tools, flattened as the tools' own table exports flatten them, so that a survey
/// definition written for the CSV or XLSX export reads the JSON too:
///
/// - **KoboToolbox** (API v2 `data.json`: `{"count", "results": […]}`, or its records alone): keys are already group
///   paths (`group/question`); a geopoint also gets `_X_latitude`, `_X_longitude`, `_X_altitude`, `_X_precision`;
///   `_validation_status` is its label; each record gets `_index`. A repeat group (an array of objects) is a sheet of
///   its own, named by the repeat's last path part, its records linked as Kobo's XLSX links them: `_index`,
///   `_parent_table_name`, `_parent_index`, `_submission__id`, `_submission__uuid`, `_submission__submission_time`.
/// - **ODK Central** (OData `Submissions`: `{"@odata.context", "value": […]}`): groups are flattened with `-`
///   (`meta-instanceID`), `__id` is `KEY`, `__system` gives `SubmissionDate`, `SubmitterID`, `ReviewState`, …, a
///   geopoint `X-Latitude`, `X-Longitude`, `X-Altitude`, `X-Accuracy`. An expanded repeat (`$expand=*`) is a sheet of its
///   own, its records carrying `PARENT_KEY` and `KEY` (`uuid:…/repeat[1]`), as ODK's CSV export writes them.
enum FormToolJSON {
    enum Dialect: Sendable {
        case kobo, odkCentral

        var name: String { self == .kobo ? "KoboToolbox" : "ODK Central" }
    }

    /// The records' array key of a form tool's response object: `results` (Kobo), `value` (ODK Central's OData).
    static func recordsKey(of members: [(String, JSONValue)]) -> (key: String, dialect: Dialect)? {
        let keys = Set(members.map(\.0))
        if keys.contains("value") && keys.contains("@odata.context") { return ("value", .odkCentral) }
        if keys.contains("results") && (keys.contains("count") || keys.contains("next")) { return ("results", .kobo) }
        return nil
    }

    /// Which tool wrote a record, by the keys only it writes; nil for kartlagg's own records.
    static func dialect(of members: [(String, JSONValue)]) -> Dialect? {
        let keys = Set(members.map(\.0))
        if keys.contains("__id") && keys.contains("__system") { return .odkCentral }
        if keys.contains("_uuid") || keys.contains("_submission_time") || keys.contains("formhub/uuid") || keys.contains("_xform_id_string")
        {
            return .kobo
        }
        return nil
    }

    /// A record of a repeat group, flattened, with the links to its parent.
    struct RepeatRecord {
        var sheet: String
        var cells: FlatCells
    }

    /// What one submission holds: its own cells, and its repeat groups' records (nested ones too), in file order.
    struct Submission {
        var cells: FlatCells = FlatCells()
        var repeats: [RepeatRecord] = []
        /// Repeats ODK Central did not expand (`x@odata.navigationLink`): their records are not in the file.
        var unexpanded: [String] = []
    }

    /// Flattens a submission. `index` is its number in the file (from 1); `counters` numbers each repeat sheet's
    /// records across the file, as the tools' exports do.
    static func submission(
        _ members: [(String, JSONValue)], dialect: Dialect, index: Int, counters: inout [String: Int]
    ) -> Submission {
        var submission = Submission()
        switch dialect {
        case .kobo:
            flattenKobo(members, into: &submission.cells, repeats: &submission.repeats)
            submission.cells["_index"] = .value(String(index))
            // The form's questions first, then Kobo's metadata in the order its XLSX export has them.
            submission.cells.reorder { koboMetadataOrder.firstIndex(of: $0).map { $0 + 1 } ?? 0 }
            let root = koboRoot(submission.cells)
            let table = submission.cells["_xform_id_string"].flatMap(\.text) ?? ""
            submission.repeats = linkKobo(submission.repeats, parentSheet: table, parentIndex: index, root: root, counters: &counters)
        case .odkCentral:
            var repeats: [(name: String, items: [JSONValue])] = []
            flattenODK(members, prefix: "", into: &submission.cells, repeats: &repeats, unexpanded: &submission.unexpanded)
            let key = submission.cells["KEY"].flatMap(\.text) ?? ""
            submission.repeats = linkODK(repeats, parentKey: key, counters: &counters, unexpanded: &submission.unexpanded)
        }
        return submission
    }

    /// What a top-level object that holds no records kartlagg knows is, and what to use instead.
    static func describeUnknown(_ members: [(String, JSONValue)]) -> String {
        let keys = members.prefix(6).map { "\"\($0.0)\"" }.joined(separator: ", ") + (members.count > 6 ? ", …" : "")
        var found = "found an object with \(keys)"
        // The first array of objects, and the keys of its first object: where a tool keeps its responses.
        var inner: Set<String> = []
        for (key, value) in members {
            guard case .array(let items) = value, case .object(let first)? = items.first else { continue }
            inner = Set(first.map(\.0))
            found +=
                " (\"\(key)\": \(items.count) object\(items.count == 1 ? "" : "s") with "
                + first.prefix(5).map { "\"\($0.0)\"" }.joined(separator: ", ") + (first.count > 5 ? ", …" : "") + ")"
            break
        }
        let top = Set(members.map(\.0))
        let instead: String
        if inner.contains("pages") || (top.contains("per_page") && top.contains("data")) {
            instead =
                "this looks like SurveyMonkey's API, which nests answers by page and question id: export \"All "
                + "responses data\" as XLSX or CSV (Analyze results → Save as) instead"
        } else if inner.contains("answers") && (inner.contains("responseId") || top.contains("responses")) {
            instead =
                "this looks like the Google Forms API, which keys answers by question id: download the responses "
                + "as CSV or XLSX (Responses → Link to Sheets → File → Download) instead"
        } else if top.contains("result") || inner.contains("values") && inner.contains("responseId") {
            instead = "this looks like Qualtrics' API: export the responses as CSV (Data & Analysis → Export data) instead"
        } else {
            instead =
                "kartlagg reads an array of records, an object with \"records\" (and optional \"defaults\"), "
                + "KoboToolbox's {\"results\": […]} and ODK Central's {\"value\": […]}; export the answers as CSV or XLSX "
                + "from the tool, or write them as an array of flat objects"
        }
        return found + "; " + instead
    }

    // MARK: - KoboToolbox

    /// Kobo's metadata columns in its XLSX export's order, then those only its JSON has.
    static let koboMetadataOrder = [
        "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags",
        "_index", "formhub/uuid", "meta/instanceID", "meta/deprecatedID", "_xform_id_string", "_geolocation", "_attachments",
    ]

    /// Kobo's metadata arrays of objects that are no repeat groups: left out, as its XLSX export leaves them.
    static let koboMetadataArrays: Set<String> = ["_attachments", "_supplementalDetails"]

    private static func flattenKobo(
        _ members: [(String, JSONValue)], into cells: inout FlatCells, repeats: inout [RepeatRecord]
    ) {
        for (key, value) in members {
            switch value {
            case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
                guard !koboMetadataArrays.contains(key) else { continue }
                let sheet = String(key.split(separator: "/").last ?? Substring(key))
                for case .object(let child) in items {
                    // A repeat record and its own nested repeats, which follow it.
                    var childCells: FlatCells = FlatCells()
                    var nested: [RepeatRecord] = []
                    flattenKobo(child, into: &childCells, repeats: &nested)
                    repeats.append(RepeatRecord(sheet: sheet, cells: childCells))
                    repeats += nested.map { record in
                        var record = record
                        if record.cells[parentMarker] == nil { record.cells[parentMarker] = .value(sheet) }
                        return record
                    }
                }
            case .object(let inner) where key == "_validation_status":
                cells[key] = .value(inner.first { $0.0 == "label" }?.1.scalarText ?? "")
            case .object(let inner):
                for (innerKey, innerValue) in inner { innerValue.flattened(prefix: key + "/" + innerKey, into: &cells) }
            case .string(let text):
                cells[key] = .value(text)
                if let point = geopoint(text) {
                    for (suffix, part) in zip(["latitude", "longitude", "altitude", "precision"], point) {
                        cells["_\(key)_\(suffix)"] = .value(part)
                    }
                }
            default:
                value.flattened(prefix: key, into: &cells)
            }
        }
    }

    /// Marks a nested repeat record with its parent's sheet until it is linked.
    private static let parentMarker = "\u{1F}parent"

    /// The parent submission's fields every Kobo repeat record repeats (`_submission__id`, …).
    private static func koboRoot(_ cells: FlatCells) -> FlatCells {
        var root: FlatCells = FlatCells()
        for key in [
            "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags",
        ] {
            if let cell = cells[key] { root["_submission_" + key] = cell }
        }
        return root
    }

    /// Numbers each repeat record in its sheet and links it to its parent: the submission, or the repeat record
    /// before it in the parent sheet.
    private static func linkKobo(
        _ records: [RepeatRecord], parentSheet: String, parentIndex: Int, root: FlatCells, counters: inout [String: Int]
    ) -> [RepeatRecord] {
        var lastIndex: [String: Int] = [:]
        return records.map { record in
            var record = record
            counters[record.sheet, default: 0] += 1
            let index = counters[record.sheet] ?? 0
            lastIndex[record.sheet] = index
            let parent = record.cells.removeValue(forKey: parentMarker).flatMap(\.text)
            record.cells["_index"] = .value(String(index))
            record.cells["_parent_table_name"] = .value(parent ?? parentSheet)
            record.cells["_parent_index"] = .value(String(parent.flatMap { lastIndex[$0] } ?? parentIndex))
            record.cells.addMissing(root)
            return record
        }
    }

    /// Four numbers `lat lon alt precision` with a latitude and a longitude in range, one of them with decimals (so a
    /// multiple choice of codes `1 2 3 4` is none): a geopoint.
    static func geopoint(_ text: String) -> [String]? {
        let parts = text.split(separator: " ")
        guard parts.count == 4, let lat = Double(parts[0]), let lon = Double(parts[1]), Double(parts[2]) != nil,
            Double(parts[3]) != nil, abs(lat) <= 90, abs(lon) <= 180, parts[0].contains(".") || parts[1].contains(".")
        else { return nil }
        return parts.map(String.init)
    }

    // MARK: - ODK Central

    /// `__system` fields under the names ODK's CSV export gives them.
    static let odkSystemNames = [
        "submissionDate": "SubmissionDate", "submitterId": "SubmitterID", "submitterName": "SubmitterName",
        "attachmentsPresent": "AttachmentsPresent", "attachmentsExpected": "AttachmentsExpected", "status": "Status",
        "reviewState": "ReviewState", "deviceId": "DeviceID", "edits": "Edits", "formVersion": "FormVersion",
    ]

    private static func flattenODK(
        _ members: [(String, JSONValue)], prefix: String, into cells: inout FlatCells,
        repeats: inout [(name: String, items: [JSONValue])], unexpanded: inout [String]
    ) {
        for (key, value) in members {
            let path = prefix.isEmpty ? key : prefix + "-" + key
            if key.hasSuffix("@odata.navigationLink") {
                unexpanded.append(String(key.dropLast("@odata.navigationLink".count)))
                continue
            }
            switch value {
            case .object(let inner) where prefix.isEmpty && key == "__system":
                for (name, field) in inner { field.flattened(prefix: odkSystemNames[name] ?? "__system-" + name, into: &cells) }
            case .object(let inner):
                if let point = odkPoint(inner) {
                    for (suffix, part) in zip(["Latitude", "Longitude", "Altitude", "Accuracy"], point) {
                        cells[path + "-" + suffix] = part.map(JSONCell.value) ?? .null
                    }
                } else {
                    flattenODK(inner, prefix: path, into: &cells, repeats: &repeats, unexpanded: &unexpanded)
                }
            case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
                repeats.append((key, items))
            case .array(let items) where items.isEmpty:
                // A repeat without instances: ODK Central writes a multiple choice as a string, never as an array.
                continue
            default:
                if prefix.isEmpty && key == "__id" {
                    value.flattened(prefix: "KEY", into: &cells)
                } else if !key.hasPrefix("__") {
                    value.flattened(prefix: path, into: &cells)
                }
            }
        }
    }

    /// A GeoJSON point, as ODK Central writes a geopoint: latitude, longitude, altitude, accuracy.
    private static func odkPoint(_ members: [(String, JSONValue)]) -> [String?]? {
        guard members.first(where: { $0.0 == "type" })?.1 == .string("Point"),
            case .array(let coordinates)? = members.first(where: { $0.0 == "coordinates" })?.1
        else { return nil }
        let accuracy: String? = {
            guard case .object(let properties)? = members.first(where: { $0.0 == "properties" })?.1 else { return nil }
            return properties.first { $0.0 == "accuracy" }?.1.scalarText
        }()
        let number = { (index: Int) -> String? in index < coordinates.count ? coordinates[index].scalarText : nil }
        return [number(1), number(0), number(2), accuracy]
    }

    private static func linkODK(
        _ repeats: [(name: String, items: [JSONValue])], parentKey: String, counters: inout [String: Int], unexpanded: inout [String]
    ) -> [RepeatRecord] {
        var records: [RepeatRecord] = []
        for (name, items) in repeats {
            for (offset, item) in items.enumerated() {
                guard case .object(let members) = item else { continue }
                var cells: FlatCells = FlatCells()
                var nested: [(name: String, items: [JSONValue])] = []
                flattenODK(members, prefix: "", into: &cells, repeats: &nested, unexpanded: &unexpanded)
                // The repeat's own `__id` is no column of ODK's CSV export: its KEY is the path from the submission.
                let key = "\(parentKey)/\(name)[\(offset + 1)]"
                cells["KEY"] = .value(key)
                cells["PARENT_KEY"] = .value(parentKey)
                counters[name, default: 0] += 1
                records.append(RepeatRecord(sheet: name, cells: cells))
                records += linkODK(nested, parentKey: key, counters: &counters, unexpanded: &unexpanded)
            }
        }
        return records
    }
}

extension JSONCell {
    /// The cell's text, for a scalar.
    var text: String? {
        if case .value(let text) = self { return text }
        return nil
    }
}
