"""`shopdesk print CASE_NO ... -o FILE.pdf [--full-contact]`."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def _add(cli, order, nick, phone):
    code, out, err = cli("cases", "add", "--platform", "taobao", "--order", order,
                         "--kind", "refund_only", "--buyer", nick, "--phone", phone,
                         "--amount", "59.90", "--item", "保温杯", "--cause", "transit_damage",
                         "--description", "外包装破损，杯身凹陷")
    assert code == 0, err
    return out.strip()


def _pages(path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def test_one_case_masked_by_default(cli, tmp_path):
    case_no = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    target = tmp_path / "one.pdf"
    code, out, err = cli("print", case_no, "-o", str(target))
    assert code == 0, err
    assert out == f"已把 1 个案件（共 1 页）写入 {target}\n"
    code, out, err = cli("print", case_no, "-o", str(target), lang="en")
    assert out == f"wrote 1 case(s), 1 page(s) to {target}\n"
    text = "".join(_pages(target))
    assert case_no in text and "小蜜蜂" in text and "保温杯" in text and "运输破损" in text
    assert "外包装破损，杯身凹陷" in text  # in the composed facts statement
    assert "138****5678" in text and "13812345678" not in text


def test_full_contact_only_with_the_option_and_audited(cli, tmp_path):
    case_no = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    target = tmp_path / "full.pdf"
    code, out, _ = cli("print", case_no, "-o", str(target), "--full-contact")
    assert code == 0 and out.endswith("\n包含完整的联系方式（已记入审计记录）\n")
    code, out, _ = cli("print", case_no, "-o", str(target), "--full-contact", lang="en")
    assert code == 0 and "audit" in out
    assert "13812345678" in "".join(_pages(target))


def test_several_cases_one_pdf_with_contents(cli, tmp_path):
    a = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    b = _add(cli, "3712345678902", "大鲸鱼", "13900001111")
    target = tmp_path / "batch.pdf"
    code, out, _ = cli("print", a, b, "-o", str(target))
    assert code == 0 and "已把 2 个案件（共 3 页）写入" in out
    pages = _pages(target)
    assert "目录" in pages[0] and a in pages[0] and b in pages[0]
    assert a in pages[1] and b in pages[2]


def test_unknown_case_is_named_and_nothing_is_written(cli, tmp_path):
    a = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    target = tmp_path / "x.pdf"
    code, out, err = cli("print", a, "SD-20990101-0001", "nonsense", "-o", str(target))
    assert code == 1 and out == ""
    assert err == "shopdesk: 没有这个案件：SD-20990101-0001、nonsense（没有写入任何内容）\n"
    code, out, err = cli("print", a, "SD-20990101-0001", "nonsense", "-o", str(target),
                         lang="en")
    assert err == "shopdesk: no such case: SD-20990101-0001, nonsense (nothing written)\n"
    assert not target.exists()


@pytest.mark.parametrize("name, why, why_en", [
    ("x.txt", "输出文件必须是 .pdf", "must be a .pdf"),
    ("missing/x.pdf", "文件夹不存在", "folder does not exist")])
def test_a_bad_output_path_is_refused(cli, tmp_path, name, why, why_en):
    a = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    code, _out, err = cli("print", a, "-o", str(tmp_path / name))
    assert code == 1 and why in err and err.startswith("shopdesk: -o:")
    code, _out, err = cli("print", a, "-o", str(tmp_path / name), lang="en")
    assert code == 1 and why_en in err and err.startswith("shopdesk: -o:")


def test_usage_errors_exit_2(cli):
    assert cli("print", "-o", "x.pdf")[0] == 2  # no case number
    assert cli("print", "SD-20261123-0001")[0] == 2  # no -o


def test_english_document(cli, tmp_path):
    a = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    target = tmp_path / "en.pdf"
    assert cli("print", a, "-o", str(target), "--lang", "en")[0] == 0
    text = "".join(_pages(target))
    assert "After-sales dispute summary" in text and "Page 1 of 1" in text


def test_a_pdf_held_open_by_a_viewer_is_named_and_left_as_it_was(cli, tmp_path, monkeypatch):
    # Windows: a viewer holding the old file open makes the final rename fail.
    import shopdesk.reports.summary_pdf as summary_pdf

    a = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    target = tmp_path / "held.pdf"
    target.write_bytes(b"%PDF-1.4 the earlier summary")

    real = summary_pdf.os.replace

    def locked(src, dst):
        if str(dst) != str(target):
            return real(src, dst)
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(summary_pdf.os, "replace", locked)
    code, _out, err = cli("print", a, "-o", str(target))
    assert code == 1 and "正被其他程序" in err and str(target) in err
    code, _out, err = cli("print", a, "-o", str(target), lang="en")
    assert code == 1 and "is open in another program" in err and str(target) in err
    assert target.read_bytes() == b"%PDF-1.4 the earlier summary"
    assert not list(tmp_path.glob("*.part"))  # no half-written file left behind


def test_for_the_platform_says_so(cli, tmp_path):
    case_no = _add(cli, "3712345678901", "小蜜蜂", "13812345678")
    target = tmp_path / "appeal.pdf"
    code, out, err = cli("print", case_no, "-o", str(target), "--for-platform")
    assert code == 0, err
    assert out.splitlines()[-1] == "平台申诉版：已略去店内预警、审批和内部判断"
    code, out, err = cli("print", case_no, "-o", str(target), "--for-platform", lang="en")
    assert out.splitlines()[-1] == ("for the platform: the shop's own warnings, approvals and "
                                    "assessments left out")
    text = "".join(_pages(target)).replace("\n", "")
    assert "平台申诉版" in text and "保温杯" in text and "运输破损" not in text
    record = tmp_path / "record.pdf"
    code, out, _ = cli("print", case_no, "-o", str(record))
    assert "for the platform" not in out and "平台申诉版" not in "".join(_pages(record))
