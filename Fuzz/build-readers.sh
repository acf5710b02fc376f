#!/bin/bash
# Builds Fuzz/.build/readers/fuzz-readers: GraphCore + GraphIO + Fuzz/Readers/main.swift with
# libFuzzer and AddressSanitizer, by swiftc directly (no SwiftPM build of the whole package).
# GraphIO's one dependency, ZIPFoundation (the .xlsx import, not fuzzed here), is compiled
# from the package's checkout without sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Fuzz/.build/readers
mkdir -p "$OUT"
ZIP=.build/checkouts/ZIPFoundation
[ -d "$ZIP/Sources/ZIPFoundation" ] || swift package resolve >&2
ZIPMAP=(-Xcc -fmodule-map-file="$ZIP/Sources/CZLib/module.modulemap")
if [ ! -f "$OUT/ZIPFoundation.o" ] || [ -n "$(find "$ZIP/Sources/ZIPFoundation" -newer "$OUT/ZIPFoundation.o" -name '*.swift')" ]; then
  swiftc -O -parse-as-library -swift-version 5 -suppress-warnings -module-name ZIPFoundation -wmo "${ZIPMAP[@]}" -Xcc -D_GNU_SOURCE=1 -module-cache-path "$OUT/ModuleCache" \
    -emit-module -emit-module-path "$OUT/ZIPFoundation.swiftmodule" \
    -c "$ZIP"/Sources/ZIPFoundation/*.swift -o "$OUT/ZIPFoundation.o"
fi
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -package-name Interstice -I "$OUT" -I Sources/CZlib "${ZIPMAP[@]}")
swiftc "${FLAGS[@]}" -module-name GraphCore -wmo -emit-module -emit-module-path "$OUT/GraphCore.swiftmodule" \
  -c Sources/GraphCore/*.swift -o "$OUT/GraphCore.o"
swiftc "${FLAGS[@]}" -module-name GraphIO -wmo -emit-module -emit-module-path "$OUT/GraphIO.swiftmodule" \
  -c $(find Sources/GraphIO -name '*.swift' | sort) -o "$OUT/GraphIO.o"
swiftc "${FLAGS[@]}" -module-name ReadersFuzz Fuzz/Readers/main.swift "$OUT/GraphCore.o" "$OUT/GraphIO.o" "$OUT/ZIPFoundation.o" -lz \
  -o "$OUT/fuzz-readers"
echo "$OUT/fuzz-readers"
