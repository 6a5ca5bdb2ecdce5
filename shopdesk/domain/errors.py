"""Domain errors that name the field at fault, in both languages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field."""

    field: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


class ValidationError(ValueError):
    """Input refused; `errors` says which fields and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.en}" for e in errors))

    def by_field(self) -> dict[str, FieldError]:
        return {e.field: e for e in self.errors}


class WorkflowError(ValueError):
    """A status change the workflow does not allow."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(en)

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


class NotFoundError(LookupError):
    """A case, staff member or other record that does not exist."""
