"""The dispute summary on A4: one case per section, a contents page for a batch.

`render_summaries(summaries, out)` lays out the plain data gathered by
services/summary.py. Text is real text in the CJK font from fonts.py (searchable,
copyable); times are shown in the shop's zone; long notes split across pages inside their
table row, and table headers repeat on every page.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Spacer,
)

from ..domain.clock import from_iso
from ..domain.files import temp_beside
from ..domain.money import format_yuan
from ..domain.promises import PromiseState
from ..domain.summary_facts import claimed_amount
from ..domain.text import is_english, with_note
from ..domain.zone_names import zone_name
from .case_index import CaseAnchor, ContentsCanvas, contents_table
from .fonts import PdfFont, cjk_font
from .layout import (
    ALERT,
    GRID,
    A4Document,
    SectionMark,
    en_page_label,
    para,
    styles,
    table,
    zh_page_label,
)
from .long_rows import LongRowTable
from .summary_cells import (
    DASH,
    NAME_ROOM,
    heading,
    time_width,
    when,
)
from .summary_data import DisputeSummary, TimelineEntry
from .summary_evidence import evidence_section
from .summary_labels import Labels
from .summary_review import contact_rows, review_rows
from .summary_timeline import timeline_content
from .thumbnails import ThumbnailCache

OK_GREEN = colors.HexColor("#1E6B35")
LABEL_FILL = colors.HexColor("#F1F3F6")
FACTS_FILL = colors.HexColor("#FAFBFC")
# Five smaller pictures a row: a row needs less height, so the first one still fits at the
# foot of page 1 instead of leaving a quarter of it empty.


class PdfInUseError(PermissionError):
    """The PDF was laid out but the file at `path` could not be replaced: on Windows a PDF
    viewer that has it open locks it (or the file is read-only). Nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is open in another program (a PDF viewer?) or read-only: "
                         "close it there, or write to another file name")
        self.path = path


class SummaryDocument(A4Document):
    """A4Document on a canvas that fills in the contents' page numbers (one layout pass)."""

    def __init__(self, *args: Any, on_case: Callable[[], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        made = self._canvasmaker
        self._canvasmaker = functools.partial(ContentsCanvas, *made.args, **made.keywords)
        self._on_case = on_case

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._on_case is not None and isinstance(flowable, CaseAnchor):
            self._on_case()


def summary_styles(font: PdfFont, lang: str = "zh") -> dict[str, ParagraphStyle]:
    """The house styles plus the few this document needs. Our own English words (field
    labels, file states) wrap between words: CJK wrapping broke "nickna-me" mid-word. The
    cells holding the user's text keep CJK wrapping (Chinese has no spaces to break at)."""
    st = styles(font)
    st["meta"] = ParagraphStyle("meta", parent=st["small"], spaceAfter=1)
    st["facts"] = ParagraphStyle("facts", parent=st["body"], borderWidth=0.5,
                                 borderColor=GRID, borderPadding=(5, 6, 5, 6),
                                 backColor=FACTS_FILL, spaceBefore=4, spaceAfter=8,
                                 leftIndent=6, rightIndent=6)
    st["sub"] = ParagraphStyle("sub", parent=st["cell_bold"], fontSize=9.5, leading=13,
                               spaceBefore=6, spaceAfter=3)
    st["cell_alert"] = ParagraphStyle("cell_alert", parent=st["cell"], textColor=ALERT)
    st["cell_ok"] = ParagraphStyle("cell_ok", parent=st["cell"], textColor=OK_GREEN)
    words = None if is_english(lang) else "CJK"
    st["label"] = ParagraphStyle("label", parent=st["cell"], textColor=colors.HexColor("#3A4452"),
                                 wordWrap=words)
    st["state_ok"] = ParagraphStyle("state_ok", parent=st["cell_ok"], wordWrap=words)
    st["state_alert"] = ParagraphStyle("state_alert", parent=st["cell_alert"], wordWrap=words)
    st["thumb_caption"] = ParagraphStyle("thumb_caption", parent=st["small"], fontSize=7,
                                         leading=9, alignment=TA_CENTER)
    st["thumb_problem"] = ParagraphStyle("thumb_problem", parent=st["cell_alert"],
                                         alignment=TA_CENTER)
    return st


def render_summaries(summaries: Sequence[DisputeSummary], out: str | Path | BinaryIO, *,
                     lang: str = "zh", font: PdfFont | None = None,
                     thumbnails: ThumbnailCache | None = None,
                     progress: Callable[[int, int], None] | None = None) -> int:
    """Write the summaries of `summaries` (in order) as one PDF to `out`; returns pages.

    One summary prints as its case alone; several get a cover page with a table of
    contents (case no., buyer, kind, status, page) and each case starts a new page.
    `progress(done, total)` is called as cases are prepared and laid out. Pure: no
    database, safe on a worker thread.
    """
    if not summaries:
        raise ValueError("no cases to print")
    total = 2 * len(summaries)
    done = [0]

    def step() -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0], total)

    labels = Labels(lang)
    font = font or cjk_font()
    st = summary_styles(font, labels.lang)
    thumbs = thumbnails or ThumbnailCache()
    first = summaries[0]
    title = (f"{labels['doc_title']} {first.case.case_no}" if len(summaries) == 1
             else f"{labels['batch_title']} ({len(summaries)})")
    target = str(out) if isinstance(out, Path) else out
    doc = SummaryDocument(target, title=title, author=first.generated_by, font=font,
                          footer_left="", subject=labels["doc_title"],
                          page_label=en_page_label if is_english(labels.lang) else zh_page_label,
                          on_case=step)
    width = doc.content_width
    story: list[Flowable] = []
    if len(summaries) > 1:
        story += _cover(summaries, labels, st, width)
    for n, summary in enumerate(summaries):
        if n or len(summaries) > 1:
            story.append(PageBreak())
        story += case_story(summary, labels, st, width, thumbs)
        step()
    doc.build_numbered(story)
    return doc.page


