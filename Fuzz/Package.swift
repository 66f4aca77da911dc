// swift-tools-version: 6.1
// libFuzzer targets for kartlagg's parsers and escapers, kept out of the main package (each is its own `main`).
// Build and run them with `make fuzz` from the repository root.
import PackageDescription

let package = Package(
    name: "kartlagg-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "kartlagg", path: ".."), .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: [
                "FuzzSupport", .product(name: "KartlaggningImport", package: "kartlagg"), .product(name: "KartlaggningCore", package: "kartlagg"),
            ]),
        .executableTarget(
            name: "FuzzJSON",
            dependencies: [
                "FuzzSupport", .product(name: "KartlaggningImport", package: "kartlagg"), .product(name: "KartlaggningCore", package: "kartlagg"),
            ]),
        .executableTarget(
            name: "FuzzSheet",
            dependencies: [
                "FuzzSupport", .product(name: "KartlaggningImport", package: "kartlagg"), .product(name: "KartlaggningCore", package: "kartlagg"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .executableTarget(
            name: "FuzzStat",
            dependencies: [
                "FuzzSupport", .product(name: "KartlaggningImport", package: "kartlagg"), .product(name: "KartlaggningCore", package: "kartlagg"),
            ]),
        .executableTarget(name: "FuzzEncoding", dependencies: ["FuzzSupport", .product(name: "KartlaggningImport", package: "kartlagg")]),
        .executableTarget(name: "FuzzPattern", dependencies: ["FuzzSupport", .product(name: "KartlaggningAnalysis", package: "kartlagg")]),
        .executableTarget(name: "FuzzEscaping", dependencies: ["FuzzSupport", .product(name: "KartlaggningReport", package: "kartlagg")]),
    ],
    swiftLanguageModes: [.v6]
)
