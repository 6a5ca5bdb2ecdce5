"""Bilingual labels for domain enums (Chinese first, English second).

Labels live with the domain, not in the UI translation files, because the CLI,
reports and exports need them too and none of those load Qt.
"""

from __future__ import annotations

from enum import StrEnum

from .text import pick


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.zh = zh or value
        obj.en = en or value
        return obj

    def label(self, lang: str = "zh") -> str:
        """The member's label in `lang` ("zh" or "en")."""
        return pick(lang, self.zh, self.en)

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept a key, a Chinese label or an English label (case-insensitive)."""
        needle = text.strip()
        low = needle.lower()
        for member in cls:
            if low in (member.value.lower(), member.en.lower()) or needle == member.zh:
                return member
        raise ValueError(text)

    def __str__(self) -> str:
        return self.value
