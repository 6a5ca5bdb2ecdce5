"""The deadline rules' fingerprint is the same in every process for the same rules: a
set printed in hash order made every start recompute every open case's deadline."""

from __future__ import annotations

import os
import subprocess
import sys

from shopdesk.domain.deadlines import Pause, stable_repr
from shopdesk.domain.platform_state import PlatformStage

_PRINT = (
    "from datetime import date\n"
    "from shopdesk.domain.deadlines import Pause, stable_repr\n"
    "from shopdesk.domain.platform_state import PlatformStage as S\n"
    "stages = frozenset([S.AWAITING_SELLER, S.REFUNDING, S.RETURN_TO_CHECK, "
    "S.RETURN_DELIVERED])\n"
    "print(stable_repr((Pause(date(2026, 2, 15), date(2026, 2, 23), stages=stages), "
    "{'b': stages, 'a': 1})))\n")


def _in_process(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", _PRINT], env=env, capture_output=True,
                          text=True, check=True, encoding="utf-8").stdout


def test_the_same_rules_print_the_same_in_every_process():
    outputs = {_in_process(seed) for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1, outputs


def test_what_differs_still_prints_differently():
    a = Pause(date_(1), date_(2), stages=frozenset([PlatformStage.REFUNDING]))
    b = Pause(date_(1), date_(2), stages=frozenset([PlatformStage.AWAITING_SELLER]))
    assert stable_repr(a) != stable_repr(b)
    assert stable_repr(a) == stable_repr(Pause(date_(1), date_(2),
                                               stages=frozenset([PlatformStage.REFUNDING])))


def date_(day: int):
    from datetime import date

    return date(2026, 2, day)
