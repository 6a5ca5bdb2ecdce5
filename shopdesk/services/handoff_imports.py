"""The hand-off sheet's imports section: the platform exports imported in its period, as
the import history words them, so the next shift knows which exports are already in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ..domain.handoff import ImportLine
from ..domain.text import Text
from ..domain.text_masking import contact_masker
from ..storage.database import Database
from ..storage.import_profiles import ImportLogStore
from .import_history import kind_label, summary

# A file name is whatever the platform or the seller called it: mask a phone in it.
_mask = contact_masker()


def import_lines(db: Database, start: datetime, end: datetime,
                 covers: Callable[[datetime, str, int], bool]) -> tuple[ImportLine, ...]:
    """The imports logged from `start` to `end` that `covers(at, "import_log", id)` gives
    this sheet (the previous hand-off listed the others of its last second)."""
    return tuple(
        ImportLine(import_id=e.id, at=e.at, actor=e.actor, file=_mask(e.filename),
                   kind=Text(kind_label(e.record_type, e.platform, "zh"),
                             kind_label(e.record_type, e.platform, "en")),
                   summary=Text(summary(e, "zh", kind_shown=True),
                                summary(e, "en", kind_shown=True)),
                   changed=e.created + e.updated + (e.filled or 0) > 0)
        for e in ImportLogStore(db).between(start, end) if covers(e.at, "import_log", e.id))
