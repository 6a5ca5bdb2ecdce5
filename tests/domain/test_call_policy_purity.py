"""The call policy is domain code: standard library only (architecture.md)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[2] / "shopdesk" / "domain"
FILES = [*sorted((DOMAIN / "call_policy").glob("*.py")), DOMAIN / "holidays.py",
         DOMAIN / "policy_presets.py"]


def absolute_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_imports_standard_library_only(path):
    outside = {name for name in absolute_imports(path)
               if name not in sys.stdlib_module_names and name != "__future__"}
    assert outside == set()


def test_the_files_exist():
    assert len(FILES) >= 5 and all(p.is_file() for p in FILES)
