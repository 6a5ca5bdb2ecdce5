"""The phone-call policy (电话沟通规范): may this buyer be phoned now, and if not, when.

Standard library only. The entry points are `evaluate` and `check_override`;
presets are loaded by `shopdesk.domain.policy_presets`.
"""

from .backdated import backdated_breaches
from .engine import CallDecision, evaluate
from .loosening import loosenings
from .model import (
    HARD_CODES,
    WEEKDAYS,
    BuyerCallProfile,
    CallAttempt,
    CallOutcome,
    CallPolicy,
    CapCounting,
    CaseCallContext,
    HolidayMode,
    PreCallChecklist,
    ReasonCode,
    TimeWindow,
    every_day,
    validate_policy,
)
from .override import OverrideRequest, OverrideVerdict, check_override
from .reasons import Notice, Reason
from .search import HORIZON
from .zones import domestic_buyer, local_to_utc, same_clock

__all__ = [
    "HARD_CODES",
    "HORIZON",
    "WEEKDAYS",
    "BuyerCallProfile",
    "CallAttempt",
    "CallDecision",
    "CallOutcome",
    "CallPolicy",
    "CapCounting",
    "CaseCallContext",
    "HolidayMode",
    "Notice",
    "OverrideRequest",
    "OverrideVerdict",
    "PreCallChecklist",
    "Reason",
    "ReasonCode",
    "TimeWindow",
    "backdated_breaches",
    "check_override",
    "domestic_buyer",
    "evaluate",
    "every_day",
    "local_to_utc",
    "loosenings",
    "same_clock",
    "validate_policy",
]
