"""The command line never ends in a traceback: options get random values (huge numbers,
far-off times, odd digits, control characters) and every run must end with an exit code,
never an exception. Bounded (200 examples) so it stays part of `make test`."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopdesk.cli import run
from shopdesk.domain.clock import FixedClock
from tests.conftest import T0

CASE = "SD-20261123-0001"

# Values a fuzzer would try: random text, numbers of any size and shape, times at the edges
# of what datetime can hold, other scripts' digits.
NASTY = st.one_of(
    st.text(max_size=30),
    st.integers().map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda n: f"{n}E+{abs(n) % 10**15}"),
    st.sampled_from([
        "1E+999999999999", "-1E-999999999999", "1,2,3", "1_000", "٣٤", "１２", "nan", "inf",
        "-0", "0001-01-01T00:00+00:00", "9999-12-31T23:59+14:00", "9999-12-31T23:59-23:59",
        "0001-01-01", "9999-12-31", "2026-02-30", "99999999999999999999999", "-1", "0",
        "13812345678", "a\nb\x1b[2J", "\x00", "2026-11-23 10:00", "2026-11-23T10:00+08:00",
    ]),
    st.datetimes().map(lambda d: d.isoformat()),
    st.floats().map(str),
)

# (argv template, options whose value is fuzzed): "{}" slots are filled in order.
COMMANDS: list[tuple[str, ...]] = [
    ("cases", "add", "--platform", "taobao", "--order", "{}", "--kind", "refund_only",
     "--amount", "{}", "--claimed", "{}", "--due", "{}", "--phone", "{}"),
    ("cases", "edit", CASE, "--amount", "{}", "--due", "{}", "--buyer", "{}"),
    ("cases", "list", "--limit", "{}", "--search", "{}"),
    ("cases", "show", "{}"),
    ("cases", "status", CASE, "--to", "resolved", "--outcome", "{}", "--amount", "{}"),
    ("cases", "note", CASE, "{}"),
    ("calls", "log", CASE, "--outcome", "no_answer", "--at", "{}", "--duration", "{}"),
    ("calls", "can-call", CASE, "--at", "{}"),
    ("calls", "compliance", "--from", "{}", "--to", "{}"),
    ("calls", "buyer", CASE, "--tz", "{}"),
    ("promises", "add", CASE, "--kind", "refund", "--due", "{}", "--text", "{}"),
    ("promises", "keep", "{}"),
    ("promises", "break", "{}"),
    ("evidence", "remove", CASE, "{}"),
    ("handoff", "show", "{}"),
    ("handoff", "list", "--limit", "{}"),
    ("shift", "next-hours", "{}"),
    ("policy", "set", "{}"),
    ("staff", "pin", "--staff", "小王", "--set", "{}"),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "home"
    env = {"SHOPDESK_HOME": str(path), "SHOPDESK_LANG": "en"}
    for argv in (("staff", "add", "小王"),
                 ("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                  "--kind", "refund_only", "--amount", "10")):
        code = run(list(argv), clock=FixedClock(T0), env=env, out=io.StringIO(),
                   err=io.StringIO())
        assert code == 0
    return env


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(command=st.sampled_from(COMMANDS), data=st.data())
def test_no_option_value_ends_in_a_traceback(home, command, data):
    argv = [data.draw(NASTY) if part == "{}" else part for part in command]
    out, err = io.StringIO(), io.StringIO()
    # An exception escaping run() fails the test.
    code = run(argv, clock=FixedClock(T0), env=home, out=out, err=err)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
    if code == 1:
        assert err.getvalue().startswith("shopdesk")
