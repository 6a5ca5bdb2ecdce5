"""0020 on PostgreSQL: mirrors storage/schema/m0020_analysis.py (see that module).

SQLite's 0020 fills `province` in Python (domain province_of). A team register's
migrations are SQL only, so the same rule is written out as one CASE built from the same
domain tables: the provinces first, in their order, then the big cities.
"""

from ....domain.analysis import province_prefixes


def _province_case() -> str:
    # The names are plain CJK words (no quote, no LIKE wildcard): safe inside literals.
    # btrim of the whitespace Python's str.strip() removes in an address.
    text = "btrim(buyer_address, E' \\t\\r\\n\\u3000')"
    arms = [f"WHEN starts_with({text}, '{prefix}') THEN '{province}'"
            for prefix, province in province_prefixes()]
    return "CASE " + " ".join(arms) + " ELSE '' END"


SQL = f"""
        ALTER TABLE cases ADD COLUMN province TEXT NOT NULL DEFAULT '';
        UPDATE cases SET province = {_province_case()} WHERE buyer_address != '';
        CREATE INDEX idx_live_analysis ON cases(created_at, cause, kind, platform, province,
            assignee, outcome, sku, status, amount_settled_fen, resolved_at)
            WHERE deleted_at IS NULL;
        """
