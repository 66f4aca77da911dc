// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kartlagg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kartlagg", targets: ["kartlagg"]),
        .library(name: "KartlaggningModel", targets: ["KartlaggningModel"]),
        .library(name: "KartlaggningCore", targets: ["KartlaggningCore"]),
        .library(name: "KartlaggningImport", targets: ["KartlaggningImport"]),
        .library(name: "KartlaggningAnalysis", targets: ["KartlaggningAnalysis"]),
        .library(name: "KartlaggningReport", targets: ["KartlaggningReport"]),
        .library(name: "KartlaggningReportBuilder", targets: ["KartlaggningReportBuilder"]),
        .library(name: "KartlaggningServe", targets: ["KartlaggningServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The workbench (`kartlagg serve`) only; its default traits (swift-configuration) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The workbench's own imports (Hummingbird brings them; declared so the package states what each target uses).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // SHA-256 of imported files (BoringSSL's on Linux); HummingbirdTesting builds it for the tests anyway.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // `make docs` only: DocC for the library targets (a command plugin; nothing of it is linked).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Values, definitions, the codebook, CrossSpec and the rules stated once: no database, no dependency.
        .target(name: "KartlaggningModel"),
        // The store: GRDB, SQL, records, migrations.
        .target(
            name: "KartlaggningCore",
            dependencies: [
                "KartlaggningModel", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, which GRDB is built on: the hot paths bind rows to it directly (`BoundRow`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"), "CKartlaggSQLite",
            ]
        ),
        // A table-valued function in C over a batch of rows in C memory: an import writes its answers a batch at a
        // time through it (`AnswerStage`), SQLite reading the texts where they lie.
        .target(name: "CKartlaggSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // ReadStat, the C library for SPSS and Stata files (Debian's libreadstat-dev; `make deps` installs it).
        .systemLibrary(name: "CReadStat", path: "Sources/CReadStat", providers: [.apt(["libreadstat-dev"])]),
        .target(
            name: "KartlaggningImport",
            dependencies: [
                "KartlaggningModel", "KartlaggningCore", "KartlaggningAnalysis", "CReadStat", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "KartlaggningAnalysis", dependencies: ["KartlaggningModel"]),
        .target(
            name: "KartlaggningReport",
            dependencies: [
                "KartlaggningModel", "KartlaggningAnalysis", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // Store → report inputs: the cross-tabs, quotes and method figures a report shows, then the files.
        .target(
            name: "KartlaggningReportBuilder",
            dependencies: ["KartlaggningModel", "KartlaggningCore", "KartlaggningAnalysis", "KartlaggningReport"]
        ),
        // The local workbench: pages over the report builder's numbers, coding through the store; HTTP by Hummingbird.
        .target(
            name: "KartlaggningServe",
            dependencies: [
                "KartlaggningModel", "KartlaggningCore", "KartlaggningAnalysis", "KartlaggningReport", "KartlaggningReportBuilder",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kartlagg",
            dependencies: [
                "KartlaggningModel", "KartlaggningCore", "KartlaggningImport", "KartlaggningAnalysis", "KartlaggningReport",
                "KartlaggningReportBuilder",
                "KartlaggningServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["KartlaggningModel", "KartlaggningCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "KartlaggningCoreTests",
            dependencies: ["KartlaggningModel", "KartlaggningCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "KartlaggningImportTests",
            dependencies: [
                "KartlaggningImport", "KartlaggningAnalysis", "KartlaggningModel", "KartlaggningCore", "KartlaggningReport", "TestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KartlaggningAnalysisTests",
            dependencies: [
                "KartlaggningAnalysis", "KartlaggningImport", "KartlaggningModel", "KartlaggningCore", "KartlaggningReport", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "KartlaggningReportTests",
            dependencies: [
                "KartlaggningReport", "KartlaggningReportBuilder", "KartlaggningAnalysis", "KartlaggningModel", "KartlaggningCore",
                "KartlaggningImport", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "KartlaggningServeTests",
            dependencies: [
                "kartlagg", "KartlaggningServe", "KartlaggningReportBuilder", "KartlaggningAnalysis", "KartlaggningModel",
                "KartlaggningCore", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "KartlaggningCLITests",
            dependencies: ["kartlagg", "KartlaggningModel", "KartlaggningCore", "TestSupport"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
