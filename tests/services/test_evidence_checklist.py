"""The evidence checklist: shipped data covers every cause; overrides; satisfied flags."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import Cause
from shopdesk.domain.evidence import ChecklistError, EvidenceCategory
from shopdesk.services.evidence_checklist import (
    ChecklistSource,
    load_checklist_file,
    shipped_checklist_path,
)

from .evidence_support import open_case, png_bytes, write


def test_every_cause_has_a_shipped_entry_with_known_categories():
    shipped = load_checklist_file(shipped_checklist_path())
    assert set(shipped) == set(Cause)
    for cause, reqs in shipped.items():
        assert reqs, cause
        for r in reqs:
            assert isinstance(r.category, EvidenceCategory)
            assert r.note_zh and r.note_en


def test_the_issue_examples_are_in_the_shipped_list():
    shipped = load_checklist_file(shipped_checklist_path())

    def cats(cause):
        return {r.category for r in shipped[cause]}

    assert {EvidenceCategory.ITEM_PHOTO, EvidenceCategory.LISTING_SCREENSHOT} <= cats(
        Cause.NOT_AS_DESCRIBED)
    assert EvidenceCategory.PACKAGE_PHOTO in cats(Cause.TRANSIT_DAMAGE)
    assert EvidenceCategory.COURIER_TRACE in cats(Cause.PARCEL_LOST)
    assert EvidenceCategory.CHAT_RECORD in cats(Cause.MALICIOUS_REVIEWER)


@pytest.mark.parametrize("text, key", [
    ('[[parcel_lots]]\ncategory = "waybill"\nzh = "x"\n', "parcel_lots"),
    ('[[parcel_lost]]\ncategory = "selfie"\nzh = "x"\n', "parcel_lost[1].category"),
    ('[[parcel_lost]]\ncategory = "waybill"\n', "parcel_lost[1].zh"),
    ('[[parcel_lost]]\ncategory = "waybill"\nzh = "a"\n'
     '[[parcel_lost]]\ncategory = "waybill"\nzh = "b"\n', "parcel_lost[2].category"),
    ('[[parcel_lost]]\ncategory = "waybill"\nzh = "a"\ncolour = "red"\n',
     "parcel_lost[1].colour"),
    ('version = 2\n', "version"),
    ('[[parcel_lost]\n', "TOML"),
])
def test_a_bad_file_names_the_file_and_the_key(tmp_path, text, key):
    path = write(tmp_path, "bad.toml", text.encode())
    with pytest.raises(ChecklistError) as info:
        load_checklist_file(path)
    assert info.value.key == key
    assert str(path) in info.value.zh and key in info.value.zh
    assert str(path) in info.value.en and key in info.value.en


def test_an_override_in_the_data_folder_replaces_only_the_causes_it_lists(tmp_path):
    override = write(tmp_path, "evidence_checklist.toml", (
        'changed_mind = []\n'
        '[[parcel_lost]]\ncategory = "receipt"\nzh = "快递公司丢件证明"\n').encode())
    source = ChecklistSource(override)
    assert [r.category for r in source.requirements(Cause.PARCEL_LOST)] == [
        EvidenceCategory.RECEIPT]
    assert [r.note_en for r in source.requirements(Cause.PARCEL_LOST)] == ["快递公司丢件证明"]
    assert source.requirements(Cause.CHANGED_MIND) == ()
    shipped = load_checklist_file(shipped_checklist_path())
    assert source.requirements(Cause.TRANSIT_DAMAGE) == shipped[Cause.TRANSIT_DAMAGE]
    # Edited again: picked up without a restart.
    override.write_text('[[parcel_lost]]\ncategory = "waybill"\nzh = "运单"\n', "utf-8")
    import os
    os.utime(override, ns=(1, 1))
    assert [r.category for r in source.requirements(Cause.PARCEL_LOST)] == [
        EvidenceCategory.WAYBILL]


def test_a_case_without_a_cause_uses_the_unclear_list(register):
    case = open_case(register, cause=None)
    items = register.evidence.checklist(case.id)
    shipped = load_checklist_file(shipped_checklist_path())
    assert [i.category for i in items] == [r.category for r in shipped[Cause.UNCLEAR]]


def test_satisfied_flags_follow_live_evidence(register, tmp_path):
    case = open_case(register, cause=Cause.NOT_AS_DESCRIBED)
    items = register.evidence.checklist(case.id)
    assert {i.category for i in items} == {EvidenceCategory.ITEM_PHOTO,
                                           EvidenceCategory.LISTING_SCREENSHOT}
    assert not any(i.satisfied for i in items)
    photo = register.evidence.add_file(case.id, write(tmp_path, "p.png", png_bytes()), "小王",
                                       category=EvidenceCategory.ITEM_PHOTO)
    done = {i.category: i.satisfied for i in register.evidence.checklist(case.id)}
    assert done == {EvidenceCategory.ITEM_PHOTO: True,
                    EvidenceCategory.LISTING_SCREENSHOT: False}
    assert [i.category for i in register.evidence.missing(case.id)] == [
        EvidenceCategory.LISTING_SCREENSHOT]
    register.evidence.remove(photo.id, "小王")  # removed evidence no longer counts
    assert not any(i.satisfied for i in register.evidence.checklist(case.id))


def test_a_broken_override_is_reported_by_the_service(register):
    case = open_case(register)
    (register.paths.root / "evidence_checklist.toml").write_text("[[nope]]\n", "utf-8")
    with pytest.raises(ChecklistError) as info:
        register.evidence.checklist(case.id)
    assert "evidence_checklist.toml" in info.value.zh and "nope" in info.value.zh
