"""The monthly complaint report (PDF text read back with pypdf) and the analysis table's
CSV / .xlsx export, through the service and the command line."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

from pypdf import PdfReader

from shopdesk.cli import run
from shopdesk.domain.analysis import Dimension
from shopdesk.domain.analysis_report import compact_case_nos
from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.workflow import Transition
from shopdesk.reports.monthly_pdf import write_monthly_pdf


def add(register, at, cause, n=1, *, province="浙江省杭州市", platform="taobao",
        sku="CUP-1", refund=None, text=""):
    for _ in range(n):
        case = register.cases.open_case(draft_from_fields({
            "platform": platform, "order_no": "T100001", "kind": "refund_only",
            "cause": cause, "sku": sku, "buyer_address": province, "amount_paid": "100",
            "description": text}), "小王", at=at)
        if refund is not None:
            register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
            register.cases.change_status(case.id, Transition(
                CaseStatus.RESOLVED, outcome=Outcome.PARTIAL_REFUND,
                amount=Decimal(refund)), "小王")


def november(register, clock):
    start, end = register.analysis.month(2026, 11)
    at = start + timedelta(days=3)
    clock.set(at)
    add(register, at, "item_defective", 6, sku="CUP-LEAK", refund="40")
    add(register, at, "slow_delivery", 3, province="新疆乌鲁木齐市", platform="jd")
    add(register, at, "changed_mind", 1, province="广东省广州市", platform="pinduoduo")
    add(register, at, "item_defective", 1, sku="BED-2", text="孩子用的时候割伤了手，要去12315")
    add(register, start - timedelta(days=5), "item_defective", 2)  # October
    register.analysis.add_plan(dimension="cause", category="item_defective",
                               root_cause="杯盖密封圈批次不良", plan="更换供应商",
                               actor="小王", target_pct=30,
                               baseline=register.analysis.month(2026, 10))
    clock.set(end + timedelta(days=2))
    return start, end


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_monthly_report_has_its_headings_top_cause_numbers_and_plan(register, clock,
                                                                    tmp_path):
    november(register, clock)
    out = register.analysis.write_monthly_report(2026, 11, tmp_path / "m.pdf")
    text = re.sub(r"\s+", " ", text_of(out))
    for heading in ("投诉月报 2026年11月", "一、投诉原因帕累托分析", "二、主要原因",
                    "三、改进计划与实测结果", "四、预警与重大投诉", "五、按省份", "六、按平台"):
        assert heading in text
    assert "本月售后 11 单" in text
    assert "退款/赔付合计 ¥240.00" in text
    # The top cause, its count, share and money, and the product it hit most.
    assert re.search(r"宝贝有问题 7 63\.6% 63\.6% ¥240\.00", text)
    assert "CUP-LEAK（6）" in text
    # The plan measured: baseline October (2), November 7.
    assert "杯盖密封圈批次不良" in text and "未达标" in text
    # Warnings of major-type rules are listed (no major flag on this register yet).
    assert "人身安全" in text and "标记为准" in text.replace(" ", "")
    assert "尚无" not in text  # the register has a major-complaint mark (cases major)
    assert "新疆" in text and "京东" in text
    # 七: refund speed per platform (the 6 refunds of November, all on Taobao) and follow-ups.
    assert "七、退款时效与回访" in text and "退款单数" in text
    report = register.analysis.monthly_report(2026, 11)
    assert report.refund_speed_overall.count == 6
    assert [(r.key, r.count) for r in report.refund_speed] == [("taobao", 6)]
    assert "本月没有回访记录" in text.replace(" ", "")


def test_warnings_and_major_cases_belong_to_the_month_of_their_cases(register, clock,
                                                                    tmp_path):
    start, end = november(register, clock)  # the clock is now in December
    # A November case's warning raised in December (a late import, a re-judging) counts
    # in November's report with the cases the Pareto counts, not in December's.
    late = register.cases.open_case(draft_from_fields({
        "platform": "taobao", "order_no": "T100009", "kind": "complaint",
        "cause": "item_defective", "description": "再不处理我就去12315投诉"}), "小王",
        at=start + timedelta(days=10))
    register.staff.add("阿珍", actor="小王")
    register.major.mark(late.id, "阿珍", "小王", "扬言投诉")
    nov = register.analysis.monthly_report(2026, 11)
    dec = register.analysis.monthly_report(2026, 12)
    assert late.case_no in {m.case_no for m in nov.major}
    assert not dec.major and not dec.warnings_by_rule
    assert [(m.case_no, m.owner) for m in nov.marked_major] == [(late.case_no, "阿珍")]
    assert [(m.case_no, m.owner) for m in dec.marked_major] == [(late.case_no, "阿珍")]
    text = re.sub(r"\s+", "", text_of(register.analysis.write_monthly_report(
        2026, 12, tmp_path / "dec.pdf")))
    assert "本月的案件没有预警" in text and "下表列出" not in text  # no table: no "below"
    assert "标记为重大投诉的案件（1个" in text and late.case_no in text and "阿珍" in text


def test_report_data_by_province_and_platform(register, clock):
    november(register, clock)
    report = register.analysis.monthly_report(2026, 11)
    assert [(r.key, r.count) for r in report.by_province.rows] == [
        ("浙江", 7), ("新疆", 3), ("广东", 1)]
    top = report.by_platform.rows[0]
    assert (top.key, top.count) == ("taobao", 7)
    assert report.previous_total == 2
    assert report.top_causes[0].products[0] == ("CUP-LEAK", 6)
    rules = {m.rule for m in report.major}
    assert {"人身安全/健康", "扬言投诉/曝光"} <= rules
    # A group complaint is one line per product and cause (not one per case).
    assert [(g.rule, g.product, g.cause, len(g.case_nos)) for g in report.major_groups] == [
        ("群体投诉", "CUP-LEAK", "宝贝有问题", 4)]  # raised from the third buyer on


def test_english_report(register, clock, tmp_path):
    november(register, clock)
    out = register.analysis.write_monthly_report(2026, 11, tmp_path / "m.pdf", lang="en")
    text = text_of(out)
    assert "Complaint report 2026-11" in text and "1. Pareto analysis of causes" in text
    # Provinces by their English names (the stored key stays Chinese).
    assert "Zhejiang" in text and "Xinjiang" in text and "Guangdong" in text
    assert "浙江" not in text and "新疆" not in text


def test_table_export_csv_and_xlsx(register, clock, tmp_path):
    start, end = november(register, clock)
    result = register.analysis.pareto(Dimension.CAUSE, start, end)
    path = register.analysis.export_table(result, tmp_path / "t.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["原因", "单数", "占比", "累计占比"]
    assert "平均解决时长（小时）" in rows[0]  # the analysis window's name for it
    assert rows[1][:5] == ["宝贝有问题", "7", "0.6364", "0.6364", "240.00"]
    assert [r[0] for r in rows[1:4]] == ["宝贝有问题", "送货慢", "买完后悔"]
    # Below the table: its total and the period it covers (the header stays row 1).
    assert rows[4] == [] and rows[5][:2] == ["合计", "11"] and rows[5][4] == "240.00"
    assert rows[6] == ["统计期间：2026-11-01 至 2026-11-30（店铺时间，按案件新建日期）"]
    from openpyxl import load_workbook

    result = register.analysis.pareto(Dimension.CAUSE, start, end, "en")
    path = register.analysis.export_table(result, tmp_path / "t.xlsx", "en")
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]][:3] == ["Cause", "Count", "Share"]
    assert [c.value for c in sheet[2]][:5] == ["Item defective", 7, 0.6364, 0.6364, 240]
    assert sheet.cell(2, 3).number_format == "0.0%"
    assert [c.value for c in sheet[6]][:2] == ["Total", 11]
    assert sheet.cell(7, 1).value.startswith("Period: 2026-11-01 to 2026-11-30")


def cli(home, clock, *argv):
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, env={"SHOPDESK_HOME": str(home),
                                             "SHOPDESK_LANG": "zh"}, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_report_monthly_and_table_export(register, clock, tmp_path):
    november(register, clock)
    home = register.paths.root
    register.close()
    code, out, err = cli(home, clock, "report", "monthly", "--month", "2026-11", "-o",
                         str(tmp_path / "r.pdf"))
    assert code == 0, err
    assert "投诉月报已写入" in out and "宝贝有问题" in text_of(tmp_path / "r.pdf")
    assert "注意" not in out  # November is over (the clock is in December)
    code, out, _ = cli(home, clock, "report", "monthly", "--month", "2026-12", "-o",
                       str(tmp_path / "dec.pdf"))
    assert code == 0 and "注意：2026-12 还没结束" in out
    code, out, _ = cli(home, clock, "report", "monthly", "--month", "2027-05", "-o",
                       str(tmp_path / "may.pdf"))
    assert code == 0 and "注意：2027-05 还没开始" in out
    code, _, err = cli(home, clock, "report", "monthly", "--month", "2026-13", "-o",
                       str(tmp_path / "r.pdf"))
    assert code == 1 and "--month" in err
    code, _, err = cli(home, clock, "report", "monthly", "--month", "2026-11", "-o",
                       str(tmp_path / "r.txt"))
    assert code == 1 and "-o" in err
    code, _, err = cli(home, clock, "report", "monthly", "--month", "2026-11", "-o",
                       str(tmp_path / "missing" / "r.pdf"))
    assert code == 1 and "无法写入" in err
    code, out, err = cli(home, clock, "analysis", "pareto", "--by", "province", "--from",
                         "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "p.csv"))
    assert code == 0, err
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith(
        "浙江,7,")
    assert out == f"已写入：{tmp_path / 'p.csv'}（3 行，共 11 单，2026-11-01 至 2026-11-30）\n"


def test_the_month_before_is_the_calendar_month(register, clock, tmp_path):
    """November against all of October (1 October counts: it was left out when the
    comparison took the 30 days before 1 November), and the report says which days."""
    start, end = register.analysis.month(2026, 11)
    clock.set(end + timedelta(days=2))
    october, _ = register.analysis.month(2026, 10)
    add(register, october, "item_defective", 2)  # 1 October 00:00
    add(register, october + timedelta(days=20), "slow_delivery", 1)
    add(register, start + timedelta(days=3), "item_defective", 4)
    report = register.analysis.monthly_report(2026, 11, lang="en")
    assert report.previous_total == 3
    assert [(r.key, r.previous, r.change) for r in report.by_cause.rows] == [
        ("item_defective", 2, 2)]
    out = register.analysis.write_monthly_report(2026, 11, tmp_path / "m.pdf", lang="en")
    text = re.sub(r"\s+", " ", text_of(out))
    assert "4 cases this month, 3 the month before (+1)" in text
    assert "Change: 1–30 Nov vs 1–31 Oct." in text


def test_a_month_in_progress_is_compared_with_the_same_days(register, clock, tmp_path):
    """5 December: 1-5 December against 1-5 November, not the whole of November; the PDF
    and the command line say so."""
    start, end = register.analysis.month(2026, 12)
    clock.set(start + timedelta(days=4, hours=10))
    nov, _ = register.analysis.month(2026, 11)
    add(register, nov + timedelta(days=2), "item_defective", 2)  # 3 Nov: counted
    add(register, nov + timedelta(days=5), "item_defective", 7)  # 6 Nov: not
    add(register, start + timedelta(days=1), "item_defective", 3)
    report = register.analysis.monthly_report(2026, 12, lang="en")
    assert report.previous_total == 2
    assert report.by_cause.rows[0].change == 1
    out = register.analysis.write_monthly_report(2026, 12, tmp_path / "d.pdf", lang="en")
    text = re.sub(r"\s+", " ", text_of(out))
    assert "The month is not over" in text and "(1–5 Dec vs 1–5 Nov)" in text
    assert "3 cases so far this month, 2 in the same days of the month before (+1)" in text
    zh = re.sub(r"\s+", "", text_of(register.analysis.write_monthly_report(
        2026, 12, tmp_path / "z.pdf")))
    assert "本月至今售后3单，上月同期2单（+1）" in zh


def test_cli_report_of_a_running_month_names_the_days_compared(tmp_path, clock):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    clock.set(datetime(2026, 12, 5, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    out, err = io.StringIO(), io.StringIO()
    code = run(["report", "monthly", "--month", "2026-12", "-o", str(tmp_path / "d.pdf"),
                "--lang", "en"], clock=clock, env={"SHOPDESK_HOME": str(tmp_path / "h")},
               out=out, err=err)
    assert code == 0, err.getvalue()
    assert "compares the same days of the month before (1–5 Dec vs 1–5 Nov)" in out.getvalue()


def test_the_plans_table_names_the_subtype(register, clock, tmp_path):
    november(register, clock)
    plan = register.analysis.plans()[0]
    register.analysis.update_plan(plan.id, "小王", sub_type="lid seal ring")
    text = re.sub(r"\s+", " ", text_of(register.analysis.write_monthly_report(
        2026, 11, tmp_path / "m.pdf", lang="en")))
    assert "Subtype: lid seal ring" in text


def test_a_group_complaint_is_one_line_with_every_case_number(register, clock, tmp_path):
    """120 buyers complaining of one leaking cup made 120 near-identical rows (the owner's
    report ran to 16 pages, 13 of them this table): one line, its count, every number."""
    start, end = register.analysis.month(2026, 11)
    at = start + timedelta(days=3)
    clock.set(at)
    add(register, at, "item_defective", 120, sku="CUP-LEAK")
    clock.set(end + timedelta(days=2))
    report = register.analysis.monthly_report(2026, 11, lang="en")
    groups = [(g.product, g.cause, len(g.case_nos)) for g in report.major_groups]
    assert groups == [("CUP-LEAK", "Item defective", 120)]
    assert not [m for m in report.major if m.rule == "Group complaint"]
    out = tmp_path / "m.pdf"
    pages = write_monthly_pdf(report, out, lang="en")
    assert pages <= 4
    text = re.sub(r"\s+", "", text_of(out))
    # Complete: every case number is there (a number sharing its prefix as its tail).
    assert compact_case_nos(report.major_groups[0].case_nos).replace(" ", "") in text
    assert "CUP-LEAK,Itemdefective120" in text


def test_compact_case_numbers():
    assert compact_case_nos(["S-20261129-0024", "S-20261129-0022", "S-20261130-0031",
                             "OWN7"]) == "OWN7, S-20261129-0022, -0024, S-20261130-0031"


def test_section_two_lists_every_vital_few_cause(register, clock):
    """The chart marks the vital few red; section 2 showed only the first five of them."""
    start, end = register.analysis.month(2026, 11)
    at = start + timedelta(days=3)
    clock.set(at)
    causes = ["item_defective", "slow_delivery", "changed_mind", "missing_wrong_item",
              "parcel_lost", "late_shipment", "not_as_described", "transit_damage", "unclear"]
    for cause in causes:
        add(register, at, cause, 10)
    add(register, at, "courier_attitude", 1)
    clock.set(end + timedelta(days=2))
    report = register.analysis.monthly_report(2026, 11, lang="en")
    vital = report.by_cause.vital_few()
    assert len(vital) > 5
    assert [c.label for c in report.top_causes] == [r.label for r in vital]


def test_a_warning_withdrawn_while_its_case_went_on_is_not_reported(register, clock):
    """Resolving a case clears its warnings: those still count in its month. A warning
    withdrawn while the case was open (the words corrected, the rules changed: the new
    group rules cleared 508 of 938 group warnings) and never acted on was not so."""
    from shopdesk.domain.case import CaseDraft

    start, end = register.analysis.month(2026, 11)
    at = start + timedelta(days=3)
    clock.set(at)
    words = "孩子用的时候割伤了手"

    def safety_case(order):
        return register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": order, "kind": "complaint",
            "description": words}), "小王", at=at)

    settled, withdrawn, acted = (safety_case(o) for o in ("T900001", "T900002", "T900003"))
    register.cases.change_status(settled.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    register.cases.change_status(settled.id, Transition(
        CaseStatus.RESOLVED, outcome=Outcome.PARTIAL_REFUND, amount=Decimal("10")), "小王")
    register.warnings.acknowledge(acted.id, "小王", "已打电话安抚")
    for case in (withdrawn, acted):
        old = register.cases.get(case.id)
        draft = CaseDraft(platform=old.platform, order_no=old.order_no, kind=old.kind,
                          description="买家说包装有点旧")
        register.cases.update(case.id, draft, "小王")
    assert not register.warnings.live([withdrawn.id, acted.id])
    clock.set(end + timedelta(days=2))
    report = register.analysis.monthly_report(2026, 11)
    assert {m.case_no for m in report.major} == {settled.case_no, acted.case_no}
