"""Bilingual labels for domain enums (Chinese first, English second).

Labels live with the domain, not in the UI translation files, because the CLI,
reports and exports need them too and none of those load Qt.
"""

from __future__ import annotations

from enum import StrEnum

from .text import pick

_SEEN = 256  # texts remembered per enum by parse() (only what parsed: a bounded set)


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
        by_lower, by_zh, seen = cls._parse_tables()
        member = seen.get(text)  # an import parses the same few words in every row
        if member is not None:
            return member
        needle = text.strip()
        found = [m for m in (by_lower.get(needle.lower()), by_zh.get(needle)) if m is not None]
        if not found:
            raise ValueError(text)
        if len(found) == 1 or found[0] is found[1]:
            member = found[0]
        else:
            # The first member (in definition order) that matches either way, as a loop would.
            order = list(cls)
            member = min(found, key=order.index)
        if len(seen) < _SEEN:
            seen[text] = member
        return member

    @classmethod
    def _parse_tables(cls) -> tuple[dict[str, LabelledEnum], dict[str, LabelledEnum],
                                    dict[str, LabelledEnum]]:
        """Lower-cased key/English label -> member, and Chinese label -> member, made once
        per enum (an import parses a label in every row: the loop over the members was a
        tenth of its time), and the texts parsed so far. The first member wins a label two
        members share."""
        tables = cls.__dict__.get("_label_tables")
        if tables is None:
            by_lower: dict[str, LabelledEnum] = {}
            by_zh: dict[str, LabelledEnum] = {}
            for member in cls:
                by_lower.setdefault(member.value.lower(), member)
                by_lower.setdefault(member.en.lower(), member)
                by_zh.setdefault(member.zh, member)
            tables = (by_lower, by_zh, {})
            type.__setattr__(cls, "_label_tables", tables)
        return tables

    def __str__(self) -> str:
        return self.value
