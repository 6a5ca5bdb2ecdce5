"""Where a script in the library comes from (what the library screen and exports tell apart)."""

from __future__ import annotations

from enum import StrEnum


class ScriptOrigin(StrEnum):
    SHIPPED = "shipped"  # as shipped in resources/scripts
    EDITED = "edited"  # a shipped script the shop edited (can be reset)
    SHOP = "shop"  # the shop's own script (can be deleted)
