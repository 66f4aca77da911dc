import Foundation

/// Runs the built `kartlagg` binary, as a user would, and captures what it prints.
public enum CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built binary, beside the test bundle.
    public static let binary: URL? = {
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        candidates.append(Paths.packageRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("kartlagg") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `kartlagg arguments…` in `directory`, with `environment` added and `KARTLAGG_DB` unset unless given.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        guard let binary else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "kartlagg binary"]) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["KARTLAGG_DB"] = nil
        env["COLUMNS"] = "100"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        // The reader's write is ordered before the read by the semaphore (polling `isFinished` is not, for TSan).
        nonisolated(unsafe) var errData = Data()
        let errRead = DispatchSemaphore(value: 0)
        let errReader = Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errRead.signal()
        }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errRead.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension CLI {
    /// Builds the sample project in `db` through the binary: districts, the given surveys imported, the sample
    /// codebook loaded and applied. Returns the steps that failed, with their stderr (empty when all went well).
    public static func prepareSample(
        db: String, in directory: URL, surveys: [String] = ["foretag-2025", "forening-2025", "inspel-2025"]
    ) throws -> [String] {
        var steps: [[String]] = [["districts", "load", "--db", db, Paths.sample("districts.yaml")]]
        for survey in surveys {
            steps.append(["survey", "add", "--db", db, Paths.sample("\(survey).survey.yaml")])
            steps.append(["import", "--db", db, "--survey", survey, Paths.sample("\(survey).csv")])
        }
        steps.append(["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")])
        steps.append(["tag", "--db", db])
        return try steps.compactMap { step in
            let result = try run(step, in: directory)
            return result.status == 0 ? nil : "\(step.joined(separator: " ")): \(result.stderr)"
        }
    }

    /// The whole sample as `make demo` builds it: its seven surveys (CSV, Excel workbook, SPSS file, JSON), the codebook applied and
    /// both coders' hand coding imported. Returns the steps that failed, as `prepareSample`.
    public static func prepareDemo(db: String, in directory: URL) throws -> [String] {
        var failed = try prepareSample(
            db: db, in: directory, surveys: ["foretag-2025", "forening-2025", "inspel-2025", "boende-webb-2025"])
        var steps: [[String]] = [
            ["survey", "add", "--db", db, Paths.sample("boende-forms-2025.survey.yaml")],
            ["import", "--db", db, "--survey", "boende-forms-2025", Paths.sample("boende-forms-2025.xlsx")],
            ["survey", "add", "--db", db, Paths.sample("boende-spss-2025.survey.yaml")],
            ["import", "--db", db, "--survey", "boende-spss-2025", Paths.sample("boende-spss-2025.sav")],
            ["survey", "add", "--db", db, Paths.sample("temagrupp-2025.survey.json")],
            [
                "import", "--db", db, "--survey", "temagrupp-2025", Paths.sample("tema-foreningsliv-bredbyn.json"),
                Paths.sample("tema-nararbetsplatser-bjasta.json"),
            ],
            ["tag", "--db", db],
        ]
        steps += ["anna", "bertil"].map { ["tag", "import", "--db", db, Paths.sample("kodning-\($0).csv")] }
        for step in steps {
            let result = try run(step, in: directory)
            if result.status != 0 { failed.append("\(step.joined(separator: " ")): \(result.stderr)") }
        }
        return failed
    }

    /// The generated survey of `make demo-large` (SampleSurveys/tools/make_large.py: `areas` areas, its registry's
    /// groups) in `db`, imported and tagged with the sample codebook. Returns the steps that failed, as `prepareSample`.
    /// The survey shaped like a real municipal one (SampleSurveys/tools/make_battery.py: 44 areas, a 50-item 0–14
    /// battery, the tool's SID/Draft/UID/IP columns): the registry loaded, its definition inferred from the file as a
    /// user would (with the survey's own title written in, as the draft asks), imported and tagged.
    public static func prepareBattery(db: String, in directory: URL) throws -> [String] {
        let data = directory.appendingPathComponent("battery").path
        let python = try ExternalTool.run("python3", [Paths.sample("tools/make_battery.py"), data])
        guard python.succeeded else { return ["make_battery.py: exit \(python.status)"] }
        for step in [["init", "--db", db], ["districts", "load", "--db", db, data + "/omraden.yaml"]] {
            let result = try run(step, in: directory)
            if result.status != 0 { return ["\(step.joined(separator: " ")): \(result.stderr)"] }
        }
        let draft = try run(["survey", "infer", "--db", db, data + "/enkat.csv"], in: directory)
        guard draft.status == 0 else { return ["survey infer: \(draft.stderr)"] }
        let definition = data + "/enkat.survey.yaml"
        try draft.stdout.replacingOccurrences(of: "title: \"Enkat\"", with: "title: \"Medborgarenkät landsbygd 2024\"")
            .write(toFile: definition, atomically: true, encoding: .utf8)
        let steps = [
            ["survey", "add", "--db", db, definition], ["import", "--db", db, "--survey", "enkat", data + "/enkat.csv"],
            ["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")], ["tag", "--db", db],
        ]
        return try steps.compactMap { step in
            let result = try run(step, in: directory)
            return result.status == 0 ? nil : "\(step.joined(separator: " ")): \(result.stderr)"
        }
    }

    public static func prepareGenerated(areas: Int, db: String, in directory: URL) throws -> [String] {
        let data = directory.appendingPathComponent("generated").path
        let python = try ExternalTool.run("python3", [Paths.sample("tools/make_large.py"), data, String(areas)])
        guard python.succeeded else { return ["make_large.py \(areas): exit \(python.status)"] }
        let steps = [
            ["districts", "load", "--db", db, data + "/omraden.yaml"], ["survey", "add", "--db", db, data + "/boende-stor.survey.yaml"],
            ["import", "--db", db, "--survey", "boende-stor", data + "/boende-stor.csv"],
            ["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")], ["tag", "--db", db],
        ]
        return try steps.compactMap { step in
            let result = try run(step, in: directory)
            return result.status == 0 ? nil : "\(step.joined(separator: " ")): \(result.stderr)"
        }
    }
}
