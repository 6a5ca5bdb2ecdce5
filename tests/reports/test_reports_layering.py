"""reports/ takes plain data: it imports shopdesk.domain and itself only, never Qt or SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import shopdesk.reports

FORBIDDEN = ("PySide6", "sqlite_utils", "sqlite3")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(relative level, module) of every import in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_reports_import_only_the_domain_and_themselves():
    folder = Path(shopdesk.reports.__file__).parent
    problems = []
    for path in sorted(folder.glob("*.py")):
        for level, module in _imports(path):
            if level == 0:
                top = module.split(".")[0]
                bad = top in FORBIDDEN or (top == "shopdesk" and not module.startswith(
                    ("shopdesk.domain", "shopdesk.reports")))
            else:
                bad = level > 2 or (level == 2 and not module.startswith("domain"))
            if bad:
                problems.append(f"{path.name}: {'.' * level}{module}")
    assert problems == []
