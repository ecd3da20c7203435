"""Build seoaudit/data/arial_widths.json: the advance width of each character in Arial, for pixel-width rules.

Google shows result titles in Arial (about 20 px on desktop) and snippets in Arial (about 14 px); Screaming
Frog and Yoast measure titles and descriptions in pixels of that font. Arial itself is not free to ship, so
the widths come from Liberation Sans, which is metric-compatible with Arial by design (every glyph has
Arial's advance width), as Debian packages it:

    apt-get update && apt-get install -y fonts-liberation   # 1:1.07.4 in Debian 12
    pip install fonttools                                   # a tool-time dependency only
    python3 tools/make_width_table.py [path/to/LiberationSans-Regular.ttf]

Default font file: /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf. The JSON records the
font's name, version and sha256, so a rebuild from another file shows up in the diff.

What the table holds (all widths in font units; pixels = units * font_px / units_per_em):
- `runs`: [first code point, [advance, advance, …]] for every character the font maps in the covered
  blocks (Basic Latin, Latin-1, Latin Extended-A/B and Additional, IPA and spacing modifiers, combining
  marks, Greek, Cyrillic, General Punctuation, currency, letterlike, arrows, math operators, box drawing and
  geometric shapes, Latin ligatures). A Latin letter the font lacks (most of Latin Extended Additional: the
  Vietnamese letters) takes the width of its base letter (Unicode NFD / NFKD), as it would be drawn, and
  a combining mark it lacks takes none.
- `zero`: code points drawn with no width (zero-width space and joiners, soft hyphen, BOM).
- `wide_ranges`: CJK, Hangul, full-width forms and emoji: one em each, the width of a full-width glyph.
- `fallback`: any other character (Arabic, Hebrew, Indic scripts…): the mean advance of [A-Za-z0-9 ],
  an estimate, since Google draws those in another font.
Kerning is ignored: browsers apply little of it to Arial at these sizes, and SF and Yoast ignore it too.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from pathlib import Path

DEFAULT_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
OUTPUT = Path(__file__).resolve().parent.parent / "seoaudit" / "data" / "arial_widths.json"

COVERED_BLOCKS = [
    (0x0020, 0x007E),  # Basic Latin (printable)
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0250, 0x02FF),  # IPA extensions, spacing modifier letters
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x214F),  # letterlike symbols (™, №)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2500, 0x25FF),  # box drawing, block elements, geometric shapes (■ ● ▶)
    (0xFB00, 0xFB06),  # Latin ligatures
]
ZERO_WIDTH = [0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF]
WIDE_RANGES = [
    (0x1100, 0x115F),  # Hangul Jamo
    (0x2E80, 0x303E),  # CJK radicals, Kangxi, CJK symbols and punctuation
    (0x3041, 0x33FF),  # Hiragana, Katakana, Bopomofo, CJK compatibility
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFF60),  # full-width forms
    (0xFFE0, 0xFFE6),  # full-width signs
    (0x1F300, 0x1FAFF),  # emoji and pictographs
    (0x20000, 0x3FFFD),  # CJK Extensions B and later
]
FALLBACK_SAMPLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 "


def measure(font_path: Path) -> dict:
    from fontTools.ttLib import TTFont  # tool-time dependency only

    font = TTFont(str(font_path))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]

    def advance(code: int) -> int | None:
        glyph = cmap.get(code)
        return hmtx[glyph][0] if glyph is not None else None

    widths: dict[int, int] = {}
    for first, last in COVERED_BLOCKS:
        for code in range(first, last + 1):
            width = advance(code)
            if width is None and unicodedata.category(chr(code)) in ("Mn", "Me"):
                width = 0  # a combining mark the font lacks sits on the letter before it
            if width is None:
                width = _base_letter_width(code, advance)
            if width is not None:
                widths[code] = width
    for code in ZERO_WIDTH:
        widths.pop(code, None)
    fallback = round(sum(advance(ord(c)) for c in FALLBACK_SAMPLE) / len(FALLBACK_SAMPLE))
    name = font["name"]
    return {
        "about": "Advance widths of Arial (via the metric-compatible Liberation Sans) in font units; "
                 "made by tools/make_width_table.py",
        "font": {
            "family": name.getDebugName(1),
            "full_name": name.getDebugName(4),
            "version": name.getDebugName(5),
            "file": str(font_path),
            "sha256": hashlib.sha256(font_path.read_bytes()).hexdigest(),
            "source": "Debian package fonts-liberation",
        },
        "units_per_em": font["head"].unitsPerEm,
        "fallback": fallback,
        "zero": ZERO_WIDTH,
        "wide_ranges": [list(r) for r in WIDE_RANGES],
        "runs": _runs(widths),
    }


def _base_letter_width(code: int, advance) -> int | None:
    """A precomposed letter the font lacks (ạ, ẞ) drawn as its base letter plus marks of no width."""
    char = chr(code)
    if not unicodedata.category(char).startswith("L"):
        return None
    for form in ("NFD", "NFKD"):
        decomposed = unicodedata.normalize(form, char)
        if decomposed != char:
            widths = [advance(ord(c)) for c in decomposed if not unicodedata.combining(c)]
            if widths and all(w is not None for w in widths):
                return sum(widths)
    return None


def _runs(widths: dict[int, int]) -> list:
    """Consecutive code points grouped: [[first, [w, w, …]], …], compact and quick to load."""
    runs: list = []
    for code in sorted(widths):
        if runs and runs[-1][0] + len(runs[-1][1]) == code:
            runs[-1][1].append(widths[code])
        else:
            runs.append([code, [widths[code]]])
    return runs


def main(argv: list[str]) -> int:
    font_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_FONT
    if not font_path.is_file():
        print(f"font not found: {font_path} (apt-get install fonts-liberation)", file=sys.stderr)
        return 1
    table = measure(font_path)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, separators=(",", ":"), ensure_ascii=True)
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    count = sum(len(run[1]) for run in table["runs"])
    print(f"wrote {OUTPUT} ({count} code points, {len(text)} bytes, fallback {table['fallback']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
