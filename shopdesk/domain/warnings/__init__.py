"""Early warning (投诉预警): rules as data, evaluated on case facts; no storage here."""

from .engine import CaseFacts, Neighbourhood, Raised, evaluate, evaluate_all, product_key, similar
from .rules import MAJOR_RULES, RuleKey, RulesError, WarningRules, parse_rules

__all__ = ["MAJOR_RULES", "CaseFacts", "Neighbourhood", "Raised", "RuleKey", "RulesError",
           "WarningRules", "evaluate", "evaluate_all", "parse_rules", "product_key", "similar"]
