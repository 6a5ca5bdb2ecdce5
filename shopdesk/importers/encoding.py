"""Guess the text encoding of a CSV export.

Chinese platforms and Excel write GBK / GB18030 as often as UTF-8 (with or without a
BOM). Strategy: a BOM decides; otherwise strict UTF-8, then strict GB18030; when both
fail (a damaged file) take whichever of the two needs fewer replacement characters,
unless both are badly off, in which case charset-normalizer (a dependency of reportlab,
so normally present) gets a say.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes of a text file -> (text, name of the encoding used). Never raises."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    best_name, best_text, best_bad = "", "", len(data) + 1
    for name in ("utf-8", "gb18030"):
        text = data.decode(name, errors="replace")
        bad = text.count("\ufffd")
        if bad < best_bad:
            best_name, best_text, best_bad = name, text, bad
    if best_bad <= max(2, len(best_text) // 1000):
        return best_text, best_name
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        return guessed
    return best_text, best_name


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - optional helper
        return None
    try:
        match = from_bytes(data).best()
    except Exception:  # pragma: no cover - a helper library must not break an import
        return None
    if match is None:
        return None
    return str(match), match.encoding
