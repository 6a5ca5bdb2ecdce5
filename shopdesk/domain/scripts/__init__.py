"""The reply-script library (话术库): scripts, rendering, suggestions, linter, warnings.

Standard library only; no file access here (services/script_catalog.py reads the TOML).
"""

from __future__ import annotations

from ..text import Text
from .coverage import (
    CAUSE_STEPS,
    REQUIRED_TOPICS,
    STEP_APPLICABILITY,
    CoverageGap,
    applicable_steps,
    coverage_gaps,
    misplaced,
    step_applies,
)
from .customer_types import CustomerTypeGuide, parse_customer_types
from .model import (
    ANY,
    FIELD_LABELS,
    Script,
    ScriptError,
    ScriptLibrary,
    ScriptLibraryError,
    field_label,
    parse_script_dict,
    parse_script_dicts,
)
from .placeholders import (
    ALIASES,
    PLACEHOLDERS,
    Placeholder,
    RenderResult,
    canonical_key,
    find_placeholders,
    format_value,
    placeholder,
    render,
    values_from_case,
)
from .rules import (
    ApplyTo,
    CheckKind,
    LintRule,
    MistakeWarning,
    RuleSet,
    Severity,
    Violation,
    WarningRule,
    lint,
    lint_library,
    mistakes_for,
    parse_rules,
)
from .steps import PROCEDURE_STEPS, Audience, Channel, HandlingStep
from .suggest import match_tier, suggest

__all__ = [
    "ALIASES",
    "ANY",
    "CAUSE_STEPS",
    "FIELD_LABELS",
    "PLACEHOLDERS",
    "PROCEDURE_STEPS",
    "REQUIRED_TOPICS",
    "STEP_APPLICABILITY",
    "ApplyTo",
    "Audience",
    "Channel",
    "CheckKind",
    "CoverageGap",
    "CustomerTypeGuide",
    "HandlingStep",
    "LintRule",
    "MistakeWarning",
    "Placeholder",
    "RenderResult",
    "RuleSet",
    "Script",
    "ScriptError",
    "ScriptLibrary",
    "ScriptLibraryError",
    "Severity",
    "Text",
    "Violation",
    "WarningRule",
    "applicable_steps",
    "canonical_key",
    "coverage_gaps",
    "field_label",
    "find_placeholders",
    "format_value",
    "lint",
    "lint_library",
    "match_tier",
    "misplaced",
    "mistakes_for",
    "parse_customer_types",
    "parse_rules",
    "parse_script_dict",
    "parse_script_dicts",
    "placeholder",
    "render",
    "step_applies",
    "suggest",
    "values_from_case",
]
