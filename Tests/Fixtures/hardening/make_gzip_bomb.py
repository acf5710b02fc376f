"""Writes gzip-bomb.edges.gz: an edge list "a b" repeated 16,777,216 times (64 MiB once
inflated, 1,000 times its compressed size), for the bounded-decompression tests of issue 14.

Run from this folder: python3 make_gzip_bomb.py
"""
import gzip

LINES = 1 << 24
with gzip.GzipFile("gzip-bomb.edges.gz", "wb", compresslevel=9, mtime=0) as f:
    block = b"a b\n" * 65536
    for _ in range(LINES // 65536):
        f.write(block)
print("inflated bytes:", 4 * LINES)
