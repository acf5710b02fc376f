#!/bin/bash
# Builds Fuzz/.build/readers/fuzz-readers (GraphCore + GraphIO + Fuzz/Readers/main.swift) and
# Fuzz/.build/readers/fuzz-dot (+ GraphRender + Fuzz/DOT/main.swift) with libFuzzer and
# AddressSanitizer, by swiftc directly (no SwiftPM build of the whole package).
# GraphIO's one dependency, ZIPFoundation (the .xlsx import, not fuzzed here), is compiled
# from the package's checkout without sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${FUZZ_BUILD_DIR:-Fuzz/.build/readers}
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
# stale OBJECT DIR…: whether OBJECT is missing or older than a Swift source or C header in the folders
# (after a change of flags here: rm -rf Fuzz/.build/readers).
stale() { local o=$1; shift; [ ! -f "$o" ] || [ -n "$(find "$@" \( -name '*.swift' -o -name '*.h' \) -newer "$o" | head -1)" ]; }
if stale "$OUT/GraphCore.o" Sources/GraphCore; then
  swiftc "${FLAGS[@]}" -module-name GraphCore -wmo -emit-module -emit-module-path "$OUT/GraphCore.swiftmodule" \
    -c Sources/GraphCore/*.swift -o "$OUT/GraphCore.o"
fi
if stale "$OUT/GraphIO.o" Sources/GraphCore Sources/GraphIO; then
  swiftc "${FLAGS[@]}" -module-name GraphIO -wmo -emit-module -emit-module-path "$OUT/GraphIO.swiftmodule" \
    -c $(find Sources/GraphIO -name '*.swift' | sort) -o "$OUT/GraphIO.o"
fi
swiftc "${FLAGS[@]}" -module-name ReadersFuzz Fuzz/Readers/main.swift "$OUT/GraphCore.o" "$OUT/GraphIO.o" "$OUT/ZIPFoundation.o" -lz \
  -o "$OUT/fuzz-readers"
echo "$OUT/fuzz-readers"
# The DOT reader: GraphRender on top (cgraph parses; Graphviz's own code is not instrumented).
if stale "$OUT/GraphRender.o" Sources/GraphCore Sources/GraphIO Sources/GraphRender Sources/CGraphviz; then
  swiftc "${FLAGS[@]}" -I Sources/CGraphviz -Xcc -I/usr/include/graphviz -module-name GraphRender -wmo -emit-module \
    -emit-module-path "$OUT/GraphRender.swiftmodule" -c $(find Sources/GraphRender -name '*.swift' | sort) -o "$OUT/GraphRender.o"
fi
swiftc "${FLAGS[@]}" -I Sources/CGraphviz -Xcc -I/usr/include/graphviz -module-name DOTFuzz Fuzz/DOT/main.swift \
  "$OUT/GraphCore.o" "$OUT/GraphIO.o" "$OUT/ZIPFoundation.o" "$OUT/GraphRender.o" -lz -lgvc -lcgraph -lcdt -o "$OUT/fuzz-dot"
echo "$OUT/fuzz-dot"
