"""The monthly complaint report (投诉月报) as an A4 PDF: the Pareto chart and table by
cause, the causes behind most complaints with their products and money, the improvement
plans with what the register measured, the warnings raised and major complaints, and the
tables by province and by platform. Plain data in (MonthlyReport), a file out."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..domain.analysis import Pareto
from ..domain.analysis_report import MonthlyReport, compact_case_nos
from ..domain.clock import local
from ..domain.files import temp_beside
from ..domain.money import format_yuan
from ..domain.text import is_english, pick
from .fonts import PdfFont, cjk_font
from .layout import A4Document, en_page_label, para, styles, zh_page_label
from .layout import table as _table
from .long_rows import WholeRowsTable
from .pareto_chart import pareto_drawing


def write_monthly_pdf(report: MonthlyReport, out: str | Path | BinaryIO, *,
                      lang: str = "zh", font: PdfFont | None = None) -> int:
    """Write the report to `out` (a path, moved into place whole, or a binary stream);
    returns the page count."""
    font = font or cjk_font()
    buffer = io.BytesIO()
    title = _title(report, lang)
    doc = A4Document(buffer, title=title, author="ShopDesk", font=font,
                     footer_left=pick(lang, "店铺售后台 投诉月报", "ShopDesk complaint report"),
                     page_label=en_page_label if is_english(lang) else zh_page_label,
                     subject=title)
    doc.build_numbered(_Story(report, lang, font, doc.content_width).build())
    data = buffer.getvalue()
    if isinstance(out, str | Path):
        target = Path(out)
        partial = temp_beside(target)
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    else:
        out.write(data)
    return doc.page


def table(*args: Any, **kw: Any) -> Flowable:
    """The house table, never leaving one row alone at a page's foot or head."""
    return _table(*args, cls=WholeRowsTable, **kw)


def _title(report: MonthlyReport, lang: str) -> str:
    return pick(lang, f"投诉月报 {report.year}年{report.month}月",
                f"Complaint report {report.year}-{report.month:02d}")


def _pct(value: float) -> str:
    return f"{value:.1%}"


