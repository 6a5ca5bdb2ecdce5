"""The stable JSON shape of a promise (schema 1, like services/serialize.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..domain.clock import to_utc_iso
from ..domain.promises import Promise


def promise_json(promise: Promise, case_no: str, now: datetime,
                 mask: Callable[[str], str] | None = None) -> dict[str, Any]:
    """One promise as a JSON-ready dict; times in UTC ISO 8601, `overdue` as of `now`;
    `mask` (serialize.free_text_masker) applied to the texts people typed."""
    mask = mask or (lambda text: text)
    return {
        "id": promise.id,
        "case_no": case_no,
        "kind": promise.kind.value,
        "text": mask(promise.text),
        "description": mask(promise.describe("zh")),
        "due_at": to_utc_iso(promise.due_at),
        "made_by": promise.made_by,
        "made_at": to_utc_iso(promise.made_at),
        "state": promise.state.value,
        "overdue": promise.is_overdue(now),
        "resolved_at": to_utc_iso(promise.resolved_at) if promise.resolved_at else None,
        "resolved_by": promise.resolved_by,
        "broken_reason": mask(promise.broken_reason) if promise.broken_reason else
        promise.broken_reason,
    }
