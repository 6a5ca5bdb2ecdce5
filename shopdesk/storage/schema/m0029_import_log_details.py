"""0029: the import history keeps what each import did beyond its four counts.

`import_log` had one row per applied import with new / updated / unchanged / skipped only,
and nothing showed it. The history (window and `shopdesk import-history`) also names the
export's kind and platform, its rows, the cases an order export filled, the rows that
matched a case in the trash, what the platform's state did (resolved, closed, finished
rows a first import left out, status moves kept as conflicts).

It also keeps the SHA-256 of the file's bytes, so a preview of a file imported before
(under any name) says when and by whom.

The new columns stay NULL on rows logged before, and on rows an older ShopDesk still logs
on a team register: their import did not record them, and the history shows them as
unknown rather than as zero. The kind and platform of such a row are known when its preset
is a shipped one (the preset names the export): filled here, and when read
(storage/import_profiles.py).
"""

from __future__ import annotations

from ..database import Database

# Counts added by this migration (NULL: logged before it).
COUNTS = ("total_rows", "filled", "in_trash", "resolved_by_platform", "closed_by_platform",
          "left_out", "conflicts")
# The shipped presets as of this migration: preset -> (record type, platform).
SHIPPED = {
    "taobao_refund": ("refund", "taobao"),
    "taobao_order": ("order", "taobao"),
    "jd_aftersale": ("refund", "jd"),
    "pinduoduo_aftersale": ("refund", "pinduoduo"),
    "douyin_aftersale": ("refund", "douyin"),
    "kuaishou_aftersale": ("refund", "kuaishou"),
}


def sql(integer: str) -> str:
    """The migration with `integer` as the counts' column type."""
    columns = [("record_type", "TEXT"), ("platform", "TEXT"), ("file_sha256", "TEXT"),
               *((name, integer) for name in COUNTS)]
    parts = [f"ALTER TABLE import_log ADD COLUMN {name} {kind};" for name, kind in columns]
    for preset, (record_type, platform) in SHIPPED.items():
        parts.append(f"UPDATE import_log SET record_type = '{record_type}', "
                     f"platform = '{platform}' WHERE preset = '{preset}';")
    return "\n".join(parts)


SQL = sql("INTEGER")


def migrate(db: Database) -> None:
    db.executescript(SQL)
