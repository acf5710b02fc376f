#!/bin/bash
# Builds, with libFuzzer and AddressSanitizer, by swiftc directly (no SwiftPM build of the whole
# package under sanitizers, which took 49 minutes and did not link):
#   Fuzz/.build/readers/fuzz-readers   GraphCore + GraphIO + Fuzz/Readers/main.swift
#   Fuzz/.build/readers/fuzz-dot       + GraphRender + Fuzz/DOT/main.swift
#   Fuzz/.build/readers/fuzz-manifest  Yams (libyaml's C and the Swift layer) + Batch +
#                                      Fuzz/Manifest/main.swift, linked with the rest of the
#                                      package as SwiftPM built it (FUZZ_BASE, default
#                                      .build/debug, which `make test` leaves; built if missing)
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
# The manifest: what parses it (Yams, libyaml, Batch) instrumented; Interstice, GraphRender, GRDB
# and swift-crypto taken uninstrumented from FUZZ_BASE, with the module maps SwiftPM passes.
BASE=${FUZZ_BASE:-.build/debug}
BASE=${BASE%/}
SCRATCH=${BASE%/*}
CO=$SCRATCH/checkouts
[ -f "$BASE/Modules/Interstice.swiftmodule" ] || swift build --scratch-path "$SCRATCH" -c "${BASE##*/}" --product interstice >&2
YAMS=$CO/Yams/Sources
M=$OUT/manifest
mkdir -p "$M"
MAPS=(-Xcc -fmodule-map-file="$CO/ZIPFoundation/Sources/CZLib/module.modulemap" -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap
  -Xcc -fmodule-map-file="$BASE/CPrefetch.build/module.modulemap" -Xcc -I -Xcc Sources/CPrefetch/include
  -Xcc -fmodule-map-file=Sources/CGraphviz/module.modulemap -Xcc -I/usr/include/graphviz
  -Xcc -fmodule-map-file="$YAMS/CYaml/include/module.modulemap" -Xcc -I -Xcc "$YAMS/CYaml/include"
  -Xcc -fmodule-map-file="$CO/GRDB.swift/Sources/GRDBSQLite/module.modulemap"
  -Xcc -fmodule-map-file="$CO/swift-crypto/Sources/CCryptoBoringSSLShims/include/module.modulemap"
  -Xcc -I -Xcc "$CO/swift-crypto/Sources/CCryptoBoringSSLShims/include"
  -Xcc -fmodule-map-file="$CO/swift-crypto/Sources/CCryptoBoringSSL/include/module.modulemap"
  -Xcc -I -Xcc "$CO/swift-crypto/Sources/CCryptoBoringSSL/include")
MFLAGS=(-O -DSWIFT_PACKAGE -sanitize=fuzzer,address -parse-as-library -suppress-warnings -module-cache-path "$M/ModuleCache" "${MAPS[@]}")
if [ ! -f "$M/Yams.o" ] || [ -n "$(find "$YAMS" -newer "$M/Yams.o" \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) | head -1)" ]; then
  for c in "$YAMS"/CYaml/src/*.c; do
    clang -O1 -g -fPIC -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_EXPORT -I "$YAMS/CYaml/include" -c "$c" -o "$M/cyaml-$(basename "$c" .c).o"
  done
  swiftc "${MFLAGS[@]}" -swift-version 5 -module-name Yams -wmo -emit-module -emit-module-path "$M/Yams.swiftmodule" \
    -c "$YAMS"/Yams/*.swift -o "$M/Yams.o"
fi
# The package name SwiftPM gave Batch (its `package` symbols must match), read from SwiftPM's
# own build description; the folder's name, lower-cased, if that cannot be read.
PKG=$(grep -o '"-module-name","Batch",.*' "$SCRATCH/${BASE##*/}.yaml" 2>/dev/null | grep -o '"-package-name","[^"]*"' | head -1 | cut -d'"' -f4 || true)
[ -n "$PKG" ] || PKG=$(basename "$PWD" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9_]/_/g')
# Batch.o is rebuilt when a Batch source, any module it may import or the base build changed.
STAMP="$BASE $PKG"
if [ ! -f "$M/Batch.o" ] || [ "$(cat "$M/stamp" 2>/dev/null)" != "$STAMP" ] ||
   [ -n "$(find Sources/Batch "$BASE/Modules" "$M/Yams.o" -newer "$M/Batch.o" \( -name '*.swift' -o -name '*.swiftmodule' -o -name '*.o' \) | head -1)" ]; then
  swiftc "${MFLAGS[@]}" -swift-version 6 -package-name "$PKG" -I "$M" -I "$BASE/Modules" -module-name Batch -wmo -emit-module \
    -emit-module-path "$M/Batch.swiftmodule" -c $(find Sources/Batch -name '*.swift' | sort) -o "$M/Batch.o"
  echo "$STAMP" > "$M/stamp"
fi
# Every other object SwiftPM built (names may hold spaces), without executables, tests and what is rebuilt above.
mapfile -d '' OBJECTS < <(find "$BASE"/ -path '*.build/*' -not -path '*/Modules/*' -name '*.o' -print0 |
  grep -zEv '/(Batch|Yams|CYaml|IntersticeCLI|IntersticeBench|TestSupport|ArgumentParser[A-Za-z]*|[A-Za-z]*Tests)\.build/')
swiftc "${MFLAGS[@]}" -swift-version 6 -I "$M" -I "$BASE/Modules" -module-name ManifestFuzz Fuzz/Manifest/main.swift \
  "$M/Batch.o" "$M/Yams.o" "$M"/cyaml-*.o "${OBJECTS[@]}" -lgvc -lcgraph -lcdt -lz -lsqlite3 -o "$OUT/fuzz-manifest"
echo "$OUT/fuzz-manifest"
