// swift-tools-version:6.1
// libFuzzer targets, one per parser, built separately from the product (see scripts/fuzz.sh,
// which builds and runs them all for a bounded time):
//   swift build --package-path Fuzz -c release --sanitize fuzzer --sanitize address \
//     -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=undefined -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined
//   Fuzz/.build/release/fuzz-csv CORPUS_DIR -max_total_time=60
// `--sanitize fuzzer` alone instruments only the executable target: `-Xswiftc -sanitize=fuzzer`
// adds coverage to every Swift module, the engines included. Swift has no undefined-behaviour
// sanitizer on Linux (`--sanitize undefined` is refused for Swift); the C targets (SHA-256, Yams'
// libyaml) get it through `-Xcc`.
import PackageDescription

let engines: Target.Dependency = .product(name: "CRMAuditEngines", package: "crm-audit")

/// One executable per parser; each defines `LLVMFuzzerTestOneInput` (libFuzzer supplies `main`).
func fuzzTarget(_ name: String, extra: [Target.Dependency] = []) -> Target {
    .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzSupport", engines] + extra)
}

let package = Package(
    name: "crm-audit-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "crm-audit", path: ".."),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [engines]),
        fuzzTarget("csv"),
        fuzzTarget("xlsx", extra: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        fuzzTarget("xml"),
        fuzzTarget("questionnaire"),
        fuzzTarget("ruleset"),
        fuzzTarget("expression"),
        fuzzTarget("answers-yaml"),
        fuzzTarget("answers-csv"),
        fuzzTarget("mapping"),
    ]
)
