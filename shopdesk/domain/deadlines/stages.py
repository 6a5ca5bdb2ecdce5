"""A case's current stage: where its after-sales request stands, who must act next.

The stage comes from one of three places, remembered with it as its origin:
- the platform: an import put the request at a stage (PlatformStage); it stays until the
  platform moves it again or the user acts;
- the user: an action in the case view or `shopdesk cases stage` (agreed to the return,
  recorded the return's tracking number, marked it received ...);
- derived: nobody said, so the case's kind and status decide (re-derived on every write).
A closed or resolved case is at a finished stage whatever it was before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..enums import CaseKind, CaseStatus
from ..labels import LabelledEnum
from ..platform_state import PlatformStage

P = PlatformStage


class StageOrigin(LabelledEnum):
    DERIVED = ("derived", "按类型与状态推断", "From kind and status")
    PLATFORM = ("platform", "平台导入", "From the platform")
    USER = ("user", "手动设置", "Set by hand")


# Stages a user may move a case to (the case view offers them in this order).
USER_STAGES = (P.AWAITING_SELLER, P.AWAITING_RETURN, P.RETURN_TO_CHECK, P.RETURN_DELIVERED,
               P.AWAITING_RESHIP, P.REFUNDING, P.SELLER_REFUSED, P.AWAITING_BUYER,
               P.PLATFORM_INTERVENTION, P.PLATFORM_EVIDENCE, P.REVIEW_REPLY)
# The move that records the return's tracking number (the CLI's --tracking).
TRACKING_STAGES = frozenset({P.RETURN_TO_CHECK, P.AWAITING_BUYER})

# What each user stage means as an action, for buttons and the timeline.
STAGE_ACTIONS: dict[PlatformStage, tuple[str, str]] = {
    P.AWAITING_SELLER: ("待我方处理", "Back to us"),
    P.AWAITING_RETURN: ("同意退货（待买家寄回）", "Agree to the return"),
    P.RETURN_TO_CHECK: ("买家已寄回（记录退货单号）", "Return shipped (tracking no.)"),
    P.RETURN_DELIVERED: ("退货已签收（待验收）", "Return delivered"),
    P.AWAITING_RESHIP: ("待我方发出换货/补寄", "Reship due from us"),
    P.REFUNDING: ("已同意退款", "Refund agreed"),
    P.SELLER_REFUSED: ("已拒绝（待买家处理）", "Refused (buyer to act)"),
    P.AWAITING_BUYER: ("已发出换货/补寄（待买家）", "Reshipped (buyer to act)"),
    P.PLATFORM_INTERVENTION: ("平台已介入", "Platform intervening"),
    P.PLATFORM_EVIDENCE: ("平台要求举证", "Evidence requested"),
    P.REVIEW_REPLY: ("评价待回复", "Review to answer"),
}


def derive_stage(kind: CaseKind, status: CaseStatus) -> PlatformStage | None:
    """The stage a case's kind and status suggest (None: no platform clock, e.g. a
    complaint made by phone)."""
    if status is CaseStatus.RESOLVED:
        return P.COMPLETED
    if status is CaseStatus.CLOSED:
        return P.CLOSED
    if kind is CaseKind.COMPLAINT:
        return None
    if kind is CaseKind.BAD_REVIEW:
        return P.REVIEW_REPLY
    if kind is CaseKind.PLATFORM_DISPUTE:
        if status is CaseStatus.WAITING_BUYER:
            return P.AWAITING_BUYER
        if status is CaseStatus.WAITING_PLATFORM:
            return P.PLATFORM_INTERVENTION
        return P.PLATFORM_EVIDENCE
    if status is CaseStatus.WAITING_BUYER:
        return (P.AWAITING_RETURN if kind in (CaseKind.RETURN_REFUND, CaseKind.EXCHANGE)
                else P.AWAITING_BUYER)
    if status is CaseStatus.WAITING_PLATFORM:
        return P.PLATFORM_INTERVENTION
    return P.AWAITING_SELLER


@dataclass(frozen=True)
class StageState:
    """The stage as stored with the case."""

    stage: PlatformStage | None
    origin: StageOrigin
    since: datetime | None
    synced_platform_stage: PlatformStage | None = None  # the import stage last taken


def current_stage(stored: StageState, *, kind: CaseKind, status: CaseStatus,
                  platform_stage: PlatformStage | None, now: datetime,
                  started: datetime) -> StageState:
    """The stage after a write: the platform's when an import moved it, a stage set by the
    platform or the user while the case is open, else derived. `started` is when the
    case's request began (the buyer's application, else the case's creation): the
    request's opening stage counts from there; a new stage, or a later stage met first
    (an export of a request already further on), from `now`."""
    if platform_stage is not None and platform_stage != stored.synced_platform_stage:
        new = StageState(platform_stage, StageOrigin.PLATFORM, None, platform_stage)
    elif not status.is_open:
        new = StageState(derive_stage(kind, status), StageOrigin.DERIVED, None,
                         stored.synced_platform_stage)
    elif stored.origin is not StageOrigin.DERIVED and stored.stage is not None \
            and not stored.stage.finished:
        return stored
    else:
        new = StageState(derive_stage(kind, status), StageOrigin.DERIVED, None,
                         stored.synced_platform_stage)
    if new.stage == stored.stage and stored.since is not None:
        since = stored.since  # same stage: its clock keeps running
    elif stored.stage is None and new.stage == opening_stage(kind):
        since = started  # the request's first stage began with the request
    else:
        # A new stage, or a later one an export shows first (the buyer's return already
        # delivered): it began at some time since the request, known only as of now.
        since = now
    return StageState(new.stage, new.origin, since, new.synced_platform_stage)


def opening_stage(kind: CaseKind) -> PlatformStage | None:
    """The stage a request of this kind begins at with the buyer's application (a refund
    request: awaiting the seller). None for a platform dispute: its evidence window opens
    when the platform steps in, days after the buyer applied, at a time only the platform's
    own deadline gives."""
    if kind is CaseKind.PLATFORM_DISPUTE:
        return None
    return derive_stage(kind, CaseStatus.NEW)
