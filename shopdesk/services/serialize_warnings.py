"""Warnings and malicious-buyer entries as JSON (schema 1, documented in the README)."""

from __future__ import annotations

from typing import Any

from ..domain.blacklist import BlacklistEntry
from ..domain.clock import to_utc_iso
from ..domain.warnings import Raised
from ..storage.warnings import CaseWarning


def warning_json(w: CaseWarning, lang: str = "zh") -> dict[str, Any]:
    """One warning as `warnings list` and `cases show` give it."""
    return {"case_no": w.case_no, "rule": w.rule.value, "reason": w.reason(lang),
            "raised_at": to_utc_iso(w.raised_at),
            "acknowledged_by": w.ack_by or None,
            "acknowledged_at": to_utc_iso(w.ack_at) if w.ack_at else None,
            "note": w.ack_note or None,
            "cleared_at": to_utc_iso(w.cleared_at) if w.cleared_at else None}


def raised_json(r: Raised, lang: str = "zh") -> dict[str, Any]:
    """A warning just raised by a write (`cases add --json`)."""
    return {"rule": r.rule.value, "reason": r.reason.get(lang)}


def blacklist_json(e: BlacklistEntry, *, full_contact: bool = False) -> dict[str, Any]:
    return {"id": e.id, "platform": e.platform, "buyer_nick": e.buyer_nick,
            "phone": e.phone if full_contact else e.phone_masked,
            "address": e.address if full_contact else e.address_masked,
            "reason": e.reason, "case_no": e.case_no or None, "added_by": e.added_by,
            "added_at": to_utc_iso(e.added_at) if e.added_at else None}
