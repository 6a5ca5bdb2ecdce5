"""Issue 13 table, the one-case dispute PDF with 3 phone photos (about 5 MB each).

- app: `SummaryService.write_pdf` as the CLI and the window use it (gather the case, lay
  out the page, record the printing), with the thumbnails made when the photos were added;
- limit: the same page laid out from the already gathered summary with the three
  thumbnails already in memory (no database, no thumbnail read);
- "decoded per print" is the way before thumbnails were kept: every print decodes the
  three originals (measured against the same limit, for the before/after table).
"""

from __future__ import annotations

import io
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.clock import BENCH_NOW
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.evidence import EvidenceCategory
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register

PHOTOS = 3


def _photo(path: Path, seed: int) -> None:
    """A 4000x3000 JPEG of a few MB (noise on a gradient: it does not compress away)."""
    from PIL import Image

    rng = random.Random(seed)
    small = Image.frombytes("RGB", (400, 300), rng.randbytes(400 * 300 * 3))
    img = small.resize((4000, 3000), Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=95)
    path.write_bytes(buffer.getvalue())


def _ms(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def pdf_rows(runs: int) -> list[dict]:
    from shopdesk.reports.fonts import cjk_font
    from shopdesk.reports.summary_pdf import render_file
    from shopdesk.reports.thumbnails import ThumbnailCache

    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-pdf-") as tmp:
        root = Path(tmp)
        register = open_register(DataPaths(root / "home"), FixedClock(BENCH_NOW),
                                 daily_backup=False)
        try:
            register.staff.add("小王", actor="小王")
            case = register.cases.open_case(CaseDraft(
                platform=Platform.TAOBAO, order_no="3712345678901", buyer_nick="小蜜蜂",
                kind=CaseKind.RETURN_REFUND, cause=Cause.ITEM_DEFECTIVE,
                item_title="无线蓝牙耳机", description="左耳没有声音"), "小王")
            sizes = []
            for n in range(PHOTOS):
                photo = root / f"photo{n}.jpg"
                _photo(photo, n)
                sizes.append(photo.stat().st_size)
                register.evidence.add_file(case.id, photo, "小王", caption=f"照片 {n + 1}",
                                           category=EvidenceCategory.ITEM_PHOTO)
            print(f"pdf: photos of {', '.join(f'{s / 1e6:.1f} MB' for s in sizes)}",
                  flush=True)
            cjk_font()  # the font is registered once per process either way
            service = register.summary
            summaries = service.prepare([case.id], actor="小王")
            warm = ThumbnailCache()
            for entry in summaries[0].evidence:
                warm.get(entry.path)
            app, old, limit = [], [], []
            register.summary.write_pdf([case.id], root / "warm.pdf", actor="小王")
            for n in range(runs):  # paired, interleaved
                app.append(_ms(lambda n=n: service.write_pdf(
                    [case.id], root / f"app{n}.pdf", actor="小王")))
                old.append(_ms(lambda n=n: service.write_pdf(
                    [case.id], root / f"old{n}.pdf", actor="小王",
                    thumbnails=ThumbnailCache())))
                limit.append(_ms(lambda n=n: render_file(summaries, root / f"lim{n}.pdf",
                                                         thumbnails=warm)))
        finally:
            register.close()
    out = []
    for label, times in (("one-case PDF, 3 photos", app),
                         ("one-case PDF, 3 photos decoded per print (before)", old)):
        a, b = statistics.median(times), statistics.median(limit)
        out.append({"measure": label, "size": 1, "app_ms": round(a, 2),
                    "limit_ms": round(b, 3), "ratio": round(a / b, 2)})
    return out
