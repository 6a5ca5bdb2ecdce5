"""refresh_open judges only what time changed, and ends where judging every open case ends.

Two registers get the same cases, edits and acknowledgements at the same times; after each
step one refreshes (`refresh_open`), the other judges every open case on every rule
(`rejudge_open`, what refresh_open always did). Their warnings must be the same, row for
row, while ages cross the rules' thresholds, cases close, warnings are acknowledged, the
rules file is edited and the clock goes back.
"""

from __future__ import annotations

import contextlib
import random
from datetime import timedelta

import pytest

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.warnings import RuleKey
from shopdesk.domain.workflow import Transition
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from tests.conftest import T0

RULES = """
[long_open]
days = 3
[cause_unknown]
hours = 30
[new_product]
enabled = true
days = {new_days}
"""
CAUSES = ["item_defective", "not_as_described", "unclear", "", "transit_damage"]


def _twin(tmp_path, seed_register, name):
    clock = FixedClock(T0 - timedelta(days=12))
    reg = open_register(seed_register(DataPaths(tmp_path / name)), clock, daily_backup=False)
    reg.staff.add("小王", actor="小王")
    reg.staff.set_current_operator("小王")
    _rules(reg, new_days=6)
    return reg, clock


def _rules(reg, *, new_days: int) -> None:
    (reg.paths.root / "warning_rules.toml").write_text(RULES.format(new_days=new_days),
                                                       encoding="utf-8")
    reg.warnings._cache = None  # the same second: the file's mtime alone may not show it


def _open(reg, rng: random.Random, n: int) -> None:
    cause = rng.choice(CAUSES)
    draft = draft_from_fields({
        "platform": "taobao", "order_no": f"T{700000 + n}", "kind": "refund_only",
        "buyer_nick": f"买家{rng.randrange(6)}", "sku": f"SKU-{rng.randrange(5)}",
        "cause": cause, "description": rng.choice(["", "到货就坏了", "有点划伤"]),
        "amount_paid": "100", "amount_claimed": "100"})
    reg.cases.open_case(draft, "小王")


def _step(reg, rng: random.Random, n: int) -> None:
    """One thing a shop does: open a case, close one, or acknowledge a warning."""
    what = rng.random()
    if what < 0.5:
        _open(reg, rng, n)
        return
    open_ids = reg.warnings.store.open_ids()
    if not open_ids:
        return
    case_id = rng.choice(sorted(open_ids))
    if what < 0.7:
        reg.cases.change_status(case_id, Transition(CaseStatus.IN_PROGRESS), "小王")
        reg.cases.change_status(case_id, Transition(CaseStatus.RESOLVED,
                                                    outcome=Outcome.BUYER_WITHDREW), "小王")
    else:
        with contextlib.suppress(ShopDeskError):  # when it has no live warning
            reg.warnings.acknowledge(case_id, "小王", "已处理")


def _snapshot(reg) -> tuple[list, list]:
    rows = reg.db.execute(
        "SELECT case_id, rule, reason_zh, reason_en, raised_at, cleared_at, ack_at "
        "FROM case_warnings ORDER BY case_id, rule, id").fetchall()
    counts = reg.db.execute("SELECT id, warning_count FROM cases ORDER BY id").fetchall()
    return rows, counts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_refresh_ends_where_judging_every_open_case_ends(tmp_path, seed_register, seed,
                                                         monkeypatch):
    a, clock_a = _twin(tmp_path, seed_register, "a")
    b, clock_b = _twin(tmp_path, seed_register, "b")
    full_refreshes = []
    rejudge = a.warnings.rejudge_open
    monkeypatch.setattr(a.warnings, "rejudge_open",
                        lambda: full_refreshes.append(clock_a.now()) or rejudge())
    # (hours to move the clock, rules' new_product days): the thresholds are 30 hours,
    # 3 and 6 days; the rules change twice (and back), the clock goes back once.
    steps = [(7, 6), (20, 6), (6, 6), (30, 6), (26, 4), (5, 4), (49, 6), (-30, 6),
             (8, 6), (75, 6), (3, 6)]
    fired: set[RuleKey] = set()
    for n, (hours, new_days) in enumerate(steps):
        for reg, clock in ((a, clock_a), (b, clock_b)):
            rng = random.Random(f"{seed}-{n}")
            clock.set(clock.now() + timedelta(hours=hours))
            _rules(reg, new_days=new_days)
            for i in range(6):
                _step(reg, rng, n * 10 + i)
            with reg.db.atomic():
                raised = (reg.warnings.refresh_open() if reg is a
                          else reg.warnings.rejudge_open())
            if reg is a:
                raised_a = raised
        assert _snapshot(a) == _snapshot(b), (hours, new_days)
        assert raised_a == raised
        fired |= {w.rule for w in a.warnings.listing(include_acknowledged=True)}
    # The refresh judged every open case only when it had to: first, rules edited (twice),
    # rules put back (twice), the clock gone back.
    assert len(full_refreshes) <= 6 < len(steps)
    # The comparison meant something: the time rules fired and lapsed.
    assert {RuleKey.LONG_OPEN, RuleKey.CAUSE_UNKNOWN, RuleKey.NEW_PRODUCT} <= fired
    a.close()
    b.close()


def test_refresh_between_edits_judges_only_the_cases_due(register, clock, monkeypatch):
    """Nothing crossed a threshold: no case is read, nothing is written."""
    for i in range(3):
        register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": f"T80000{i}", "kind": "refund_only",
            "buyer_nick": f"买家{i}", "sku": "SKU-1", "cause": "item_defective"}), "小王")
    with register.db.atomic():
        register.warnings.refresh_open()  # the first: every open case
    clock.set(clock.now() + timedelta(hours=1))
    read: list[list[int]] = []
    facts = register.warnings.store.facts
    monkeypatch.setattr(register.warnings.store, "facts",
                        lambda ids, **kw: read.append(list(ids)) or facts(ids, **kw))
    with register.db.atomic():
        assert register.warnings.refresh_open() == 0
    assert read == []
    clock.set(clock.now() + timedelta(days=10))
    with register.db.atomic():
        assert register.warnings.refresh_open() == 3  # long_open on all three
    assert [sorted(ids) for ids in read] == [sorted(register.warnings.store.open_ids())]
