"""Thumbnails are made once, when a picture is added, and reused by every print."""

from __future__ import annotations

import pytest
from PIL import Image

from shopdesk.domain.evidence import EvidenceCategory
from shopdesk.reports import thumbnails

from .evidence_support import open_case


@pytest.fixture
def decodes(monkeypatch):
    """Every decode of an original picture (make_thumbnail), by file name."""
    seen: list[str] = []
    real = thumbnails.make_thumbnail

    def counting(path, max_px=thumbnails.THUMB_PX):
        seen.append(path.name if path else "")
        return real(path, max_px)

    monkeypatch.setattr(thumbnails, "make_thumbnail", counting)
    return seen


def _photo(tmp_path, name="实物.jpg", size=(1200, 900)):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    Image.new("RGB", size, (200, 0, 0)).save(path)
    return path


def test_adding_a_picture_makes_its_thumbnail_and_prints_reuse_it(register, tmp_path,
                                                                    decodes):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, _photo(tmp_path), "小王",
                                    category=EvidenceCategory.ITEM_PHOTO)
    assert decodes == [ev.stored_as.split("/")[-1]]  # once, when added
    kept = register.evidence.thumbnails.path_for(ev.sha256)
    assert kept.is_file()
    with Image.open(kept) as img:
        assert max(img.size) == thumbnails.THUMB_PX
    for n in range(3):
        register.summary.write_pdf([case.id], tmp_path / f"s{n}.pdf", actor="小王")
    assert len(decodes) == 1  # no print decoded the photo again


def test_the_same_picture_on_two_cases_has_one_thumbnail(register, tmp_path, decodes):
    photo = _photo(tmp_path)
    for order in ("3700000000001", "3700000000002"):
        register.evidence.add_file(open_case(register, order).id, photo, "小王",
                                   category=EvidenceCategory.ITEM_PHOTO)
    assert len(decodes) == 1


def test_older_evidence_gets_its_thumbnail_on_the_first_print(register, tmp_path, decodes):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, _photo(tmp_path), "小王",
                                    category=EvidenceCategory.ITEM_PHOTO)
    kept = register.evidence.thumbnails.path_for(ev.sha256)
    kept.unlink()  # as for a picture added before thumbnails were kept
    register.summary.write_pdf([case.id], tmp_path / "a.pdf", actor="小王")
    assert kept.is_file() and len(decodes) == 2
    register.summary.write_pdf([case.id], tmp_path / "b.pdf", actor="小王")
    assert len(decodes) == 2


def test_a_damaged_thumbnail_is_made_again(register, tmp_path, decodes):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, _photo(tmp_path), "小王",
                                    category=EvidenceCategory.ITEM_PHOTO)
    kept = register.evidence.thumbnails.path_for(ev.sha256)
    kept.write_bytes(b"not a jpeg")
    register.summary.write_pdf([case.id], tmp_path / "a.pdf", actor="小王")
    assert len(decodes) == 2
    with Image.open(kept) as img:
        assert img.format == "JPEG"


def test_an_unreadable_picture_is_refused_when_added(register, tmp_path):
    from shopdesk.domain.errors import ValidationError

    from .evidence_support import stored_files

    case = open_case(register)
    bad = tmp_path / "坏.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)  # a JPEG head, then nothing
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, bad, "小王", category=EvidenceCategory.ITEM_PHOTO)
    assert "无法读取图片“坏.jpg”" in refused.value.errors[0].zh
    assert register.evidence.for_case(case.id) == [] and stored_files(register) == []


def test_an_unreadable_picture_already_held_prints_as_unreadable(register, tmp_path,
                                                                  monkeypatch):
    from .evidence_support import allow_unchecked_files

    allow_unchecked_files(monkeypatch)  # added before pictures were checked
    case = open_case(register)
    bad = tmp_path / "坏.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)  # a JPEG head, then nothing
    ev = register.evidence.add_file(case.id, bad, "小王",
                                    category=EvidenceCategory.ITEM_PHOTO)
    assert not register.evidence.thumbnails.path_for(ev.sha256).exists()
    result = register.summary.write_pdf([case.id], tmp_path / "a.pdf", actor="小王")
    assert result.path.is_file()
