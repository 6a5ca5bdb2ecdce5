"""Early warning (投诉预警): rules as data, evaluated on case facts; no storage here."""

from .engine import (
    CaseFacts,
    ClosedSince,
    Neighbourhood,
    Raised,
    evaluate,
    evaluate_all,
    group_marker,
    product_key,
    recurring_reason,
    similar,
    trigger_of,
)
from .rules import (
    COUNTED_RULES,
    JUDGE_VERSION,
    MAJOR_RULES,
    NEIGHBOUR_RULES,
    TIME_RULES,
    RuleKey,
    RulesError,
    WarningRules,
    fingerprint,
    parse_rules,
)

__all__ = ["COUNTED_RULES", "JUDGE_VERSION", "MAJOR_RULES", "NEIGHBOUR_RULES", "TIME_RULES",
           "CaseFacts", "ClosedSince", "Neighbourhood", "Raised", "RuleKey", "RulesError",
           "WarningRules", "evaluate", "evaluate_all", "fingerprint", "group_marker",
           "parse_rules", "product_key", "recurring_reason", "similar",
           "trigger_of"]
