"""Translations: the shipped .qm translates, the .ts is complete and up to date."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from shopdesk.ui.i18n import (
    APP_QM,
    Translators,
    arg_language,
    normalise,
    override_language,
    translations_dir,
)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "shopdesk_zh_CN.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")  # beside the venv's python
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\d|&[A-Za-z]")


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_qm_translates_main_strings():
    translator = QTranslator()
    assert translator.load(APP_QM, str(translations_dir()))
    assert translator.translate("MainWindowChrome", "&File") == "文件(&F)"
    assert translator.translate("FilterBar", "Due today") == "今日到期"
    assert translator.translate("FilterBar", "{count} cases") == "共 {count} 条"
    assert translator.translate("Startup", "The register is already open in another "
                                           "window.") == "登记簿已在另一个窗口中打开"
    assert translator.translate("CaseTableModel", "Case no.") == "案件号"


def test_installed_translators_cover_app_and_qt_buttons(qapp):
    translators = Translators(qapp)
    try:
        assert translators.install("zh")
        assert QCoreApplication.translate("MainWindowChrome", "&Help") == "帮助(&H)"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert any("确定" in t for t in texts) and any("取消" in t for t in texts)
        assert translators.install("en")
        assert QCoreApplication.translate("MainWindowChrome", "&Help") == "&Help"
    finally:
        translators.remove()


def test_ts_has_no_unfinished_or_empty_translations():
    found = list(messages(TS))
    assert len(found) > 200
    # Entries lupdate keeps for strings removed from the code ("vanished") are not shipped.
    live = [(c, s, tr) for c, s, tr in found
            if tr is None or tr.get("type") not in ("vanished", "obsolete")]
    bad = [(ctx, src) for ctx, src, tr in live
           if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert bad == [], "untranslated strings: fill them in resources/translations/*.ts"


def test_translations_keep_placeholders_and_accelerators():
    for ctx, src, tr in messages(TS):
        if tr.get("type") in ("vanished", "obsolete"):
            continue
        wanted = sorted(p for p in PLACEHOLDER.findall(src) if not p.startswith("&"))
        got = sorted(p for p in PLACEHOLDER.findall(tr.text) if not p.startswith("&"))
        assert wanted == got, (ctx, src, tr.text)
        if re.search(r"&[A-Za-z]", src):
            assert re.search(r"\(&[A-Z]\)", tr.text), (ctx, src, tr.text)


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
def test_ts_is_up_to_date_with_the_sources(tmp_path):
    """Every tr() string in shopdesk/ui is in the .ts (run `make translations` if not)."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "shopdesk" / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-ts", str(copy)], check=True,
                   capture_output=True, timeout=120)
    fresh = {(c, s) for c, s, tr in messages(copy) if tr.get("type") != "vanished"
             and tr.get("type") != "obsolete"}
    shipped = {(c, s) for c, s, _ in messages(TS)}
    assert fresh - shipped == set(), "new strings need translating: make translations"


def test_a_qm_file_rewritten_while_the_window_runs_changes_nothing(qapp, tmp_path,
                                                                    monkeypatch):
    """An update written over the .qm in place while the app ran turned half the window
    English (Qt had mapped the file): the translations are read into memory."""
    import shutil

    import shopdesk.ui.i18n as i18n

    copy = tmp_path / f"{APP_QM}.qm"
    shutil.copyfile(translations_dir() / f"{APP_QM}.qm", copy)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    translators = Translators(qapp)
    try:
        assert translators.install("zh")
        size = copy.stat().st_size
        with copy.open("r+b") as fh:  # in place, as an unpacked update writes it
            fh.write(b"\0" * size)
        assert QCoreApplication.translate("MainWindowChrome", "&Help") == "帮助(&H)"
        assert QCoreApplication.translate("FilterBar", "Due today") == "今日到期"
    finally:
        translators.remove()


def test_translations_outlive_the_object_that_installed_them(qapp):
    """Read into memory, the bytes must live with the translators Qt holds: a Translators
    dropped after install() freed them, and every later lookup fell back to English."""
    import gc

    Translators(qapp).install("zh")
    try:
        gc.collect()
        churn = [bytes(range(256)) * 400 for _ in range(200)]  # reuse the freed memory
        assert QCoreApplication.translate("CaseTableModel", "Case no.") == "案件号"
        assert QCoreApplication.translate("FilterBar", "Due today") == "今日到期"
        del churn
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()


def test_language_choice_rules():
    assert normalise("en_US") == "en" and normalise("zh_CN") == "zh"
    assert normalise("fr") is None and normalise("") is None
    assert arg_language(["--lang", "en"]) == "en"
    assert arg_language(["--lang=zh"]) == "zh"
    assert override_language({"SHOPDESK_LANG": "en"}) == "en"
    assert override_language({"SHOPDESK_LANG": "en"}, ["--lang", "zh"]) == "zh"
    assert override_language({}) is None


def test_lang_argument_reaches_the_case_views_not_only_the_menus(make_window, demo_register,
                                                                 monkeypatch):
    """`--lang en` (or the setting) must label data in the case panel too, not just tr() text."""
    from shopdesk.ui.i18n import ui_language

    monkeypatch.delenv("SHOPDESK_LANG", raising=False)
    window = make_window(demo_register, args=("--lang", "en"))
    assert ui_language(demo_register) == "en"
    case_id = window.case_list.model.case_id_at(0)
    assert window.case_list.select_case(case_id)
    case = demo_register.cases.get(case_id)
    summary = window.detail.header.summary.text()
    assert case.kind.en in summary and case.kind.zh not in summary
    assert window.detail.header.badge.text() == case.status.en


def test_every_menu_item_and_shift_label_of_the_chinese_window_is_chinese(window):
    """Strings that moved into the feature controllers changed their tr() context; their
    translations must have moved with them."""
    cjk = re.compile(r"[\u4e00-\u9fff]")
    seen = []

    def walk(menu):
        for action in menu.actions():
            if action.isSeparator():
                continue
            seen.append(action.text())
            if action.menu() is not None:
                walk(action.menu())

    walk(window.menuBar())
    assert len(seen) >= 29  # 6 menus, 23 items
    assert [t for t in seen if not cjk.search(t)] == []
    tips = [a.toolTip() for a in (window.act_print_summary, window.act_new_promise,
                                  window.shifts.act_shift_end)]
    assert all(cjk.search(t) for t in tips), tips
    assert cjk.search(window.shifts.status_label.text())
