"""The hand-off sheet on screen (a read-only rich-text view), and its two exports: save as
PDF and copy as plain text. Used by the end-shift dialog, the history and the banner.

The sheet's own words come from domain.handoff_labels (the same as the PDF and the chat
text); window chrome goes through tr().
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTextBrowser, QWidget

from ...domain.handoff import HandoffSheet, Shift, TouchedCase
from ...domain.handoff_labels import (
    ack_text,
    agreed_text,
    heading,
    import_text,
    imports_shown,
    join,
    label,
    next_call_text,
    off_shift_by_text,
    off_shift_heading,
    paren,
    period_text,
    promise_sections,
    promise_text,
    shift_start_text,
    shown,
    summary_text,
    when_text,
)
from ...domain.text import colon, pick
from ...services.handoff_text import handoff_text
from ..save_location import remember_folder, suggested_path

# lupdate finds translate("Context", "text") calls by this name.
translate = QCoreApplication.translate

MAX_ROWS = 60  # the window shows more than the PDF, still not thousands
_CSS = ("h2 { color: #1F3A5F; margin: 10px 0 4px 0; font-size: 13pt; }"
        "table.list td { padding: 2px 6px; vertical-align: top; }"
        ".alert { color: #b3261e; } .muted { color: #5b6472; }"
        ".note { background: #fff8e1; padding: 6px; }")



def sheet_html(sheet: HandoffSheet, shift: Shift | None, lang: str) -> str:
    """The sheet as simple HTML for QTextBrowser."""
    tz = sheet.tz
    t = lambda key, **kw: escape(label(key, lang, **kw))  # noqa: E731
    sep = colon(lang)
    period = period_text(sheet, lang)
    head = [
        (t("on_shift"), escape(sheet.staff) + (
            f" &nbsp; {t('ended_by')}{sep}{escape(sheet.ended_by)}"
            if sheet.ended_by != sheet.staff else "")),
        (t("period"), escape(period)),
        (t("shift_start"), escape(shift_start_text(sheet, lang))),
        (t("next_shift"), t("next_shift_value", end=shown(sheet.next_shift_end, tz),
                            hours=f"{sheet.next_shift_hours:g}")),
    ]
    if shift is not None:
        head.append((t("ack"), escape(ack_text(shift, tz, lang))))
    head.append((t("summary"), escape(summary_text(sheet, lang))))
    out = [f"<style>{_CSS}</style>", "<table>"]
    out += [f"<tr><td class='muted'>{k}</td><td>{v}</td></tr>" for k, v in head]
    out.append("</table>")
    note = escape(sheet.note or label("no_note", lang)).replace("\n", "<br>")
    out.append(f"<h2>{t('note')}</h2><div class='note'>{note}</div>")

    h = lambda key, **kw: escape(heading(sheet, key, lang, **kw))  # noqa: E731
    out.append(f"<h2>{h('sec_open', n=sheet.open_total)}</h2><table class='list'>")
    for r in sheet.open_cases[:MAX_ROWS]:
        case = r.case
        reasons = [escape(x.get(lang)) for x in r.reasons]
        if r.tier in ("major_complaint", "promise_overdue", "deadline_passed") and reasons:
            reasons[0] = f"<span class='alert'>{reasons[0]}</span>"
        who = escape(join(case.case_no, case.buyer, case.phone,
                          case.status_label.get(lang)))
        out.append(f"<tr><td>{r.rank}.</td><td><b>{who}</b><br>"
                   f"<span class='muted'>{escape(case.item)}</span></td>"
                   f"<td>{'<br>'.join(reasons)}</td></tr>")
    out.append("</table>")
    out += _more(sheet.open_total - min(len(sheet.open_cases), MAX_ROWS), "more_cases", lang)

    out.append(f"<h2>{h('sec_promises')}</h2>")
    for key, items in promise_sections(sheet):
        cls = " class='alert'" if key == "promises_overdue" and items else ""
        out.append(f"<p{cls}><b>{t(key, n=len(items))}</b></p><ul>")
        out += [f"<li>{escape(promise_text(p, tz, lang))}</li>" for p in items[:MAX_ROWS]]
        out.append("</ul>")

    out.append(f"<h2>{h('sec_touched', n=sheet.touched_total)}</h2>")
    out += _touched(sheet, sheet.touched, sheet.touched_total, lang)
    if sheet.has_off_shift:
        out.append(f"<h2>{escape(off_shift_heading(sheet, lang))}</h2>")
        if sheet.off_shift_by:
            out.append(f"<p class='muted'>{escape(off_shift_by_text(sheet, lang))}</p>")
        out += _touched(sheet, sheet.off_shift, sheet.off_shift_total, lang)

    if sheet.imports:
        out.append(f"<h2>{h('sec_imports', n=len(sheet.imports))}</h2><ul>")
        listed, remarks = imports_shown(sheet, MAX_ROWS, lang)
        out += [f"<li>{escape(import_text(x, sheet, lang))}</li>" for x in listed]
        out.append("</ul>")
        out += [f"<p class='muted'>{escape(r)}</p>" for r in remarks]

    out.append(f"<h2>{h('sec_calls', n=len(sheet.calls))}</h2><ul>")
    for call in sheet.calls[:MAX_ROWS]:
        flag = paren(label("overridden", lang), lang) if call.overridden else ""
        if call.off_shift:
            flag += paren(label("off_shift_call", lang), lang)
        out.append("<li>" + escape(join(shown(call.at, tz), call.case_no, call.buyer,
                                        call.phone, call.outcome.get(lang) + flag,
                                        call.summary, agreed_text(call.agreed, lang),
                                        paren(call.actor, lang))) + "</li>")
    out.append("</ul>")
    out.append(f"<h2>{h('sec_next_calls')}</h2><ul>")
    for n in sheet.next_calls[:MAX_ROWS]:
        out.append("<li>" + escape(join(n.case_no, n.buyer, n.phone,
                                        next_call_text(n.state, n.next_at, tz, lang),
                                        paren(n.why.get(lang), lang))) + "</li>")
    out.append("</ul>")
    out += _more(sheet.next_calls_total - min(len(sheet.next_calls), MAX_ROWS), "more_items",
                 lang)
    return "".join(out)


def _touched(sheet: HandoffSheet, items: tuple[TouchedCase, ...], total: int,
             lang: str) -> list[str]:
    """Touched cases as table rows: the case, then each change (time, who, what)."""
    if not total:
        return [f"<p>{escape(label('none', lang))}</p>"]
    out = ["<table class='list'>"]
    for item in items[:MAX_ROWS]:
        case = item.case
        lines = [escape(f"{when_text(ch.at, sheet)} {ch.actor} {ch.text.get(lang)}")
                 for ch in item.changes]
        if item.more_changes:
            lines.append(escape(label("more_changes", lang, n=item.more_changes)))
        who = escape(join(case.case_no, case.buyer, case.status_label.get(lang)))
        out.append(f"<tr><td><b>{who}</b></td><td>{'<br>'.join(lines)}</td></tr>")
    out.append("</table>")
    return out + _more(total - min(len(items), MAX_ROWS), "more_cases", lang)


def _more(hidden: int, key: str, lang: str) -> list[str]:
    return [f"<p class='muted'>{escape(label(key, lang, n=hidden))}</p>"] if hidden > 0 else []


class HandoffView(QTextBrowser):
    """Shows one sheet; `show_sheet(None)` clears it."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.sheet: HandoffSheet | None = None
        self.shift: Shift | None = None
        self.setObjectName("handoff_view")
        self.setOpenLinks(False)

    def show_sheet(self, sheet: HandoffSheet | None, shift: Shift | None = None) -> None:
        self.sheet, self.shift = sheet, shift
        if sheet is None:
            self.clear()
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(sheet_html(sheet, shift, self.lang))
        bar.setValue(position)  # a live note edit must not jump to the top

    def plain_text(self) -> str:
        """What 'copy text' puts on the clipboard."""
        return handoff_text(self.sheet, self.lang, shift=self.shift) if self.sheet else ""


