"""`shopdesk evidence ...`: add, waybill, list (text and JSON), remove, errors."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from shopdesk.cli import run
from tests.services.evidence_support import png_bytes


@pytest.fixture
def home(cli_home) -> Path:
    return cli_home


@pytest.fixture
def cli(home, clock):
    env = {"SHOPDESK_HOME": str(home)}

    def call(*argv, lang: str | None = None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock,
                   env=env | ({"SHOPDESK_LANG": lang} if lang else {}), out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def case_no(cli):
    code, out, _ = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                       "--kind", "refund_only", "--cause", "transit_damage")
    assert code == 0
    return out.strip()


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "外箱.png"
    path.write_bytes(png_bytes())
    return path


def test_add_then_list_json(cli, case_no, photo, home):
    code, out, err = cli("evidence", "add", case_no, str(photo), "--caption", "外箱压扁",
                         "--category", "外包装照片", "--json")
    assert code == 0, err
    added = json.loads(out)
    ev = added["evidence"]
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert added["schema"] == 1 and added["case_no"] == case_no
    assert (ev["kind"], ev["category"], ev["caption"], ev["filename"]) == (
        "file", "package_photo", "外箱压扁", "外箱.png")
    assert ev["sha256"] == sha and ev["mime"] == "image/png" and ev["file_exists"] is True
    assert Path(ev["path"]) == (home / "evidence" / sha[:2] / f"{sha}.png").resolve()
    assert ev["added_at"] == "2026-11-23T02:00:00+00:00" and ev["added_by"] == "小王"

    assert cli("evidence", "waybill", case_no, "--carrier", "顺丰速运",
               "--number", "SF1234567890123")[0] == 0
    code, out, _ = cli("evidence", "list", case_no, "--json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 2
    assert [e["kind"] for e in data["evidence"]] == ["file", "waybill"]
    assert data["evidence"][1]["path"] is None and data["evidence"][1]["file_exists"] is None
    assert data["evidence"][1]["waybill_no"] == "SF1234567890123"
    satisfied = {c["category"]: c["satisfied"] for c in data["checklist"]}
    assert satisfied["package_photo"] is True and satisfied["item_photo"] is False
    assert data["missing"] == [c for c, ok in satisfied.items() if not ok]
    assert data["checklist_error"] is None


def test_the_same_file_twice_is_refused_and_stored_once(cli, case_no, photo, home):
    assert cli("evidence", "add", case_no, str(photo))[0] == 0
    code, out, err = cli("evidence", "add", case_no, str(photo))
    assert code == 1 and out == ""
    assert err.startswith("shopdesk: FILE: ") and "已添加" in err and "外箱.png" in err
    assert len([p for p in (home / "evidence").rglob("*") if p.is_file()]) == 1


def test_text_list_marks_missing_files_and_the_checklist(cli, case_no, photo, home):
    cli("evidence", "add", case_no, str(photo), "--category", "item_photo", "--caption", "裂纹")
    for stored in (home / "evidence").rglob("*.png"):
        stored.unlink()
    code, out, _ = cli("evidence", "list", case_no)
    assert code == 0
    assert "外箱.png" in out and "[文件缺失]" in out and "— 裂纹" in out
    assert "✓ 商品实物照片" in out and "缺 外包装照片" in out
    code, out, _ = cli("evidence", "list", case_no, lang="en")
    assert "[file missing]" in out and "missing Photos of the outer package" in out


def test_remove_is_soft_and_listed_with_all(cli, case_no, photo):
    code, out, _ = cli("evidence", "add", case_no, str(photo), "--json")
    ev_id = json.loads(out)["evidence"]["id"]
    code, out, err = cli("evidence", "remove", case_no, str(ev_id), "--reason", "拍错了")
    assert code == 0
    assert out == f"已从 {case_no} 移除证据 {ev_id}：{photo.name}（审计记录中仍保留）\n"
    assert json.loads(cli("evidence", "list", case_no, "--json")[1])["count"] == 0
    data = json.loads(cli("evidence", "list", case_no, "--all", "--json")[1])
    (ev,) = data["evidence"]
    assert ev["removed"] is True and ev["removed_reason"] == "拍错了"
    assert ev["removed_by"] == "小王" and ev["file_exists"] is True
    code, _, err = cli("evidence", "remove", case_no, "999")
    assert code == 1 and "999" in err


@pytest.mark.parametrize("argv, needle", [
    (("evidence", "add", "SD-20991231-0001", "x.png"), "没有这个案件：SD-20991231-0001"),
    (("evidence", "add", "{case}", "{missing}"), "FILE: 找不到文件"),
    (("evidence", "add", "{case}", "{folder}"), "FILE: 这是一个文件夹"),
    (("evidence", "add", "{case}", "{photo}", "--category", "selfie"), "--category"),
    (("evidence", "waybill", "{case}", "--carrier", "顺丰", "--number", "运单"), "--number"),
])
def test_refusals_exit_1_naming_what_is_wrong(cli, case_no, photo, tmp_path, argv, needle):
    values = {"case": case_no, "missing": str(tmp_path / "nope.png"),
              "folder": str(tmp_path), "photo": str(photo)}
    code, out, err = cli(*(a.format(**values) for a in argv))
    assert code == 1 and out == "" and needle in err


def test_usage_errors_exit_2(cli, case_no):
    assert cli("evidence", "add", case_no)[0] == 2
    assert cli("evidence", "waybill", case_no, "--carrier", "顺丰")[0] == 2


def test_a_data_folder_that_cannot_take_the_file_exits_1_naming_it(cli, case_no, photo,
                                                                    monkeypatch):
    """Disk full or an unwritable data folder: a message and exit 1, not a traceback."""
    import errno

    from shopdesk.storage.content_store import ContentStore

    def full(self, source):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ContentStore, "put", full)
    code, out, err = cli("evidence", "add", case_no, str(photo))
    assert code == 1 and out == ""
    assert err.startswith("shopdesk: FILE: ") and str(photo) in err
    assert "No space left on device" in err
    code, out, _ = cli("evidence", "list", case_no, "--json")
    assert json.loads(out)["count"] == 0


def test_edit_changes_caption_and_category_audited(cli, case_no, photo):
    code, out, _ = cli("evidence", "add", case_no, str(photo), "--json")
    ev_id = json.loads(out)["evidence"]["id"]
    code, out, err = cli("evidence", "edit", case_no, str(ev_id), "--category", "package_photo",
                         "--caption", "外箱压坏")
    assert code == 0, err
    assert out == f"已修改 {case_no} 的证据 {ev_id}：{photo.name}（外包装照片） — 外箱压坏\n"
    code, out, err = cli("evidence", "edit", case_no, str(ev_id), "--caption", "外箱压坏了",
                         lang="en")
    assert out == f"changed evidence {ev_id} on {case_no}: {photo.name} (Photos of the outer " \
        "package) — 外箱压坏了\n"
    code, out, _ = cli("evidence", "edit", case_no, str(ev_id), "--caption", "", "--json")
    data = json.loads(out)["evidence"]
    assert (data["category"], data["caption"]) == ("package_photo", "")
    audit = json.loads(cli("cases", "audit", case_no, "--json")[1])["audit"]
    assert [(a["action"], a["old"], a["new"]) for a in audit[-4:]] == [
        ("evidence_category", "其他", "外包装照片"), ("evidence_caption", "", "外箱压坏"),
        ("evidence_caption", "外箱压坏", "外箱压坏了"), ("evidence_caption", "外箱压坏了", "")]


@pytest.mark.parametrize("argv,err", [
    (["--caption", "x"], "shopdesk: EVIDENCE_ID: {case_no} 没有证据 99\n"),
    ([], None),
])
def test_edit_refusals(cli, case_no, argv, err):
    evidence_id = "99" if argv else "1"
    code, out, got = cli("evidence", "edit", case_no, evidence_id, *argv)
    assert (code, out) == (1, "")
    if err:
        assert got == err.format(case_no=case_no)
    else:
        assert got == "shopdesk: evidence edit: 没有要改的内容；请给出 --caption 或 --category\n"
    code, out, got = cli("evidence", "edit", case_no, evidence_id, *argv, lang="en")
    assert got == (err.format(case_no=case_no).replace(f"{case_no} 没有证据 99",
                                                        f"no evidence 99 on {case_no}") if err
                   else "shopdesk: evidence edit: nothing to change; give --caption or "
                        "--category\n")


def test_edit_refuses_a_category_the_file_contradicts(cli, case_no, photo):
    code, out, _ = cli("evidence", "add", case_no, str(photo), "--json")
    ev_id = json.loads(out)["evidence"]["id"]
    code, out, err = cli("evidence", "edit", case_no, str(ev_id), "--category", "video")
    assert (code, out) == (1, "") and err.startswith("shopdesk: --category: ")
    code, out, err = cli("evidence", "edit", case_no, str(ev_id), "--category", "nope")
    assert (code, out) == (1, "") and err.startswith("shopdesk: --category: 不认识的类别 'nope'")
    code, out, err = cli("evidence", "edit", case_no, str(ev_id), "--category", "nope",
                         lang="en")
    assert (code, out) == (1, "") and err.startswith("shopdesk: --category: unknown category")


def test_add_refuses_a_file_that_is_no_evidence_by_name(cli, case_no, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("the buyer says it leaks", encoding="utf-8")
    code, out, err = cli("evidence", "add", case_no, str(notes))
    assert code == 1 and out == ""
    assert "不支持的文件类型：“notes.txt”（text/plain）" in err
    trunc = tmp_path / "trunc.gif"
    trunc.write_bytes(b"GIF89a")
    code, _, err = cli("evidence", "add", case_no, str(trunc), lang="en")
    assert code == 1 and "Cannot read the picture 'trunc.gif'" in err
    assert json.loads(cli("evidence", "list", case_no, "--json")[1])["count"] == 0


def test_a_huge_picture_is_added_without_a_warning_on_stderr(cli, case_no, tmp_path,
                                                             monkeypatch, recwarn):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # a 12000x9000 scan, scaled down
    scan = tmp_path / "scan.jpg"
    Image.new("RGB", (40, 30), (90, 90, 90)).save(scan)
    code, out, err = cli("evidence", "add", case_no, str(scan))
    assert code == 0 and err == "" and "scan.jpg" in out
    # Python prints a warning on the process's stderr: none was raised.
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]
