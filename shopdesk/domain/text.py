"""Text in two languages: the one type every layer uses for "this in zh and in en".

The language is a plain string ("zh", "en", "en_US", "zh-CN" ...); only whether it is
English matters, and `is_english` is the one place that decides it. Punctuation that
differs between the languages (colon, list separator, brackets) lives here too, so no
module writes `"：" if ... else ": "` again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def is_english(lang: str | None) -> bool:
    """True for "en", "en_US", "EN-gb" ...; False for Chinese, empty or None."""
    return bool(lang) and str(lang).strip().lower().startswith("en")


def normalize_lang(lang: str | None) -> str:
    """"en" or "zh" (the default) for any language string."""
    return "en" if is_english(lang) else "zh"


def pick(lang: str | None, zh: str, en: str) -> str:
    """`en` when `lang` is English (falling back to `zh` when `en` is empty), else `zh`."""
    return (en or zh) if is_english(lang) else zh


def colon(lang: str | None) -> str:
    """The label separator: "：" in Chinese, ": " in English."""
    return ": " if is_english(lang) else "："


def list_sep(lang: str | None) -> str:
    """Between list items: "、" in Chinese, ", " in English."""
    return ", " if is_english(lang) else "、"


def clause_sep(lang: str | None) -> str:
    """Between clauses: "；" in Chinese, "; " in English."""
    return "; " if is_english(lang) else "；"


def parens(text: str, lang: str | None) -> str:
    """`text` in brackets: full-width in Chinese, "(text)" in English."""
    return f"({text})" if is_english(lang) else f"（{text}）"


def with_note(text: str, note: str, lang: str | None) -> str:
    """`text` followed by `note` in brackets: "text（note）" in Chinese, "text (note)" in
    English (a space before the bracket); `text` alone when there is no note."""
    if not note:
        return text
    return text + (" " if is_english(lang) else "") + parens(note, lang)


@dataclass(frozen=True)
class Text:
    """A text in Simplified Chinese and English (English falls back to Chinese)."""

    zh: str
    en: str = ""

    def get(self, lang: str | None = "zh") -> str:
        """The text in `lang`."""
        return pick(lang, self.zh, self.en)

    def format(self, **values: Any) -> Text:
        """Both languages with `{name}` fields filled in."""
        return Text(self.zh.format(**values), (self.en or self.zh).format(**values))

    def __str__(self) -> str:
        return self.zh


class Bilingual:
    """Mixin for anything carrying `zh` and `en` attributes: `message(lang)` picks one."""

    zh: str
    en: str

    def message(self, lang: str | None = "zh") -> str:
        """The message in `lang` ("zh" or "en")."""
        return pick(lang, self.zh, self.en)
