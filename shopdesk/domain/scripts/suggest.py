"""Suggesting the best scripts for a case at a given handling step."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..enums import CaseKind, Cause, CustomerType
from .model import Script
from .steps import Channel, HandlingStep

# Match tiers, best first.
TIER_KIND_CAUSE = 0  # names the case kind and the case cause
TIER_KIND_ANY_CAUSE = 1  # names the case kind, any cause
TIER_GENERAL_CAUSE = 2  # any kind, names the case cause
TIER_GENERAL = 3  # any kind, any cause


def match_tier(script: Script, kind: CaseKind, cause: Cause | None) -> int | None:
    """How well `script` fits a case of `kind` and `cause`; None when it does not fit."""
    if not script.applies_to_kind(kind) or not script.applies_to_cause(cause):
        return None
    if script.any_kind:
        return TIER_GENERAL if script.any_cause else TIER_GENERAL_CAUSE
    return TIER_KIND_ANY_CAUSE if script.any_cause else TIER_KIND_CAUSE


def suggest(library: Iterable[Script], kind: CaseKind, cause: Cause | None,
            step: HandlingStep | None, customer_type: CustomerType | None = None,
            usage: Mapping[str, int] | None = None, *, channel: Channel | None = None,
            limit: int | None = None) -> list[Script]:
    """Scripts for a case, best match first.

    Order: exact kind + cause > kind + any cause > any kind + cause > any kind + any cause.
    Within a tier: scripts written for `customer_type` first, then scripts for no particular
    type, then those written for another type; then higher `usage` count (script id ->
    times used); then library order. Cause-specific scripts are left out while the cause is
    unknown (None). `step` / `channel` None means any.
    """
    usage = usage or {}
    ranked: list[tuple[tuple[int, int, int, int], Script]] = []
    for position, script in enumerate(library):
        if step is not None and script.step is not step:
            continue
        if channel is not None and script.channel is not channel:
            continue
        tier = match_tier(script, kind, cause)
        if tier is None:
            continue
        if customer_type is None or customer_type is CustomerType.UNKNOWN:
            type_rank = 1 if script.customer_types else 0
        elif customer_type in script.customer_types:
            type_rank = 0
        else:
            type_rank = 2 if script.customer_types else 1
        ranked.append(((tier, type_rank, -usage.get(script.id, 0), position), script))
    ranked.sort(key=lambda pair: pair[0])
    result = [s for _, s in ranked]
    return result[:limit] if limit is not None else result
