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
    similar,
)
from .rules import (
    COUNTED_RULES,
    MAJOR_RULES,
    NEIGHBOUR_RULES,
    RuleKey,
    RulesError,
    WarningRules,
    parse_rules,
)

__all__ = ["COUNTED_RULES", "MAJOR_RULES", "NEIGHBOUR_RULES", "CaseFacts", "ClosedSince",
           "Neighbourhood", "Raised", "RuleKey", "RulesError", "WarningRules", "evaluate",
           "evaluate_all", "group_marker", "parse_rules", "product_key", "similar"]
