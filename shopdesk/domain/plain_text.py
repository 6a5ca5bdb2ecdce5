"""Text a buyer or a colleague typed, made safe for a one-line slot in text output.

A nickname or a note may hold a newline, a carriage return, an ANSI escape or a bidi
override; printed raw by `cases list` or the plain-text hand-off, it can forge a line
("SD-20261123-0002 ... 已解决") or repaint the terminal. Such characters are shown as
visible escapes instead; ordinary text (Chinese, emoji, spaces) is untouched.
"""

from __future__ import annotations

import unicodedata

_HIDDEN = ("Cc", "Cf", "Zl", "Zp")
_ZWJ = "\u200d"  # joins emoji sequences; harmless
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": " "}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str | None) -> str:
    """`text` with control characters (Cc), format characters that reorder or hide text
    (bidi overrides, zero-width marks: Cf) and line/paragraph separators (Zl, Zp) shown as
    escapes such as \\n or \\x1b."""
    if not text:
        return ""
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escape(ch) if ch != _ZWJ and unicodedata.category(ch) in _HIDDEN
                   else ch for ch in text)
