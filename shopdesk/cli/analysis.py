"""`shopdesk analysis pareto` and `shopdesk plans ...`: the Pareto table of complaints by a
dimension, and improvement plans with their measured results. No Qt imported."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import Any, TextIO

from ..domain.analysis import AnalysisFilter, Pareto, PlanStatus
from ..domain.clock import to_utc_iso
from ..domain.money import format_yuan
from ..domain.refund_speed import SpeedRow
from ..domain.text import pick, with_note
from ..services.analysis import PLAN_STATUSES, SPEED_BY, Plan, RefundSpeed, parse_dimension
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from .common import CliError, actor_name, cli_lang, emit_json, guarded

_OPTION_OF = {"by": "--by", "category": "--category", "cause": "--cause", "plan": "--plan",
              "target": "--target", "status": "--status", "actor": "--as",
              "platform": "--platform"}


def add_analysis_parsers(sub: argparse._SubParsersAction) -> None:
    analysis = sub.add_parser("analysis", help="complaint analysis (投诉分析)")
    asub = analysis.add_subparsers(dest="analysis_command", required=True)
    par = asub.add_parser("pareto", help="cases by a dimension, most first, with shares")
    par.add_argument("--by", required=True, metavar="DIMENSION",
                     help="cause, cause_group, kind, platform, sku, province, staff, outcome")
    par.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                     help="first day (shop time; default: 30 days ago)")
    par.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                     help="last day, included (default: today)")
    par.add_argument("--platform", default="", metavar="P",
                     help="only this platform's cases (key or label; default: all)")
    par.add_argument("--sku", default="", metavar="SKU",
                     help="only this product's cases: the SKU, or the item title of cases "
                          "without one, as --by sku lists them (default: all)")
    par.add_argument("--json", action="store_true")
    spd = asub.add_parser("refund-speed", help="hours from the buyer's request to the refund "
                          "(退款时效): median and 90th percentile")
    spd.add_argument("--by", default="platform", choices=SPEED_BY,
                     help="group per platform (default) or per staff member (assignee)")
    spd.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                     help="first day the refund was made (shop time; default: 30 days ago)")
    spd.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                     help="last day, included (default: today)")
    spd.add_argument("--json", action="store_true")
    par.add_argument("-o", "--output", metavar="FILE.csv|FILE.xlsx",
                     help="also write the table to a .csv or .xlsx file")

    report = sub.add_parser("report", help="the monthly complaint report (投诉月报)")
    rsub = report.add_subparsers(dest="report_command", required=True)
    monthly = rsub.add_parser("monthly", help="one month's complaint report as a PDF")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM")
    monthly.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    monthly.add_argument("--lang", choices=("zh", "en"), default=None,
                         help="the report's language (default: the register's)")

    plans = sub.add_parser("plans", help="root causes and improvement plans (表一)")
    psub = plans.add_subparsers(dest="plans_command", required=True)
    add = psub.add_parser("add", help="record a plan for a category")
    add.add_argument("--by", default="cause", metavar="DIMENSION",
                     help="the dimension the category belongs to (default: cause)")
    add.add_argument("--category", required=True, metavar="KEY")
    add.add_argument("--cause", required=True, metavar="TEXT", help="the root cause")
    add.add_argument("--plan", required=True, metavar="TEXT", help="the improvement plan")
    _plan_options(add)
    ls = psub.add_parser("list", help="plans with the measured result")
    ls.add_argument("--json", action="store_true")
    up = psub.add_parser("update", help="change a plan")
    up.add_argument("plan_id", type=int, metavar="ID")
    up.add_argument("--status", metavar="STATUS",
                    help=", ".join(PLAN_STATUSES) + " (or the status as listed: 'In progress')")
    up.add_argument("--plan", metavar="TEXT", help="the short-term action")
    up.add_argument("--cause", metavar="TEXT", help="the root cause")
    _plan_options(up)


def _plan_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--owner", metavar="NAME", help="person or department")
    p.add_argument("--due", metavar="YYYY-MM-DD")
    p.add_argument("--target", type=int, metavar="PCT", help="target reduction in percent")
    p.add_argument("--sub-type", metavar="TEXT")
    p.add_argument("--long-term", metavar="TEXT", help="the long-term plan")
    p.add_argument("--difficulty", metavar="TEXT")


def _day(text: str | None, option: str, lang: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(pick(lang, f"{option}: 不是日期（YYYY-MM-DD）：{text}",
                            f"{option}: not a date (YYYY-MM-DD): {text}")) from None


def pareto_json(result: Pareto, *, date_from: date, date_to: date) -> dict[str, Any]:
    comp = result.comparison
    return {"schema": SCHEMA_VERSION, "by": result.by.value, "from": date_from.isoformat(),
            "to": date_to.isoformat(), "total": result.total,
            "platform": result.filter.platform or None, "sku": result.filter.product or None,
            "previous_from": comp.previous_first.isoformat() if comp else None,
            "previous_to": comp.previous_last.isoformat() if comp else None,
            "rows": [{"key": r.key, "label": r.label, "count": r.count,
                      "share": round(r.share, 4), "cumulative": round(r.cumulative, 4),
                      "amount": str(r.amount), "previous": r.previous,
                      "avg_resolve_hours": (round(r.avg_resolve_hours, 1)
                                            if r.avg_resolve_hours is not None else None)}
                     for r in result.rows]}


def _period(register: Register, args: argparse.Namespace, lang: str) -> tuple[date, date]:
    """--from / --to as days (default: the last 30 days up to today, shop time)."""
    default_start, default_end = register.analysis.default_period()
    first = _day(args.date_from, "--from", lang) or default_start.date()
    last = _day(args.date_to, "--to", lang) or default_end.date() - timedelta(days=1)
    if last < first:
        raise CliError(pick(lang, "--to: 早于 --from", "--to: is before --from"))
    return first, last


def _hours(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def speed_json(result: RefundSpeed, *, date_from: date, date_to: date,
               satisfaction) -> dict[str, Any]:
    """`analysis refund-speed --json` (schema 1)."""
    def row(r: SpeedRow) -> dict[str, Any]:
        return {"key": r.key, "label": r.label, "count": r.count,
                "median_hours": _hours(r.median_hours), "p90_hours": _hours(r.p90_hours)}

    s = satisfaction
    return {"schema": SCHEMA_VERSION, "by": result.by, "from": date_from.isoformat(),
            "to": date_to.isoformat(),
            "definition": "hours from the platform's application time (else the case's "
                          "creation) to the resolution with a full or partial refund",
            "overall": row(result.overall), "rows": [row(r) for r in result.rows],
            "followups": {"total": s.total, "satisfied": s.satisfied,
                          "problem_again": s.problem_again, "no_reply": s.no_reply}}


def cmd_refund_speed(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    service = register.analysis
    first, last = _period(register, args, lang)
    start, end = service.day_start(first), service.day_start(last + timedelta(days=1))
    result = service.refund_speed(args.by, start, end, lang)
    satisfaction = service.satisfaction(start, end)
    if args.json:
        emit_json(out, speed_json(result, date_from=first, date_to=last,
                                  satisfaction=satisfaction))
        return 0

    def fmt(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}"

    out.write(f"{pick(lang, '退款时效（小时）', 'Refund speed (hours)')}  {first} – {last}\n")
    out.write(f"{'':<16} {pick(lang, '单数', 'count'):>6} {pick(lang, '中位数', 'median'):>8} "
              f"{'P90':>8}\n")
    for r in [*result.rows, result.overall]:
        out.write(f"{r.label:<16} {r.count:>6} {fmt(r.median_hours):>8} "
                  f"{fmt(r.p90_hours):>8}\n")
    s = satisfaction
    out.write(f"{pick(lang, '回访', 'Follow-ups')}: {s.total}  "
              f"{pick(lang, '满意', 'satisfied')} {s.satisfied}  "
              f"{pick(lang, '问题再次出现', 'problem again')} {s.problem_again}  "
              f"{pick(lang, '未回复', 'no reply')} {s.no_reply}\n")
    return 0


def cmd_analysis(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    if args.analysis_command == "refund-speed":
        return cmd_refund_speed(register, args, out)
    lang = cli_lang(register, args)
    by = parse_dimension(args.by)
    service = register.analysis
    first, last = _period(register, args, lang)
    only = AnalysisFilter(service.parse_platform(args.platform), args.sku.strip())
    result = service.pareto(by, service.day_start(first),
                            service.day_start(last + timedelta(days=1)), lang, filter=only)
    if args.output:
        try:
            written = service.export_table(result, args.output, lang)
        except OSError as exc:
            raise CliError(cannot_write(args.output, exc, lang)) from None
        if not args.json:
            # The file is the table: the terminal gets where it went, not the table again.
            out.write(pick(lang, f"已写入：{written}（{len(result.rows)} 行，共 {result.total} 单，"
                                 f"{first} 至 {last}）",
                           f"written: {written} ({len(result.rows)} rows, {result.total} "
                           f"cases, {first} to {last})") + "\n")
            return 0
    if args.json:
        emit_json(out, pareto_json(result, date_from=first, date_to=last))
        return 0
    out.write(f"{by.label(lang)}  {first} – {last}  "
              f"{pick(lang, '共', 'total')} {result.total}\n")
    if only:
        out.write(pick(lang, "筛选：", "filter: ") + service.filter_label(only, lang) + "\n")
    if result.comparison is not None:
        out.write(pick(lang, f"变化：{result.comparison.text(lang)}\n",
                       f"change: {result.comparison.text(lang)}\n"))
    for r in result.rows:
        out.write(f"{r.label:<16} {r.count:>6} {r.share:>7.1%} {r.cumulative:>7.1%} "
                  f"{format_yuan(r.amount):>12} {r.change:+d}\n")
    return 0


def _month(text: str, lang: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        if not 1 <= month <= 12 or not 2000 <= year <= 9999:
            raise ValueError(text)
    except ValueError:
        raise CliError(pick(lang, f"--month: 不是月份（YYYY-MM）：{text}",
                            f"--month: not a month (YYYY-MM): {text}")) from None
    return year, month


def cannot_write(path: str, exc: OSError, lang: str) -> str:
    """-o's refusal when the file cannot be written."""
    why = exc.strerror or exc
    return pick(lang, f"-o: 无法写入 {path}：{why}", f"-o: cannot write {path}: {why}")


