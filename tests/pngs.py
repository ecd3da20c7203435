"""Small real PNG files for the tests, made with zlib (no imaging library): horizontal bands of colour, so a
crop is visible in a screenshot."""

from __future__ import annotations

import struct
import zlib

BANDS = ((214, 40, 40), (247, 127, 0), (252, 191, 73), (42, 157, 143), (38, 70, 83))


def png(width: int, height: int, bands=BANDS) -> bytes:
    rows = []
    for y in range(height):
        colour = bytes(bands[y * len(bands) // height])
        rows.append(b"\x00" + colour * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
