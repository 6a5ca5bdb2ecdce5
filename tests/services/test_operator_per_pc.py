"""The operator (who is at the keyboard) is the PC's, kept in its data folder, never the
shared register's: on a team register one PC choosing someone changes nothing on another,
and what a PC records (window, command line without --as, shifts) is its own operator."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.paths import DataPaths
from shopdesk.services import team
from shopdesk.services.register import Register, open_register
from shopdesk.services.staff import CURRENT_OPERATOR_KEY
from shopdesk.storage.pg.db import open_team_database
from shopdesk.storage.transactions import connect
from tests import pg_support


@pytest.fixture
def two_pcs(team_database_url, tmp_path, clock):
    """Two PCs (data folders of their own, each set up for the team register) on one
    team register, with staff 小王 (PIN 1357) and 小李."""
    pg_support.truncate_all(team_database_url)
    pcs = []
    for n in (1, 2):
        paths = DataPaths(tmp_path / f"pc{n}")
        paths.ensure()
        team.connect(paths, team_database_url)
        pcs.append(Register(paths=paths, db=open_team_database(team_database_url,
                                                               listen=False), clock=clock))
    pc1, _pc2 = pcs
    pc1.staff.add("小王", actor="小王")
    pc1.staff.add("小李", actor="小王")
    pc1.staff.set_pin("小王", "1357", "小王")
    yield pcs
    for pc in pcs:
        pc.close()


def _case(register: Register) -> int:
    return register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="5550001",
                                              kind=CaseKind.EXCHANGE), "小李").id


def test_choosing_on_one_pc_leaves_the_other_pcs_operator_alone(two_pcs):
    pc1, pc2 = two_pcs
    pc1.staff.set_current_operator("小李")
    pc2.staff.set_current_operator("小王")
    assert pc1.staff.current_operator() == "小李"
    assert pc2.staff.current_operator() == "小王"
    # Nothing of it is in the shared register: each PC's file holds its own.
    assert pc1.settings.get(CURRENT_OPERATOR_KEY) is None
    assert json.loads(pc1.paths.operator_file.read_text(encoding="utf-8")) == {
        "operator": "小李"}


def test_a_note_on_pc1_records_pc1s_operator(two_pcs, clock):
    pc1, pc2 = two_pcs
    pc1.staff.set_current_operator("小李")
    pc2.staff.set_current_operator("小王")  # after PC1 chose: it must not win there
    case_id = _case(pc1)
    # The command line on PC1 without --as: PC1's operator, not PC2's PIN holder.
    out, err = io.StringIO(), io.StringIO()
    env = {"SHOPDESK_HOME": str(pc1.paths.root)}
    code = run(["cases", "note", pc1.cases.get(case_id).case_no, "已联系买家", "--json"],
               clock=clock, env=env, out=out, err=err)
    assert code == 0, err.getvalue()
    assert json.loads(out.getvalue())["event"]["actor"] == "小李"
    notes = [e for e in pc2.cases.timeline(case_id) if e.type == "note"]
    assert [(n.text, n.actor) for n in notes] == [("已联系买家", "小李")]


def test_forgetting_the_pin_operator_at_start_on_pc1_leaves_pc2_alone(two_pcs):
    pc1, pc2 = two_pcs
    pc1.staff.set_current_operator("小王")
    pc2.staff.set_current_operator("小王")
    assert pc1.staff.forget_operator_with_pin() == "小王"  # PC1's window restarts
    assert pc1.staff.current_operator() == ""
    assert pc2.staff.current_operator() == "小王"  # PC2 carries on as 小王
    assert pc2.staff.forget_operator_with_pin() == "小王"  # until its own restart


def test_starting_a_shift_makes_them_the_operator_on_that_pc_only(two_pcs):
    pc1, pc2 = two_pcs
    pc1.staff.set_current_operator("小李")
    pc2.shifts.start("小王", pin="1357")
    assert pc2.staff.current_operator() == "小王"
    assert pc1.staff.current_operator() == "小李"


def test_a_refused_shift_start_leaves_the_operator(two_pcs):
    pc1, _pc2 = two_pcs
    pc1.staff.set_current_operator("小李")
    pc1.shifts.start("小李")
    with pytest.raises(ValidationError) as refused:  # 小李's shift is still open
        pc1.shifts.start("小王", pin="1357")
    assert refused.value.errors[0].field == "staff"
    assert pc1.staff.current_operator() == "小李"


def test_a_team_register_never_takes_the_old_shared_operator(two_pcs):
    """An upgraded team PC starts with nobody chosen: the old setting names whoever chose
    last on any PC."""
    pc1, _pc2 = two_pcs
    with pc1.db.atomic():
        pc1.settings.set(CURRENT_OPERATOR_KEY, "小李")
    assert not pc1.paths.operator_file.exists()
    assert pc1.staff.current_operator() == ""


def test_an_upgraded_local_register_keeps_its_operator_once(data_paths, clock, seed_register):
    register = open_register(seed_register(data_paths), clock)
    try:
        register.staff.add("小王", actor="小王")
        register.staff.add("小李", actor="小王")
        with register.db.atomic():  # where an older version kept it
            register.settings.set(CURRENT_OPERATOR_KEY, "小王")
        assert register.staff.current_operator() == "小王"
        assert json.loads(data_paths.operator_file.read_text(encoding="utf-8")) == {
            "operator": "小王"}
        # From then on the PC's file decides: the old setting is not read again.
        with register.db.atomic():
            register.settings.set(CURRENT_OPERATOR_KEY, "小李")
        assert register.staff.current_operator() == "小王"
        register.staff.set_current_operator("小李")
        register.staff.set_pin("小李", "2468", "小李")
        assert register.staff.forget_operator_with_pin() == "小李"
        assert register.staff.current_operator() == ""
    finally:
        register.close()


def test_the_operator_is_the_data_folders_on_either_register(register, tmp_path):
    """The writer thread's second connection (same folder) shares it; a register opened
    from another data folder has its own. Written atomically: no temporary file stays."""
    register.staff.add("小李", actor="小王")
    register.staff.set_current_operator("小李")
    second = register.open_second()
    if register.is_team:
        other_db = open_team_database(_team_url(register), listen=False)
    else:
        other_db = connect(str(register.paths.database))
    elsewhere = Register(paths=DataPaths(tmp_path / "another-pc"), db=other_db,
                         clock=register.clock)
    try:
        assert second.staff.current_operator() == "小李"
        assert elsewhere.staff.current_operator() == ""
        elsewhere.staff.set_current_operator("小王")
        assert register.staff.current_operator() == "小李"
        assert register.settings.get(CURRENT_OPERATOR_KEY) is None
        assert sorted(p.name for p in register.paths.root.iterdir()
                      if p.name.startswith(".operator")) == []
    finally:
        second.close()
        elsewhere.close()


def _team_url(register: Register) -> str:
    """The team register's address (the PC's team.json, as a restart would read it)."""
    return team.configured_url(register.paths)


def test_an_unreadable_operator_file_means_nobody_is_chosen(register):
    register.paths.operator_file.write_text("{not json", encoding="utf-8")
    assert register.staff.current_operator() == ""
    register.staff.set_current_operator("小王")  # choosing again repairs it
    assert register.staff.current_operator() == "小王"
