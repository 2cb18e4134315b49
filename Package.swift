// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hashsweep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hashsweep", targets: ["hashsweep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Thin system-library shims.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // Numeric core, MLP, training, datasets, neural codes.
        .target(
            name: "Models",
            dependencies: [
                "CBLAS", "CZlib",
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Encoding properties of neural codes.
        .target(
            name: "Metrics",
            dependencies: [
                "Models", "CBLAS",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        // Spec, grid, store, scheduler, workers.
        .target(
            name: "Sweep",
            dependencies: [
                "Models", "Metrics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Aggregation, regime classifier, CSV, SVG.
        .target(
            name: "PhaseChart",
            dependencies: ["Sweep"]
        ),
        .executableTarget(
            name: "hashsweep",
            dependencies: [
                "Models", "Metrics", "Sweep", "PhaseChart",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "ModelsTests", dependencies: ["Models"], resources: [.copy("Fixtures")]),
        // Metrics tests:
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Models"], resources: [.copy("Fixtures")]),

        // Sweep tests:
        .testTarget(name: "SweepTests", dependencies: ["Sweep", "Models", "Metrics", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Snapshots"]),

        // Phase chart tests:
        .testTarget(name: "PhaseChartTests", dependencies: ["PhaseChart", "Sweep", "CZlib"], exclude: ["Snapshots"]),

        // Command-line tests (run the built binary):
        .testTarget(name: "HashSweepTests", dependencies: ["hashsweep", .product(name: "Crypto", package: "swift-crypto")],
                    exclude: ["Snapshots", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
