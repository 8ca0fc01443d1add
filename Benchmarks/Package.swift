// swift-tools-version:6.1
// Benchmarks of the rules engine and the report, built separately from the product:
//   swift run -c release --package-path Benchmarks rules-bench
//   swift run -c release --package-path Benchmarks report-bench [customers] [order-lines]
// The import and analytics benchmarks are scripts in Benchmarks/import and Benchmarks/analytics,
// the expression-language benchmark in Benchmarks/expressions.
import PackageDescription

let package = Package(
    name: "crm-audit-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "crm-audit", path: "..")],
    targets: [
        .executableTarget(name: "rules-bench", dependencies: [.product(name: "CRMAuditEngines", package: "crm-audit")]),
        .executableTarget(name: "report-bench", dependencies: [.product(name: "CRMAuditEngines", package: "crm-audit")]),
    ]
)