def render_file(summaries: Sequence[DisputeSummary], path: str | Path, *, lang: str = "zh",
                font: PdfFont | None = None, thumbnails: ThumbnailCache | None = None,
                progress: Callable[[int, int], None] | None = None) -> int:
    """render_summaries to a file, written beside it and moved into place: a failure never
    leaves half a PDF (nor replaces a good one). Returns the number of pages."""
    target = Path(path)
    partial = temp_beside(target)  # unique and 0600: never a shared "<target>.part"
    try:
        pages = render_summaries(summaries, partial, lang=lang, font=font,
                                 thumbnails=thumbnails, progress=progress)
        try:
            os.replace(partial, target)
        except PermissionError as exc:  # Windows: a viewer holds the old file open
            raise PdfInUseError(target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return pages


# --- small formatting helpers --------------------------------------------------------
def _or_dash(value: object) -> str:
    text = "" if value is None else str(value).strip()
    return text or DASH


def _anchor_key(summary: DisputeSummary) -> str:
    return f"case-{summary.case.id}-{summary.case.case_no}"


# --- the cover page of a batch -------------------------------------------------------
def _cover(summaries: Sequence[DisputeSummary], labels: Labels, st: dict[str, ParagraphStyle],
           width: float) -> list[Flowable]:
    first = summaries[0]
    shops = sorted({s.shop_name for s in summaries if s.shop_name})
    story: list[Flowable] = [
        SectionMark(labels.fmt("footer", title=labels["batch_title"],
                               at=when(first.generated_at, first.tz),
                               by=first.generated_by)),
        para(labels["batch_title"], st["title"]),
        para(labels.fmt("batch_count", n=len(summaries))
             + (f"{labels['bar']}{labels['shop']}{labels['colon']}{'、'.join(shops)}"
                if shops else ""),
             st["meta"]),
        para(labels.fmt("generated", at=when(first.generated_at, first.tz),
                        tz=zone_name(first.tz, labels.lang), by=first.generated_by),
             st["meta"]),
        para(labels["full_note" if any(s.full_contact for s in summaries) else "masked_note"],
             st["meta"]),
        *([para(labels["platform_note"], st["meta"])]
          if any(s.for_platform for s in summaries) else []),
        Spacer(1, 4 * mm),
        *heading(labels["contents"], st),
    ]
    rows = []
    for n, s in enumerate(summaries, start=1):
        c = s.case
        rows.append((_anchor_key(s), [str(n), c.case_no, _or_dash(c.buyer_nick),
                                      c.kind.label(labels.lang), c.status.label(labels.lang)]))
    fixed = [12 * mm, 38 * mm, 0.0, 30 * mm, 24 * mm, 16 * mm]
    fixed[2] = width - sum(fixed)
    header = [labels["col_no"], labels["case_no"], labels["col_buyer"], labels["kind"],
              labels["status"], labels["col_page"]]
    story.append(contents_table(header, rows, fixed, style=st["cell"],
                                header_style=st["cell_bold"], link_column=1))
    return story


# --- one case ------------------------------------------------------------------------
def case_story(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
               width: float, thumbs: ThumbnailCache) -> list[Flowable]:
    """The flowables of one case's section (starting wherever the caller puts them)."""
    c = s.case
    lang = labels.lang
    story: list[Flowable] = [
        CaseAnchor(_anchor_key(s), f"{c.case_no} {c.buyer_nick}".strip()),
        # The footer names the document, when and by whom, and this case: the layout's own
        # left/section separator is "·", which the STSong-Light fallback cannot print.
        SectionMark(labels.fmt("footer", title=labels["doc_title"],
                               at=when(s.generated_at, s.tz), by=s.generated_by)
                    + f"{labels['bar']}{labels['case_no']} {c.case_no}"),
        para(f"{labels['doc_title']}　{c.case_no}", st["title"]),
    ]
    shop_line = labels["bar"].join(x for x in (
        f"{labels['shop']}{labels['colon']}{s.shop_name}" if s.shop_name else "",
        f"{labels['platform']}{labels['colon']}{c.platform.label(lang)}") if x)
    story.append(para(shop_line, st["meta"]))
    story.append(para(labels.fmt("generated", at=when(s.generated_at, s.tz),
                                 tz=zone_name(s.tz, labels.lang), by=s.generated_by),
                      st["meta"]))
    story.append(para(labels["full_note" if s.full_contact else "masked_note"], st["meta"]))
    if s.for_platform:
        story.append(para(labels["platform_note"], st["meta"]))
    if c.deleted_at is not None:
        story.append(para(labels["in_trash"], st["alert"]))

    story += heading(labels["sec_order"], st)
    story.append(_pairs([
        ("order_no", c.order_no, "refund_no", c.refund_no),
        ("buyer_nick", c.buyer_nick, "buyer_name", c.buyer_name),
        ("buyer_phone", c.buyer_phone, "buyer_address", c.buyer_address),
        ("item_title", c.item_title, None, None),
        ("sku", c.sku, "amount_paid", format_yuan(c.amount_paid)),
        # A bad review's "claim" copied from the amount paid is no claim (summary_facts).
        ("amount_claimed", format_yuan(claimed_amount(c)),
         "amount_settled", format_yuan(c.amount_settled)),
    ], labels, st, width))

    story += heading(labels["sec_dispute"], st)
    story.append(_pairs(_dispute_rows(s, lang), labels, st, width))

    story += _warnings(s, labels, st, width)

    story += heading(labels["sec_facts"], st)
    story.append(para(s.facts.strip() or labels["none"], st["facts"]))
    story += _review(s, labels, st, width)

    story += _timeline(s, labels, st, width)
    story += _promises(s, labels, st, width)
    evidence, pictures = evidence_section(s, labels, st, width, thumbs)
    story += evidence
    # Text before pictures: the checklist fills the rest of a page, the photo rows follow.
    story += _checklist(s, labels, st, width)
    story += pictures
    return story


def _dispute_rows(s: DisputeSummary, lang: str) -> list[tuple[str, object, str | None, object]]:
    """The dispute grid: kind and cause, status, when the buyer asked and the platform's
    state and evidence deadline (what a reviewer checks first; for an imported case), the
    shop's own dates."""
    c = s.case
    cause = with_note(c.cause.label(lang), c.cause.side.label(lang), lang) if c.cause else ""
    rows: list[tuple[str, object, str | None, object]] = [
        ("kind", c.kind.label(lang), *((None, None) if s.for_platform else ("cause", cause))),
        ("status", c.status.label(lang), "outcome", c.outcome.label(lang) if c.outcome else "")]
    platform = c.platform_summary(lang)
    evidence_due = from_iso(c.extra.get("platform_evidence_deadline"))
    if c.applied_at is not None or platform or evidence_due is not None:
        rows.append(("applied_at", when(c.applied_at, s.tz),
                     "evidence_due", when(evidence_due, s.tz)))
        if platform:
            rows.append(("platform_state", platform, None, None))
    rows += [("created_at", when(c.created_at, s.tz), "due_at", when(c.due_at, s.tz)),
             ("assignee", c.assignee, None, None)]
    return rows


def _review(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
            width: float) -> list[Flowable]:
    """A bad review's stars, text, 追评, public replies and contacts (other kinds: none)."""
    if s.review is None:
        return []
    out: list[Flowable] = [*heading(labels["sec_review"], st)]
    if not s.review.recorded:
        out.append(para(labels["review_none"], st["body"]))
    else:
        out.append(_pairs(review_rows(s.review, labels, s.tz), labels, st, width))
    out.append(para(labels["review_contacts"], st["sub"]))
    rows = contact_rows(s.review, labels, s.tz)
    if not rows:
        return [*out, para(labels["none"], st["body"])]
    fixed = [time_width(st), 17 * mm, 28 * mm]
    t = table([[labels["col_time"], labels["col_actor"], labels["col_channel"],
                labels["col_content"]], *rows], [*fixed, width - sum(fixed)],
              style=st["cell"], header_style=st["cell_bold"], cls=LongRowTable)
    t.splitInRow = 1
    return [*out, t]


def _warnings(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
              width: float) -> list[Flowable]:
    """The major-complaint mark and the early warnings (with who acknowledged them);
    nothing when the case has neither."""
    c = s.case
    if not c.major_owner and not s.warnings:
        return []
    out: list[Flowable] = [*heading(labels["sec_warnings"], st)]
    if c.major_owner:
        out.append(para(labels.fmt("major_line", owner=c.major_owner), st["alert"]))
    if not s.warnings:
        return out
    rows: list[list[object]] = [[labels["col_rule"], labels["col_content"],
                                 labels["col_raised"], labels["col_ack"]]]
    for w in s.warnings:
        if w.ack_at is not None:
            ack = labels.fmt("by", who=w.ack_by, at=when(w.ack_at, s.tz))
            ack_cell = para("\n".join(x for x in (ack, w.ack_note) if x), st["cell_ok"])
        else:
            ack_cell = para(labels["ack_open"], st["cell_alert"])
        reason = w.reason_en if labels.lang == "en" else w.reason_zh
        rows.append([para(w.rule.label(labels.lang), st["cell_alert"]), reason,
                     when(w.raised_at, s.tz), ack_cell])
    time_w = time_width(st)
    fixed = [28 * mm, time_w, max(34 * mm, time_w + NAME_ROOM)]
    t = table(rows, [fixed[0], width - sum(fixed), *fixed[1:]], style=st["cell"],
              header_style=st["cell_bold"], cls=LongRowTable)
    t.splitInRow = 1
    out.append(t)
    return out


def _pairs(rows: Sequence[tuple[str, object, str | None, object]], labels: Labels,
           st: dict[str, ParagraphStyle], width: float) -> Flowable:
    """A label/value grid, two pairs a row; a row with one pair spans the full width."""
    label_w = 22 * mm
    value_w = (width - 2 * label_w) / 2
    data: list[list[object]] = []
    spans: list[int] = []
    for n, (k1, v1, k2, v2) in enumerate(rows):
        if k2 is None:
            data.append([para(labels[k1], st["label"]), para(_or_dash(v1), st["cell"]), "", ""])
            spans.append(n)
        else:
            data.append([para(labels[k1], st["label"]), para(_or_dash(v1), st["cell"]),
                         para(labels[k2], st["label"]), para(_or_dash(v2), st["cell"])])
    t = table(data, [label_w, value_w, label_w, value_w], style=st["cell"], header=False)
    commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                                       ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL)]
    for n in spans:
        commands += [("SPAN", (1, n), (3, n)), ("BACKGROUND", (1, n), (3, n), colors.white)]
    t.setStyle(commands)
    return t


