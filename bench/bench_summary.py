"""Issue 6 benchmark: dispute summaries as PDF.

Builds (once) a register of 100 cases with ~20 timeline events each (notes, status changes,
two calls, promises kept and broken, three phone photos and a waybill), then prints medians
for: one case's summary, the 100-case batch (cover + contents, two layout passes), and the
batch split into gathering (database) and rendering (reportlab + thumbnails).

Photos are 4000x3000 JPEGs (~5 MB, what a phone takes) drawn from a pool of
`--photos` distinct files, so a batch decodes that many (a photo shared by cases is
decoded once per batch). Never asserts on time.

    .venv/bin/python -m bench.bench_summary [--cases 100] [--runs 5] [--photos 24]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from bench.dataset import BENCH_NOW

SUMMARY_HOME = Path("/tmp/shopdesk-bench-summary")


def _photo(path: Path, seed: int) -> None:
    from PIL import Image

    size = (4000, 3000)
    base = Image.radial_gradient("L").resize(size)
    noise = Image.effect_noise(size, 20 + seed % 10)
    ramp = Image.linear_gradient("L").resize(size).rotate(seed * 15)
    Image.merge("RGB", (base, noise, ramp)).save(path, quality=88)


def summary_home(cases: int, photos: int) -> Path:
    """A register with `cases` printable cases (built on first use)."""
    home = SUMMARY_HOME / f"cases-{cases}-photos-{photos}"
    marker = home / ".complete"
    if marker.exists():
        return home
    from shopdesk.domain.call_policy import CallOutcome
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.clock import FixedClock
    from shopdesk.domain.enums import CaseKind, CaseStatus, Cause, Platform
    from shopdesk.domain.evidence import EvidenceCategory
    from shopdesk.domain.promises import PromiseKind
    from shopdesk.domain.workflow import Transition
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    t = time.perf_counter()
    for p in home.glob("shopdesk.sqlite3*"):
        p.unlink()
    pool = home / "photos"
    pool.mkdir(parents=True, exist_ok=True)
    files = []
    for n in range(photos):
        path = pool / f"IMG_{n:04d}.jpg"
        if not path.exists():
            _photo(path, n)
        files.append(path)
    first_day = BENCH_NOW - timedelta(days=cases + 10)  # 10:00 in Shanghai, a case a day
    clock = FixedClock(first_day)
    register = open_register(DataPaths(home), clock, daily_backup=False)
    register.staff.add("小王", actor="小王")
    categories = (EvidenceCategory.ITEM_PHOTO, EvidenceCategory.PACKAGE_PHOTO,
                  EvidenceCategory.CHAT_RECORD)
    for n in range(cases):
        clock.set(first_day + timedelta(days=n))
        case = register.cases.open_case(CaseDraft(
            platform=Platform.TAOBAO, order_no=f"37{n:011d}", kind=CaseKind.RETURN_REFUND,
            shop="某某小店", buyer_nick=f"买家{n:03d}", buyer_name="张三丰",
            buyer_phone=f"138{n:08d}", buyer_address="浙江省杭州市西湖区文三路100号",
            item_title="蓝牙耳机 Pro 降噪版", amount_paid=Decimal("299.00"),
            amount_claimed=Decimal("299.00"),
            cause=Cause.TRANSIT_DAMAGE, description="买家称外包装破损，耳机盒压坏，左耳无声。"),
            "小王")
        register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
        for k in range(8):
            clock.advance(minutes=20)
            register.cases.add_note(case.id, f"第{k + 1}次跟进：已与买家沟通，" * (1 + k % 3),
                                    "小王")
        for k in range(2):
            clock.advance(hours=3)
            register.calls.log_call(case.id, (CallOutcome.NO_ANSWER, CallOutcome.CONNECTED)[k],
                                    "小王", duration=95 * k or None, summary="确认退货方式",
                                    override_reason="买家约定此时回电")
        kept = register.promises.make(case.id, PromiseKind.REFUND,
                                      clock.now() + timedelta(days=1), "小王", "收到退货后退款")
        broken = register.promises.make(case.id, PromiseKind.CALL_BACK,
                                        clock.now() + timedelta(hours=2), "小王", "告知检测结果")
        for k in range(3):
            register.evidence.add_file(case.id, files[(3 * n + k) % len(files)], "小王",
                                       caption=f"照片{k + 1}", category=categories[k])
        register.evidence.add_waybill(case.id, "顺丰速运", f"SF{n:013d}", "小王")
        clock.advance(hours=3)
        register.promises.break_promise(broken.id, "小王", "仓库未及时反馈")
        register.promises.keep(kept.id, "小王")
    register.close()
    marker.write_text("ok")
    print(f"built {cases} cases with photos in {time.perf_counter() - t:.1f} s at {home}")
    return home


def measure(home: Path, runs: int) -> dict[str, list[float]]:
    from pypdf import PdfReader

    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.reports.fonts import cjk_font
    from shopdesk.reports.summary_pdf import render_summaries
    from shopdesk.services.register import open_register

    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    service = register.summary
    ids = [r[0] for r in register.db.execute("SELECT id FROM cases ORDER BY id").fetchall()]
    events = register.db.execute("SELECT count(*) FROM case_events").fetchone()[0]
    font = cjk_font()  # registered once per process, as in the app
    out = Path(tempfile.mkdtemp(prefix="shopdesk-bench-summary-"))
    results: dict[str, list[float]] = {}
    facts: dict[str, str] = {"events per case": f"{events / len(ids):.0f}",
                             "font": f"{font.source} (embedded: {font.embedded})"}

    def timed(label: str, call: Callable[[], object]) -> None:
        for _ in range(runs):
            start = time.perf_counter()
            call()
            results.setdefault(label, []).append(time.perf_counter() - start)

    # The first photo decode warms Pillow's plug-ins; not part of what a user waits for.
    service.write_pdf(ids[:1], out / "warm.pdf", actor="小王", font=font)
    timed("1 case: write_pdf", lambda: service.write_pdf(
        ids[:1], out / "one.pdf", actor="小王", font=font))
    timed(f"{len(ids)} cases: write_pdf", lambda: service.write_pdf(
        ids, out / "batch.pdf", actor="小王", font=font))
    gathered: list = []
    timed(f"{len(ids)} cases: gather only",
          lambda: gathered.append([service.gather(i, actor="小王") for i in ids]))
    timed(f"{len(ids)} cases: render only",
          lambda: render_summaries(gathered[-1], out / "render.pdf", font=font))
    for name in ("one.pdf", "batch.pdf"):
        path = out / name
        facts[name] = (f"{len(PdfReader(str(path)).pages)} pages, "
                       f"{path.stat().st_size / 1024:.0f} KB")
    register.close()
    results_facts.update(facts)
    return results


results_facts: dict[str, str] = {}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=100)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--photos", type=int, default=24)
    args = p.parse_args(argv)
    home = summary_home(args.cases, args.photos)
    print(f"register: {args.cases} cases, 3 photos + a waybill each "
          f"({args.photos} distinct 4000x3000 photos), {home}")
    results = measure(home, args.runs)
    for label, values in results.items():
        print(f"{label:32s} median {statistics.median(values):7.3f} s   "
              f"(of {len(values)}: {', '.join(f'{v:.2f}' for v in values)})")
    for label, value in results_facts.items():
        print(f"{label:32s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
