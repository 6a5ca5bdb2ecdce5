"""0030 on PostgreSQL: mirrors storage/schema/m0030_promises_cancelled.py (see that module).

PostgreSQL alters a CHECK in place: m0005 left the state check unnamed, so it carries the
default name promises_state_check; it is dropped and added again under that name.
"""

from ...schema.m0030_promises_cancelled import STATES

SQL = f"""
        ALTER TABLE promises DROP CONSTRAINT promises_state_check;
        ALTER TABLE promises ADD CONSTRAINT promises_state_check
            CHECK (state IN ({", ".join(f"'{s}'" for s in STATES)}));
        """
