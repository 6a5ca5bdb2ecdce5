"""Who is making a change: the check every writing service makes before it writes.

One home for it, so every service refuses a missing operator with the same words.
"""

from __future__ import annotations

from ..domain.errors import FieldError, ValidationError


def require_actor(actor: str | None, field: str = "actor") -> str:
    """The operator's name without surrounding spaces; ValidationError (zh+en) when empty.

    `field` is the field the error names: "actor" (the operator, `--as` on the command
    line) unless a service checks another person's name the same way (shifts: "staff").
    """
    name = (actor or "").strip()
    if not name:
        raise ValidationError([FieldError(field, "请先选择操作人", "Choose who you are first")])
    return name
