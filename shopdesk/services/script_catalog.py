"""Load the reply-script library (话术库) from a folder of TOML files.

A folder holds one file per case kind (plus general.toml), rules.toml (lint rules and
common-mistake warnings) and customer_types.toml. Every problem is reported at once, each
naming the file, the script id (or #index) and the field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from shopdesk.domain.enums import CustomerType
from shopdesk.domain.scripts import (
    CustomerTypeGuide,
    RuleSet,
    Script,
    ScriptError,
    ScriptLibrary,
    ScriptLibraryError,
    parse_customer_types,
    parse_rules,
    parse_script_dicts,
)

RULES_FILE = "rules.toml"
CUSTOMER_TYPES_FILE = "customer_types.toml"
SPECIAL_FILES = frozenset({RULES_FILE, CUSTOMER_TYPES_FILE})


class CatalogError(ScriptLibraryError):
    """The script folder could not be loaded; `errors` names file, script and field."""


@dataclass(frozen=True)
class ScriptCatalog:
    library: ScriptLibrary
    rules: RuleSet
    customer_types: dict[CustomerType, CustomerTypeGuide] = field(default_factory=dict)


def _read(path: Path, errors: list[ScriptError]) -> dict | None:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        errors.append(ScriptError(path.name, "", "", f"TOML 语法错误：{exc}",
                                  f"TOML syntax error: {exc}"))
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(ScriptError(path.name, "", "", f"无法读取文件：{exc}",
                                  f"cannot read file: {exc}"))
    return None


def script_files(folder: Path) -> list[Path]:
    """The script files of a folder: every *.toml but rules.toml and customer_types.toml."""
    return sorted(p for p in folder.glob("*.toml") if p.name not in SPECIAL_FILES)


def _load_scripts(folder: Path, errors: list[ScriptError]) -> list[Script]:
    scripts: list[Script] = []
    for path in script_files(folder):
        doc = _read(path, errors)
        if doc is None:
            continue
        for key in sorted(set(doc) - {"script"}):
            errors.append(ScriptError(path.name, "", key, "未知的顶层字段（只允许 [[script]]）",
                                      "unknown top-level key (only [[script]])"))
        tables = doc.get("script", [])
        if not isinstance(tables, list):
            errors.append(ScriptError(path.name, "", "script", "应为 [[script]] 表数组",
                                      "must be an array of [[script]] tables"))
            continue
        found, errs = parse_script_dicts(tables, source=path.name)
        errors.extend(errs)
        scripts.extend(found)
    return scripts


def _library(scripts: list[Script], errors: list[ScriptError]) -> ScriptLibrary:
    try:
        return ScriptLibrary(tuple(scripts))
    except ScriptLibraryError as exc:
        errors.extend(exc.errors)
        seen: set[str] = set()
        unique = [s for s in scripts if not (s.id in seen or seen.add(s.id))]
        return ScriptLibrary(tuple(unique))


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise CatalogError([ScriptError(str(folder), "", "", "话术文件夹不存在",
                                        "script folder not found")])


def load_library(folder: Path) -> ScriptLibrary:
    """All scripts in `folder`; raises CatalogError listing every problem."""
    folder = Path(folder)
    _check_folder(folder)
    errors: list[ScriptError] = []
    library = _library(_load_scripts(folder, errors), errors)
    if errors:
        raise CatalogError(errors)
    return library


def _load_special(path: Path, parse, errors: list[ScriptError], *, required: bool):
    if not path.is_file():
        if required:
            errors.append(ScriptError(path.name, "", "", "缺少文件", "file is missing"))
        return None
    doc = _read(path, errors)
    if doc is None:
        return None
    try:
        return parse(doc, source=path.name)
    except ScriptLibraryError as exc:
        errors.extend(exc.errors)
        return None


def load_rules(path: Path) -> RuleSet:
    """The lint rules and warnings of one rules file; raises CatalogError."""
    errors: list[ScriptError] = []
    rules = _load_special(Path(path), parse_rules, errors, required=True)
    if errors:
        raise CatalogError(errors)
    return rules


def load_customer_types(path: Path) -> dict[CustomerType, CustomerTypeGuide]:
    errors: list[ScriptError] = []
    guides = _load_special(Path(path), parse_customer_types, errors, required=True)
    if errors:
        raise CatalogError(errors)
    return guides


def load_catalog(folder: Path, *extra_folders: Path) -> ScriptCatalog:
    """Scripts, rules and customer-type tips from `folder` (the shipped resources).

    `extra_folders` (e.g. a shop's own folder) extend it in order: their scripts are added
    (a script with a shipped id replaces it), their rules.toml adds or replaces rules by id,
    their customer_types.toml replaces the tips. Only the first folder must have rules.toml
    and customer_types.toml. Raises CatalogError listing every problem in every file.
    """
    errors: list[ScriptError] = []
    library = ScriptLibrary()
    rules = RuleSet()
    guides: dict[CustomerType, CustomerTypeGuide] = {}
    for n, raw in enumerate((folder, *extra_folders)):
        path = Path(raw)
        _check_folder(path)
        required = n == 0
        library = library.merged(_library(_load_scripts(path, errors), errors))
        more_rules = _load_special(path / RULES_FILE, parse_rules, errors, required=required)
        if more_rules is not None:
            rules = rules.extended(more_rules)
        more_guides = _load_special(path / CUSTOMER_TYPES_FILE, parse_customer_types, errors,
                                    required=required)
        if more_guides is not None:
            guides = {**guides, **more_guides}
    if errors:
        raise CatalogError(errors)
    return ScriptCatalog(library, rules, guides)
