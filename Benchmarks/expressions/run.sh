#!/usr/bin/env bash
# Builds the Expressions module's sources with the benchmark, optimised, in a temporary folder
# (the package exports no library product to depend on), then runs it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for file in "$root"/Sources/Expressions/*.swift "$root"/Sources/AuditModel/{Answer,Day,Errors,Language}.swift; do
    sed -e '/^import AuditModel$/d' "$file" > "$work/$(basename "$file")"
done
cp "$root/Benchmarks/expressions/main.swift" "$work/Benchmark.swift"
swiftc -O -parse-as-library -module-name ExpressionsBenchmark "$work"/*.swift -o "$work/bench"
"$work/bench"
