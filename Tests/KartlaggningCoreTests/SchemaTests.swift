import Foundation
import TestSupport
import Testing

/// The JSON Schemas in Schemas/ describe the sample files: each sample validates against its schema.
/// Validation runs Python's `jsonschema` (with PyYAML for YAML); without them the test says so and skips.
struct SchemaTests {
    static let pairs: [(schema: String, file: String)] = [
        ("survey.schema.json", "foretag-2025.survey.yaml"),
        ("survey.schema.json", "forening-2025.survey.yaml"),
        ("survey.schema.json", "inspel-2025.survey.yaml"),
        ("survey.schema.json", "temagrupp-2025.survey.json"),
        ("survey.schema.json", "boende-webb-2025.survey.yaml"),
        ("survey.schema.json", "boende-forms-2025.survey.yaml"),
        ("survey.schema.json", "boende-spss-2025.survey.yaml"),
        ("districts.schema.json", "districts.yaml"),
        ("answers.schema.json", "tema-nararbetsplatser-bjasta.json"),
        ("answers.schema.json", "tema-foreningsliv-bredbyn.json"),
        ("codebook.schema.json", "kodbok.yaml"),
    ]

    static let script = """
        import json, sys
        try:
            import jsonschema, yaml
        except ImportError:
            print("skip"); sys.exit(0)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        document = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=str)
        for example in schema.get("examples", []):
            errors += list(jsonschema.Draft202012Validator(schema).iter_errors(example))
        print("\\n".join(e.message for e in errors) or "ok")
        """

    @Test(arguments: pairs.map { "\($0.schema) \($0.file)" })
    func sampleValidates(pair: String) throws {
        let parts = pair.split(separator: " ").map(String.init)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", Self.script, Paths.packageRoot.appendingPathComponent("Schemas/\(parts[0])").path, Paths.sample(parts[1]),
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.hasPrefix("skip") {
            print("skipped: python3 with jsonschema and PyYAML is not installed, so \(parts[1]) was not checked against \(parts[0])")
            return
        }
        #expect(output == "ok\n", "\(parts[1]) against \(parts[0]): \(output)")
    }
}
