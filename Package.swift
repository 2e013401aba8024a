// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MockLoop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mockloop", targets: ["mockloop"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
    ],
    targets: [
        // Domain types and pure logic; reads only its bundled content.
        .target(
            name: "MockLoopCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Content")],
            swiftSettings: settings
        ),
        // Transcripts and what a speech coach and an interviewer would notice in them.
        .target(name: "MockLoopAnalysis", dependencies: ["MockLoopCore"], swiftSettings: settings),
        // Runs candidate code against a question's tests inside a bubblewrap sandbox.
        .target(
            name: "MockLoopRunner",
            dependencies: ["MockLoopCore"],
            resources: [.copy("Harness")],
            swiftSettings: settings
        ),
        // Fluent models, migrations, repositories, database selection.
        .target(
            name: "MockLoopStore",
            dependencies: [
                "MockLoopCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: settings
        ),
        // The application both front ends call: practice, code runs, insights, the interviewer
        // voices, configuration. No Leaf, no routes.
        .target(
            name: "MockLoopServices",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopAnalysis", "MockLoopRunner",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: settings
        ),
        // The Vapor app: routes, API, pages, one folder per feature.
        .target(
            name: "MockLoopWeb",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopAnalysis", "MockLoopRunner", "MockLoopServices",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Views"), .copy("Public"), .copy("OpenAPI")],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "mockloop",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopAnalysis", "MockLoopRunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "LogBench",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "Benchmarks/LogBench",
            swiftSettings: settings
        ),
        // Test databases (a fresh SQLite file, or a fresh PostgreSQL database) and app set-up.
        .target(
            name: "MockLoopTestSupport",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopRunner",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/MockLoopTestSupport",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "AccountBench",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "Benchmarks/AccountBench",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "RoomBench",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "Benchmarks/RoomBench",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "PartnerBench",
            dependencies: [
                "MockLoopCore", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "Benchmarks/PartnerBench",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "AnalysisBench",
            dependencies: ["MockLoopAnalysis", "MockLoopCore"],
            path: "Benchmarks/AnalysisBench",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "PracticeBench",
            dependencies: [
                "MockLoopCore", "MockLoopAnalysis", "MockLoopStore", "MockLoopWeb", "MockLoopServices", "MockLoopTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "Benchmarks/PracticeBench",
            swiftSettings: settings
        ),
        .executableTarget(
            name: "RunnerBench",
            dependencies: ["MockLoopRunner", "MockLoopCore"],
            path: "Benchmarks/RunnerBench",
            swiftSettings: settings
        ),
        .testTarget(name: "MockLoopCoreTests", dependencies: ["MockLoopCore"], swiftSettings: settings),
        // The real sandbox and the real interpreters and compilers.
        .testTarget(name: "MockLoopRunnerTests", dependencies: ["MockLoopRunner", "MockLoopCore"], swiftSettings: settings),
        .testTarget(
            name: "MockLoopAnalysisTests", dependencies: ["MockLoopAnalysis", "MockLoopCore"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        // Runs the built `mockloop` executable as a user would.
        .testTarget(name: "MockLoopCLITests", dependencies: ["mockloop"], swiftSettings: settings),
        .testTarget(
            name: "MockLoopStoreTests",
            dependencies: ["MockLoopCore", "MockLoopStore", "MockLoopTestSupport", .product(name: "Fluent", package: "fluent")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MockLoopWebTests",
            dependencies: [
                "MockLoopWeb", "MockLoopServices", "MockLoopStore", "MockLoopCore", "MockLoopRunner", "MockLoopTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: settings
        ),
    ]
)

var settings: [SwiftSetting] { [.swiftLanguageMode(.v5)] }
