"""The command line uses the register's services: no command builds a second copy."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from shopdesk.cli import run
from shopdesk.paths import DataPaths
from shopdesk.services.calls import CallService
from shopdesk.services.imports import ImportService
from shopdesk.services.register import open_register
from shopdesk.services.scripts import ScriptService
from shopdesk.services.shifts import ShiftService
from shopdesk.services.staff import StaffService
from shopdesk.services.summary import SummaryService
from tests.importers.helpers import DATA

COUNTED = (CallService, ImportService, ScriptService, ShiftService, StaffService,
           SummaryService)


@pytest.fixture
def built(monkeypatch) -> Counter:
    """How many of each service were constructed since the last clear()."""
    counts: Counter = Counter()
    for cls in COUNTED:
        original = cls.__init__

        def counting(self, *args, _original=original, _name=cls.__name__, **kwargs):
            counts[_name] += 1
            _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    return counts


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home")}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock, env=env, out=out, err=err)
        assert code == 0, err.getvalue()
        return out.getvalue()

    return call


def test_each_command_builds_each_service_at_most_once(cli, built, tmp_path, clock):
    register = open_register(DataPaths(tmp_path / "home"), clock)
    register.staff.add("小王", actor="小王")
    register.close()
    case_no = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                  "--kind", "refund_only", "--buyer", "小蜜蜂", "--phone", "13812345678").strip()
    commands = [
        ("policy", "set", "caps.per_day=1"),
        ("policy", "show"),
        ("calls", "can-call", case_no),
        ("import", str(DATA / "taobao_refund_gbk.csv"), "--dry-run", "--skip-bad-rows"),
        ("print", case_no, "-o", str(tmp_path / "s.pdf")),
        ("scripts", "list"),
        ("staff", "pin", "--staff", "小王", "--set", "2468"),
        ("shift", "start", "--staff", "小王", "--pin", "2468"),
    ]
    for argv in commands:
        built.clear()
        cli(*argv)
        # One register per run; every service in it built once, none again by the command.
        assert built["StaffService"] == 1, argv
        assert built["ShiftService"] == 1, argv
        # Built on first use only, once.
        assert built["SummaryService"] == (1 if argv[0] == "print" else 0), argv
        assert built["ImportService"] == (1 if argv[0] == "import" else 0), argv
        # The call policy is built on first use: by the commands about calls, at most once
        # by any other that reads it.
        assert built["CallService"] == 1 if argv[0] in ("policy", "calls") \
            else built["CallService"] <= 1, argv
        if argv[0] == "staff":
            assert built["CallService"] == 0, argv
        assert built["ScriptService"] == (1 if argv[0] == "scripts" else 0), argv
