"""0002: orders from platform order exports, saved column mappings, and the import log."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per platform order, upserted by each order export. Looked up to fill
        -- a case's empty buyer / phone / address / item fields; never a case by itself.
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            order_no TEXT NOT NULL,
            buyer_nick TEXT NOT NULL DEFAULT '',
            buyer_name TEXT NOT NULL DEFAULT '',
            buyer_phone TEXT NOT NULL DEFAULT '',
            buyer_address TEXT NOT NULL DEFAULT '',
            item_title TEXT NOT NULL DEFAULT '',
            sku TEXT NOT NULL DEFAULT '',
            amount_paid_fen INTEGER CHECK (amount_paid_fen IS NULL OR amount_paid_fen >= 0),
            waybill TEXT NOT NULL DEFAULT '',
            courier TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            shop TEXT NOT NULL DEFAULT '',
            paid_at TEXT,
            created_at TEXT,
            imported_at TEXT NOT NULL,
            -- buyer message, order note, shipped/received times, the masked phone shown
            extra TEXT NOT NULL DEFAULT '{}',
            UNIQUE (platform, order_no)
        );

        -- Named column mappings for files no preset recognises (ColumnMapping.to_dict()).
        CREATE TABLE import_profiles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            mapping TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        -- One row per import that changed the register (dry runs are not logged).
        CREATE TABLE import_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            filename TEXT NOT NULL,
            preset TEXT,
            created INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_import_log_at ON import_log(at);
        """
    )
