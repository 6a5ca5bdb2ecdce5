"""The script library screen: browse, favourites, edit + reset, new + delete, export/import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from shopdesk.services.scripts import ScriptOrigin, open_script_service
from shopdesk.ui.dialogs.script_edit_dialog import ScriptEditDialog
from shopdesk.ui.views.script_library_view import ScriptLibraryView

SHIPPED = "return_refund.clarify.1"


@pytest.fixture
def svc(register):
    return open_script_service(register.db, register.clock)


@pytest.fixture
def view(qtbot, register, svc):
    widget = ScriptLibraryView(register, svc, lambda: "小王")
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    return widget


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_lists_every_script_and_searches(qtbot, view, svc):
    assert view.table.rowCount() == len(svc.library())
    view.search.setText("拍三张照片")
    assert view.ids() == [SHIPPED]
    assert "拍三张照片" in view.preview.toPlainText()
    # One language at a time: the window's (Chinese here).
    english = svc.get(SHIPPED).text.en
    assert english[:20] not in view.preview.toPlainText()


def test_the_english_window_shows_english_scripts_only(qtbot, register, svc, monkeypatch):
    monkeypatch.setenv("SHOPDESK_LANG", "en")
    widget = ScriptLibraryView(register, svc, lambda: "小王")
    qtbot.addWidget(widget)
    widget.show()
    widget.select(SHIPPED)
    text = widget.preview.toPlainText()
    assert text.startswith(svc.get(SHIPPED).text.en[:20])
    assert "拍三张照片" not in text


def test_favourite_and_most_used_come_first(qtbot, view, svc):
    svc.record_use("exchange.act.1")
    view.reload()
    assert view.ids()[0] == "exchange.act.1"
    assert view.table.item(0, 4).text() == "1"
    view.select(SHIPPED)
    _click(qtbot, view.favourite_button)
    assert view.ids()[0] == SHIPPED and view.table.item(0, 0).text() == "★"
    view.favourites_only.setChecked(True)
    assert view.ids() == [SHIPPED]


def test_edit_a_shipped_script_then_reset_it(qtbot, view, svc):
    view.search.setText(SHIPPED)
    view.select(SHIPPED)
    assert not view.reset_button.isEnabled()
    _click(qtbot, view.edit_button)
    dialog = view.edit_dialog
    assert dialog is not None and dialog.id_edit.isReadOnly()
    dialog.edits["title.zh"].setText("拍照取证（店铺版）")
    _click(qtbot, dialog.save_button)
    assert svc.origin(SHIPPED) is ScriptOrigin.EDITED
    assert view.table.item(0, 1).text() == "拍照取证（店铺版）"
    assert view.table.item(0, 3).text() == "edited"
    assert view.reset_button.isEnabled()
    _click(qtbot, view.reset_button)  # the boxes fixture answers Yes
    assert svc.origin(SHIPPED) is ScriptOrigin.SHIPPED
    assert view.table.item(0, 1).text() == svc.catalog.library.get(SHIPPED).title.zh


def test_a_shipped_statement_with_facts_can_be_edited(qtbot, view, svc):
    # platform_dispute.act.3 lets the seller tick facts ({事实}): the form carries them, or
    # every edit was refused ("uses {facts} but lists no facts").
    statement = "platform_dispute.act.3"
    view.search.setText(statement)
    view.select(statement)
    _click(qtbot, view.edit_button)
    dialog = view.edit_dialog
    facts_zh = dialog.edits["facts.zh"].toPlainText().splitlines()
    assert len(facts_zh) == 5 and facts_zh[0].startswith("买家未提供")
    dialog.edits["facts.zh"].setPlainText("\n".join([*facts_zh, "买家签收后七天内未联系我方"]))
    dialog.edits["facts.en"].setPlainText(dialog.edits["facts.en"].toPlainText()
                                          + "\nThe buyer did not contact us for 7 days")
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), dialog.errors.text()
    assert svc.origin(statement) is ScriptOrigin.EDITED
    assert svc.get(statement).facts[-1].zh == "买家签收后七天内未联系我方"


def test_an_edit_breaking_a_rule_stays_in_the_dialog_with_the_reason(qtbot, view, svc):
    view.select(SHIPPED)
    _click(qtbot, view.edit_button)
    dialog = view.edit_dialog
    dialog.edits["text.zh"].setPlainText("请拍照给我看看。如果要退，运费由您承担。")
    _click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.errors.isVisible()
    # The field as the form shows it, not the file key (text.zh).
    assert "正文（中文）：" in dialog.errors.text() and "运费" in dialog.errors.text()
    assert "text.zh" not in dialog.errors.text()
    assert svc.origin(SHIPPED) is ScriptOrigin.SHIPPED


def test_the_id_of_an_existing_script_cannot_be_typed_over(qtbot, view, svc):
    view.select(SHIPPED)
    _click(qtbot, view.edit_button)
    dialog = view.edit_dialog
    qtbot.keyClicks(dialog.id_edit, "x")
    assert dialog.id_edit.text() == SHIPPED and dialog.id_edit.toolTip()
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()  # saved as the same script, nothing else
    assert [s.id for s in svc.library()].count(SHIPPED) == 1


def test_a_new_shop_script_in_chinese_only(qtbot, view, svc, register, monkeypatch):
    _click(qtbot, view.new_button)
    dialog = view.edit_dialog
    dialog.edits["title.zh"].setText("店铺开场")
    dialog.edits["tone.zh"].setText("简短")
    dialog.edits["text.zh"].setPlainText("{买家}您好，收到了，我马上处理。")
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert svc.origin("shop.respond.1") is ScriptOrigin.SHOP
    assert svc.get("shop.respond.1").text.en == ""
    # The English window shows the Chinese title and text instead of blanks.
    monkeypatch.setenv("SHOPDESK_LANG", "en")
    english = ScriptLibraryView(register, svc, lambda: "小王")
    qtbot.addWidget(english)
    english.show()
    english.select("shop.respond.1")
    assert english.table.item(english.ids().index("shop.respond.1"), 1).text() == "店铺开场"
    assert english.preview.toPlainText().startswith("{买家}您好")


def test_refusals_name_fields_as_the_form_shows_them(qtbot, view, svc):
    _click(qtbot, view.new_button)
    dialog = view.edit_dialog
    dialog.edits["title.zh"].setText("店铺开场")
    dialog.edits["text.zh"].setPlainText("您的{单号}收到了。")
    _click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    lines = dialog.errors.text().splitlines()
    assert "语气（中文）：不能为空" in lines
    assert any(line.startswith("正文（中文）：未知的占位符：{单号}（可用：{买家}、{订单号}、")
               for line in lines)
    assert not any(key in dialog.errors.text() for key in ("tone.zh", "text.zh", "title.en"))
    assert "shop.respond.1" not in svc.library()


def test_a_chinese_only_script_breaking_a_rule_is_shown_once(qtbot, view, svc):
    _click(qtbot, view.new_button)
    dialog = view.edit_dialog
    dialog.edits["title.zh"].setText("运费说明")
    dialog.edits["tone.zh"].setText("简短")
    dialog.edits["text.zh"].setPlainText("退货的话运费您先垫付一下。")
    _click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    lines = dialog.errors.text().splitlines()
    # A generic script: one rule, one line; nothing about the English left empty.
    assert len(lines) == 1 and lines[0].startswith("正文（中文）：") and "运费" in lines[0]
    assert "英文" not in dialog.errors.text()


def test_refusals_in_the_english_window(qtbot, svc):
    dialog = ScriptEditDialog(svc, "小王", lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["tone.zh"].setText("简短")
    dialog.edits["text.zh"].setPlainText("收到了。")
    _click(qtbot, dialog.save_button)
    assert dialog.errors.text() == "Title (Chinese): is required and must be non-empty text"


def test_new_shop_script_then_delete_it(qtbot, view, svc):
    _click(qtbot, view.new_button)
    dialog = view.edit_dialog
    assert dialog.id_edit.text() == "shop.respond.1"
    for key, text in (("title.zh", "店铺开场"), ("title.en", "Shop opener"),
                      ("tone.zh", "简短"), ("tone.en", "Brief")):
        dialog.edits[key].setText(text)
    dialog.edits["text.zh"].setPlainText("{买家}您好，收到了，我马上处理。")
    dialog.edits["text.en"].setPlainText("Hi {buyer}, got it, on it now.")
    _click(qtbot, dialog.save_button)
    assert svc.origin("shop.respond.1") is ScriptOrigin.SHOP
    assert view.selected_id() == "shop.respond.1"
    assert view.delete_button.isEnabled()
    _click(qtbot, view.delete_button)
    assert "shop.respond.1" not in view.ids()


def test_export_and_a_failed_import(qtbot, view, svc, tmp_path, monkeypatch, boxes):
    svc.add_shop_script({
        "id": "shop.respond.1", "title": {"zh": "开场", "en": "Opener"}, "kinds": ["any"],
        "causes": ["any"], "step": "respond", "channel": "chat",
        "tone": {"zh": "短", "en": "Short"}, "text": {"zh": "收到，马上处理。", "en": "On it."}},
        "小王")
    out = tmp_path / "mine.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _click(qtbot, view.export_button)
    assert "shop.respond.1" in out.read_text(encoding="utf-8-sig")
    bad = tmp_path / "bad.csv"
    bad.write_text(out.read_text(encoding="utf-8-sig").replace("shop.respond.1", "shop.x.1")
                   .replace(",respond,", ",later,"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    _click(qtbot, view.import_button)
    [warning] = boxes.texts("warning")
    assert "bad.csv:2" in warning and "shop.x.1" in warning and "step" in warning
    assert "shop.x.1" not in svc.library()


def test_a_damaged_stored_script_is_reported_not_fatal(qtbot, register, svc, clock):
    svc.store.put_shop_script("shop.respond.1", {"id": "shop.respond.1", "step": "dance"},
                              clock.now(), "x")
    svc.reload()
    view = ScriptLibraryView(register, svc, lambda: "小王")
    qtbot.addWidget(view)
    view.show()
    assert view.problems.isVisible() and view.problems.text().startswith("1 ")
    assert "shop.respond.1" in view.problems.toolTip()
    assert view.table.rowCount() == len(svc.catalog.library)
