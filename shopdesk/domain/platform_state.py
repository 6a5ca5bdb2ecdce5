"""The platform's own state of an after-sales request, and what it means for the case.

A platform export names the request's state in its own words (退款成功, 待商家同意 ...).
Each preset maps those words, in data, to a `PlatformStage` (and the intervention
column's words to an `Intervention`); this module alone decides what a stage means for
the case: its status, its outcome, whether the platform is involved. The deadlines per
stage (resources/deadlines/*.toml, domain/deadlines) key their rules by the same
`PlatformStage`.

    states = PlatformStateMap.from_tables(preset_values)       # once per file
    state = states.resolve("退款成功", "", kind=..., refund_scope="部分退款", ...)
    state.status, state.outcome, state.stage, state.platform_involved
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .enums import CaseKind, CaseStatus, CauseSide, Outcome
from .labels import LabelledEnum
from .text import parens


class PlatformStage(LabelledEnum):
    """Where the request stands on the platform: who must act next, or that it is over."""

    AWAITING_SELLER = ("awaiting_seller", "待卖家处理", "Awaiting the seller")
    AWAITING_RETURN = ("awaiting_return", "待买家退货", "Awaiting the buyer's return")
    RETURN_TO_CHECK = ("return_to_check", "退货待卖家验收", "Return to check")
    # The return's tracking shows it delivered (Pinduoduo's clock drops to 24 h here).
    RETURN_DELIVERED = ("return_delivered", "退货已签收，待卖家验收", "Return delivered; to check")
    SELLER_REFUSED = ("seller_refused", "卖家已拒绝，待买家处理", "Seller refused; buyer to act")
    AWAITING_BUYER = ("awaiting_buyer", "待买家处理", "Awaiting the buyer")
    AWAITING_RESHIP = ("awaiting_reship", "待卖家发出换货/补寄", "Awaiting the seller's reship")
    REFUNDING = ("refunding", "退款中", "Refund under way")
    PLATFORM_INTERVENTION = ("platform_intervention", "平台介入中", "Platform intervening")
    PLATFORM_EVIDENCE = ("platform_evidence", "平台介入：待举证", "Platform: evidence due")
    REFUNDED = ("refunded", "退款成功", "Refunded")
    COMPLETED = ("completed", "售后完成", "Completed")
    CLOSED = ("closed", "售后关闭", "Closed")
    PLATFORM_REJECTED = ("platform_rejected", "平台驳回", "Rejected by the platform")
    # A review (中差评) whose reply window is open: the seller may answer it once.
    REVIEW_REPLY = ("review_reply", "评价待回复", "Review reply window")

    @property
    def finished(self) -> bool:
        """Over on the platform: nothing more will happen to this request there."""
        return self in FINISHED_STAGES

    @property
    def status(self) -> CaseStatus:
        """The case status this stage means."""
        return _STAGE_STATUS[self]


FINISHED_STAGES = frozenset({PlatformStage.REFUNDED, PlatformStage.COMPLETED,
                             PlatformStage.CLOSED, PlatformStage.PLATFORM_REJECTED})
# Stages only the intervention column leads to; a [values.platform_status] table may
# still name them (e.g. Douyin's 待商家举证 is a status there).
INTERVENTION_STAGES = frozenset({PlatformStage.PLATFORM_INTERVENTION,
                                 PlatformStage.PLATFORM_EVIDENCE})

_S = CaseStatus
_STAGE_STATUS: dict[PlatformStage, CaseStatus] = {
    PlatformStage.AWAITING_SELLER: _S.NEW,
    PlatformStage.AWAITING_RETURN: _S.WAITING_BUYER,
    PlatformStage.RETURN_TO_CHECK: _S.IN_PROGRESS,
    PlatformStage.RETURN_DELIVERED: _S.IN_PROGRESS,
    PlatformStage.SELLER_REFUSED: _S.WAITING_BUYER,
    PlatformStage.AWAITING_BUYER: _S.WAITING_BUYER,
    PlatformStage.AWAITING_RESHIP: _S.IN_PROGRESS,
    PlatformStage.REFUNDING: _S.WAITING_PLATFORM,
    PlatformStage.PLATFORM_INTERVENTION: _S.WAITING_PLATFORM,
    PlatformStage.PLATFORM_EVIDENCE: _S.WAITING_PLATFORM,
    PlatformStage.REFUNDED: _S.RESOLVED,
    PlatformStage.COMPLETED: _S.RESOLVED,
    PlatformStage.CLOSED: _S.CLOSED,
    PlatformStage.PLATFORM_REJECTED: _S.CLOSED,
    PlatformStage.REVIEW_REPLY: _S.IN_PROGRESS,
}


class Intervention(LabelledEnum):
    """The platform's customer service (小二 / 客服 / 仲裁) on this request."""

    NONE = ("none", "未介入", "Not involved")
    REQUESTED = ("requested", "已申请介入", "Intervention requested")
    INVOLVED = ("involved", "介入中", "Intervening")
    EVIDENCE = ("evidence", "介入中，待举证", "Intervening; evidence due")
    FINISHED = ("finished", "介入已结束", "Intervention finished")

    @property
    def involved(self) -> bool:
        """The platform has been (or is being) asked to arbitrate."""
        return self is not Intervention.NONE

    @property
    def active(self) -> bool:
        """The platform is handling it now: the case waits for the platform."""
        return self in (Intervention.REQUESTED, Intervention.INVOLVED, Intervention.EVIDENCE)


