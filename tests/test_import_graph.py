"""The import graph drawn from shopdesk's files: no cycles between files, a plain-Python domain.

The layers are import-linter contracts in pyproject.toml (`lint-imports`, run by `make test`);
these are the two rules a contract cannot say. grimp (import-linter's graph builder) reads the
source: an import inside a function counts the same as one at the top of a module, while one
under `if TYPE_CHECKING:` does not, since it never runs.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable, Mapping

import grimp
import pytest

# Imports under `if TYPE_CHECKING:` never execute; counting them would also flag a module that
# only names another's type for the type checker.
EXCLUDE_TYPE_CHECKING = True


def import_graph(package: str, *, external: bool = False) -> grimp.ImportGraph:
    # cache_dir=None: grimp would otherwise leave a .grimp_cache folder in the checkout.
    return grimp.build_graph(package, include_external_packages=external,
                             exclude_type_checking_imports=EXCLUDE_TYPE_CHECKING,
                             cache_dir=None)


def module_imports(graph: grimp.ImportGraph, package: str) -> dict[str, set[str]]:
    """Each module of `package` -> the modules of `package` it imports directly."""
    inside = {m for m in graph.modules if m == package or m.startswith(package + ".")}
    return {m: graph.find_modules_directly_imported_by(m) & inside for m in sorted(inside)}


def cycles(edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges.get(target, ())))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found)


def test_no_import_cycles_between_shopdesk_files():
    found = cycles(module_imports(import_graph("shopdesk"), "shopdesk"))
    assert found == [], "import cycles between files:\n" + "\n".join(
        f"  {len(c)} files: {', '.join(c)}" for c in found)


def test_domain_imports_the_standard_library_only():
    graph = import_graph("shopdesk", external=True)
    outside = set()
    for module in {"shopdesk.domain", *graph.find_descendants("shopdesk.domain")}:
        for imported in graph.find_modules_directly_imported_by(module):
            top = imported.split(".")[0]
            if top != "shopdesk" and top not in sys.stdlib_module_names:
                outside.add(f"{module} -> {imported}")
    assert outside == set()


@pytest.fixture
def sample_package(tmp_path, monkeypatch):
    """A tiny package on sys.path: write(name, source) adds a module to it."""
    root = tmp_path / "cyclesample"
    root.mkdir()
    (root / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def write(name: str, source: str) -> None:
        (root / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")

    return write


def test_the_check_finds_a_cycle_closed_inside_a_function(sample_package):
    sample_package("a", "from . import b\n")
    sample_package("b", "def later():\n    from . import c\n")
    sample_package("c", "from .a import *\n")
    sample_package("d", "from . import a\n")  # imports into the cycle, is not part of it
    found = cycles(module_imports(import_graph("cyclesample"), "cyclesample"))
    assert found == [["cyclesample.a", "cyclesample.b", "cyclesample.c"]]


def test_the_check_ignores_imports_only_for_the_type_checker(sample_package):
    sample_package("window", "from . import controller\n")
    sample_package("controller", """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from .window import Window
    """)
    assert cycles(module_imports(import_graph("cyclesample"), "cyclesample")) == []


def test_cycles_of_a_hand_made_graph():
    edges = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"c"}, "e": {"a"}}
    assert cycles(edges) == [["a", "b"], ["c", "d"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
