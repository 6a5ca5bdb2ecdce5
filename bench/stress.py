"""Stress: kill -9, a killed first start, parallel writers with an import, parallel backups.

Run: `make stress` (or .venv/bin/python -m bench.stress). Not part of `make test`. Prints
figures and exits 1 when a bar is missed:
- kill -9 a writer at a random moment, ROUNDS times: 0 committed notes lost, integrity ok;
- kill a first start at a random moment during its migrations: every register opens after;
- WORKERS processes x OPS notes, status changes and promises while an import runs: 0
  failures, 0 lost;
- BACKUPS `shopdesk backup` at once: exactly that many backups plus one daily, no leftovers.

SHOPDESK_STRESS_SCALE (default 1.0) scales every count, for a quick run while developing.
Children are forked on Linux/macOS (everything is imported once); spawned elsewhere.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_import_parse import make_export  # noqa: E402
from shopdesk.cli import run as cli_run  # noqa: E402
from shopdesk.domain.case import CaseDraft  # noqa: E402
from shopdesk.domain.clock import SystemClock  # noqa: E402
from shopdesk.domain.enums import CaseKind, CaseStatus, Platform  # noqa: E402
from shopdesk.domain.promises import PromiseKind  # noqa: E402
from shopdesk.domain.workflow import Transition  # noqa: E402
from shopdesk.paths import DataPaths  # noqa: E402
from shopdesk.services.register import open_register  # noqa: E402
from shopdesk.storage.backup import verify  # noqa: E402
from shopdesk.storage.db import known_migrations  # noqa: E402

SCALE = float(os.environ.get("SHOPDESK_STRESS_SCALE", "1"))
KILL_ROUNDS = max(1, round(100 * SCALE))
FIRST_START_KILLS = max(1, round(30 * SCALE))
WORKERS = 4
OPS = max(3, round(200 * SCALE))
IMPORT_ROWS = max(10, round(2000 * SCALE))
BACKUPS = 6
ACTOR = "stress"

CTX = mp.get_context("fork" if hasattr(os, "fork") and sys.platform != "darwin" else "spawn")


def _open(home: Path):
    return open_register(DataPaths(home), SystemClock(), daily_backup=False)


def _new_case(register, order: str) -> int:
    draft = CaseDraft(platform=Platform.JD, order_no=order, kind=CaseKind.EXCHANGE)
    return register.cases.open_case(draft, ACTOR).id


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _collect(procs, queue, limit_s: float = 600.0) -> tuple[list, int]:
    """Results the children put on `queue`, and how many died without one (a crash)."""
    import queue as queue_module

    results: list = []
    deadline = time.monotonic() + limit_s
    while len(results) < len(procs) and time.monotonic() < deadline:
        try:
            results.append(queue.get(timeout=0.5))
        except queue_module.Empty:
            if not any(p.is_alive() for p in procs):
                try:
                    while True:
                        results.append(queue.get(timeout=0.5))
                except queue_module.Empty:
                    break
    for p in procs:
        p.join(5)
        if p.is_alive():
            p.kill()
            p.join()
    return results, len(procs) - len(results)


# --- 1. kill -9 a writer ---------------------------------------------------------------
def _writer(home: Path, case_id: int, tag: str, pipe) -> None:
    register = _open(home)
    n = 0
    while True:
        register.cases.add_note(case_id, f"{tag}-{n}", ACTOR)
        pipe.send(n)  # only after the commit returned
        n += 1


def kill_writer_rounds(base: Path) -> dict[str, object]:
    home = base / "kill"
    register = _open(home)
    case_id = _new_case(register, "900001")
    register.close()
    lost = bad = reported_total = 0
    for r in range(KILL_ROUNDS):
        receiver, sender = CTX.Pipe(duplex=False)
        proc = CTX.Process(target=_writer, args=(home, case_id, f"k{r}", sender))
        proc.start()
        sender.close()
        committed: list[int] = []
        if receiver.poll(30):
            committed.append(receiver.recv())
        deadline = time.monotonic() + random.uniform(0.0, 0.25)
        while time.monotonic() < deadline:
            if receiver.poll(0.005):
                committed.append(receiver.recv())
        proc.kill()  # SIGKILL on POSIX: no clean-up, no atexit, no close
        proc.join()
        while receiver.poll(0):  # sent before the kill, still in the pipe
            try:
                committed.append(receiver.recv())
            except EOFError:
                break
        receiver.close()
        conn = sqlite3.connect(str(home / "shopdesk.sqlite3"))
        stored = {t for (t,) in conn.execute(
            "SELECT text FROM case_events WHERE type = 'note' AND text LIKE ?", [f"k{r}-%"])}
        conn.close()
        lost += sum(f"k{r}-{n}" not in stored for n in committed)
        reported_total += len(committed)
        if _integrity(home / "shopdesk.sqlite3") != "ok":
            bad += 1
    return {"rounds": KILL_ROUNDS, "committed_reported": reported_total, "lost": lost,
            "integrity_failures": bad, "ok": lost == 0 and bad == 0}


# --- 2. kill a first start ------------------------------------------------------------
def _first_start(home: Path) -> None:
    _open(home).close()


def _user_version(path: Path) -> int | None:
    if not path.exists() or path.stat().st_size < 100:
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def kill_first_start_rounds(base: Path) -> dict[str, object]:
    probe = base / "first-probe"
    t0 = time.perf_counter()
    proc = CTX.Process(target=_first_start, args=(probe,))
    proc.start()
    proc.join()
    full = time.perf_counter() - t0
    opened = interrupted = 0
    for r in range(FIRST_START_KILLS):
        home = base / f"first-{r}"
        proc = CTX.Process(target=_first_start, args=(home,))
        proc.start()
        time.sleep(random.uniform(0.0, full))
        proc.kill()
        proc.join()
        version = _user_version(home / "shopdesk.sqlite3")
        if proc.exitcode != 0 and version is not None and version < len(known_migrations()):
            interrupted += 1  # killed with some migrations applied and others not
        try:
            _open(home).close()
            opened += 1
        except Exception as exc:  # counted and shown: the bar is 30 of 30
            print(f"  first start {r}: {exc}", file=sys.stderr)
    return {"kills": FIRST_START_KILLS, "mid_migration": interrupted, "opened": opened,
            "first_start_s": round(full, 3), "ok": opened == FIRST_START_KILLS}


# --- 3. parallel writers and an import -------------------------------------------------
def _worker(home: Path, case_id: int, index: int, queue) -> None:
    register = _open(home)
    failures: list[str] = []
    notes = statuses = promises = 0
    due = datetime.now(UTC) + timedelta(days=2)
    for k in range(OPS):
        try:
            if k % 3 == 0:
                register.cases.add_note(case_id, f"w{index}-{k}", ACTOR)
                notes += 1
            elif k % 3 == 1:
                current = register.cases.get(case_id).status
                to = (CaseStatus.WAITING_BUYER if current == CaseStatus.IN_PROGRESS
                      else CaseStatus.IN_PROGRESS)
                register.cases.change_status(case_id, Transition(to=to), ACTOR)
                statuses += 1
            else:
                register.promises.make(case_id, PromiseKind.REPLY, due, ACTOR,
                                       text=f"w{index}-{k}")
                promises += 1
        except Exception as exc:  # counted: the bar is 0 failures
            failures.append(f"{type(exc).__name__}: {exc}")
    register.close()
    queue.put(("worker", index, notes, statuses, promises, failures))


def _importer(home: Path, path: Path, queue) -> None:
    register = _open(home)
    failures: list[str] = []
    created = good_rows = 0
    try:
        parsed = register.imports.read(path)
        good_rows = len(parsed.records)  # the export has a few bad rows on purpose
        report = register.imports.apply(parsed, path.name, ACTOR, skip_bad_rows=True)
        created = report.created
    except Exception as exc:
        failures.append(f"{type(exc).__name__}: {exc}")
    register.close()
    queue.put(("import", 0, created, good_rows, 0, failures))


def parallel_writers(base: Path) -> dict[str, object]:
    home = base / "parallel"
    register = _open(home)
    cases = [_new_case(register, f"91000{i}") for i in range(WORKERS)]
    register.close()
    export = base / "taobao-refunds.csv"
    make_export(export, IMPORT_ROWS)
    queue = CTX.Queue()
    procs = [CTX.Process(target=_worker, args=(home, cases[i], i, queue))
             for i in range(WORKERS)]
    procs.append(CTX.Process(target=_importer, args=(home, export, queue)))
    started = time.perf_counter()
    for p in procs:
        p.start()
    results, crashed = _collect(procs, queue)
    elapsed = time.perf_counter() - started
    failures = [f for r in results for f in r[5]] + ["a process crashed"] * crashed
    done = {"note": 0, "status": 0, "promise": 0}
    created = good_rows = 0
    for kind, _i, a, b, c, _f in results:
        if kind == "worker":
            done["note"] += a
            done["status"] += b
            done["promise"] += c
        else:
            created, good_rows = a, b
    conn = sqlite3.connect(str(home / "shopdesk.sqlite3"))
    stored_notes = conn.execute("SELECT count(*) FROM case_events WHERE type = 'note' "
                                "AND text LIKE 'w%'").fetchone()[0]
    stored_promises = conn.execute("SELECT count(*) FROM promises").fetchone()[0]
    stored_status = conn.execute(
        "SELECT count(*) FROM case_events WHERE type = 'status' AND case_id IN "
        f"({','.join(map(str, cases))})").fetchone()[0]
    imported = conn.execute("SELECT count(*) FROM cases").fetchone()[0] - WORKERS
    conn.close()
    lost = ((done["note"] - stored_notes) + (done["promise"] - stored_promises)
            + (done["status"] - stored_status) + (created - imported))
    for f in failures[:5]:
        print(f"  failure: {f}", file=sys.stderr)
    return {"processes": WORKERS, "ops_each": OPS, "import_rows": IMPORT_ROWS,
            "good_rows": good_rows, "imported": created, "failures": len(failures), "lost": lost,
            "seconds": round(elapsed, 1), "integrity": _integrity(home / "shopdesk.sqlite3"),
            "ok": not failures and lost == 0 and created == good_rows > 0}


# --- 4. simultaneous backups -----------------------------------------------------------
def _backup(home: Path, gate, queue) -> None:
    gate.wait()
    out, err = io.StringIO(), io.StringIO()
    code = cli_run(["backup"], env={"SHOPDESK_HOME": str(home), "SHOPDESK_LANG": "en"},
                   out=out, err=err)
    queue.put((code, err.getvalue()))


def parallel_backups(base: Path) -> dict[str, object]:
    home = base / "parallel"  # the register the writers filled
    folder = home / "backups"
    before = set(folder.glob("shopdesk-*.sqlite3")) if folder.exists() else set()
    gate, queue = CTX.Event(), CTX.Queue()
    procs = [CTX.Process(target=_backup, args=(home, gate, queue)) for _ in range(BACKUPS)]
    for p in procs:
        p.start()
    gate.set()
    results, crashed = _collect(procs, queue)
    results += [(1, "crashed (traceback above)")] * crashed
    made = sorted(set(folder.glob("shopdesk-*.sqlite3")) - before)
    manual = [p for p in made if "-manual" in p.name]
    daily = [p for p in made if "-daily" in p.name]
    leftovers = [p.name for p in folder.iterdir()
                 if p.name.endswith((".part", ".tmp"))]
    unusable = 0
    for p in made:
        try:
            verify(p)
        except Exception:
            unusable += 1
    failed = [e for code, e in results if code != 0]
    for e in failed[:3]:
        print(f"  backup failed: {e.strip()}", file=sys.stderr)
    return {"commands": BACKUPS, "failed": len(failed), "manual": len(manual),
            "daily": len(daily), "unusable": unusable, "leftovers": len(leftovers),
            "ok": (not failed and len(manual) == BACKUPS and len(daily) == 1
                   and not leftovers and not unusable)}


def main() -> int:
    random.seed(12)
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="shopdesk-stress-") as tmp:
        base = Path(tmp)
        for name, step in (("kill -9 writer", kill_writer_rounds),
                           ("kill first start", kill_first_start_rounds),
                           ("parallel writers + import", parallel_writers),
                           ("simultaneous backups", parallel_backups)):
            started = time.perf_counter()
            figures = step(base)
            figures["wall_s"] = round(time.perf_counter() - started, 1)
            results[name] = figures
            status = "ok  " if figures["ok"] else "FAIL"
            shown = ", ".join(f"{k}={v}" for k, v in figures.items() if k != "ok")
            print(f"{status} {name}: {shown}", flush=True)
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