class RefundScope(LabelledEnum):
    FULL = ("full", "全部退款", "Full refund")
    PARTIAL = ("partial", "部分退款", "Partial refund")


# The value tables a preset (or a saved mapping) may carry that are read here rather than
# used to rewrite the cell: the cell keeps the platform's words, the table says what they
# mean.
STATE_TABLES: dict[str, type[LabelledEnum]] = {
    "platform_status": PlatformStage,
    "intervention_status": Intervention,
    "refund_scope": RefundScope,
    "responsible_party": CauseSide,
}


def normalise_wording(text: object) -> str:
    """Compare platform wordings loosely: full-width folded, no spaces, lower case."""
    value = "" if text is None else str(text)
    return "".join(unicodedata.normalize("NFKC", value).split()).lower()


class StateTableError(ValueError):
    """A state table names a target that is not one of its enum's keys."""

    def __init__(self, table: str, wording: str, target: str) -> None:
        keys = ", ".join(m.value for m in STATE_TABLES[table])
        self.zh = f"[values.{table}] 中“{wording}”的取值 {target} 不认识（可选：{keys}）"
        self.en = f"[values.{table}]: “{wording}” maps to unknown {target!r} (one of: {keys})"
        super().__init__(self.en)


@dataclass(frozen=True)
class PlatformCaseState:
    """What the platform's state means for the case. `stage` None: wording unknown."""

    stage: PlatformStage | None = None
    intervention: Intervention | None = None
    outcome: Outcome | None = None
    amount_settled: Decimal | None = None
    cause_side: CauseSide | None = None  # the platform's 责任方, only ever a hint

    @property
    def known(self) -> bool:
        return self.stage is not None

    @property
    def status(self) -> CaseStatus | None:
        return self.stage.status if self.stage is not None else None

    @property
    def finished(self) -> bool:
        return self.stage is not None and self.stage.finished

    @property
    def platform_involved(self) -> bool:
        return self.intervention is not None and self.intervention.involved


def expected_status(stage: PlatformStage | str | None) -> CaseStatus:
    """The status a case has while nobody changed it since the platform put it at `stage`
    (a case with no known stage starts as new)."""
    if not stage:
        return CaseStatus.NEW
    return PlatformStage(stage).status


def refund_outcome(partial: bool | None, claimed: Decimal | None,
                   paid: Decimal | None) -> Outcome:
    """Full or partial refund: the export's own word first, else the amounts."""
    if partial is None:
        partial = claimed is not None and paid is not None and claimed < paid
    return Outcome.PARTIAL_REFUND if partial else Outcome.FULL_REFUND


def outcome_for(stage: PlatformStage, kind: CaseKind, *, partial: bool | None,
                claimed: Decimal | None, paid: Decimal | None) -> Outcome | None:
    """The outcome a finished stage means (None while the request is still open)."""
    if stage is PlatformStage.REFUNDED:
        return refund_outcome(partial, claimed, paid)
    if stage is PlatformStage.COMPLETED:
        if kind is CaseKind.EXCHANGE:
            return Outcome.EXCHANGED
        if kind is CaseKind.RESHIP_REPAIR:
            return Outcome.RESHIPPED
        return refund_outcome(partial, claimed, paid)
    if stage is PlatformStage.CLOSED:
        return Outcome.BUYER_WITHDREW
    if stage is PlatformStage.PLATFORM_REJECTED:
        return Outcome.PLATFORM_FOR_SELLER
    return None


def settled_for(outcome: Outcome | None, claimed: Decimal | None,
                paid: Decimal | None) -> Decimal | None:
    """The refunded amount: what the buyer asked for (the platform paid it), else the
    amount paid for a full refund."""
    if outcome not in (Outcome.FULL_REFUND, Outcome.PARTIAL_REFUND):
        return None
    if claimed is not None:
        return claimed
    return paid if outcome is Outcome.FULL_REFUND else None


