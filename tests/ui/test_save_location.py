"""Save dialogs start in Documents, then in the folder the user last saved into."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from shopdesk.domain.case_query import CaseQuery
from shopdesk.ui.save_location import remember_folder, suggested_path


def test_first_save_starts_in_documents_not_the_working_folder(qapp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _loc: str(documents))
    assert suggested_path("a.pdf", settings) == str(documents / "a.pdf")


def test_the_last_folder_saved_into_is_offered_next_while_it_exists(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    folder = tmp_path / "appeals"
    folder.mkdir()
    remember_folder(folder / "first.pdf", settings)
    assert suggested_path("b.pdf", settings) == str(folder / "b.pdf")
    folder.rmdir()  # gone (a USB stick pulled out): back to Documents
    assert not suggested_path("b.pdf", settings).startswith(str(folder))


def test_saving_a_summary_remembers_its_folder(qtbot, demo_register, tmp_path, monkeypatch, tasks):
    """Through the real dialog: the second save starts where the first one went."""
    from PySide6.QtWidgets import QFileDialog

    from shopdesk.ui.dialogs.summary_dialog import SummaryDialog

    offered: list[str] = []
    target = tmp_path / "out" / "first.pdf"
    target.parent.mkdir()

    def fake_save(_parent, _title, start, file_filter):
        offered.append(start)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    case_id = demo_register.cases.query_ids(CaseQuery())[0]
    dialog = SummaryDialog(demo_register, [case_id], "小王", tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_pdf()
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_pdf()
    assert len(offered) == 2
    assert Path(offered[0]).parent != target.parent
    assert Path(offered[1]).parent == target.parent


def test_a_documents_folder_that_does_not_exist_is_not_offered(qapp, tmp_path, monkeypatch):
    """A fresh account may have no Documents: the dialog would open in the working folder
    (the program's own), so the home folder is offered instead."""
    missing = tmp_path / "no-documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _loc: str(missing))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert suggested_path("a.pdf", settings) == str(tmp_path / "a.pdf")


def test_open_dialogs_start_in_downloads_then_where_the_last_file_came_from(qapp, tmp_path,
                                                                             monkeypatch):
    from shopdesk.ui.save_location import remember_open_folder, suggested_open_folder

    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _loc: str(downloads))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert suggested_open_folder(settings) == str(downloads)
    exports = tmp_path / "exports"
    exports.mkdir()
    remember_open_folder(exports / "refunds.csv", settings)
    assert suggested_open_folder(settings) == str(exports)
    exports.rmdir()
    assert suggested_open_folder(settings) == str(downloads)


def test_the_import_dialog_offers_the_folder_of_the_last_export(qtbot, register, tmp_path,
                                                                tasks, monkeypatch):
    """Through the real dialog: the second file chooser starts where the first file was."""
    from PySide6.QtWidgets import QFileDialog

    from shopdesk.ui.dialogs.import_dialog import ImportDialog

    offered: list[str] = []
    first = tmp_path / "exports" / "refunds.csv"
    first.parent.mkdir()
    first.write_bytes(b"")

    def choose(_parent, _title, folder, _filter):
        offered.append(folder)
        return str(first), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    dialog = ImportDialog(register, "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    dialog.choose_file()
    assert offered[0] != "" and offered[1] == str(first.parent)