def cmd_report(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = args.lang or cli_lang(register, args)
    year, month = _month(args.month, lang)
    if not args.output.lower().endswith(".pdf"):
        raise CliError(pick(lang, f"-o: 月报必须是 .pdf 文件：{args.output}",
                            f"-o: the report is a .pdf file: {args.output}"))
    try:
        written = register.analysis.write_monthly_report(year, month, args.output, lang=lang)
    except OSError as exc:
        raise CliError(cannot_write(args.output, exc, lang)) from None
    out.write(f"{pick(lang, '投诉月报已写入', 'complaint report written')}: {written}\n")
    # A report of a month not yet over (or not begun) is not wrong, but must not pass for
    # a finished one: say so where it was asked for.
    start, end = register.analysis.month(year, month)
    now = register.clock.now()
    if now < start:
        out.write(pick(lang, f"注意：{args.month} 还没开始，月报是空的\n",
                       f"note: {args.month} has not begun; the report is empty\n"))
    elif now < end:
        vs = register.analysis.comparison(start, end, "month").text(lang)
        out.write(pick(lang, f"注意：{args.month} 还没结束，月报只统计到现在，"
                             f"与上月同期对比（{vs}）\n",
                       f"note: {args.month} is not over; the report counts up to now and "
                       f"compares the same days of the month before ({vs})\n"))
    return 0


def plan_json(plan: Plan, lang: str) -> dict[str, Any]:
    zh, en = plan.result.text()
    return {"id": plan.id, "by": plan.dimension.value, "category": plan.category,
            "sub_type": plan.sub_type, "root_cause": plan.root_cause, "plan": plan.plan,
            "plan_long": plan.plan_long, "difficulty": plan.difficulty, "owner": plan.owner,
            "due": plan.due_date.isoformat() if plan.due_date else None,
            "target_pct": plan.target_pct, "status": plan.status,
            "baseline": {"from": to_utc_iso(plan.baseline_from),
                         "to": to_utc_iso(plan.baseline_to), "count": plan.result.baseline},
            "measured": {"from": to_utc_iso(plan.measure_from),
                         "to": to_utc_iso(plan.measure_to), "count": plan.result.measured},
            "reduction_pct": (round(plan.result.reduction_pct, 1)
                              if plan.result.reduction_pct is not None else None),
            "met": plan.result.met, "result": pick(lang, zh, en)}


def cmd_plans(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    service = register.analysis
    actor = actor_name(register, args.actor)
    if args.plans_command == "add":
        plan = service.add_plan(dimension=args.by, category=args.category,
                                root_cause=args.cause, plan=args.plan, actor=actor,
                                sub_type=args.sub_type or "", plan_long=args.long_term or "",
                                difficulty=args.difficulty or "", owner=args.owner or "",
                                due_date=_day(args.due, "--due", lang),
                                target_pct=args.target)
        label = service.label(plan.dimension, plan.category, lang)
        named = label if label == plan.category else with_note(label, plan.category, lang)
        out.write(pick(lang, f"已添加改进计划 #{plan.id}：{named}\n",
                       f"plan #{plan.id} added: {named}\n"))
        return 0
    if args.plans_command == "update":
        plan = service.update_plan(args.plan_id, actor, status=_status(args.status),
                                   plan=args.plan, root_cause=args.cause,
                                   owner=args.owner, due_date=_day(args.due, "--due", lang),
                                   target_pct=args.target, sub_type=args.sub_type,
                                   plan_long=args.long_term, difficulty=args.difficulty)
        out.write(pick(lang, f"已更新改进计划 #{plan.id}\n", f"plan #{plan.id} updated\n"))
        return 0
    plans = service.plans()
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "plans": [plan_json(p, lang) for p in plans]})
        return 0
    for p in plans:
        text = pick(lang, *p.result.text())
        label = service.label(p.dimension, p.category, lang)
        # The status in the window's words ("In progress"), not its key ("doing").
        out.write(f"#{p.id}  {label}  {p.plan}  [{PlanStatus(p.status).label(lang)}]  "
                  f"{text}\n")
    out.write(pick(lang, f"共 {len(plans)} 个改进计划\n", f"{len(plans)} plan(s)\n"))
    return 0


def _status(text: str | None) -> str | None:
    """--status as a key or as listed ("In progress", "进行中"); anything else goes to the
    service, which names the choices."""
    if text is None:
        return None
    try:
        return PlanStatus.parse(text).value
    except ValueError:
        return text


ANALYSIS_HANDLERS = {
    "analysis": guarded(cmd_analysis, option_of=_OPTION_OF),
    "plans": guarded(cmd_plans, option_of=_OPTION_OF),
    "report": guarded(cmd_report, option_of=_OPTION_OF),
}
