"""Budget requests (issue 14, part 1): the rules (:mod:`.rules`), a school's items
(:mod:`.requests`), baht in figures and words (:mod:`.money`) and the office's view (:mod:`.office`)."""

from __future__ import annotations

from .money import baht_words, format_baht, parse_baht
from .requests import Approval, BudgetItem, BudgetRequests
from .rules import MULTI_YEAR_KINDS, BudgetRules, KindGroup, load_rules, rule_messages

__all__ = ["MULTI_YEAR_KINDS", "Approval", "BudgetItem", "BudgetRequests", "BudgetRules", "KindGroup", "baht_words", "format_baht",
           "load_rules", "parse_baht", "rule_messages"]
