"""Complaint analysis (投诉分析): the Pareto table over a period, and improvement plans
(表一) measured against the register in the period after their baseline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ..domain.analysis import (
    NO_FILTER,
    AnalysisFilter,
    Dimension,
    Group,
    Pareto,
    PlanResult,
    PlanStatus,
    filter_text,
    pareto,
    province_label,
)
from ..domain.analysis_periods import Comparison, comparison
from ..domain.analysis_report import MonthlyReport
from ..domain.case_query import GroupFilter
from ..domain.clock import SHOP_TZ_DEFAULT, Clock, from_iso, to_utc_iso
from ..domain.enums import CaseKind, Cause, CauseSide, Outcome, Platform
from ..domain.errors import FieldError, ShopDeskError, ValidationError
from ..domain.refund_speed import (
    REFUND_OUTCOMES,
    Satisfaction,
    SpeedRow,
    speed_row,
    speed_rows,
)
from ..domain.text import pick
from ..storage.analysis import AnalysisStore, filter_condition, refund_samples
from ..storage.database import Database
from ..storage.followups import FollowupStore
from .actor import require_actor

_ENUM_OF = {Dimension.CAUSE: Cause, Dimension.CAUSE_GROUP: CauseSide, Dimension.KIND: CaseKind,
            Dimension.PLATFORM: Platform, Dimension.OUTCOME: Outcome}
PLAN_STATUSES = tuple(s.value for s in PlanStatus)
SPEED_BY = ("platform", "staff")


@dataclass(frozen=True)
class RefundSpeed:
    """Refund speed over a period: one row per platform or staff member, and overall."""

    by: str
    start: datetime
    end: datetime
    rows: list[SpeedRow]
    overall: SpeedRow


def parse_dimension(text: str) -> Dimension:
    try:
        return Dimension(text.strip())
    except ValueError:
        keys = ", ".join(d.value for d in Dimension)
        raise ValidationError([FieldError("by", f"未知的分析维度：{text}（可选：{keys}）",
                                          f"unknown dimension: {text} (one of: {keys})")]
                              ) from None


@dataclass(frozen=True)
class Plan:
    """An improvement plan (表一) with its measured result."""

    id: int
    dimension: Dimension
    category: str
    sub_type: str
    root_cause: str
    plan: str
    plan_long: str
    difficulty: str
    owner: str
    due_date: date | None
    target_pct: int | None
    status: str
    baseline_from: datetime
    baseline_to: datetime
    result: PlanResult

    @property
    def measure_from(self) -> datetime:
        return self.baseline_to

    @property
    def measure_to(self) -> datetime:
        return self.baseline_to + (self.baseline_to - self.baseline_from)


@dataclass(frozen=True)
class PlanAlerts:
    """Plans the main screen points at: past their due date and not finished, or measured
    and short of their target."""

    due: tuple[Plan, ...]
    missed: tuple[Plan, ...]

    @property
    def count(self) -> int:
        return len({p.id for p in (*self.due, *self.missed)})


class AnalysisService:
    def __init__(self, db: Database, clock: Clock, *, shop_tz: str = SHOP_TZ_DEFAULT) -> None:
        self.db = db
        self.clock = clock
        self.shop_tz = shop_tz
        self.store = AnalysisStore(db)

    # --- periods -----------------------------------------------------------------------
    def day_start(self, day: date) -> datetime:
        """Midnight of `day` in the shop's zone."""
        return datetime.combine(day, time(0), tzinfo=ZoneInfo(self.shop_tz))

    def month(self, year: int, month: int) -> tuple[datetime, datetime]:
        first = date(year, month, 1)
        after = date(year + (month == 12), month % 12 + 1, 1)
        return self.day_start(first), self.day_start(after)

    def comparison(self, start: datetime, end: datetime,
                   kind: str | None = None) -> Comparison:
        """What [start, end) is compared with: a month with the month before (a month still
        running day for day: 1–5 Dec with 1–5 Nov), a week or a year likewise, any other
        period with the same number of days just before it. `kind` (PERIOD_KINDS) says
        which the period is when the caller knows (this year's first days are not a
        month); None: told from the dates."""
        zone = ZoneInfo(self.shop_tz)
        first = start.astimezone(zone).date()
        last = (end.astimezone(zone) - timedelta(days=1)).date()
        return comparison(first, last, self.clock.now().astimezone(zone).date(), kind)

    def previous_bounds(self, start: datetime, end: datetime,
                        kind: str | None = None) -> tuple[datetime, datetime]:
        """The compared period as [first day 00:00, day after its last 00:00) shop time."""
        comp = self.comparison(start, end, kind)
        return (self.day_start(comp.previous_first),
                self.day_start(comp.previous_last + timedelta(days=1)))

    def default_period(self) -> tuple[datetime, datetime]:
        """The last 30 days up to the end of today (shop time)."""
        today = self.clock.now().astimezone(ZoneInfo(self.shop_tz)).date()
        return self.day_start(today - timedelta(days=29)), self.day_start(
            today + timedelta(days=1))

    # --- Pareto ------------------------------------------------------------------------
    def label(self, by: Dimension, key: str, lang: str = "zh") -> str:
        enum = _ENUM_OF.get(by)
        if enum is not None and key:
            try:
                return enum(key).label(lang)
            except ValueError:
                return key
        if not key:
            return pick(lang, "（未填）", "(none)")
        if by is Dimension.PROVINCE:
            return province_label(key, lang)
        return key

    def pareto(self, by: Dimension, start: datetime, end: datetime, lang: str = "zh", *,
               where: str = "", params: list | None = None,
               filter: AnalysisFilter = NO_FILTER, kind: str | None = None) -> Pareto:
        """The Pareto table of cases created in [start, end), with the period it is
        compared with for the change column (`comparison`: a month against the month
        before, day for day while it runs; `where`: only some cases, e.g. one cause's;
        `filter`: one platform and/or product, in both periods; `kind`: what the period
        is, see `comparison`)."""
        comp = self.comparison(start, end, kind)
        before, after = self.previous_bounds(start, end, kind)
        only, only_params = filter_condition(filter)
        if only:
            where = f"({where}) AND {only}" if where else only
            params = [*(params or []), *only_params]
        return pareto(by, start, end, self._groups(by, start, end, where, params),
                      self._groups(by, before, after, where, params),
                      lambda k: self.label(by, k, lang), comparison=comp, filter=filter)

    def filter_label(self, only: AnalysisFilter, lang: str = "zh") -> str:
        """The filter in words ("平台：AliExpress · 商品/SKU：CUP-316-500"); "" for none."""
        return filter_text(only, lang)

    def products(self, start: datetime, end: datetime) -> list[str]:
        """The products (SKU, or the title when there is none) of the cases created in
        [start, end), by name: the choices of the analysis's product filter. From the day
        totals, as the Pareto by item/SKU: milliseconds at any register size."""
        return sorted(g.key for g in self.store.groups(Dimension.SKU, start, end) if g.key)

    def parse_platform(self, text: str) -> str:
        """A platform filter typed on the command line: the key or a label ("" for all)."""
        if not text.strip():
            return ""
        try:
            return Platform.parse(text).value
        except ValueError:
            keys = ", ".join(p.value for p in Platform)
            raise ValidationError([FieldError(
                "platform", f"未知的平台：{text}（可选：{keys}）",
                f"unknown platform: {text} (one of: {keys})")]) from None

    def drill_down(self, by: Dimension, key: str, start: datetime, end: datetime,
                   lang: str = "zh", *, filter: AnalysisFilter = NO_FILTER) -> GroupFilter:
        """The list filter showing the cases behind one Pareto row (the same ones it counts,
        the platform and product filter included)."""
        label = by.label(lang) + pick(lang, "：", ": ") + self.label(by, key, lang)
        # The filter's values alone (a platform's name and a SKU speak for themselves):
        # the list's notice is short, and elided in the middle past its width.
        for part in (self.label(Dimension.PLATFORM, filter.platform, lang)
                     if filter.platform else "", filter.product):
            if part:
                label += " · " + part
        return GroupFilter(by.value, key, start, end, label=label,
                           platform=filter.platform, product=filter.product)

    def chart_svg(self, result: Pareto, *, width: int = 640, height: int = 300,
                  lang: str = "zh") -> bytes:
        """The Pareto chart as SVG (the same reportlab drawing the PDF report embeds)."""
        from ..reports.pareto_chart import pareto_svg

        return pareto_svg(result, width=width, height=height, lang=lang)

    def chart_bar_at(self, result: Pareto, width: float, x: float) -> int | None:
        """Which row's bar is at `x` on the chart drawn `width` wide (None: no bar)."""
        from ..reports.pareto_chart import bar_at

        return bar_at(result, width, x)

    def _group_count(self, by: Dimension, key: str, start: datetime, end: datetime) -> int:
        """One group's cases created in [start, end), counted as its Pareto row counts them
        (day totals plus the period's edges): a plan's result matches the table it came
        from, and the toolbar's plan indicator costs milliseconds at any register size
        (it is asked again whenever the list's count changes)."""
        return sum(g.count for g in self._groups(by, start, end) if g.key == key)

    def _groups(self, by: Dimension, start: datetime, end: datetime, where: str = "",
                params: list | None = None) -> list[Group]:
        groups = self.store.groups(by, start, end, where=where, params=params)
        if by is Dimension.CAUSE_GROUP:
            return [Group(Cause(g.key).side.value if g.key else CauseSide.OTHER.value,
                          g.count, g.amount, g.resolve_hours_total, g.resolved)
                    for g in groups]
        return groups

    # --- refund speed (退款时效) and satisfaction after resolution ----------------------
    def refund_speed(self, by: str, start: datetime, end: datetime,
                     lang: str = "zh") -> RefundSpeed:
        """Median and 90th percentile of the hours from the buyer's request to the refund,
        for cases refunded in [start, end), per platform or per staff member (assignee)."""
        if by not in SPEED_BY:
            raise ValidationError([FieldError("by", f"未知的分组：{by}（可选：platform, staff）",
                                              f"unknown grouping: {by} (one of: platform, "
                                              "staff)")])
        samples = [(platform if by == "platform" else assignee, hours)
                   for platform, assignee, hours in refund_samples(
                       self.db, start, end, tuple(o.value for o in REFUND_OUTCOMES))]

        def label(key: str) -> str:
            if by == "platform":
                return self.label(Dimension.PLATFORM, key, lang)
            return key or pick(lang, "（未分配）", "(nobody)")

        return RefundSpeed(by, start, end, speed_rows(samples, label),
                           speed_row("", pick(lang, "全部", "All"), (h for _, h in samples)))

    def satisfaction(self, start: datetime, end: datetime) -> Satisfaction:
        """Follow-up results recorded in [start, end): satisfied / problem again / no reply."""
        counts = FollowupStore(self.db).results_between(start, end)
        return Satisfaction(counts.get("satisfied", 0), counts.get("problem_again", 0),
                            counts.get("no_reply", 0))

    # --- the monthly report and the tables' export --------------------------------------
    def monthly_report(self, year: int, month: int, lang: str = "zh") -> MonthlyReport:
        """The monthly complaint report's data (shop-time calendar month)."""
        from .analysis_report import monthly_report

        return monthly_report(self, year, month, lang)

    def write_monthly_report(self, year: int, month: int, path: str | Path, *,
                             lang: str = "zh") -> Path:
        """Write the monthly complaint report PDF to `path` (moved into place whole)."""
        from ..reports.monthly_pdf import write_monthly_pdf

        target = Path(path)
        if target.suffix.lower() != ".pdf":
            raise ShopDeskError(f"月报只能保存为 .pdf 文件：{target.name}",
                                f"the report is saved as a .pdf file, not {target.name}")
        write_monthly_pdf(self.monthly_report(year, month, lang), target, lang=lang)
        return target

    def export_table(self, result: Pareto, path: str | Path, lang: str = "zh") -> Path:
        """The Pareto table to .csv or .xlsx."""
        from .analysis_report import export_table

        return export_table(result, path, lang, tz=self.shop_tz)

    # --- improvement plans -------------------------------------------------------------
    def add_plan(self, *, dimension: str, category: str, root_cause: str, plan: str,
                 actor: str, sub_type: str = "", plan_long: str = "", difficulty: str = "",
                 owner: str = "", due_date: date | None = None, target_pct: int | None = None,
                 baseline: tuple[datetime, datetime] | None = None) -> Plan:
        """Record a plan for a category; its baseline is the given period (default: the
        last 30 days), and it is measured over the same length after that."""
        actor = require_actor(actor)
        dim = parse_dimension(dimension)
        errors = []
        category = category.strip()
        enum = _ENUM_OF.get(dim)
        if not category:
            errors.append(FieldError("category", "请填写类别", "The category is required"))
        elif enum is not None:
            # A typo or a label would be measured forever as "基期 0 单": take the key or
            # either label, refuse anything else naming what it may be.
            try:
                category = enum.parse(category).value
            except ValueError:
                choices = "、".join(f"{m.value}（{m.zh}）" for m in enum)
                choices_en = ", ".join(f"{m.value} ({m.en})" for m in enum)
                errors.append(FieldError(
                    "category", f"未知的{dim.zh}：{category}（可选：{choices}）",
                    f"unknown {dim.en.lower()}: {category} (one of: {choices_en})"))
        if not root_cause.strip():
            errors.append(FieldError("cause", "请填写根本原因", "The root cause is required"))
        if not plan.strip():
            # Named as the form labels the field (短期措施 / Short-term action).
            errors.append(FieldError("plan", "请填写短期措施", "The short-term action is required"))
        if target_pct is not None and not 0 < target_pct <= 100:
            errors.append(FieldError("target", "目标降幅应在 1–100 之间",
                                     "The target must be between 1 and 100 (percent)"))
        if errors:
            raise ValidationError(errors)
        start, end = baseline or self.default_period()
        now = to_utc_iso(self.clock.now())
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO improvement_plans(dimension, category, sub_type, root_cause, plan, "
                "plan_long, difficulty, owner, due_date, target_pct, status, baseline_from, "
                "baseline_to, created_at, created_by, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)",
                [dim.value, category, sub_type.strip(), root_cause.strip(),
                 plan.strip(), plan_long.strip(), difficulty.strip(), owner.strip(),
                 due_date.isoformat() if due_date else None, target_pct,
                 to_utc_iso(start), to_utc_iso(end), now, actor, now])
        return self.plan(int(cursor.lastrowid or 0))

    def update_plan(self, plan_id: int, actor: str, **changes: object) -> Plan:
        """Change a plan's status, owner, due date, target or texts."""
        require_actor(actor)
        allowed = {"status", "owner", "due_date", "target_pct", "plan", "plan_long",
                   "difficulty", "sub_type", "root_cause"}
        values = {k: v for k, v in changes.items() if k in allowed and v is not None}
        errors = []
        if "status" in values and values["status"] not in PLAN_STATUSES:
            errors.append(FieldError(
                "status", f"未知的状态（可选：{', '.join(PLAN_STATUSES)}）",
                f"unknown status (one of: {', '.join(PLAN_STATUSES)})"))
        for key, zh, en in (("root_cause", "根本原因不能为空", "The root cause is required"),
                            ("plan", "短期措施不能为空",
                             "The short-term action is required")):
            if key in values and not str(values[key]).strip():
                errors.append(FieldError("cause" if key == "root_cause" else key, zh, en))
        target = values.get("target_pct")
        if target is not None and not 0 < int(target) <= 100:  # type: ignore[call-overload]
            errors.append(FieldError("target", "目标降幅应在 1–100 之间",
                                     "The target must be between 1 and 100 (percent)"))
        if errors:
            raise ValidationError(errors)
        values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        if isinstance(values.get("due_date"), date):
            values["due_date"] = values["due_date"].isoformat()  # type: ignore[union-attr]
        self.plan(plan_id)
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            with self.db.atomic():
                self.db.execute(f"UPDATE improvement_plans SET {sets}, updated_at = ? "
                                "WHERE id = ?", [*values.values(),
                                                 to_utc_iso(self.clock.now()), plan_id])
        return self.plan(plan_id)

    def plan(self, plan_id: int) -> Plan:
        row = self.db.execute(f"SELECT {_PLAN_COLUMNS} FROM improvement_plans WHERE id = ?",
                              [plan_id]).fetchone()
        if row is None:
            raise ShopDeskError(f"没有编号为 {plan_id} 的改进计划", f"No plan with id {plan_id}")
        return self._plan(row)

    def plans(self) -> list[Plan]:
        return [self._plan(r) for r in self.db.execute(
            f"SELECT {_PLAN_COLUMNS} FROM improvement_plans ORDER BY id").fetchall()]

    def plan_alerts(self) -> PlanAlerts:
        """Plans due (today or earlier, shop time) and not done, and plans that missed
        their target (dropped ones are left alone)."""
        today = self.clock.now().astimezone(ZoneInfo(self.shop_tz)).date()
        live = [p for p in self.plans() if p.status != PlanStatus.DROPPED.value]
        due = tuple(p for p in live if p.due_date is not None and p.due_date <= today
                    and p.status in (PlanStatus.OPEN.value, PlanStatus.DOING.value))
        missed = tuple(p for p in live if p.result.met is False)
        return PlanAlerts(due, missed)

    def _plan(self, r) -> Plan:
        dim = Dimension(r[1])
        start, end = from_iso(r[12]), from_iso(r[13])
        assert start is not None and end is not None
        baseline = self._group_count(dim, r[2], start, end)
        measured = self._group_count(dim, r[2], end, end + (end - start))
        return Plan(id=r[0], dimension=dim, category=r[2], sub_type=r[3], root_cause=r[4],
                    plan=r[5], plan_long=r[6], difficulty=r[7], owner=r[8],
                    due_date=date.fromisoformat(r[9]) if r[9] else None, target_pct=r[10],
                    status=r[11], baseline_from=start, baseline_to=end,
                    result=PlanResult(baseline, measured, r[10],
                                      finished=self.clock.now() >= end + (end - start)))


_PLAN_COLUMNS = ("id, dimension, category, sub_type, root_cause, plan, plan_long, difficulty, "
                 "owner, due_date, target_pct, status, baseline_from, baseline_to")
