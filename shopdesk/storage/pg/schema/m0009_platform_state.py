"""0009 on PostgreSQL: mirrors storage/schema/m0009_platform_state.py (see that module)."""

SQL = """
        ALTER TABLE cases ADD COLUMN resolved_at TEXT;
        ALTER TABLE cases ADD COLUMN platform_status TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN intervention_status TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN platform_stage TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN platform_involved BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN applied_at TEXT;

        -- (SQLite's 0009 also moved old values out of `extra`: a team register is
        -- created empty, then filled from an up-to-date local register.)

        CREATE INDEX idx_live_platform_status ON cases(platform_status, status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_cases_resolved ON cases(resolved_at) WHERE resolved_at IS NOT NULL;
        CREATE INDEX idx_cases_stage ON cases(platform_stage, status)
            WHERE deleted_at IS NULL AND platform_stage != '';
        """