def copy_sheet_text(parent: QWidget, sheet: HandoffSheet, shift: Shift | None,
                    lang: str) -> str:
    """Put the chat version on the clipboard; returns it."""
    text = handoff_text(sheet, lang, shift=shift)
    QApplication.clipboard().setText(text)
    return text


def save_sheet_pdf(parent: QWidget, sheet: HandoffSheet, shift: Shift | None,
                   lang: str) -> Path | None:
    """Ask for a file name and write the PDF; returns the path (None: cancelled/failed)."""
    from ...reports.handoff_pdf import write_handoff_pdf  # reportlab loads on first use

    stamp = shown(sheet.period_end, sheet.tz, "%Y%m%d-%H%M")
    suggested = pick(lang, "交接班", "handoff") + f"-{sheet.staff}-{stamp}.pdf"
    title = translate("HandoffView", "Save hand-off as PDF")
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested_path(suggested),
                                                translate("HandoffView", "PDF (*.pdf)"))
    if not path:
        return None
    remember_folder(path)
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    try:
        with busy_cursor():
            write_handoff_pdf(sheet, Path(path), lang=lang, shift=shift)
    except OSError as exc:
        QMessageBox.warning(parent, title,
                            translate("HandoffView", "Could not write %1: %2").replace("%1", path)
                            .replace("%2", exc.strerror or str(exc)))
        return None
    return Path(path)


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while building a sheet or a PDF (under a second even on a register
    of 100,000 cases, but noticeable), restored however the work ends."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
