"""The hand-off sheet as a one- or two-page A4 PDF (Chinese text, phones already masked).

Plain data in (a HandoffSheet and its Shift), a file out. Two pages at most: the document
is laid out with generous list lengths first and, while it runs past two pages, again
with shorter lists. Every list that is cut says so ("另有 N 个…"), and the cut keeps the
most urgent items (the sheet is already in urgency / time order).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.files import temp_beside
from ..domain.handoff import HandoffSheet, PromiseLine, Shift, TouchedCase
from ..domain.handoff_labels import (
    ack_text,
    agreed_text,
    heading,
    imports_shown,
    join,
    label,
    next_call_text,
    off_shift_by_text,
    off_shift_heading,
    paren,
    period_text,
    promise_sections,
    promise_state_text,
    shift_start_text,
    shown,
    summary_text,
    when_text,
)
from ..domain.text import is_english
from .fonts import PdfFont, cjk_font
from .layout import (
    ALERT,
    HEADER_FILL,
    A4Document,
    en_page_label,
    para,
    styles,
    table,
    zh_page_label,
)

MAX_PAGES = 2
NOTE_FILL = colors.HexColor("#FFF8E1")


@dataclass(frozen=True)
class Caps:
    """How many items each list shows at one level of shortening."""

    open: int
    promises: int
    touched: int
    changes: int
    calls: int
    next_calls: int
    note_chars: int
    imports: int


LEVELS = (
    Caps(open=18, promises=10, touched=10, changes=4, calls=10, next_calls=12, note_chars=1200,
         imports=6),
    Caps(open=14, promises=8, touched=8, changes=3, calls=8, next_calls=10, note_chars=800,
         imports=5),
    Caps(open=12, promises=6, touched=6, changes=3, calls=6, next_calls=8, note_chars=600,
         imports=4),
    Caps(open=10, promises=5, touched=5, changes=2, calls=5, next_calls=6, note_chars=400,
         imports=3),
    Caps(open=8, promises=4, touched=4, changes=2, calls=4, next_calls=5, note_chars=300,
         imports=2),
    Caps(open=5, promises=3, touched=3, changes=1, calls=3, next_calls=3, note_chars=150,
         imports=2),
)


def write_handoff_pdf(sheet: HandoffSheet, out: str | Path | BinaryIO, *, lang: str = "zh",
                      shift: Shift | None = None, font: PdfFont | None = None) -> int:
    """Write the sheet to `out` (a path or a binary stream); returns the page count."""
    font = font or cjk_font()
    data, pages = b"", 0
    for caps in LEVELS:
        data, pages = _render(sheet, caps, lang, shift, font)
        if pages <= MAX_PAGES:
            break
    if isinstance(out, str | Path):
        target = Path(out)
        partial = temp_beside(target)  # readable by the user only, moved into place whole
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    else:
        out.write(data)
    return pages


def _render(sheet: HandoffSheet, caps: Caps, lang: str, shift: Shift | None,
            font: PdfFont) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    title = f"{label('title', lang)} {sheet.staff} {shown(sheet.period_end, sheet.tz)}"
    doc = A4Document(buffer, title=title, author=sheet.staff, font=font,
                     footer_left=label("footer", lang),
                     page_label=en_page_label if is_english(lang) else zh_page_label,
                     subject=label("title", lang))
    story = _Story(sheet, caps, lang, shift, font, doc.content_width).build()
    doc.build_numbered(story)
    return buffer.getvalue(), doc.page


class _Story:
    """The flowables of one rendering at one level of shortening."""

    def __init__(self, sheet: HandoffSheet, caps: Caps, lang: str, shift: Shift | None,
                 font: PdfFont, width: float) -> None:
        self.s = sheet
        self.caps = caps
        self.lang = lang
        self.shift = shift
        self.st = styles(font)
        # A section heading never ends a page on its own.
        self.st["h2"] = ParagraphStyle("h2_keep", parent=self.st["h2"], keepWithNext=1)
        self.st["sub"] = ParagraphStyle("sub", parent=self.st["cell_bold"], keepWithNext=1)
        self.st["sub_alert"] = ParagraphStyle("sub_alert", parent=self.st["alert"],
                                              keepWithNext=1)
        self.width = width
        self.tz = sheet.tz

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def build(self) -> list[Flowable]:
        story: list[Flowable] = [para(f"{self.t('title')}  {self.s.staff}", self.st["title"])]
        story += self._header()
        story += self._note()
        story += self._open_cases()
        story += self._promises()
        story += self._touched()
        story += self._off_shift()
        story += self._imports()
        story += self._calls()
        return story

    # --- header and note ----------------------------------------------------------
    def _header(self) -> list[Flowable]:
        s, t = self.s, self.t
        period = period_text(s, self.lang)
        who = s.staff + ("" if s.ended_by == s.staff
                         else f"  {t('ended_by')}: {s.ended_by}")
        rows = [
            [t("on_shift"), who, t("shift_start"), shift_start_text(s, self.lang)],
            [t("period"), period, "", ""],
            [t("next_shift"), t("next_shift_value", end=shown(s.next_shift_end, self.tz),
                                hours=f"{s.next_shift_hours:g}"),
             t("ack"), ack_text(self.shift, self.tz, self.lang) if self.shift else ""],
            [t("summary"), summary_text(s, self.lang), "", ""],
        ]
        label_w = 20 * mm
        value_w = (self.width - 2 * label_w) / 2
        grid = table(rows, [label_w, value_w, label_w, value_w], style=self.st["cell"],
                     header=False)
        grid.setStyle([("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 3), (3, 3)),
                       ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                       ("BACKGROUND", (2, 0), (2, 0), HEADER_FILL),
                       ("BACKGROUND", (2, 2), (2, 2), HEADER_FILL)])
        return [grid, Spacer(1, 2 * mm)]

    def _note(self) -> list[Flowable]:
        note = self.s.note or self.t("no_note")
        if len(note) > self.caps.note_chars:
            note = note[:self.caps.note_chars - 1] + "…"
        box = table([[note]], [self.width], style=self.st["body"], header=False)
        box.setStyle([("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL)])
        return [para(self.t("note"), self.st["h2"]), box]

    # --- sections -----------------------------------------------------------------
    def _more(self, hidden: int, key: str = "more_items") -> list[Flowable]:
        return [para(self.t(key, n=hidden), self.st["small"])] if hidden > 0 else []

    def _open_cases(self) -> list[Flowable]:
        s, t, st = self.s, self.t, self.st
        out: list[Flowable] = [para(heading(s, "sec_open", self.lang, n=s.open_total),
                                    st["h2"])]
        if not s.open_total:
            return [*out, para(t("none"), st["body"])]
        rows: list[Sequence[object]] = [[t("col_rank"), t("col_case"), t("col_status"),
                                         t("col_reason")]]
        shown_cases = s.open_cases[:self.caps.open]
        for r in shown_cases:
            c = r.case
            amount = f"¥{c.amount}" if c.amount else ""
            case_cell = "\n".join(x for x in (join(c.case_no, amount), join(c.buyer, c.phone),
                                              c.item) if x)
            alert = r.tier in ("major_complaint", "promise_overdue", "deadline_passed")
            reasons = _lines([x.get(self.lang) for x in r.reasons], st["cell"],
                             first_color=ALERT if alert else None)
            rows.append([str(r.rank), case_cell, c.status_label.get(self.lang), reasons])
        widths = [8 * mm, 50 * mm, 18 * mm, self.width - 76 * mm]
        out.append(table(rows, widths, style=st["cell"], header_style=st["cell_bold"],
                         zebra=True))
        hidden = s.open_total - len(shown_cases)
        return out + self._more(hidden, "more_cases")

    def _promise_rows(self, items: Sequence[PromiseLine]) -> list[Sequence[object]]:
        rows: list[Sequence[object]] = []
        for p in items[:self.caps.promises]:
            state = promise_state_text(p, self.lang)
            rows.append([shown(p.due_at, self.tz), join(p.case_no, p.buyer),
                         join(p.what.get(self.lang), state), p.made_by])
        return rows

    def _promises(self) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [para(heading(self.s, "sec_promises", self.lang), st["h2"])]
        header = [self.t("col_when"), self.t("col_case"), self.t("col_what"), self.t("col_by")]
        widths = [22 * mm, 50 * mm, self.width - 92 * mm, 20 * mm]
        for key, items in promise_sections(self.s):
            sub = para(self.t(key, n=len(items)),
                       st["sub_alert"] if key == "promises_overdue" and items else st["sub"])
            out.append(sub)
            if not items:
                continue
            out.append(table([header, *self._promise_rows(items)], widths, style=st["cell"],
                             header_style=st["cell_bold"]))
            out += self._more(len(items) - self.caps.promises)
            out.append(Spacer(1, 1 * mm))
        return out

    def _touched(self) -> list[Flowable]:
        s = self.s
        title = heading(s, "sec_touched", self.lang, n=s.touched_total)
        return self._case_changes([para(title, self.st["h2"])], s.touched, s.touched_total)

    def _off_shift(self) -> list[Flowable]:
        """The changes made before the shift was started, with nobody on shift."""
        s = self.s
        if not s.has_off_shift:
            return []
        out: list[Flowable] = [para(off_shift_heading(s, self.lang), self.st["h2"])]
        if s.off_shift_by:
            out.append(para(off_shift_by_text(s, self.lang), self.st["sub"]))
        return self._case_changes(out, s.off_shift, s.off_shift_total)

    def _case_changes(self, out: list[Flowable], items: Sequence[TouchedCase],
                      total: int) -> list[Flowable]:
        st = self.st
        if not total:
            return [*out, para(self.t("none"), st["body"])]
        rows: list[Sequence[object]] = [[self.t("col_case"), self.t("col_changes")]]
        for item in items[:self.caps.touched]:
            c = item.case
            lines = [f"{when_text(ch.at, self.s)} {ch.actor} {ch.text.get(self.lang)}"
                     for ch in item.changes[-self.caps.changes:]]
            hidden = item.more_changes + max(len(item.changes) - self.caps.changes, 0)
            if hidden:
                lines.append(self.t("more_changes", n=hidden))
            rows.append(["\n".join([c.case_no, join(c.buyer, c.status_label.get(self.lang))]),
                         "\n".join(lines)])
        out.append(table(rows, [50 * mm, self.width - 50 * mm], style=st["cell"],
                         header_style=st["cell_bold"], zebra=True))
        shown_n = min(len(items), self.caps.touched)
        return out + self._more(total - shown_n, "more_cases")

    def _imports(self) -> list[Flowable]:
        """The platform exports imported in the period (no section when none was)."""
        s, st, t = self.s, self.st, self.t
        if not s.imports:
            return []
        out: list[Flowable] = [para(heading(s, "sec_imports", self.lang, n=len(s.imports)),
                                    st["h2"])]
        rows: list[Sequence[object]] = [[t("col_when"), t("col_file"), t("col_what"),
                                         t("col_by")]]
        listed, remarks = imports_shown(s, self.caps.imports, self.lang)
        for x in listed:
            rows.append([when_text(x.at, s), join(x.file, paren(x.kind.get(self.lang),
                                                               self.lang)),
                         x.summary.get(self.lang), x.actor])
        if listed:
            out.append(table(rows, [22 * mm, 60 * mm, self.width - 102 * mm, 20 * mm],
                             style=st["cell"], header_style=st["cell_bold"]))
        return out + [para(r, st["small"]) for r in remarks]

    def _calls(self) -> list[Flowable]:
        s, st, t = self.s, self.st, self.t
        out: list[Flowable] = [para(heading(s, "sec_calls", self.lang, n=len(s.calls)),
                                    st["h2"])]
        if s.calls:
            rows: list[Sequence[object]] = [[t("col_when"), t("col_case"), t("col_outcome"),
                                             t("col_by")]]
            for call in s.calls[:self.caps.calls]:
                outcome = call.outcome.get(self.lang)
                if call.overridden:
                    outcome += paren(t("overridden"), self.lang)
                if call.off_shift:
                    outcome += paren(t("off_shift_call"), self.lang)
                rows.append([shown(call.at, self.tz), join(call.case_no, call.buyer, call.phone),
                             join(outcome, call.summary, agreed_text(call.agreed, self.lang)),
                             call.actor])
            out.append(table(rows, [22 * mm, 70 * mm, self.width - 112 * mm, 20 * mm],
                             style=st["cell"], header_style=st["cell_bold"]))
            out += self._more(len(s.calls) - self.caps.calls)
        else:
            out.append(para(t("none"), st["body"]))
        out.append(para(heading(s, "sec_next_calls", self.lang), st["h2"]))
        if not s.next_calls_total:
            return [*out, para(t("none"), st["body"])]
        rows = [[t("col_case"), t("col_next"), t("col_reason")]]
        for n in s.next_calls[:self.caps.next_calls]:
            rows.append([join(n.case_no, n.buyer, n.phone),
                         next_call_text(n.state, n.next_at, self.tz, self.lang),
                         n.why.get(self.lang)])
        out.append(table(rows, [70 * mm, 32 * mm, self.width - 102 * mm], style=st["cell"],
                         header_style=st["cell_bold"]))
        shown_n = min(len(s.next_calls), self.caps.next_calls)
        return out + self._more(s.next_calls_total - shown_n)


def _lines(lines: Sequence[str], style: ParagraphStyle, *,
           first_color: colors.Color | None = None) -> Paragraph:
    """Several lines in one cell; the first (the reason that chose the rank) stands out."""
    parts = [escape(x) for x in lines]
    if parts and first_color is not None:
        parts[0] = f'<font color="#{first_color.hexval()[2:]}">{parts[0]}</font>'
    return Paragraph("<br/>".join(parts), style)