def _timeline(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
              width: float) -> list[Flowable]:
    counts = s.promise_counts()
    out: list[Flowable] = [
        *heading(labels["sec_timeline"], st),
        # Promises no longer needed are counted apart, and only when there are some.
        para(labels.fmt("timeline_summary_cancelled" if counts[PromiseState.CANCELLED]
                        else "timeline_summary", events=len(s.timeline), calls=len(s.calls),
                        connected=s.connected_calls, promises=len(s.promises),
                        kept=counts[PromiseState.KEPT], broken=counts[PromiseState.BROKEN],
                        cancelled=counts[PromiseState.CANCELLED],
                        open=counts[PromiseState.OPEN]), st["meta"]),
    ]
    if not s.timeline:
        return [*out, para(labels["none"], st["body"])]
    rows: list[list[object]] = [[labels["col_time"], labels["col_actor"], labels["col_type"],
                                 labels["col_content"]]]
    for entry in s.timeline:
        rows.append([when(entry.at, s.tz), entry.actor,
                     para(labels.event_type(entry.type), _type_style(entry, s, st)),
                     timeline_content(entry, labels, s.tz, s.generated_at)])
    fixed = [time_width(st), 17 * mm, 20 * mm]
    t = table(rows, [*fixed, width - sum(fixed)], style=st["cell"],
              header_style=st["cell_bold"], zebra=True, cls=LongRowTable)
    t.splitInRow = 1  # a note longer than a page continues on the next one (long rows only)
    out.append(t)
    return out


