// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "crm-audit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crm-audit", targets: ["crm-audit"]),
        // The engines for the libFuzzer targets in Fuzz/, a package of their own (built with
        // sanitizers by scripts/fuzz.sh): what they call is the only public surface.
        .library(name: "CRMAuditEngines", targets: ["Audit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The shared vocabulary: languages, source locations, days, the canonical data model,
        // answers, findings and scores. Every engine depends on it; it depends on no engine.
        .target(
            name: "AuditModel",
            dependencies: ["CSHA256", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // SHA-256 blocks with the CPU's SHA instructions where it has them (file fingerprints).
        .target(name: "CSHA256", path: "Sources/CSHA256"),
        // libxml2 from the system (Debian: libxml2-dev), read through its streaming reader.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libpq, PostgreSQL's client library (Debian's libpq-dev), for the database sources.
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // The small typed, null-safe expression language shared by skip logic and rules.
        .target(name: "Expressions", dependencies: ["AuditModel", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // The engagement's SQLite file: schema, migrations, records.
        .target(
            name: "Workspace",
            dependencies: ["AuditModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Questionnaire",
            dependencies: ["AuditModel", "Expressions", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Importers",
            dependencies: [
                "AuditModel", "Workspace", "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Analytics",
            dependencies: ["AuditModel", "Workspace", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Rules",
            dependencies: ["AuditModel", "Expressions", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Report",
            dependencies: ["AuditModel", "Analytics", "Rules", "Questionnaire", "Workspace",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        // Client databases as a round's source: the metric catalogue computed where the rows are.
        .target(
            name: "Warehouse",
            dependencies: ["AuditModel", "Analytics", "Workspace", "CLibPQ"],
            swiftSettings: swiftSettings
        ),
        // The audit pipeline: runs the engines in order over one workspace round.
        .target(
            name: "Audit",
            dependencies: ["AuditModel", "Workspace", "Questionnaire", "Importers", "Analytics", "Rules", "Report", "Warehouse",
                           .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "crm-audit",
            dependencies: [
                "Audit", "AuditModel", "Workspace", "Questionnaire", "Importers", "Analytics", "Rules", "Report", "Warehouse",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks of the rules engine and the report (Benchmarks/README.md), in this package so
        // that the engines need no public surface: `swift run -c release rules-bench`.
        .executableTarget(
            name: "rules-bench",
            dependencies: ["Audit", "AuditModel", "Analytics", "Expressions", "Questionnaire", "Rules"],
            path: "Benchmarks/Sources/rules-bench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "report-bench",
            dependencies: ["Audit", "AuditModel", "Analytics", "Importers", "Questionnaire", "Report", "Workspace"],
            path: "Benchmarks/Sources/report-bench",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["AuditModel", "Workspace"],
            path: "Sources/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AuditModelTests", dependencies: ["AuditModel", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "AuditModel", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "AuditModel", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "QuestionnaireTests", dependencies: ["Questionnaire", "AuditModel", "Workspace", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "AuditModel", "Workspace", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                                                  .product(name: "ZIPFoundation", package: "ZIPFoundation")], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "AuditModel", "Workspace", "Importers", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),
        .testTarget(name: "WarehouseTests", dependencies: ["Warehouse", "Analytics", "Importers", "AuditModel", "Workspace", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Expressions", "AuditModel", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Rules", "Questionnaire", "Analytics", "Expressions", "AuditModel", "TestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Rules", "Analytics", "AuditModel", "TestSupport",
                                                      .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["crm-audit", "Audit", "AuditModel", "Workspace", "TestSupport", "Questionnaire", "Report", "Rules", "Analytics", "Importers", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: swiftSettings),
    ]
)
