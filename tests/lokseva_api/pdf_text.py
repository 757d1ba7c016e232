"""Reading back the PDFs the API writes (fpdf2: Type0 fonts, Identity-H,
ToUnicode maps) without a PDF library: enough to check what a citizen would
read and that Devanagari was shaped."""
from __future__ import annotations

import re
import zlib
from typing import Dict, Iterator, List, Set

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*)endstream", re.S)
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
# Font selections, literal strings shown with Tj, ends of text objects and
# graphics-state saves/restores (a restore brings the earlier font back).
_CONTENT = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf|\(((?:\\.|[^\\)])*)\)\s*Tj|(ET)|(?<![\w/])([qQ])(?!\w)", re.S)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_SIMPLE_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _objects(pdf: bytes) -> Dict[int, bytes]:
    return {int(number): body for number, body in _OBJECT.findall(pdf)}


def _stream(body: bytes) -> bytes:
    raw = _STREAM.search(body).group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in body.split(b"stream")[0] else raw


def _glyph_maps(objects: Dict[int, bytes]) -> Dict[bytes, Dict[int, str]]:
    """Font resource name (b'F3') -> glyph code -> the text it stands for."""
    maps = {}
    for body in objects.values():
        fonts = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        if not fonts or b"/Type /Page" in body:
            continue
        for name, number in re.findall(rb"/(F\d+)\s+(\d+) 0 R", fonts.group(1)):
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(number)]).group(1)
            cmap = _stream(objects[int(to_unicode)])
            maps[name] = {int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                          for code, text in _BFCHAR.findall(cmap)}
    return maps


def _unescape(literal: bytes) -> bytes:
    def replace(match: re.Match) -> bytes:
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return _SIMPLE_ESCAPES.get(escaped, escaped if escaped not in (b"\n", b"\r") else b"")

    return _ESCAPE.sub(replace, literal)


def _contents(objects: Dict[int, bytes]) -> Iterator[bytes]:
    for body in objects.values():
        if b"/Type /Page" in body and b"/Contents" in body:
            yield _stream(objects[int(re.search(rb"/Contents (\d+) 0 R", body).group(1))])


def extract_text(pdf: bytes) -> str:
    """The text, one line per text object (glyphs in visual order: a pre-base matra comes first)."""
    objects = _objects(pdf)
    maps = _glyph_maps(objects)
    lines: List[str] = []
    current: List[str] = []
    font = None
    saved: List[bytes] = []
    for content in _contents(objects):
        for selected, literal, end, state in _CONTENT.findall(content):
            if selected:
                font = selected
            elif state == b"q":
                saved.append(font)
            elif state == b"Q":
                font = saved.pop()
            elif end:
                if current:
                    lines.append("".join(current))
                current = []
            else:
                codes = _unescape(literal)
                # A glyph mapped to nothing is the second half of a shaped cluster.
                current += [maps[font].get(int.from_bytes(codes[i:i + 2], "big"), "") for i in range(0, len(codes), 2)]
    return "\n".join(lines)


def multi_character_glyphs(pdf: bytes) -> Set[str]:
    """Texts drawn by a single glyph (ligatures, conjuncts): only a shaping engine produces them."""
    return {text for glyphs in _glyph_maps(_objects(pdf)).values() for text in glyphs.values() if len(text) > 1}
