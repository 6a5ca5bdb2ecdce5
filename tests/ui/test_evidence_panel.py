"""The evidence tab: drop files, add with the file dialog, caption, category, open, remove,
waybills, the per-cause checklist, and missing files shown as missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.evidence import EvidenceCategory
from shopdesk.ui.views.case_detail import CaseDetailView
from shopdesk.ui.views.evidence_panel import EvidencePanel

from ..services.evidence_support import allow_unchecked_files
from .ui_support import Operator, choose, make_case, type_text


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


def png(folder: Path, name: str, colour: str = "#c62828", size=(64, 48)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / name
    assert image.save(str(path))
    return path


def mime_with(paths: list[Path], extra: list[str] = ()) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths] + [QUrl(u) for u in extra])
    return data


def drop(target, paths: list[Path], extra: list[str] = ()) -> QDropEvent:
    """Drag the files over `target` and let go, as the window system would deliver it."""
    return deliver(target, mime_with(paths, extra))


def deliver(target, data: QMimeData) -> QDropEvent:
    """Drag `data` over `target` and let go there (the drop only if the enter was taken)."""
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    if enter.isAccepted():
        QApplication.sendEvent(target, event)
    return event


@pytest.fixture
def case(register):
    return make_case(register)


@pytest.fixture
def panel(qtbot, register, case) -> EvidencePanel:
    widget = EvidencePanel(register, Operator())
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    widget.set_case(case.id)
    return widget


def test_dropped_files_are_attached_with_thumbnails(panel, register, case, tmp_path):
    changed: list[int] = []
    panel.changed.connect(changed.append)
    a, b = png(tmp_path, "破洞.png"), png(tmp_path, "标签.png", "#1565c0")
    event = drop(panel, [a, b], extra=["https://example.com/x.png"])
    assert event.isAccepted()
    shown = register.evidence.for_case(case.id)
    assert [e.filename for e in shown] == ["破洞.png", "标签.png"]
    assert panel.evidence_ids() == [e.id for e in shown]
    assert changed == [case.id]
    icon = panel.list.item(0).icon()
    assert not icon.isNull()
    # A real thumbnail: the photo's red, not a drawn badge.
    pixel = icon.pixmap(96, 96).toImage().pixelColor(48, 48)
    assert pixel.red() > 150 and pixel.blue() < 80
    assert not panel.hint.isVisible()


def test_a_drag_without_local_files_or_without_a_case_is_refused(panel, tmp_path):
    data = mime_with([], ["https://example.com/x.png"])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()
    panel.set_case(None)
    assert not drop(panel, [png(tmp_path, "x.png")]).isAccepted()
    assert not panel.add_button.isEnabled()


def test_dropping_anywhere_on_the_case_view_lands_in_the_evidence_tab(qtbot, register, case,
                                                                      tmp_path):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.resize(700, 700)
    view.show()
    view.show_case(case.id)
    assert view.tabs.currentWidget() is not view.evidence_panel
    drop(view, [png(tmp_path, "b.png", "#00ff00")])
    assert [e.filename for e in register.evidence.for_case(case.id)] == ["b.png"]
    assert view.tabs.currentWidget() is view.evidence_panel
    panel = view.evidence_panel
    title = view.tabs.tabText(view.tabs.indexOf(panel))
    # A dropped file goes to the first item the checklist misses (an item_defective case:
    # 商品实物照片), named in the notice; two items are still missing.
    assert title == (panel.tr("Evidence (%1)").replace("%1", "1") + " · "
                     + panel.tr("%1 missing").replace("%1", "2"))
    line = view.text.tr("Evidence added (%1): %2").replace(
        "%1", EvidenceCategory.ITEM_PHOTO.zh).replace("%2", "b.png")
    assert any(t.endswith(line) for t in view.timeline_texts())
    assert EvidenceCategory.ITEM_PHOTO.zh in panel.notice.text()


def test_add_files_through_the_dialog_lists_what_was_refused(qtbot, panel, register, case,
                                                            tmp_path, monkeypatch):
    a = png(tmp_path, "a.png")
    same = tmp_path / "same-as-a.png"
    same.write_bytes(a.read_bytes())
    asked: list[str] = []

    def fake_dialog(parent, title, folder, filters):
        asked.append(filters)
        return [str(a), str(same), str(tmp_path / "gone.png")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_dialog))
    choose(qtbot, panel.add_as, EvidenceCategory.PACKAGE_PHOTO.value)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert asked and "*.pdf" in asked[0]
    shown = register.evidence.for_case(case.id)
    assert [(e.filename, e.category) for e in shown] == [
        ("a.png", EvidenceCategory.PACKAGE_PHOTO)]
    notice = panel.notice.text()
    assert panel.notice.isVisible() and "same-as-a.png" in notice and "gone.png" in notice
    assert "已添加" in notice and "找不到文件" in notice
    # Files stored once: the duplicate made no second copy.
    assert len([p for p in register.paths.evidence.rglob("*") if p.is_file()]) == 1


def test_caption_and_category_are_edited_in_place(qtbot, panel, register, case, tmp_path):
    ev = register.evidence.add_file(case.id, png(tmp_path, "a.png"), "小王")
    panel.refresh()
    panel.select(ev.id)
    panel.caption.setFocus()
    panel.caption.selectAll()
    type_text(qtbot, panel.caption, "袖口开线")
    qtbot.keyClick(panel.caption, Qt.Key.Key_Return)
    assert register.evidence.get(ev.id).caption == "袖口开线"
    assert "袖口开线" in panel.list.currentItem().text()
    panel.category.setFocus()
    choose(qtbot, panel.category, EvidenceCategory.ITEM_PHOTO.value)
    assert register.evidence.get(ev.id).category == EvidenceCategory.ITEM_PHOTO
    actions = {a.action for a in register.cases.audit(case.id)}
    assert {"evidence_caption", "evidence_category"} <= actions


def test_checklist_shows_what_is_missing_and_updates(qtbot, register, tmp_path, monkeypatch):
    case = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="5550001112223", kind=CaseKind.REFUND_ONLY,
        cause=Cause.NOT_AS_DESCRIBED, buyer_nick="tb_lemon"), "小王")
    panel = EvidencePanel(register, Operator())
    qtbot.addWidget(panel)
    panel.set_case(case.id)
    assert [(i.category, i.satisfied) for i in panel.checklist_items()] == [
        (EvidenceCategory.ITEM_PHOTO, False), (EvidenceCategory.LISTING_SCREENSHOT, False)]
    # The first missing item: what the seller adds next (the notice names it when used).
    assert panel.add_as.current() == EvidenceCategory.ITEM_PHOTO
    assert "与描述不符" in panel.checklist_label.text()
    choose(qtbot, panel.add_as, EvidenceCategory.ITEM_PHOTO.value)
    drop(panel, [png(tmp_path, "item.png")])
    assert [i.satisfied for i in panel.checklist_items()] == [True, False]
    assert "✓" in panel.checklist_label.text()
    # The "Add…" link beside a missing line adds files in that category.
    shot = png(tmp_path, "listing.png", "#ffffff")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(shot)], "")))
    assert "add:listing_screenshot" in panel.checklist_label.text()
    panel.checklist_label.linkActivated.emit("add:listing_screenshot")
    assert all(i.satisfied for i in panel.checklist_items())
    assert register.evidence.for_case(case.id)[-1].category == (
        EvidenceCategory.LISTING_SCREENSHOT)


def test_a_broken_checklist_file_is_shown_not_raised(panel, register, case, tmp_path):
    (register.paths.root / "evidence_checklist.toml").write_text("[[nope]]\n", "utf-8")
    panel.refresh()
    assert "evidence_checklist.toml" in panel.checklist_label.text()
    assert drop(panel, [png(tmp_path, "a.png")]).isAccepted()
    assert len(panel.evidence_ids()) == 1


def test_remove_asks_for_a_reason_and_can_be_cancelled(qtbot, panel, register, case, tmp_path,
                                                       boxes):
    ev = register.evidence.add_file(case.id, png(tmp_path, "a.png"), "小王")
    panel.refresh()
    panel.select(ev.id)
    boxes.text_answer = ("", False)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.evidence_ids() == [ev.id] and "a.png" in boxes.texts("input")[-1]
    boxes.text_answer = ("拍错了", True)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.evidence_ids() == []
    removed = register.evidence.get(ev.id)
    assert removed.is_removed and removed.removed_reason == "拍错了"
    assert register.evidence.file_path(removed).exists()  # the file is kept
    panel.show_removed.setChecked(True)
    assert panel.evidence_ids() == [ev.id]
    panel.select(ev.id)
    assert not panel.remove_button.isEnabled() and not panel.caption.isEnabled()


def test_open_uses_the_system_viewer_and_a_missing_file_is_a_placeholder(
        qtbot, panel, register, case, tmp_path, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    ev = register.evidence.add_file(case.id, png(tmp_path, "a.png"), "小王")
    panel.refresh()
    panel.select(ev.id)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [register.evidence.file_path(ev)]

    register.evidence.file_path(ev).unlink()
    panel.thumbs = type(panel.thumbs)(panel.thumbs.size)  # as after a restart
    panel.refresh()  # no crash; a drawn placeholder instead of the photo
    centre = panel.list.item(0).icon().pixmap(96, 96).toImage().pixelColor(48, 48)
    assert not (centre.red() > 150 and centre.green() < 80)  # not the red photo any more
    panel.select(ev.id)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert panel.notice.isVisible() and str(register.evidence.file_path(ev)) in (
        panel.notice.text())
    assert panel.tr("The file is missing from the data folder") in panel.list.item(0).toolTip()


@pytest.mark.parametrize("name,content", [
    ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
    ("invoice.html", b"<html><script>alert(1)</script></html>"),
    ("photo.jpg", b"@echo off\r\ndel /q *\r\n"),  # named as a photo, bytes are a script
])
def test_a_file_that_is_not_a_document_or_media_is_shown_in_its_folder(
        qtbot, panel, register, case, tmp_path, monkeypatch, name, content):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    allow_unchecked_files(monkeypatch)  # held from before files were checked when added
    source = tmp_path / name
    source.write_bytes(content)
    ev = register.evidence.add_file(case.id, source, "小王")
    assert not ev.is_image  # the name alone never makes it a picture
    panel.refresh()
    panel.select(ev.id)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    stored = register.evidence.file_path(ev)
    assert [Path(u.toLocalFile()) for u in opened] == [stored.parent]  # never the file
    assert panel.notice.isVisible() and name in panel.notice.text()


def test_waybill_dialog_adds_a_waybill_and_names_bad_fields(qtbot, panel, register, case):
    qtbot.mouseClick(panel.waybill_button, Qt.MouseButton.LeftButton)
    dialog = panel.waybill_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.fields["carrier"].has_error and dialog.fields["number"].has_error
    dialog.carrier.setCurrentIndex(0)
    qtbot.keyClicks(dialog.number, "sf 1234567890123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (ev,) = register.evidence.for_case(case.id)
    assert (ev.kind, ev.carrier, ev.waybill_no) == ("waybill", "顺丰速运", "SF1234567890123")
    assert panel.evidence_ids() == [ev.id]
    assert "SF1234567890123" in panel.list.item(0).text()


def test_trashed_case_is_read_only_and_no_operator_changes_nothing(qtbot, register, case,
                                                                  tmp_path):
    who = Operator("")
    panel = EvidencePanel(register, who)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_case(case.id)
    drop(panel, [png(tmp_path, "a.png")])
    assert register.evidence.for_case(case.id) == []
    assert panel.notice.isVisible()
    panel.set_case(case.id, read_only=True)
    assert not panel.add_button.isEnabled() and not panel.waybill_button.isEnabled()
    who.name = "小王"
    assert not drop(panel, [png(tmp_path, "b.png")]).isAccepted()
    assert register.evidence.for_case(case.id) == []


def test_case_view_shows_a_trashed_case_evidence_read_only(qtbot, register, case, tmp_path):
    register.evidence.add_file(case.id, png(tmp_path, "a.png"), "小王")
    register.cases.delete([case.id], "小王")
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.show_case(case.id)
    panel = view.evidence_panel
    assert len(panel.evidence_ids()) == 1 and panel.read_only
    assert not panel.add_button.isEnabled()


def test_timeline_words_for_evidence(qtbot, register, case, tmp_path, boxes):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.show_case(case.id)
    ev = register.evidence.add_file(case.id, png(tmp_path, "a.png"), "小王", caption="外箱压扁",
                                    category=EvidenceCategory.PACKAGE_PHOTO)
    register.evidence.add_waybill(case.id, "中通快递", "ZT778899", "小王")
    register.evidence.remove(ev.id, "小王", "重复")
    view.refresh()
    tr = view.text.tr
    added, waybill, removed = view.timeline_texts()[-3:]
    assert added.endswith(tr("Evidence added (%1): %2").replace(
        "%1", EvidenceCategory.PACKAGE_PHOTO.zh).replace("%2", "a.png") + "\n外箱压扁")
    assert waybill.endswith(tr("Waybill added: %1").replace("%1", "中通快递 ZT778899"))
    assert removed.endswith(tr("Evidence removed: %1").replace("%1", "a.png") + "\n"
                            + tr("Reason: %1").replace("%1", "重复"))
    assert view.text.action("evidence_remove") == tr("Evidence removed")


def test_a_file_dropped_on_the_note_box_is_attached_not_typed(qtbot, register, case, tmp_path):
    """The window system hands a drop to the text box under the cursor (its viewport), not
    to the case view: a photo dropped there must be attached, plain text still typed."""
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.resize(700, 700)
    view.show()
    view.show_case(case.id)
    photo = png(tmp_path, "note-drop.png")
    data = mime_with([photo])
    data.setText(QUrl.fromLocalFile(str(photo)).toString())  # file managers add text too
    target = view.note_edit.viewport()
    deliver(target, data)
    assert [e.filename for e in register.evidence.for_case(case.id)] == ["note-drop.png"]
    assert view.note_edit.toPlainText() == ""
    assert view.tabs.currentWidget() is view.evidence_panel
    # Plain text dropped on the note box is still typed into it.
    text = QMimeData()
    text.setText("买家已同意补发")
    assert deliver(target, text).isAccepted()
    assert view.note_edit.toPlainText() == "买家已同意补发"
    assert len(register.evidence.for_case(case.id)) == 1


def test_a_file_dropped_on_a_line_edit_of_the_case_is_attached(qtbot, register, case, tmp_path):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.show()
    view.show_case(case.id)
    first = register.evidence.add_file(case.id, png(tmp_path, "first.png"), "小王")
    panel = view.evidence_panel
    panel.refresh()
    panel.select(first.id)
    caption = panel.caption  # enabled now; a line edit takes text drops itself
    assert caption.isEnabled()
    data = mime_with([png(tmp_path, "caption-drop.png", "#00ff00")])
    data.setText("file:///somewhere/caption-drop.png")
    deliver(caption, data)
    assert [e.filename for e in register.evidence.for_case(case.id)] == [
        "first.png", "caption-drop.png"]
    assert register.evidence.get(first.id).caption == ""
    assert "somewhere" not in caption.text()


def test_checklist_add_links_work_from_the_keyboard(qtbot, panel, register, case, tmp_path,
                                                    monkeypatch):
    # The shared case is "item defective": photos of the item first, then a video.
    photo = png(tmp_path, "item.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(photo)], "")))
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.show_removed.setFocus()
    qtbot.waitUntil(panel.show_removed.hasFocus, timeout=2000)
    qtbot.keyClick(panel.show_removed, Qt.Key.Key_Tab)  # on to the checklist
    assert panel.checklist_label.hasFocus()
    qtbot.keyClick(panel.checklist_label, Qt.Key.Key_Tab)  # its first "Add…" link
    assert panel.checklist_label.hasFocus()
    with qtbot.waitSignal(panel.checklist_label.linkActivated) as activated:
        qtbot.keyClick(panel.checklist_label, Qt.Key.Key_Return)
    assert activated.args == ["add:item_photo"]
    [ev] = register.evidence.for_case(case.id)
    assert ev.category == EvidenceCategory.ITEM_PHOTO


def test_a_category_the_file_contradicts_is_not_printed_as_fact(qtbot, panel, register, case,
                                                                tmp_path):
    """A screenshot added while 'add as' says 视频 is filed as 其他, and the user is told."""
    choose(qtbot, panel.add_as, EvidenceCategory.VIDEO.value)
    drop(panel, [png(tmp_path, "chat.png")])
    [stored] = register.evidence.for_case(case.id)
    assert stored.category == EvidenceCategory.OTHER
    assert "chat.png" in panel.notice.text()


def test_the_add_link_does_not_break_between_its_characters(qtbot, chinese_ui, register,
                                                            case):
    """Chinese wraps between any two characters; the link must not read 添 / 加… on two lines."""
    panel = EvidencePanel(register, Operator())
    qtbot.addWidget(panel)
    panel.set_case(case.id)
    assert "添\u2060加\u2060…" in panel.checklist_label.text()


def test_add_files_starts_at_the_first_missing_item_and_moves_on(qtbot, panel, register, case,
                                                                 tmp_path, monkeypatch):
    # item_defective: 商品实物照片, 视频, 聊天记录. Adding from the top button files the
    # photo where the checklist needs it (it was 其他, leaving the checklist red).
    assert panel.add_as.current() == EvidenceCategory.ITEM_PHOTO
    titles: list[str] = []
    photo = png(tmp_path, "破洞.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda parent, title, *a: titles.append(title) or ([str(photo)], "")))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert EvidenceCategory.ITEM_PHOTO.zh in titles[0]
    [ev] = register.evidence.for_case(case.id)
    assert ev.category == EvidenceCategory.ITEM_PHOTO
    assert [i.satisfied for i in panel.checklist_items()] == [True, False, False]
    assert EvidenceCategory.ITEM_PHOTO.zh in panel.notice.text()
    # The next missing item that a file can be: 视频 (then 聊天记录).
    assert panel.add_as.current() == EvidenceCategory.VIDEO
    # A choice the user made stays.
    choose(qtbot, panel.add_as, EvidenceCategory.RECEIPT.value)
    panel.refresh()
    assert panel.add_as.current() == EvidenceCategory.RECEIPT


def test_unsupported_and_damaged_files_are_refused_by_name(qtbot, panel, register, case,
                                                          tmp_path, monkeypatch):
    files = {"notes.txt": b"buyer said the cup leaks", "fake.heic": b"\x00\x00\x00\x18",
             "trunc.gif": b"GIF89a", "other.docx": b"not a word document at all"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    good = png(tmp_path, "ok.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *a: ([str(tmp_path / n) for n in files] + [str(good)], "")))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert [e.filename for e in register.evidence.for_case(case.id)] == ["ok.png"]
    notice = panel.notice.text()
    assert panel.notice.isVisible() and notice.startswith(
        panel.tr("%1 of %2 files added.").replace("%1", "1").replace("%2", "5"))
    assert "不支持的文件类型：“notes.txt”（text/plain）" in notice
    assert "“fake.heic”的内容不是图片" in notice
    assert "无法读取图片“trunc.gif”" in notice
    assert "“other.docx”不是真正的Word 文档" in notice
