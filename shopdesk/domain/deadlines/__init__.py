"""Deadlines per platform and stage: rules in data, the case's stage, the resolution."""

from .resolve import (
    SOURCE_TEXT,
    Deadline,
    DeadlineFacts,
    DeadlineSource,
    add_length,
    on_timeout_text,
    resolve,
)
from .rules import (
    Actor,
    Anchor,
    Confidence,
    DeadlineRule,
    DeadlineRulesError,
    HolidayPause,
    Pause,
    RuleSet,
    apply_override,
    merge,
    parse_platform_file,
    stable_repr,
)
from .stages import (
    STAGE_ACTIONS,
    TRACKING_STAGES,
    USER_STAGES,
    StageOrigin,
    StageState,
    current_stage,
    derive_stage,
    opening_stage,
)

__all__ = [
    "SOURCE_TEXT", "STAGE_ACTIONS", "TRACKING_STAGES", "USER_STAGES", "Actor", "Anchor",
    "Confidence", "Deadline", "DeadlineFacts", "DeadlineRule", "DeadlineRulesError",
    "DeadlineSource", "HolidayPause", "Pause", "RuleSet", "StageOrigin", "StageState", "add_length",
    "apply_override", "current_stage", "derive_stage", "merge", "on_timeout_text",
    "opening_stage",
    "parse_platform_file", "resolve",
    "stable_repr",
]