class _Story:
    def __init__(self, report: MonthlyReport, lang: str, font: PdfFont, width: float) -> None:
        self.r = report
        self.lang = lang
        self.font = font
        self.width = width
        self.st = styles(font)
        # A heading stays with what follows it (never alone at a page's foot).
        self.st["h2"] = ParagraphStyle("h2_kept", parent=self.st["h2"], keepWithNext=1)
        self.st["case_nos"] = ParagraphStyle("case_nos", parent=self.st["cell"], fontSize=7.5,
                                             leading=9.5)

    def t(self, zh: str, en: str) -> str:
        return pick(self.lang, zh, en)

    def build(self) -> list[Flowable]:
        story: list[Flowable] = [para(_title(self.r, self.lang), self.st["title"])]
        story += self._overview()
        story += self._pareto()
        story += self._top_causes()
        story += self._plans()
        story += self._warnings()
        story += self._slices()
        story += self._speed()
        return story

    def _h2(self, zh: str, en: str) -> list[Flowable]:
        return [CondPageBreak(60), para(self.t(zh, en), self.st["h2"])]

    def _overview(self) -> list[Flowable]:
        r = self.r
        last = local(r.end, r.tz).date() - timedelta(days=1)
        period = f"{local(r.start, r.tz).date()} – {last}"
        change = r.total - r.previous_total
        made = local(r.generated_at, r.tz).strftime("%Y-%m-%d %H:%M")
        comp = r.comparison
        vs = comp.text(self.lang) if comp is not None else ""
        lines = [
            self.t(f"统计期间：{period}（按售后单创建时间，店铺时间）；生成于 {made}",
                   f"Period: {period} (by creation time, shop time); made {made}"),
        ]
        if comp is not None and comp.in_progress:
            # A month not over must not pass for a whole one: its days so far are
            # compared with the same days of the month before, and the page says so.
            lines.append(self.t(
                f"本月尚未结束：统计到生成时为止，与上月同期对比（{vs}）。",
                f"The month is not over: counted up to when this report was made, and "
                f"compared with the same days of the month before ({vs})."))
            lines.append(self.t(
                f"本月至今售后 {r.total} 单，上月同期 {r.previous_total} 单（{change:+d}）；"
                f"退款/赔付合计 {format_yuan(r.amount)}",
                f"{r.total} cases so far this month, {r.previous_total} in the same days "
                f"of the month before ({change:+d}); refunded or compensated "
                f"{format_yuan(r.amount)}"))
        else:
            lines.append(self.t(
                f"本月售后 {r.total} 单，上月 {r.previous_total} 单（{change:+d}）；"
                f"退款/赔付合计 {format_yuan(r.amount)}",
                f"{r.total} cases this month, {r.previous_total} the month before "
                f"({change:+d}); refunded or compensated {format_yuan(r.amount)}"))
        groups = "；".join(f"{row.label} {row.count} 单（{_pct(row.share)}）"
                          for row in r.by_cause_group.rows) if not is_english(self.lang) \
            else "; ".join(f"{row.label} {row.count} ({_pct(row.share)})"
                           for row in r.by_cause_group.rows)
        if groups:
            lines.append(self.t(f"按原因大类：{groups}", f"By cause group: {groups}"))
        return [para(line, self.st["body"]) for line in lines] + [Spacer(1, 4)]

    def _pareto(self) -> list[Flowable]:
        out = self._h2("一、投诉原因帕累托分析", "1. Pareto analysis of causes")
        if not self.r.by_cause.rows:
            return [*out, para(self.t("本月没有售后单。", "No cases this month."),
                               self.st["body"])]
        out.append(pareto_drawing(self.r.by_cause, width=self.width, height=230,
                                  font=self.font.name, lang=self.lang))
        out.append(Spacer(1, 4))
        out.append(self._pareto_table(self.r.by_cause))
        vital = self.r.by_cause.vital_few()
        out.append(Spacer(1, 3))
        out.append(para(self.t(
            f"红色柱为“关键少数”：前 {len(vital)} 个原因占 {_pct(vital[-1].cumulative)} 的售后。",
            f"Red bars are the vital few: the first {len(vital)} causes make "
            f"{_pct(vital[-1].cumulative)} of the cases."), self.st["small"]))
        comp = self.r.by_cause.comparison
        if comp is not None:
            vs = comp.text(self.lang)
            out.append(para(self.t(f"“较上期”：{vs}。", f"Change: {vs}."), self.st["small"]))
        return out

    def _pareto_table(self, result: Pareto) -> Flowable:
        head = [result.by.label(self.lang), self.t("单数", "Count"), self.t("占比", "Share"),
                self.t("累计", "Cumulative"), self.t("退款/赔付", "Amount"),
                self.t("平均解决(时)", "Avg. hours"), self.t("较上期", "Change")]
        rows = [head] + [[r.label, r.count, _pct(r.share), _pct(r.cumulative),
                          format_yuan(r.amount),
                          f"{r.avg_resolve_hours:.1f}" if r.avg_resolve_hours is not None
                          else "", f"{r.change:+d}"] for r in result.rows]
        w = self.width
        return table(rows, [w * 0.30, w * 0.09, w * 0.10, w * 0.10, w * 0.17, w * 0.13,
                            w * 0.11], style=self.st["cell"], header_style=self.st["cell_bold"],
                     zebra=True)

    def _top_causes(self) -> list[Flowable]:
        out = self._h2("二、主要原因（关键少数）", "2. The causes behind most complaints")
        if not self.r.top_causes:
            return [*out, para(self.t("无。", "None."), self.st["body"])]
        rows = [[self.t("原因", "Cause"), self.t("单数", "Count"), self.t("占比", "Share"),
                 self.t("退款/赔付", "Amount"), self.t("涉及最多的商品", "Products hit most")]]
        for c in self.r.top_causes:
            products = self.t("、", ", ").join(f"{name}（{n}）" if not is_english(self.lang)
                                               else f"{name} ({n})" for name, n in c.products)
            rows.append([c.label, c.count, _pct(c.share), format_yuan(c.amount), products])
        w = self.width
        out.append(table(rows, [w * 0.2, w * 0.09, w * 0.1, w * 0.15, w * 0.46],
                         style=self.st["cell"], header_style=self.st["cell_bold"]))
        return out

    def _plans(self) -> list[Flowable]:
        out = self._h2("三、改进计划与实测结果（表一）", "3. Improvement plans and results")
        if not self.r.plans:
            return [*out, para(self.t("还没有改进计划。在“投诉分析”窗口为主要原因制定计划。",
                                      "No improvement plans yet."), self.st["body"])]
        rows = [[self.t("类别", "Category"), self.t("根本原因", "Root cause"),
                 self.t("改进措施", "Plan"), self.t("负责人/截止", "Owner / due"),
                 self.t("目标", "Target"), self.t("状态", "Status"),
                 self.t("实测结果", "Measured")]]
        for p in self.r.plans:
            category = f"{p.category}\n{self.t('子类：', 'Subtype: ')}{p.sub_type}" \
                if p.sub_type else p.category
            plan = f"{p.plan}\n{self.t('长期：', 'Long term: ')}{p.plan_long}" \
                if p.plan_long else p.plan
            result = para(p.result, self.st["alert"] if p.met is False else self.st["cell"])
            rows.append([category, p.root_cause, plan, f"{p.owner}\n{p.due}".strip(),
                         p.target, p.status, result])
        w = self.width
        out.append(table(rows, [w * 0.13, w * 0.17, w * 0.24, w * 0.12, w * 0.07, w * 0.08,
                                w * 0.19], style=self.st["cell"],
                         header_style=self.st["cell_bold"]))
        return out

    def _warnings(self) -> list[Flowable]:
        out = self._h2("四、预警与重大投诉", "4. Warnings and major complaints")
        if self.r.warnings_by_rule:
            counts = self.t("；", "; ").join(f"{rule} {n}" for rule, n in self.r.warnings_by_rule)
            out.append(para(self.t(f"本月案件的预警：{counts}",
                                   f"Warnings on this month's cases: {counts}"),
                            self.st["body"]))
        else:
            out.append(para(self.t("本月的案件没有预警。", "No warnings on this month's cases."),
                            self.st["body"]))
        out += self._marked_major()
        if self.r.major or self.r.major_groups:
            out.append(para(self.r.major_note, self.st["small"]))
            out.append(Spacer(1, 3))
            out.append(self._major_table())
        return out

    def _major_table(self) -> Flowable:
        """Major-type warnings: a group complaint once per product and cause, with its
        case count and every case number; the other rules case by case."""
        rows: list[list[object]] = [[
            self.t("预警", "Warning"), self.t("商品 / 原因", "Product / cause"),
            self.t("案件数", "Cases"), self.t("案件编号", "Case numbers"),
            self.t("触发时间", "Raised"), self.t("已确认", "Acknowledged")]]
        tz = self.r.tz
        for g in self.r.major_groups:
            first, last = local(g.first_raised, tz), local(g.last_raised, tz)
            when = first.strftime("%m-%d %H:%M") if first == last \
                else f"{first:%m-%d} – {last:%m-%d}"
            n = len(g.case_nos)
            if not g.acknowledged:
                acked = self.t("未确认", "not yet")
            elif g.acknowledged == n:
                acked = self.t("全部", "all")
            else:
                acked = self.t(f"{g.acknowledged}/{n} 个", f"{g.acknowledged} of {n}")
            rows.append([g.rule, f"{g.product}{self.t('，', ', ')}{g.cause}", n,
                         para(compact_case_nos(g.case_nos), self.st["case_nos"]), when,
                         acked])
        for m in self.r.major:
            rows.append([m.rule, m.reason, 1, m.case_no,
                         local(m.raised_at, tz).strftime("%m-%d %H:%M"),
                         m.acknowledged_by or self.t("未确认", "not yet")])
        w = self.width
        return table(rows, [w * 0.13, w * 0.23, w * 0.07, w * 0.32, w * 0.11, w * 0.14],
                     style=self.st["cell"], header_style=self.st["cell_bold"])

    def _marked_major(self) -> list[Flowable]:
        """The cases marked 重大投诉 (opened or marked this month), with their owners."""
        if not self.r.marked_major:
            return [para(self.t("本月没有标记为重大投诉的案件。",
                                "No case was marked a major complaint this month."),
                         self.st["body"])]
        rows = [[self.t("案件编号", "Case no."), self.t("负责人", "Owner"),
                 self.t("状态", "Status"), self.t("原因", "Cause")]]
        rows += [[m.case_no, m.owner, m.status, m.cause] for m in self.r.marked_major]
        w = self.width
        n = len(self.r.marked_major)
        return [para(self.t(f"标记为重大投诉的案件（{n} 个，本月新建或本月标记）：",
                            f"Cases marked a major complaint ({n}, opened or marked this "
                            "month):"), self.st["body"]),
                Spacer(1, 3),
                table(rows, [w * 0.3, w * 0.2, w * 0.2, w * 0.3], style=self.st["cell"],
                      header_style=self.st["cell_bold"]),
                Spacer(1, 3)]

    def _slices(self) -> list[Flowable]:
        out: list[Flowable] = []
        for result, zh, en in ((self.r.by_province, "五、按省份", "5. By province"),
                               (self.r.by_platform, "六、按平台", "6. By platform")):
            block = self._h2(zh, en)
            if result.rows:
                block.append(self._pareto_table(result))
            else:
                block.append(para(self.t("无数据。", "No data."), self.st["body"]))
            out.append(KeepTogether(block) if len(result.rows) < 12 else block[0])
            if len(result.rows) >= 12:
                out += block[1:]
        return out

    def _speed(self) -> list[Flowable]:
        """七、退款时效与回访: median / 90th-percentile hours from request to refund per
        platform, and the month's follow-up results."""
        block = self._h2("七、退款时效与回访", "7. Refund speed and follow-ups")
        overall = self.r.refund_speed_overall
        if overall is None or not overall.count:
            block.append(para(self.t("本月没有已退款的案件。", "No refunds this month."),
                              self.st["body"]))
        else:
            rows = [[self.t("平台", "Platform"), self.t("退款单数", "Refunds"),
                     self.t("中位时长(时)", "Median (h)"), self.t("90%在(时)内", "90% within (h)")]]
            for r in (*self.r.refund_speed, overall):
                rows.append([r.label, str(r.count), _hours(r.median_hours),
                             _hours(r.p90_hours)])
            w = self.width
            block.append(table(rows, [w * 0.4, w * 0.2, w * 0.2, w * 0.2],
                               style=self.st["cell"], header_style=self.st["cell_bold"]))
        block.append(Spacer(1, 3))
        sat = self.r.satisfaction
        if sat is not None and sat.total:
            parts = [(self.t("满意", "satisfied"), sat.satisfied),
                     (self.t("问题再现", "problem again"), sat.problem_again),
                     (self.t("未回复", "no reply"), sat.no_reply)]
            text = self.t("，", ", ").join(f"{name} {n}（{_pct(sat.share(n) or 0)}）"
                                          if not self.lang.startswith("en")
                                          else f"{name} {n} ({_pct(sat.share(n) or 0)})"
                                          for name, n in parts)
            block.append(para(self.t(f"本月回访 {sat.total} 次：{text}",
                                     f"Follow-ups this month ({sat.total}): {text}"),
                              self.st["body"]))
        else:
            block.append(para(self.t("本月没有回访记录。", "No follow-up results this month."),
                              self.st["body"]))
        return [KeepTogether(block)]


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
