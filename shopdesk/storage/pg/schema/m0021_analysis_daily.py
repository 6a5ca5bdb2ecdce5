"""0021 on PostgreSQL: mirrors storage/schema/m0021_analysis_daily.py (see that module).

The same table and the same three triggers; their body is one PL/pgSQL function, and the
seconds to resolve are PostgreSQL's difference of the two times (rounded, as on SQLite).
"""

KEYS = (("cause", "coalesce({r}.cause, '')"), ("kind", "coalesce({r}.kind, '')"),
        ("platform", "coalesce({r}.platform, '')"),
        ("sku", "CASE WHEN coalesce({r}.sku, '') != '' THEN {r}.sku "
                "ELSE coalesce({r}.item_title, '') END"),
        ("province", "coalesce({r}.province, '')"),
        ("staff", "coalesce({r}.assignee, '')"), ("outcome", "coalesce({r}.outcome, '')"))
_DONE = "({r}.status IN ('resolved', 'closed') AND {r}.resolved_at IS NOT NULL)"
_SECONDS = ("CASE WHEN " + _DONE + " THEN round(extract(epoch FROM ({r}.resolved_at::timestamptz"
            " - {r}.created_at::timestamptz)))::bigint ELSE 0 END")
WATCHED = ("deleted_at", "created_at", "cause", "kind", "platform", "sku", "item_title",
           "province", "assignee", "outcome", "status", "amount_settled_fen", "resolved_at")


def _add(r: str, sign: str) -> str:
    values = ", ".join(f"('{dim}', {key.format(r=r)})" for dim, key in KEYS)
    return (
        "INSERT INTO analysis_daily AS a (dim, day, key, cases, amount_fen, resolve_seconds, "
        f"resolved) SELECT v.dim, substr({r}.created_at, 1, 10), v.key, {sign}1, "
        f"{sign}coalesce({r}.amount_settled_fen, 0), {sign}({_SECONDS.format(r=r)}), "
        f"{sign}(CASE WHEN {_DONE.format(r=r)} THEN 1 ELSE 0 END) "
        f"FROM (VALUES {values}) AS v(dim, key) "
        "ON CONFLICT (dim, day, key) DO UPDATE SET cases = a.cases + excluded.cases, "
        "amount_fen = a.amount_fen + excluded.amount_fen, "
        "resolve_seconds = a.resolve_seconds + excluded.resolve_seconds, "
        "resolved = a.resolved + excluded.resolved;")


def _changed() -> str:
    diffs = ["(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)",
             "OLD.created_at IS DISTINCT FROM NEW.created_at",
             "OLD.amount_settled_fen IS DISTINCT FROM NEW.amount_settled_fen",
             f"({_SECONDS.format(r='OLD')}) <> ({_SECONDS.format(r='NEW')})",
             f"{_DONE.format(r='OLD')} IS DISTINCT FROM {_DONE.format(r='NEW')}"]
    diffs += [f"({key.format(r='OLD')}) IS DISTINCT FROM ({key.format(r='NEW')})"
              for _dim, key in KEYS]
    return "(OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL) AND (" + " OR ".join(diffs) + ")"


def _backfill() -> str:
    return "\n".join(
        "INSERT INTO analysis_daily(dim, day, key, cases, amount_fen, resolve_seconds, "
        f"resolved) SELECT '{dim}', substr(c.created_at, 1, 10) AS d, {key.format(r='c')} "
        "AS k, count(*), sum(coalesce(c.amount_settled_fen, 0)), "
        f"sum({_SECONDS.format(r='c')}), sum(CASE WHEN {_DONE.format(r='c')} THEN 1 "
        "ELSE 0 END) FROM cases c WHERE c.deleted_at IS NULL GROUP BY 2, 3;"
        for dim, key in KEYS)


SQL = f"""
        CREATE TABLE analysis_daily (
            dim TEXT NOT NULL,
            day TEXT NOT NULL,
            key TEXT NOT NULL,
            cases BIGINT NOT NULL,
            amount_fen BIGINT NOT NULL,
            resolve_seconds BIGINT NOT NULL,
            resolved BIGINT NOT NULL,
            PRIMARY KEY (dim, day, key)
        );
        CREATE FUNCTION analysis_daily_track() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                IF OLD.deleted_at IS NULL THEN
                    {_add('OLD', '-')}
                END IF;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                IF NEW.deleted_at IS NULL THEN
                    {_add('NEW', '')}
                END IF;
            END IF;
            RETURN NULL;
        END
        $fn$;
        CREATE TRIGGER analysis_daily_insert AFTER INSERT ON cases FOR EACH ROW
            WHEN (NEW.deleted_at IS NULL) EXECUTE FUNCTION analysis_daily_track();
        CREATE TRIGGER analysis_daily_delete AFTER DELETE ON cases FOR EACH ROW
            WHEN (OLD.deleted_at IS NULL) EXECUTE FUNCTION analysis_daily_track();
        CREATE TRIGGER analysis_daily_update AFTER UPDATE OF {', '.join(WATCHED)} ON cases
            FOR EACH ROW WHEN ({_changed()}) EXECUTE FUNCTION analysis_daily_track();
        {_backfill()}
        """
