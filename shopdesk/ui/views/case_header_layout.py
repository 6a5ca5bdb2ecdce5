"""Where the case page's header puts its controls: the case number whole on the top line
with its status; the time left, the stage menu and the major-complaint button beside it
when they fit, else down on the kind line; what happens at zero on the kind line, or on a
line of its own below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .case_detail import CaseDetailView

# The stage text's indent on the kind line, and how much narrower than the header the line
# must be before the stage moves back up from a line of its own.
KIND_LINE_INDENT, HYSTERESIS_PX = 12, 8


def place_header_controls(view: CaseDetailView) -> None:
    """What fits on the top line beside the case number and its status: the time left
    and the stage menu when there is room (what happens at zero then reads whole on
    the kind line), else each moves down to the kind line; the number is never cut."""
    header, strip, button = view.header, view.deadline_strip, \
        view.deadline_strip.stage_button
    top, row = header.top, header.row
    spacing = max(top.spacing(), 0)
    _place_major_button(view, spacing)
    fixed = [w for w in (header.case_no, header.badge, header.trash_badge)
             if not w.isHidden()]
    if top.indexOf(view.major_button) >= 0 and not view.major_button.isHidden():
        fixed.append(view.major_button)
    room = header.width() - sum(w.sizeHint().width() + spacing for w in fixed) - 8
    strip_w = 0 if strip.isHidden() else strip.sizeHint().width() + spacing
    button_w = 0 if button.isHidden() else button.sizeHint().width() + spacing
    strip_up = strip_w <= room
    button_up = strip_up and strip_w + button_w <= room
    for widget, up in ((strip, strip_up), (button, button_up)):
        if (top.indexOf(widget) >= 0) == up:
            continue
        (row if up else top).removeWidget(widget)
    # Top line: number, status, time left, stage menu; kind line: kind, time left,
    # what happens at zero, stage menu, more details (each in that order).
    anchor = top.indexOf(header.trash_badge) + 1
    for widget, up in ((strip, strip_up), (button, button_up)):
        if up and top.indexOf(widget) < 0:
            top.insertWidget(anchor, widget)
        if up:
            anchor = top.indexOf(widget) + 1
    if not strip_up and row.indexOf(strip) < 0:
        row.insertWidget(row.indexOf(header.summary) + 1, strip)
    if not button_up and row.indexOf(button) < 0:
        row.insertWidget(row.indexOf(view.facts.more_button), button)
    _place_timeout(view, strip_up, button_up)

def _place_major_button(view: CaseDetailView, spacing: int) -> None:
    """The major-complaint button beside the case number while the number, its status
    and the button fit the line; else at the end of the kind line: a long status
    ("Waiting for platform") and "Mark major?" cut the number at 1280 px."""
    header, button = view.header, view.major_button
    top, row = header.top, header.row
    core = sum(w.sizeHint().width() + spacing
               for w in (header.case_no, header.badge, header.trash_badge)
               if not w.isHidden())
    up = core + button.sizeHint().width() + spacing + 8 <= header.width()
    if (top.indexOf(button) >= 0) == up:
        return
    (row if up else top).removeWidget(button)
    if up:
        top.addWidget(button)
    else:
        row.insertWidget(row.indexOf(view.facts.more_button) + 1, button)

def _place_timeout(view: CaseDetailView, strip_up: bool, button_up: bool) -> None:
    """The stage and what happens at zero: on the kind line when the stage's name reads
    whole there, else on a line of its own below it (with a major complaint's owner
    beside the number, the time left and the stage menu come down and left "待卖…")."""
    header, strip = view.header, view.deadline_strip
    label, row = strip.timeout_label, header.row
    lines = header.layout()
    spacing = max(row.spacing(), 0)
    taken = [header.summary, view.facts.more_button]
    if row.indexOf(view.major_button) >= 0 and not view.major_button.isHidden():
        taken.append(view.major_button)
    taken += [w for w, up in ((strip, strip_up), (strip.stage_button, button_up))
              if not up and not w.isHidden()]
    used = sum(w.sizeHint().width() + spacing for w in taken)
    # The name, and room for the "…" that stands for the rest of the text, measured as
    # it would sit on the kind line (its 12 px indent and the row's spacing) wherever it
    # is now: measured with the own-line margins it fitted, moved up, no longer fitted,
    # moved down … (the header flickered at some widths).
    shown = strip.stage_name + (" · …" if label.text() != strip.stage_name else "")
    stage = label.fontMetrics().horizontalAdvance(shown) + KIND_LINE_INDENT + spacing
    on_own_line = lines.indexOf(label) >= 0
    # Back up only with some pixels to spare: a width on the boundary stays put.
    room = header.width() - (HYSTERESIS_PX if on_own_line else 0)
    own_line = not label.isHidden() and used + stage > room
    if own_line == on_own_line:
        return
    if own_line:
        row.removeWidget(label)
        lines.addWidget(label)
        label.setContentsMargins(0, 0, 0, 0)
        row.setStretch(row.indexOf(header.summary), 1)  # the summary takes the line
    else:
        lines.removeWidget(label)
        label.setContentsMargins(KIND_LINE_INDENT, 0, 0, 0)
        row.setStretch(row.indexOf(header.summary), 0)
        row.insertWidget(row.indexOf(header.summary) + 1
                         + (row.indexOf(strip) >= 0), label, 1)
