"""Suggesting the best scripts for a case at a given handling step."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from ..enums import CaseKind, Cause, CustomerType
from .model import Script
from .steps import Channel, HandlingStep

# Match tiers, best first.
TIER_KIND_CAUSE = 0  # names the case kind and the case cause
TIER_KIND_ANY_CAUSE = 1  # names the case kind, any cause
TIER_GENERAL_CAUSE = 2  # any kind, names the case cause
TIER_GENERAL = 3  # any kind, any cause

# Tags that name a situation the case itself must show before the script fits: a reply to
# "the buyer threatens 12315 or the press" is wrong for a buyer who never said so, however
# well its kind matches. The service tells which the case shows (its warnings, its major
# mark); a media threat is a major complaint too.
THREAT_TAG = "threat_12315_press"
MAJOR_TAG = "major_complaint"
SITUATION_TAGS = frozenset({THREAT_TAG, MAJOR_TAG})


def situation_rank(script: Script, situations: Collection[str]) -> int:
    """0: every situation the script is written for shows on the case (it fits best);
    1: the script is written for no particular situation; 2: a situation it needs is
    not shown (it goes after every other fitting script, still listed)."""
    needed = SITUATION_TAGS.intersection(script.tags)
    if not needed:
        return 1
    return 0 if needed <= set(situations) else 2


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
            limit: int | None = None,
            situations: Collection[str] = ()) -> list[Script]:
    """Scripts for a case, best match first.

    Scripts written for a situation the case does not show (`situations`: SITUATION_TAGS
    the case shows, e.g. a media threat in its warnings) come last. Then: exact kind +
    cause > kind + any cause > any kind + cause > any kind + any cause. Within a tier:
    scripts written for a situation the case shows first; then scripts written for
    `customer_type`, then scripts for no particular type, then those written for another
    type; then higher `usage` count (script id -> times used); then library order.
    Cause-specific scripts are left out while the cause is unknown (None). `step` /
    `channel` None means any.
    """
    usage = usage or {}
    ranked: list[tuple[tuple[int, int, int, int, int, int], Script]] = []
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
        fits = situation_rank(script, situations)
        ranked.append(((int(fits == 2), tier, fits, type_rank, -usage.get(script.id, 0), position),
                       script))
    ranked.sort(key=lambda pair: pair[0])
    result = [s for _, s in ranked]
    return result[:limit] if limit is not None else result
