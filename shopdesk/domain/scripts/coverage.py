"""Which handling steps apply to which case kind, and what the library must cover.

STEP_APPLICABILITY is the documented table:

| kind             | pre_empt | the eight steps |
|------------------|----------|-----------------|
| refund_only      | yes: a stuck parcel or a stock-out, told before the buyer asks | all |
| return_refund    | no: it starts with the buyer's request | all |
| exchange         | no: it starts with the buyer's request | all |
| reship_repair    | yes: a missing part found at the packing check | all |
| bad_review       | yes: a late or problem order, checked on before the buyer rates | all |
| complaint        | yes: a delay announced before the buyer complains | all |
| platform_dispute | yes: the buyer says they will ask the platform to step in | all |

"learn" is internal everywhere (a note-to-self/checklist); "listen" on chat is an empathy
message, on the phone a listening script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..enums import CaseKind, Cause
from .model import Script
from .steps import PROCEDURE_STEPS, HandlingStep

_ALL = (HandlingStep.PRE_EMPT, *PROCEDURE_STEPS)

STEP_APPLICABILITY: dict[CaseKind, tuple[HandlingStep, ...]] = {
    CaseKind.REFUND_ONLY: _ALL,
    CaseKind.RETURN_REFUND: PROCEDURE_STEPS,
    CaseKind.EXCHANGE: PROCEDURE_STEPS,
    CaseKind.RESHIP_REPAIR: _ALL,
    CaseKind.BAD_REVIEW: _ALL,
    CaseKind.COMPLAINT: _ALL,
    CaseKind.PLATFORM_DISPUTE: _ALL,
}

#: Steps every cause needs its own script for.
CAUSE_STEPS: tuple[HandlingStep, ...] = (HandlingStep.EXPLAIN, HandlingStep.PROPOSE)

#: Situations the library must have a script for, by tag.
REQUIRED_TOPICS: dict[str, tuple[str, str]] = {
    "counterfeit": ("买家怀疑不是正品", "Buyer suspects a counterfeit"),
    "return_shipping": ("买家问退货运费谁出", "Buyer asks who pays return shipping"),
    "parcel_stuck": ("包裹在途卡住（事前告知）", "Parcel stuck in transit (pre-empt)"),
    "wrong_size": ("买家拍错尺码", "Buyer ordered the wrong size"),
    "review_follow_up": ("差评跟进回访", "Bad review follow-up"),
    "statement_of_facts": ("小二介入事实陈述", "Statement of facts for platform intervention"),
    "threat_12315_press": ("买家扬言投诉12315或找媒体", "Buyer threatens 12315 or the press"),
    "malicious_reviewer": ("疑似职业差评师", "Suspected malicious reviewer"),
}


def applicable_steps(kind: CaseKind) -> tuple[HandlingStep, ...]:
    return STEP_APPLICABILITY[kind]


def step_applies(kind: CaseKind, step: HandlingStep) -> bool:
    return step in STEP_APPLICABILITY[kind]


@dataclass(frozen=True)
class CoverageGap:
    """Something the library lacks: a kind x step, a cause x step, or a topic tag."""

    kind: CaseKind | None = None
    cause: Cause | None = None
    step: HandlingStep | None = None
    topic: str = ""

    def __str__(self) -> str:
        named = (("kind", self.kind), ("cause", self.cause), ("step", self.step),
                 ("topic", self.topic))
        parts = [f"{name}={value}" for name, value in named if value]
        return "missing script: " + ", ".join(parts)


def coverage_gaps(scripts: Iterable[Script]) -> list[CoverageGap]:
    """Every kind x applicable step without a script naming that kind; every cause without
    its own (single-cause) explain and propose script; every required topic without a script.
    Scripts for "any" kind do not count for a kind: each kind must be covered explicitly."""
    scripts = list(scripts)
    gaps: list[CoverageGap] = []
    for kind, steps in STEP_APPLICABILITY.items():
        for step in steps:
            if not any(s.step is step and kind in s.kinds for s in scripts):
                gaps.append(CoverageGap(kind=kind, step=step))
    for cause in Cause:
        for step in CAUSE_STEPS:
            if not any(s.step is step and s.causes == (cause,) for s in scripts):
                gaps.append(CoverageGap(cause=cause, step=step))
    for topic in REQUIRED_TOPICS:
        if not any(topic in s.tags for s in scripts):
            gaps.append(CoverageGap(topic=topic))
    return gaps


def misplaced(scripts: Iterable[Script]) -> list[tuple[Script, CaseKind]]:
    """Scripts that name a kind whose procedure does not have the script's step."""
    return [(s, k) for s in scripts for k in s.kinds if not step_applies(k, s.step)]
