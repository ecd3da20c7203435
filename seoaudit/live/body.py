"""Read a response body under a cap that counts decoded bytes as they stream.

httpx decodes each network chunk whole: 64 KB of a gzip bomb become 64 MB before any cap can look at them.
Here the raw bytes are inflated in pieces of at most `PIECE` bytes (zlib's `max_length`), so a response
never holds more than its cap plus one piece, however well it compresses. Only the encodings seoaudit asks
for (`Accept-Encoding: gzip, deflate`) are decoded; a server that answers in another one is an error.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator

ACCEPT_ENCODING = "gzip, deflate"
PIECE = 64 * 1024


class BodyError(Exception):
    pass


def decoded(raw: Iterable[bytes], content_encoding: str | None) -> Iterator[bytes]:
    """The body's bytes, decoded layer by layer (`Content-Encoding: gzip, deflate` was applied in that order),
    in pieces of at most PIECE bytes."""
    stream: Iterable[bytes] = raw
    layers = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
    for layer in reversed(layers):
        if layer in ("gzip", "x-gzip"):
            stream = _inflate(stream, lambda _first: zlib.decompressobj(16 + zlib.MAX_WBITS))
        elif layer == "deflate":
            stream = _inflate(stream, _deflate_decoder)
        elif layer != "identity":
            raise BodyError(f"the server sent Content-Encoding {layer!r}, which was not asked for "
                            f"(Accept-Encoding: {ACCEPT_ENCODING})")
    yield from stream


def read_capped(pieces: Iterable[bytes], max_bytes: int, keep_head: bool = True) -> tuple[bytes, bool]:
    """(at most `max_bytes` of the body, whether there was more). Stops reading at the cap. `keep_head=False`:
    a body over the cap is dropped (b""), not copied whole for nobody to read."""
    kept: list[bytes] = []
    total = 0
    for piece in pieces:
        if total + len(piece) > max_bytes:
            if not keep_head:
                return b"", True
            kept.append(piece[: max_bytes - total])
            return b"".join(kept), True
        kept.append(piece)
        total += len(piece)
    return b"".join(kept), False


def _deflate_decoder(first: bytes):
    """`deflate` is zlib-wrapped by the standard, raw deflate from some servers: tell them apart by the header."""
    wrapped = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
    return zlib.decompressobj() if wrapped else zlib.decompressobj(-zlib.MAX_WBITS)


def _inflate(stream: Iterable[bytes], make: Callable[[bytes], object]) -> Iterator[bytes]:
    decoder = None
    done = False  # one member (or the one deflate stream) ended: what follows is another gzip member or junk
    for data in stream:
        while data:
            if decoder is None:
                decoder = make(data)
            try:
                out = decoder.decompress(data, PIECE)
            except zlib.error as exc:
                if done:  # bytes after the last member: ignored, as browsers do
                    return
                raise BodyError(f"the compressed body is corrupt ({exc})") from None
            if decoder.eof:
                data, decoder, done = decoder.unused_data, None, True
            else:
                data = decoder.unconsumed_tail
            if out:
                yield out
            elif data and decoder is not None:
                raise BodyError("the compressed body is corrupt (no progress)")
    if decoder is not None:
        try:
            rest = decoder.flush()
        except zlib.error as exc:
            raise BodyError(f"the compressed body is corrupt ({exc})") from None
        if rest:
            yield rest
