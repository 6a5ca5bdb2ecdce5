"""The edit form's refused save (someone else saved the case first): which of their
changes come into the form, which fields both changed, and how their values read.

Plain Python over domain values, so the form keeps only the widgets and the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ...domain.case import Case, CaseDraft
from ...domain.clock import local
from ...domain.labels import LabelledEnum
from ...domain.money import format_yuan

_LONGEST = 40  # a description in a field's notice: enough to recognise it


class _AuditRow(Protocol):
    """An audit row as the case service gives it (the UI never imports storage)."""

    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def field(self) -> str | None: ...


@dataclass(frozen=True)
class Merge:
    """Their changes, by field name, in the form's order."""

    brought: list[str]  # changed by them, untouched in the form: theirs comes in
    both: list[str]  # changed by them and typed in the form, to another value: typed stays


def plan(names: Iterable[str], base: Case, fresh: Case, draft: CaseDraft,
         shown: Mapping[str, object], opened: Mapping[str, object]) -> Merge:
    """`base`: the case the form was opened on; `fresh`: as saved since; `shown` / `opened`:
    the form's raw field values now and when opened (a widget's value against its own
    earlier value: a due time without seconds, an amount as text, compare alike);
    `draft`: what the refused save read from the form."""
    theirs = [n for n in names if getattr(fresh, n) != getattr(base, n)]
    typed = {n for n in theirs if shown[n] != opened[n]}
    return Merge(brought=[n for n in theirs if n not in typed],
                 both=[n for n in theirs
                       if n in typed and getattr(draft, n) != getattr(fresh, n)])


def changed_by(audit: Sequence[_AuditRow], name: str) -> str:
    """Who last changed field `name` (an edit, a fill from an order, an import), or ""."""
    return next((e.actor for e in reversed(audit)
                 if e.field == name and not e.action.startswith("reveal")), "")


def value_text(name: str, case: Case, lang: str, tz: str) -> str:
    """Field `name` of `case` (as a screen may show it: masked) as a person reads it;
    "" when empty, for the form to say in its own words."""
    value = getattr(case, name)
    if value is None or value == "":
        return ""
    if name in ("amount_paid", "amount_claimed"):
        return format_yuan(value)
    if name in ("due_at", "applied_at"):
        return local(value, tz).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, LabelledEnum):
        return value.label(lang)
    text = str(value)
    return text[:_LONGEST] + "…" if len(text) > _LONGEST else text
