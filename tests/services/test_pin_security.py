"""PIN security: the lockout holds under parallel tries on separate connections, the hash
cost follows current guidance and old hashes are raised on the next right entry, and
`--as NAME` does not act as someone who has a PIN without it."""

from __future__ import annotations

import io
import threading

import pytest

from shopdesk.cli import run
from shopdesk.domain import pins
from shopdesk.domain.pins import check_pin, hash_pin, needs_rehash
from shopdesk.services.staff import PinError


@pytest.fixture
def team(register):
    register.staff.add("小李", actor="小王")
    register.staff.set_pin("小李", "2468", "小王")
    return register


def refusals(register) -> int:
    return register.db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'pin_refused'").fetchone()[0]


def _parallel_tries(team, pins_to_try: list[str]) -> list[str]:
    """Each PIN tried at once on its own register connection; 'ok', 'wrong' or 'locked'."""
    registers = [team.open_second() for _ in pins_to_try]
    results: list[str] = [""] * len(pins_to_try)
    start = threading.Barrier(len(pins_to_try))

    def attempt(i: int) -> None:
        start.wait()
        try:
            registers[i].staff.verify_pin("小李", pins_to_try[i])
            results[i] = "ok"
        except PinError as exc:
            results[i] = "locked" if "错误次数过多" in exc.errors[0].zh else "wrong"

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(pins_to_try))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in registers:
        r.close()
    return results


def test_thirty_parallel_wrong_pins_evaluate_only_five(team, data_paths, clock, monkeypatch):
    # A cost that makes each check take a while, so the tries really overlap.
    monkeypatch.setattr(pins, "ITERATIONS", 20_000)
    team.staff.set_pin("小李", "2468", "小王", old_pin="2468")
    results = _parallel_tries(team, ["1111"] * 30)
    assert results.count("wrong") == 5 and results.count("locked") == 25
    assert refusals(team) == 5
    # And now the right PIN is refused too, until the window passes.
    with pytest.raises(PinError) as locked:
        team.staff.verify_pin("小李", "2468")
    assert "错误次数过多" in locked.value.errors[0].zh


def test_parallel_right_pins_are_never_accepted_after_five_wrong(team, data_paths, clock,
                                                                monkeypatch):
    monkeypatch.setattr(pins, "ITERATIONS", 20_000)
    team.staff.set_pin("小李", "2468", "小王", old_pin="2468")
    # Five wrong tries are already in the window: the name is locked for everyone.
    for _ in range(5):
        with pytest.raises(PinError):
            team.staff.verify_pin("小李", "0000")
    results = _parallel_tries(team, ["1111"] * 25 + ["2468"] * 5)
    assert results == ["locked"] * 30
    assert refusals(team) == 5


def test_mixed_parallel_tries_record_at_most_five_wrong(team, data_paths, clock,
                                                        monkeypatch):
    monkeypatch.setattr(pins, "ITERATIONS", 20_000)
    team.staff.set_pin("小李", "2468", "小王", old_pin="2468")
    results = _parallel_tries(team, ["1111", "2468"] * 15)
    assert results.count("wrong") <= 5 and refusals(team) == results.count("wrong")
    assert set(results) <= {"ok", "wrong", "locked"}


@pytest.mark.real_pin_cost
def test_the_shipped_cost_is_pbkdf2_sha256_at_600000_rounds():
    assert pins.ITERATIONS == 600_000
    stored = hash_pin("1234")
    algorithm, rounds, salt, digest = stored.split("$")
    assert (algorithm, rounds, len(salt), len(digest)) == ("pbkdf2_sha256", "600000", 32, 64)
    assert check_pin("1234", stored) and not check_pin("1235", stored)
    assert not needs_rehash(stored)
    assert needs_rehash(hash_pin("1234", iterations=120_000))


def test_an_old_hash_is_raised_on_the_next_right_entry_only(team, monkeypatch):
    member = team.staff.store.by_name("小李")
    old = hash_pin("2468", iterations=500)  # as an older ShopDesk stored it
    team.staff.store.replace_pin_hash(member.id, old)
    set_at = team.staff.store.pin_set_at(member.id)
    with pytest.raises(PinError):
        team.staff.verify_pin("小李", "1111")
    assert team.staff.store.pin_hash(member.id) == old  # a wrong PIN changes nothing
    team.staff.verify_pin("小李", "2468")
    new = team.staff.store.pin_hash(member.id)
    assert new != old and new.split("$")[1] == str(pins.ITERATIONS)
    assert check_pin("2468", new) and team.staff.store.pin_set_at(member.id) == set_at
    team.staff.verify_pin("小李", "2468")
    assert team.staff.store.pin_hash(member.id) == new  # not rehashed again


ADD = ("cases", "add", "--platform", "taobao", "--order", "3712345678901", "--kind",
       "refund_only")


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    call("staff", "add", "小王")
    call("--as", "小王", "staff", "add", "小李")
    call("--as", "小王", "staff", "pin", "--staff", "小李", "--set", "2468")
    return call


def test_as_a_staff_member_with_a_pin_needs_that_pin(cli):
    code, out, err = cli("--as", "小李", *ADD)
    assert (code, out) == (1, "")
    assert err.startswith("shopdesk: --pin: 小李 has a PIN: enter the 4 digits")
    code, _, err = cli("--as", "小李", "--pin", "1111", *ADD)
    assert code == 1 and err.startswith("shopdesk: --pin: Wrong PIN for 小李")
    assert cli("cases", "list")[1].count("3712345678901") == 0  # nothing was added as 小李
    code, out, err = cli("--as", "小李", "--pin", "2468", *ADD)
    assert (code, err) == (0, "")
    # Someone without a PIN is acted as without one, as before.
    assert cli("--as", "小王", "cases", "list")[0] == 0


def test_wrong_pins_through_as_count_towards_the_lockout(cli):
    for _ in range(5):
        assert cli("--as", "小李", "--pin", "0000", "cases", "list")[0] == 1
    code, _, err = cli("--as", "小李", "--pin", "2468", "cases", "list")
    assert code == 1 and "Too many wrong PINs for 小李" in err
