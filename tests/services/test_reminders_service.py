"""The reminder service over a real register: providers, the refund queue and cut-off,
no repeats (also after reopening), quiet hours, and a plugged-in deadline provider."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.clock import to_utc_iso
from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.reminders import ReminderKind
from shopdesk.domain.workflow import Transition
from shopdesk.services.register import open_register
from shopdesk.services.reminders import CLI, TRAY, DeadlineProvider


def open_case(register, order, kind="complaint", description=""):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": kind,
                               "description": description})
    return register.cases.open_case(draft, "小王")


def test_refunds_today_selection(register, clock):
    refund_only = open_case(register, "R100001", "refund_only")
    refunding = open_case(register, "R100002", "return_refund")
    register.cases.store.update_columns(refunding.id, {"platform_stage": "refunding"},
                                        reindex=False)
    promised = open_case(register, "R100003", "exchange")
    register.promises.make(promised.id, PromiseKind.REFUND, clock.now() + timedelta(hours=2),
                           "小王")
    open_case(register, "R100004", "return_refund")  # a return still on its way: not owed
    open_case(register, "R100005", "complaint")
    done = open_case(register, "R100006", "refund_only")
    register.cases.change_status(done.id, Transition(to=CaseStatus.CLOSED,
                                                     note="buyer withdrew"), "小王")
    items = register.refunds.today()
    assert [(i.case.id, i.why) for i in items] == [
        (refund_only.id, "refund_only"), (refunding.id, "refunding"),
        (promised.id, "promise")]
    assert register.refunds.count() == 3
    assert items[2].promise_due == clock.now() + timedelta(hours=2)


def test_the_queue_count_matches_the_list_filter_with_every_overlap(register, clock):
    """refunds.count() is three indexed counts; it must equal counting the list's 今日待退款
    query whatever overlaps: a refund-only case with a refund promise, a refunding case
    with two, a trashed or finished case with one."""
    soon = clock.now() + timedelta(hours=2)

    def promise(case, n=1):
        for _ in range(n):
            register.promises.make(case.id, PromiseKind.REFUND, soon, "小王")

    def refunding(case):
        register.cases.store.update_columns(case.id, {"platform_stage": "refunding"},
                                            reindex=False)

    both = open_case(register, "Q100001", "refund_only")
    promise(both)
    refunding(both)
    twice = open_case(register, "Q100002", "return_refund")
    refunding(twice)
    promise(twice, 2)
    only_promised = open_case(register, "Q100003", "exchange")
    promise(only_promised, 2)
    trashed = open_case(register, "Q100004", "exchange")
    promise(trashed)
    register.cases.delete([trashed.id], "小王")
    finished = open_case(register, "Q100005", "refund_only")
    promise(finished)
    register.cases.change_status(finished.id, Transition(to=CaseStatus.CLOSED,
                                                         note="buyer withdrew"), "小王")
    open_case(register, "Q100006", "complaint")
    expected = register.cases.count(register.refunds.query())
    assert expected == 3 and register.refunds.count() == expected
    assert len(register.refunds.today()) == expected


def test_cutoff_reminder_once_a_day_while_refunds_remain(register, clock):
    case = open_case(register, "R200001", "refund_only")
    # 22:00 in Shanghai: the 23:00 cut-off is an hour away; nothing yet.
    clock.set(datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    assert register.reminders.take(TRAY) is None
    clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00
    note = register.reminders.take(TRAY)
    assert note.kinds == (ReminderKind.REFUND_CUTOFF,)
    assert note.message("zh")[0] == "今日待退款提醒"
    assert note.message("zh")[1] == "还有 1 笔待退款，请在 24:00 前处理"
    clock.advance(minutes=30)
    assert register.reminders.take(TRAY) is None  # said once today
    # The next day, with the queue cleared, nothing is said.
    register.cases.change_status(case.id, Transition(to=CaseStatus.CLOSED, note="done"),
                                 "小王")
    clock.advance(days=1)
    assert register.reminders.take(TRAY) is None


def test_cutoff_lead_and_shop_cutoff_setting(register, clock):
    open_case(register, "R300001", "refund_only")
    settings = register.reminders.settings().with_changes(
        refund_cutoff=time(21, 0),
        lead_minutes={ReminderKind.REFUND_CUTOFF: 30})
    register.reminders.save_settings(settings)
    clock.set(datetime(2026, 11, 23, 12, 29, tzinfo=UTC))  # 20:29
    assert register.reminders.take(TRAY) is None
    clock.set(datetime(2026, 11, 23, 12, 30, tzinfo=UTC))  # 20:30 = 21:00 - 30 min
    assert register.reminders.take(TRAY).kinds == (ReminderKind.REFUND_CUTOFF,)


def test_promises_and_warnings_announced_once_even_after_reopening(register, clock,
                                                                   data_paths):
    case = open_case(register, "P100001")
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=1),
                           "小王", "确认补发时间")
    assert register.reminders.take(TRAY) is None  # 60 min away, lead is 30
    clock.advance(minutes=31)
    note = register.reminders.take(TRAY)
    assert note.case_id == case.id
    assert note.message("zh") == (f"{case.case_no} 承诺即将到期",
                                  "回电：确认补发时间：11-23 11:00 到期")
    register.close()
    again = open_register(data_paths, clock, daily_backup=False)
    assert again.reminders.take(TRAY) is None  # remembered across the restart
    # Another channel (a scheduled `reminders due --new`) has its own memory.
    assert [r.kind for r in again.reminders.pending(CLI)] == [ReminderKind.PROMISE]
    warned = open_case(again, "P100002", description="孩子被割伤，要打12315")
    note = again.reminders.take(TRAY)
    assert note.case_id == warned.id and ReminderKind.WARNING in note.kinds
    again.close()


def test_quiet_hours_hold_back_then_one_grouped_message(register, clock):
    register.reminders.save_settings(register.reminders.settings().with_changes(
        quiet_start=time(22, 0), quiet_end=time(8, 0)))
    clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00, quiet
    cases = [open_case(register, f"Q10000{i}") for i in range(3)]
    # Due at 08:20, after the quiet hours: their 07:50 reminders can wait until 08:00.
    for c in cases:
        register.promises.make(c.id, PromiseKind.REPLY,
                               datetime(2026, 11, 24, 0, 20, tzinfo=UTC), "小王")
    clock.set(datetime(2026, 11, 23, 23, 59, tzinfo=UTC))  # 07:59, still quiet
    assert register.reminders.take(TRAY) is None
    clock.set(datetime(2026, 11, 24, 0, 0, tzinfo=UTC))  # 08:00
    note = register.reminders.take(TRAY)
    assert note.message("zh")[0] == "3 个承诺即将到期"
    assert note.case_id is None


def test_counts_for_the_tray(register, clock):
    case = open_case(register, "C100001", "refund_only")
    register.promises.make(case.id, PromiseKind.REPLY, clock.now() + timedelta(minutes=5),
                           "小王")
    open_case(register, "C100002", description="买家说要找律师")
    two = open_case(register, "C100003", description="孩子被割伤，要打12315")
    assert len(register.warnings.for_case(two.id)) == 2
    counts = register.reminders.counts()
    # Cases with a warning, like the list's button: two warnings on one case count once.
    assert (counts.promises_overdue, counts.warnings, counts.refunds_today) == (0, 2, 1)
    assert counts.warnings == register.warnings.count_open_warned()
    clock.advance(minutes=6)
    assert register.reminders.counts().total == 3


@dataclass
class FakeDeadline:
    case_no: str
    stage: str
    due_at: datetime
    source: str = "rule"
    on_timeout: str = "自动退款"


def test_a_deadline_provider_plugs_in(register, clock):
    case = open_case(register, "D100001", "refund_only")
    asked: list[tuple[datetime, datetime]] = []

    def due_between(after, before):
        asked.append((after, before))
        return [FakeDeadline(case.case_no, "awaiting_seller", clock.now() + timedelta(hours=1)),
                FakeDeadline(case.case_no, "awaiting_seller", clock.now() + timedelta(days=2)),
                FakeDeadline(case.case_no, "awaiting_seller", clock.now() - timedelta(days=3))]

    register.reminders.add_provider(DeadlineProvider(due_between, register._case_id_of))
    # Within the 2 h lead, and the one three days overdue (still owed).
    assert register.reminders.counts().deadlines == 2
    note = register.reminders.take(TRAY)
    overdue, r = [r for r in note.reminders if r.kind == ReminderKind.DEADLINE]
    assert overdue.due_at == clock.now() - timedelta(days=3)
    assert r.case_id == case.id
    assert r.key == f"deadline:{case.case_no}:awaiting_seller:" \
        f"{to_utc_iso(clock.now() + timedelta(hours=1))}"
    assert r.text.zh == "awaiting_seller（到期后自动退款）"
    after, before = asked[0]
    assert before - clock.now() >= timedelta(hours=2)
    assert after.year == 1  # however long ago a deadline passed, it is read


def test_the_queue_count_matches_the_list_filter_on_the_demo(register):
    from shopdesk.services.demo import generate_demo

    generate_demo(register, 300, seed=11)
    expected = register.cases.count(register.refunds.query())
    assert expected > 0 and register.refunds.count() == expected


def test_a_deadline_without_a_stage_reads_as_a_due_time():
    """A due time typed by hand has no platform stage: the reminder said "None"."""
    from types import SimpleNamespace

    from shopdesk.domain.text import Text
    from shopdesk.services.reminders import DeadlineProvider

    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    item = SimpleNamespace(case_no="SD-20261123-0001", stage=None, due_at=now, source="manual",
                           on_timeout=None)
    provider = DeadlineProvider(lambda after, before: [item], lambda case_no: 1)
    [reminder] = provider.reminders(now, now + timedelta(hours=1))
    assert reminder.text == Text("截止时间", "Due time")


def _many_warnings(register, clock, n):
    """One real safety warning, then `n - 1` more rows like it, raised earlier (a
    register with more live warnings than any page of them)."""
    case = open_case(register, "W100001", description="孩子被烫伤了")
    (w,) = register.warnings.for_case(case.id)
    register.db.executemany(
        "INSERT INTO case_warnings(case_id, rule, reason_zh, reason_en, raised_at) "
        "VALUES (?, 'safety', ?, ?, ?)",
        [(case.id, w.reason_zh, w.reason_en, to_utc_iso(clock.now() - timedelta(minutes=i)))
         for i in range(1, n)])
    return case


def test_every_live_warning_is_announced_not_the_newest_thousand(register, clock):
    _many_warnings(register, clock, 1005)
    assert register.warnings.count() == 1005
    assert len(register.warnings.listing()) == 1005
    assert len(register.warnings.listing(limit=10)) == 10
    note = register.reminders.take(TRAY)
    assert note is not None and note.title.en == "1005 new warning(s)"
    assert register.reminders.take(TRAY) is None  # the oldest were announced too


def test_the_minute_poll_does_not_rebuild_what_it_announced(register, clock, monkeypatch):
    """At 1M the tray's poll built 50,000 warnings it had announced long before (0.6 s of
    the writer thread every minute): announced warnings are left out in SQL, and the full
    read that forgetting old notices needs runs twice a day, not every minute."""
    _many_warnings(register, clock, 30)
    store = register.warnings.store
    real = store.live_brief
    assert register.reminders.take(TRAY).title.en == "30 new warning(s)"

    def full_read():
        raise AssertionError("every live warning read again")

    monkeypatch.setattr(store, "live_brief", full_read)
    clock.advance(minutes=1)
    assert register.reminders.take(TRAY) is None
    warned = open_case(register, "W100002", description="说要找记者曝光")
    clock.advance(minutes=1)
    note = register.reminders.take(TRAY)
    assert note is not None and note.case_id == warned.id  # only the new one
    monkeypatch.setattr(store, "live_brief", real)
    clock.advance(hours=12)  # forgetting is due: a full read, and nothing said again
    assert register.reminders.take(TRAY) is None


def test_warnings_announced_over_a_month_ago_are_not_announced_again(register, clock):
    """Forgetting notices keeps those whose warning is still live, also now that the
    minute poll leaves announced warnings out of its read."""
    _many_warnings(register, clock, 3)
    assert register.reminders.take(TRAY) is not None
    for _ in range(3):
        clock.advance(days=20)
        assert register.reminders.take(TRAY) is None
