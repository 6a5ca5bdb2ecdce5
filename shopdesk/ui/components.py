"""Panels and dialogs built by other parts of the UI, looked up when first needed.

The case form and the detail panel are separate modules; while the detail panel is not
installed a read-only stand-in is used, and the case form reports itself unavailable.
"""

from __future__ import annotations

import importlib
from typing import Any

DETAIL_MODULE = f"{__package__}.views.case_detail"
FORM_MODULE = f"{__package__}.dialogs.case_form"


def _optional(module: str, name: str) -> Any | None:
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:  # the module exists but something it imports is missing
            raise
        return None
    return getattr(found, name)


def detail_view_class() -> type:
    """CaseDetailView(register, operator_provider, parent) or the read-only stand-in."""
    found = _optional(DETAIL_MODULE, "CaseDetailView")
    if found is None:
        from .views.detail_placeholder import PlaceholderDetailView

        return PlaceholderDetailView
    return found


def case_form_class() -> type | None:
    """CaseFormDialog(register, operator, parent, case_id=None), if installed."""
    return _optional(FORM_MODULE, "CaseFormDialog")
