#!/bin/bash
# Builds Fuzz/.build/readers/fuzz-readers: GraphCore + GraphIO + Fuzz/Readers/main.swift with
# libFuzzer and AddressSanitizer, by swiftc directly (no SwiftPM, no other dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Fuzz/.build/readers
mkdir -p "$OUT"
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -package-name Interstice -I "$OUT" -I Sources/CZlib)
swiftc "${FLAGS[@]}" -module-name GraphCore -wmo -emit-module -emit-module-path "$OUT/GraphCore.swiftmodule" \
  -c Sources/GraphCore/*.swift -o "$OUT/GraphCore.o"
swiftc "${FLAGS[@]}" -module-name GraphIO -wmo -emit-module -emit-module-path "$OUT/GraphIO.swiftmodule" \
  -c $(find Sources/GraphIO -name '*.swift' | sort) -o "$OUT/GraphIO.o"
swiftc "${FLAGS[@]}" -module-name ReadersFuzz Fuzz/Readers/main.swift "$OUT/GraphCore.o" "$OUT/GraphIO.o" -lz \
  -o "$OUT/fuzz-readers"
echo "$OUT/fuzz-readers"