def _type_style(entry: TimelineEntry, s: DisputeSummary,
                st: dict[str, ParagraphStyle]) -> ParagraphStyle:
    if entry.type == "promise_broken":
        return st["cell_alert"]
    if entry.type == "promise_kept":
        return st["cell_ok"]
    if entry.type == "promise_made" and entry.promise is not None:
        p = entry.promise
        if p.state == PromiseState.BROKEN or p.is_overdue(s.generated_at):
            return st["cell_alert"]
    return st["cell"]


def _promises(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
              width: float) -> list[Flowable]:
    out: list[Flowable] = [*heading(labels["sec_promises"], st)]
    if not s.promises:
        return [*out, para(labels["none"], st["body"])]
    rows: list[list[object]] = [[labels["col_promise"], labels["col_made"], labels["col_due"],
                                 labels["col_state"]]]
    for p in s.promises:
        resolved = labels.fmt("by", who=p.resolved_by or "", at=when(p.resolved_at, s.tz))
        if p.state == PromiseState.KEPT:
            text = labels["state_kept_late" if p.was_late() else "state_kept"]
            state = para(f"{text}\n{resolved}", st["cell_ok"])
        elif p.state == PromiseState.BROKEN:
            reason = labels.fmt("reason", text=p.broken_reason or "")
            state = para(f"{labels['state_broken']}\n{resolved}\n{reason}", st["cell_alert"])
        elif p.state == PromiseState.CANCELLED:  # neither kept nor broken: plain
            reason = labels.fmt("reason", text=p.broken_reason or "")
            state = para(f"{labels['state_cancelled']}\n{resolved}\n{reason}", st["cell"])
        elif p.is_overdue(s.generated_at):
            state = para(labels["state_overdue"], st["cell_alert"])
        else:
            state = para(labels["state_open"], st["cell"])
        rows.append([p.describe(labels.lang),
                     labels.fmt("by", who=p.made_by, at=when(p.made_at, s.tz)),
                     when(p.due_at, s.tz), state])
    time_w = time_width(st)
    fixed = [max(34 * mm, time_w + NAME_ROOM), time_w, 40 * mm]
    t = table(rows, [width - sum(fixed), *fixed], style=st["cell"],
              header_style=st["cell_bold"], cls=LongRowTable)
    t.splitInRow = 1
    return [*out, t]


def _checklist(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
               width: float) -> list[Flowable]:
    if not s.checklist and not s.checklist_problem:
        return []
    out: list[Flowable] = [*heading(labels["sec_checklist"], st)]
    if s.checklist_problem:
        out.append(para(labels.fmt("checklist_problem", why=s.checklist_problem), st["alert"]))
    if s.checklist:
        rows: list[list[object]] = [[labels["col_required"], labels["col_hint"],
                                     labels["col_have"]]]
        for item in s.checklist:
            have = para(labels["have"], st["cell_ok"]) if item.satisfied \
                else para(labels["lacking"], st["cell_alert"])
            rows.append([item.category.label(labels.lang), item.note(labels.lang), have])
        fixed = [36 * mm, 20 * mm]
        out.append(table(rows, [fixed[0], width - sum(fixed), fixed[1]], style=st["cell"],
                         header_style=st["cell_bold"]))
    return out
