"""The dispute summary's evidence: the list (the number the window shows, the file's
state), files missing or unreadable apart, and the grid of photos at the end of a case."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ..domain.text import with_note
from .evidence_check import DECODED_PICTURES
from .layout import GRID, ShrinkToFit, para, table
from .long_rows import LongRowTable
from .summary_cells import DASH, NAME_ROOM, heading, state_width, time_width, when
from .summary_data import DisputeSummary, EvidenceEntry
from .summary_labels import Labels
from .thumbnails import Thumbnail, ThumbnailCache, ThumbProblem

THUMB_COLUMNS = 5
THUMB_BOX = 30 * mm


def _file_state(entry: EvidenceEntry, thumb: Thumbnail | ThumbProblem | None,
                labels: Labels, st: dict[str, ParagraphStyle]) -> Flowable:
    """The file column: a blank cell read as "missing?", so a file that is there says so."""
    if not entry.evidence.is_file:
        return para(DASH, st["cell"])  # a waybill has no file
    if not entry.present or thumb is ThumbProblem.MISSING:
        return para(labels["missing"], st["state_alert"])
    # A picture Pillow cannot decode (HEIC) is no "unreadable" file: it has no thumbnail.
    if entry.unreadable or (thumb is ThumbProblem.UNREADABLE
                            and (entry.evidence.mime or "") in DECODED_PICTURES):
        return para(labels["unreadable"], st["state_alert"])
    return para(labels["file_ok"], st["state_ok"])


def evidence_section(s: DisputeSummary, labels: Labels, st: dict[str, ParagraphStyle],
              width: float, thumbs: ThumbnailCache) -> tuple[list[Flowable], list[Flowable]]:
    """The evidence list, and the photo grid that goes at the end of the case. Files
    missing or unreadable are listed apart (they are not evidence provided), without a
    picture."""
    out: list[Flowable] = [*heading(labels["sec_evidence"], st)]
    usable = [e for e in s.evidence if e.usable]
    broken = [e for e in s.evidence if not e.usable]
    pictures: list[tuple[EvidenceEntry, Thumbnail | ThumbProblem]] = []
    if not usable:
        out.append(para(labels["none"], st["body"]))
    else:
        table_, pictures = _evidence_table(usable, s, labels, st, width, thumbs)
        out.append(table_)
    if broken:
        out += heading(labels["sec_evidence_broken"], st)
        out.append(para(labels["evidence_broken_note"], st["meta"]))
        out.append(_evidence_table(broken, s, labels, st, width, thumbs)[0])
    if not pictures:
        return out, []
    rows = _thumb_rows(pictures, labels, st, width)
    # The heading stays with the first row; every further row finds its own room.
    return out, [ShrinkToFit([para(labels["sec_thumbs"], st["h2"]), rows[0]]), *rows[1:]]


def _evidence_table(entries: Sequence[EvidenceEntry], s: DisputeSummary, labels: Labels,
                    st: dict[str, ParagraphStyle], width: float, thumbs: ThumbnailCache
                    ) -> tuple[Flowable, list[tuple[EvidenceEntry, Thumbnail | ThumbProblem]]]:
    """One evidence table, and the pictures among its rows that have a thumbnail."""
    lang = labels.lang
    rows: list[list[object]] = [[labels["col_no"], labels["col_category"], labels["col_item"],
                                 labels["col_caption"], labels["col_added"],
                                 labels["col_file_state"]]]
    pictures: list[tuple[EvidenceEntry, Thumbnail | ThumbProblem]] = []
    for entry in entries:
        ev = entry.evidence
        thumb: Thumbnail | ThumbProblem | None = None
        if ev.is_file and ev.is_image:
            thumb = (thumbs.get(entry.path, entry.evidence.sha256) if entry.present
                     else ThumbProblem.MISSING)
            if entry.usable and isinstance(thumb, Thumbnail):
                pictures.append((entry, thumb))
        if ev.is_file:
            size = _size(ev.size) if ev.size else ""
            name = with_note(ev.title(lang), size, lang)
        else:  # the number on a line of its own: CJK wrapping would split it mid-number
            name = "\n".join(x for x in (f"{labels['waybill']} {ev.carrier or ''}".strip(),
                                          ev.waybill_no or "") if x)
        rows.append([f"#{entry.number}", ev.category.label(lang), name, ev.caption,
                     labels.fmt("by", who=ev.added_by, at=when(ev.added_at, s.tz)),
                     _file_state(entry, thumb, labels, st)])
    fixed = [10 * mm, 24 * mm, 0.0, 0.0, time_width(st) + NAME_ROOM, state_width(labels, st)]
    free = width - sum(fixed)
    fixed[2], fixed[3] = free * 0.45, free * 0.55
    t = table(rows, fixed, style=st["cell"], header_style=st["cell_bold"], cls=LongRowTable)
    t.splitInRow = 1
    return t, pictures


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _thumb_rows(pictures: list[tuple[EvidenceEntry, Thumbnail | ThumbProblem]],
                labels: Labels, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """One table per row of pictures, so a page break falls between rows and a row fits
    wherever its own height is left."""
    from io import BytesIO

    from reportlab.platypus import Image

    cell_w = width / THUMB_COLUMNS
    cells: list[object] = []
    for entry, thumb in pictures:
        caption = f"#{entry.number} {entry.evidence.category.label(labels.lang)}"
        if entry.evidence.caption:
            caption += f"{labels['bar']}{entry.evidence.caption}"
        if isinstance(thumb, Thumbnail):
            scale = min(THUMB_BOX / thumb.width, THUMB_BOX / thumb.height)
            picture: Flowable = Image(BytesIO(thumb.data), width=thumb.width * scale,
                                      height=thumb.height * scale)
        else:
            why = labels["missing"] if thumb is ThumbProblem.MISSING else labels["unreadable"]
            picture = para(f"{why}\n{entry.evidence.title(labels.lang)}", st["thumb_problem"])
        cells.append([picture, para(caption, st["thumb_caption"])])
    while len(cells) % THUMB_COLUMNS:
        cells.append("")
    rows: list[Flowable] = []
    for i in range(0, len(cells), THUMB_COLUMNS):
        # reportlab's Table directly: a cell holding [picture, caption] stacks the two.
        t = Table([cells[i:i + THUMB_COLUMNS]], colWidths=[cell_w] * THUMB_COLUMNS)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        rows.append(t)
    return rows