@dataclass(frozen=True)
class PlatformStateMap:
    """One export's wordings -> stage, intervention, refund scope, responsible side."""

    stages: Mapping[str, PlatformStage] = field(default_factory=dict)
    interventions: Mapping[str, Intervention] = field(default_factory=dict)
    scopes: Mapping[str, RefundScope] = field(default_factory=dict)
    sides: Mapping[str, CauseSide] = field(default_factory=dict)

    @classmethod
    def from_tables(cls, values: Mapping[str, Mapping[str, str]]) -> PlatformStateMap:
        """From a preset's [values.*] tables (others are ignored); StateTableError names
        a target that is not a known key."""
        parsed: dict[str, dict[str, LabelledEnum]] = {}
        for name, enum in STATE_TABLES.items():
            table: dict[str, LabelledEnum] = {}
            for wording, target in (values.get(name) or {}).items():
                try:
                    table[normalise_wording(wording)] = enum(str(target).strip())
                except ValueError:
                    raise StateTableError(name, str(wording), str(target)) from None
            parsed[name] = table
        return cls(stages=parsed["platform_status"],  # type: ignore[arg-type]
                   interventions=parsed["intervention_status"],  # type: ignore[arg-type]
                   scopes=parsed["refund_scope"],  # type: ignore[arg-type]
                   sides=parsed["responsible_party"])  # type: ignore[arg-type]

    def stage_of(self, wording: str) -> PlatformStage | None:
        return self.stages.get(normalise_wording(wording))

    def intervention_of(self, wording: str) -> Intervention | None:
        return self.interventions.get(normalise_wording(wording))

    def side_of(self, wording: str) -> CauseSide | None:
        return self.sides.get(normalise_wording(wording))

    def resolve(self, platform_status: str, intervention_status: str = "", *,
                kind: CaseKind, refund_scope: str = "", responsible_party: str = "",
                amount_claimed: Decimal | None = None,
                amount_paid: Decimal | None = None,
                return_logistics: str = "") -> PlatformCaseState:
        """The case state the platform's words mean (see module docstring).
        `return_logistics`: the return parcel's tracking state, when the export has it."""
        stage = self.stage_of(platform_status) if platform_status else None
        if stage is PlatformStage.RETURN_TO_CHECK and return_delivered(return_logistics):
            stage = PlatformStage.RETURN_DELIVERED  # the seller's shorter clock starts
        intervention = (self.intervention_of(intervention_status)
                        if intervention_status else None)
        scope = self.scopes.get(normalise_wording(refund_scope)) if refund_scope else None
        if stage is None or not stage.finished:
            # While the request is open, an active intervention decides who acts next.
            if intervention is Intervention.EVIDENCE:
                stage = PlatformStage.PLATFORM_EVIDENCE
            elif intervention is not None and intervention.active:
                stage = PlatformStage.PLATFORM_INTERVENTION
        if stage in INTERVENTION_STAGES and (intervention is None or not intervention.involved):
            intervention = Intervention.INVOLVED  # the status itself says the platform is in
        outcome = None
        if stage is not None:
            outcome = outcome_for(stage, kind, partial=None if scope is None else
                                  scope is RefundScope.PARTIAL,
                                  claimed=amount_claimed, paid=amount_paid)
        return PlatformCaseState(
            stage=stage, intervention=intervention, outcome=outcome,
            amount_settled=settled_for(outcome, amount_claimed, amount_paid),
            cause_side=self.side_of(responsible_party) if responsible_party else None)


# A return parcel's tracking state that says it arrived (签收 / 妥投), and the words that
# contain 签收 but say it did not.
_DELIVERED = ("签收", "妥投")
_NOT_DELIVERED = ("未签收", "待签收", "拒签", "拒收", "退签", "签收失败", "异常签收")


def return_delivered(tracking_state: str) -> bool:
    """The return's tracking state says it was delivered to the seller: '签收', '已签收',
    '快件已签收，签收人：本人' (not '未签收', '拒签' ...). PDD cuts the seller's clock to
    24 h here; the stage is RETURN_DELIVERED."""
    words = normalise_wording(tracking_state)
    if not words or any(n in words for n in _NOT_DELIVERED):
        return False
    return any(d in words for d in _DELIVERED)


def describe_platform_state(platform_status: str, stage: PlatformStage | None,
                            intervention_status: str, lang: str = "zh") -> str:
    """'退款成功 · 客服处理完成', with the stage in brackets when its name says more than the
    platform's words: '买家已经退货，等待卖家确认收货（退货待卖家验收）'."""
    parts = []
    if platform_status:
        words = platform_status
        if stage is not None and normalise_wording(stage.zh) != normalise_wording(words):
            words += parens(stage.label(lang), lang)
        parts.append(words)
    elif stage is not None:
        parts.append(stage.label(lang))
    if intervention_status:
        parts.append(intervention_status)
    return " · ".join(parts)
