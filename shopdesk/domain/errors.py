"""The errors a person sees, in both languages; every layer raises these or subclasses.

`ShopDeskError` is the one base the UI and the CLI catch: a refusal or failure with a
message in zh and en. Storage errors subclass it (storage/errors.py), so the edges never
need to import storage to report them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Bilingual, clause_sep


class ShopDeskError(Bilingual, Exception):
    """A failure with a message a person can act on; `message(lang)` gives it."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(en)


@dataclass(frozen=True)
class FieldError(Bilingual):
    """One problem with one input field."""

    field: str
    zh: str
    en: str


class ValidationError(ShopDeskError, ValueError):
    """Input refused; `errors` says which fields and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("；".join(f"{e.field}：{e.zh}" for e in errors),
                         "; ".join(f"{e.field}: {e.en}" for e in errors))

    def by_field(self) -> dict[str, FieldError]:
        return {e.field: e for e in self.errors}

    def message(self, lang: str | None = "zh") -> str:
        return clause_sep(lang).join(f"{e.field}: {e.message(lang)}" for e in self.errors)


class WorkflowError(ShopDeskError, ValueError):
    """A change the workflow does not allow (a status move, a write on a trashed case)."""


class DamagedRegisterError(ShopDeskError):
    """The register file failed an integrity check: kept as it is, restore from a backup."""


class NotFoundError(LookupError):
    """A case, staff member or other record that does not exist."""
