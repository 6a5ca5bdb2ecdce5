"""Reply scripts on cases and the shop's library: suggest, render, copy, edit, steps, warnings.

The library is the shipped catalog (resources/scripts) with the shop's edits and own scripts
from the register on top. Stored rows are validated every time they are read: a damaged row
is skipped and listed in `problems`, it never stops the app.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.case import Case
from ..domain.clock import Clock, to_utc_iso
from ..domain.enums import CaseKind, Cause
from ..domain.errors import NotFoundError
from ..domain.scripts import (
    PROCEDURE_STEPS,
    HandlingStep,
    MistakeWarning,
    RenderResult,
    Script,
    ScriptError,
    ScriptLibrary,
    ScriptLibraryError,
    canonical_key,
    lint,
    mistakes_for,
    parse_script_dict,
    suggest,
    values_from_case,
)
from ..domain.scripts.origin import ScriptOrigin
from ..domain.scripts.suggest import MAJOR_TAG, THREAT_TAG
from ..domain.warnings import MAJOR_RULES, RuleKey
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.scripts import ScriptStore, StepDone, StoredScript
from ..storage.warnings import WarningStore
from . import scripts_io
from .actor import require_actor
from .script_catalog import ScriptCatalog
from .scripts_transfer import ImportResult, ScriptTransfer

OVERRIDE_SOURCE = "script_overrides"
SHOP_SOURCE = "shop_scripts"
NOTES_FOR_WARNINGS = 5  # the latest notes checked for common mistakes


@dataclass(frozen=True)
class ScriptEntry:
    """A script with what the library screen shows beside it."""

    script: Script
    origin: ScriptOrigin
    uses: int
    favourite: bool


@dataclass(frozen=True)
class StepState:
    step: HandlingStep
    done: StepDone | None

    @property
    def is_done(self) -> bool:
        return self.done is not None


def _refused(source: str, script: str, field: str, zh: str, en: str) -> ScriptLibraryError:
    return ScriptLibraryError([ScriptError(source, script, field, zh, en)])


class ScriptService:
    """Every use of the script library; each write is one transaction with its audit row."""

    def __init__(self, db: Database, clock: Clock, catalog: ScriptCatalog) -> None:
        self.db = db
        self.clock = clock
        # Values every case's scripts get unless typed (the shop profile, the case's due time,
        # the call policy's hours): set by the Register, which owns those services.
        self.case_defaults: Callable[[Case, str], Mapping[str, object]] | None = None
        self.catalog = catalog
        self.store = ScriptStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit = AuditStore(db)
        self._cache: tuple[ScriptLibrary, dict[str, ScriptOrigin], list[ScriptError]] | None = None
        self.transfer = ScriptTransfer(self)

    # --- the library --------------------------------------------------------
    def _load(self) -> tuple[ScriptLibrary, dict[str, ScriptOrigin], list[ScriptError]]:
        if self._cache is not None:
            return self._cache
        problems: list[ScriptError] = []
        shipped = self.catalog.library
        scripts = {s.id: s for s in shipped}
        origins = {s.id: ScriptOrigin.SHIPPED for s in shipped}
        for row in self.store.overrides():
            script = self._parse_stored(row, OVERRIDE_SOURCE, problems)
            if script is None:
                continue
            if row.script_id not in scripts:
                problems.append(ScriptError(OVERRIDE_SOURCE, row.script_id, "id",
                                            "没有这个随附话术，修改已忽略",
                                            "no shipped script has this id; edit ignored"))
                continue
            scripts[row.script_id] = script
            origins[row.script_id] = ScriptOrigin.EDITED
        for row in self.store.shop_scripts():
            script = self._parse_stored(row, SHOP_SOURCE, problems)
            if script is None:
                continue
            if script.id in scripts:
                problems.append(ScriptError(SHOP_SOURCE, script.id, "id",
                                            "与已有话术编号重复，已忽略",
                                            "duplicates an existing script id; ignored"))
                continue
            scripts[script.id] = script
            origins[script.id] = ScriptOrigin.SHOP
        self._cache = (ScriptLibrary(tuple(scripts.values())), origins, problems)
        return self._cache

    @staticmethod
    def _parse_stored(row: StoredScript, source: str,
                      problems: list[ScriptError]) -> Script | None:
        try:
            data = json.loads(row.data)
            # Stored rows are the shop's own or its edits: English may be left out.
            script = parse_script_dict(data, source=source, english_required=False)
        except json.JSONDecodeError as exc:
            problems.append(ScriptError(source, row.script_id, "data", f"JSON 无法读取：{exc}",
                                        f"unreadable JSON: {exc}"))
            return None
        except ScriptLibraryError as exc:
            problems.extend(exc.errors)
            return None
        if script.id != row.script_id:
            problems.append(ScriptError(source, row.script_id, "id", "数据中的编号与行不一致",
                                        f"the data says id {script.id}"))
            return None
        return script

    def reload(self) -> None:
        """Forget the cached library so the next read sees the stored rows."""
        self._cache = None

    def library(self) -> ScriptLibrary:
        """Shipped scripts (with the shop's edits) followed by the shop's own scripts."""
        return self._load()[0]

    @property
    def problems(self) -> list[ScriptError]:
        """Stored rows that were skipped because they no longer validate."""
        return list(self._load()[2])

    def get(self, script_id: str) -> Script:
        try:
            return self.library().get(script_id)
        except KeyError as exc:
            raise NotFoundError(f"script {script_id}") from exc

    def origin(self, script_id: str) -> ScriptOrigin:
        self.get(script_id)
        return self._load()[1][script_id]

    def usage(self) -> dict[str, int]:
        return self.store.usage()

    def favourites(self) -> set[str]:
        return self.store.favourites()

    def record_use(self, script_id: str) -> None:
        """Count a copy of the script; more used scripts are suggested first."""
        with self.db.atomic():
            self.store.bump_usage(script_id, self.clock.now())

    def toggle_favourite(self, script_id: str) -> bool:
        """Star or unstar a script; returns whether it is now a favourite."""
        self.get(script_id)
        on = script_id not in self.store.favourites()
        with self.db.atomic():
            self.store.set_favourite(script_id, on, self.clock.now())
        return on

    def search(self, text: str) -> list[Script]:
        """Scripts whose id, zh/en title or zh/en text contains `text` (any case)."""
        needle = text.strip().lower()
        if not needle:
            return list(self.library())
        return [s for s in self.library()
                if needle in "\n".join((s.id, s.title.zh, s.title.en, s.text.zh,
                                       s.text.en)).lower()]

    def browse(self, *, kind: CaseKind | None = None, step: HandlingStep | None = None,
               cause: Cause | None = None, search: str = "",
               favourites_only: bool = False) -> list[ScriptEntry]:
        """Library screen rows: filtered, favourites first, then most used, then library order."""
        found = {s.id for s in self.search(search)}
        usage, favs, origins = self.usage(), self.favourites(), self._load()[1]
        rows = [ScriptEntry(s, origins[s.id], usage.get(s.id, 0), s.id in favs)
                for s in self.library().filter(kind=kind, cause=cause, step=step)
                if s.id in found and (not favourites_only or s.id in favs)]
        order = {s.id: i for i, s in enumerate(self.library())}
        rows.sort(key=lambda e: (not e.favourite, -e.uses, order[e.script.id]))
        return rows

    # --- scripts on a case ------------------------------------------------------
    def suggestions(self, case_id: int, step: HandlingStep | None = None, *,
                    limit: int | None = None) -> list[Script]:
        """Best scripts for the case at `step` (default: its next unticked step)."""
        case = self.cases.get(case_id)
        if step is None:
            step = self.next_step(case_id)
        return suggest(self.library(), case.kind, case.cause, step, case.customer_type,
                       self.usage(), limit=limit, situations=self.situations(case))

    def situations(self, case: Case) -> set[str]:
        """The situations (script tags) the case shows: a media or 12315 threat when the
        early warnings found one in its description or notes (live or acknowledged, not
        cleared), a major complaint when it is marked major or a major warning was raised.
        A reply written for a threat is suggested first only then."""
        found: set[str] = set()
        rules = {w.rule for w in WarningStore(self.db).for_case(case.id)
                 if w.cleared_at is None}
        if RuleKey.MEDIA_THREAT in rules:
            found |= {THREAT_TAG, MAJOR_TAG}
        if case.is_major or rules & MAJOR_RULES:
            found.add(MAJOR_TAG)
        return found

    def render_for_case(self, script_id: str, case_id: int,
                        extra: Mapping[str, object] | None = None, lang: str = "zh", *,
                        agent: str = "", facts: Sequence[int] = ()) -> RenderResult:
        """The script filled from the case and `extra`; `missing` lists what is unfilled.

        `agent` (the operator) fills {客服}: the message goes out from whoever copies it, and
        a colleague covering a shift must not sign with the assignee's name; the assignee
        only when no operator is known, and a value typed into `extra` over both. `facts`
        are the (0-based) script facts the user confirmed for this case.
        """
        script = self.get(script_id)
        case = self.cases.get(case_id)
        # A Chinese-only shop script renders in Chinese for an English reader too, so its
        # values (platform name, times ...) must be the Chinese ones, not mixed in.
        lang = script.text_lang(lang)
        defaults = self.case_defaults(case, lang) if self.case_defaults else {}
        typed = any(canonical_key(k) == "agent" and str(v).strip()
                    for k, v in (extra or {}).items())
        values = values_from_case(case, {**defaults, **(extra or {})}, lang=lang)
        if agent.strip() and not typed:
            values["agent"] = agent.strip()
        return script.render(values, lang, facts)

    def steps_for(self, case_id: int) -> list[StepState]:
        """The eight procedure steps of the case, ticked or not."""
        done = self.store.steps_done(case_id)
        return [StepState(s, done.get(s.value)) for s in PROCEDURE_STEPS]

    def next_step(self, case_id: int) -> HandlingStep | None:
        """The first unticked procedure step; None when every step is done."""
        return next((st.step for st in self.steps_for(case_id) if not st.is_done), None)

    def tick_step(self, case_id: int, step: HandlingStep, actor: str) -> bool:
        """Mark a step done (timeline + audit); False when it already was."""
        return self._set_step(case_id, step, actor, done=True)

    def untick_step(self, case_id: int, step: HandlingStep, actor: str) -> bool:
        return self._set_step(case_id, step, actor, done=False)

    def _set_step(self, case_id: int, step: HandlingStep, actor: str, *, done: bool) -> bool:
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            self.cases.get(case_id)
            changed = (self.store.tick(case_id, step.value, now, actor) if done
                       else self.store.untick(case_id, step.value))
            if not changed:
                return False
            text = f"完成：{step.zh}" if done else f"取消完成：{step.zh}"
            self.events.add(case_id, now, actor, "step", text,
                            {"step": step.value, "done": done})
            self.audit.record(now, actor, "case", case_id, "step", step.value,
                              None if done else "done", "done" if done else None)
            stamp = to_utc_iso(now)
            self.cases.update_columns(case_id, {"last_activity_at": stamp, "updated_at": stamp})
        return True

    def warnings_for(self, case_id: int) -> list[MistakeWarning]:
        """Common mistakes in the case's description and latest notes, given its cause."""
        case = self.cases.get(case_id)
        notes = [e.text for e in self.events.for_case(case_id) if e.type == "note"]
        text = "\n".join([case.description, *notes[-NOTES_FOR_WARNINGS:]])
        # The seller-side and the cause-unknown shipping rules both match a seller-side case;
        # one warning per matched phrase (the first, more specific rule) is enough.
        seen: set[str] = set()
        return [w for w in mistakes_for(case.cause, text, self.catalog.rules)
                if not (w.match in seen or seen.add(w.match))]

    # --- managing the library ------------------------------------------------
    def validate(self, data: Mapping[str, Any], *, source: str = "",
                 index: int | None = None) -> Script:
        """Parse and lint a script the shop writes (its own, its edit of a shipped one, an
        import); ScriptLibraryError names the field and the rule.

        Only the shipped library must have English: a shop may write Chinese only, and English
        readers then get the Chinese (Text falls back; Script.text_lang).
        """
        script = parse_script_dict(data, source=source, index=index, english_required=False)
        violations = lint(script, self.catalog.rules)
        if violations:
            raise ScriptLibraryError([
                ScriptError(source, script.id, v.field,
                            f"{v.message.zh}（{v.match}）" if v.match else v.message.zh,
                            f"{v.message.en} [{v.match}]" if v.match else v.message.en)
                for v in violations])
        return script

    def edit(self, script_id: str, data: Mapping[str, Any], actor: str) -> Script:
        """Save an edited script (shipped: kept as an override; shop: updated in place)."""
        actor = require_actor(actor)
        origin = self.origin(script_id)
        data = {"id": script_id, **dict(data)}
        if data["id"] != script_id:
            raise _refused("", script_id, "id", "不能修改话术编号", "the script id cannot change")
        script = self.validate(data)
        clean = scripts_io.script_to_dict(script)
        old = scripts_io.script_to_dict(self.get(script_id))
        now = self.clock.now()
        with self.db.atomic():
            if origin is ScriptOrigin.SHOP:
                self.store.update_shop_script(script_id, clean)
            elif clean == scripts_io.script_to_dict(self.catalog.library.get(script_id)):
                self.store.delete_override(script_id)  # edited back to the shipped text
            else:
                self.store.set_override(script_id, clean, now, actor)
            self.audit_change(now, actor, "edit", script_id, old, clean)
        self.reload()
        return self.get(script_id)

    def reset(self, script_id: str, actor: str) -> bool:
        """Drop the shop's edit of a shipped script; False when it was not edited."""
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            row = self.store.override(script_id)
            if row is None or not self.store.delete_override(script_id):
                return False
            self.audit.record(now, actor, "script", None, "reset", script_id, row.data, None)
        self.reload()
        return True

    def new_shop_id(self, step: HandlingStep) -> str:
        """A free id for a new shop script at `step`: shop.<step>.<n>."""
        n = 1
        while (f"shop.{step.value}.{n}" in self.library()
               or self.store.shop_script_state(f"shop.{step.value}.{n}") == "live"):
            n += 1
        return f"shop.{step.value}.{n}"

    def add_shop_script(self, data: Mapping[str, Any], actor: str) -> Script:
        actor = require_actor(actor)
        script = self.validate(data)
        self._check_new_id(script.id, "")
        now = self.clock.now()
        clean = scripts_io.script_to_dict(script)
        with self.db.atomic():
            self.store.put_shop_script(script.id, clean, now, actor)
            self.audit_change(now, actor, "add", script.id, None, clean)
        self.reload()
        return self.get(script.id)

    def _check_new_id(self, script_id: str, source: str) -> None:
        if script_id in self.catalog.library:
            raise _refused(source, script_id, "id", "这是随附话术的编号，请直接修改那条话术",
                           "a shipped script has this id; edit that script instead")
        if self.store.shop_script_state(script_id) == "live":
            raise _refused(source, script_id, "id", "已有同编号的话术",
                           "a script with this id already exists")

    def delete_shop_script(self, script_id: str, actor: str) -> None:
        """Move a shop script to the trash (shipped scripts can only be reset)."""
        actor = require_actor(actor)
        if self.origin(script_id) is not ScriptOrigin.SHOP:
            raise _refused("", script_id, "id", "随附话术不能删除，只能恢复原文",
                           "shipped scripts cannot be deleted, only reset")
        now = self.clock.now()
        with self.db.atomic():
            self.store.delete_shop_script(script_id, now)
            self.audit.record(now, actor, "script", None, "delete", script_id)
        self.reload()

    def audit_change(self, now: Any, actor: str, action: str, script_id: str,
               old: dict | None, new: dict | None) -> None:
        # Script ids are text, so the id goes in `field`; entity_id is for integer rows.
        self.audit.record(now, actor, "script", None, action, script_id,
                          json.dumps(old, ensure_ascii=False) if old else None,
                          json.dumps(new, ensure_ascii=False) if new else None)

    # --- export and import (scripts_transfer.py) -------------------------------
    def exportable(self) -> list[dict[str, Any]]:
        return self.transfer.exportable()

    def export_text(self, fmt: str) -> str:
        return self.transfer.export_text(fmt)

    def export_file(self, path: Path) -> int:
        return self.transfer.export_file(path)

    def import_text(self, text: str, fmt: str, actor: str, *, source: str = "") -> ImportResult:
        return self.transfer.import_text(text, fmt, require_actor(actor), source=source)

    def import_file(self, path: Path, actor: str) -> ImportResult:
        return self.transfer.import_file(path, require_actor(actor))


def load_shipped_catalog(folder: Path | None = None) -> ScriptCatalog:
    """The shipped catalog (or `folder`'s); CatalogError if it is broken.

    Reads files only, no database: the window loads it on a worker thread.
    """
    from ..paths import resource_path
    from .script_catalog import load_catalog

    return load_catalog(folder or resource_path("scripts"))


def open_script_service(db: Database, clock: Clock, folder: Path | None = None) -> ScriptService:
    """A ScriptService on the shipped catalog (or `folder`); CatalogError if it is broken."""
    return ScriptService(db, clock, load_shipped_catalog(folder))
