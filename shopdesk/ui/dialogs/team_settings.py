"""Settings → Team mode: where the register is, and setting this PC up for a team register.

The same services as `shopdesk team init|connect|disconnect` (services/team.py): the owner
creates the team register on a PostgreSQL server from this PC's register (every row copied,
counted and checksummed; the local file is kept as it was), a staff PC connects to it, and
either goes back to the local register. The password goes to the OS keyring, never to the
settings; the page never shows it. Set-up runs off the UI thread with its progress shown;
once this PC uses another register, `switched` is set and the window reopens on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ShopDeskError
from ...services import team
from ...services.register import Register
from ..save_location import suggested_open_folder
from ..tasks import Task


class TeamSettingsPage(QWidget):
    """The 团队模式 tab. `switched` is True once this PC uses another register."""

    setup_ended = Signal(bool)  # a set-up or connect ended: True when it succeeded
    _step = Signal(str, int)  # from the worker: table, rows copied so far

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team_settings")
        self._paths = register.paths
        self._clock = register.clock
        self._lang = lang
        self.switched = False
        # Set by the Settings dialog: saves its other tabs (False when one refuses), so
        # switching registers never drops an edit made there.
        self.save_other_pages: Callable[[], bool] = lambda: True
        self._task: Task | None = None
        self._step.connect(self._show_step)

        self.where_label = QLabel(self)
        self.where_label.setObjectName("team_where")
        self.where_label.setWordWrap(True)
        self.host = self._line("team_host", self.tr("e.g. 192.168.1.20 or db.example.com"))
        self.port = QSpinBox(self)
        self.port.setObjectName("team_port")
        self.port.setRange(1, 65535)
        self.port.setValue(team.DEFAULT_PORT)
        self.database = self._line("team_database", "shopdesk")
        self.user = self._line("team_user", "shopdesk")
        self.password = self._line("team_password", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox(self)
        self.tls.setObjectName("team_tls")
        for mode in team.TLS_MODES:
            self.tls.addItem(mode, mode)
        self.tls.setCurrentIndex(self.tls.findData("prefer"))
        self.tls.setToolTip(self.tr("require: always encrypted; verify-ca / verify-full: also "
                                    "check the server's certificate against the root "
                                    "certificate below; prefer: encrypted when the server "
                                    "offers it"))
        self.root_cert = self._line("team_root_cert", self.tr("only for verify-ca / verify-full"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("team_root_cert_browse")
        browse.clicked.connect(self._browse_cert)
        cert_row = QHBoxLayout()
        cert_row.addWidget(self.root_cert, 1)
        cert_row.addWidget(browse)

        self.init_button = QPushButton(self.tr("Create the team register from this one…"), self)
        self.init_button.setObjectName("team_init")
        self.init_button.setToolTip(self.tr("For the shop owner, once: copies every case, "
                                            "note, call, script and piece of evidence of this "
                                            "PC's register to the server. The local file is "
                                            "kept as it is."))
        self.connect_button = QPushButton(self.tr("Connect this PC"), self)
        self.connect_button.setObjectName("team_connect")
        self.disconnect_button = QPushButton(self.tr("Use the local register again…"), self)
        self.disconnect_button.setObjectName("team_disconnect")
        self.init_button.clicked.connect(self.create_team_register)
        self.connect_button.clicked.connect(self.connect_pc)
        self.disconnect_button.clicked.connect(self.disconnect_pc)
        buttons = QHBoxLayout()
        buttons.addWidget(self.init_button)
        buttons.addWidget(self.connect_button)
        buttons.addStretch(1)
        where_row = QHBoxLayout()  # going back sits beside where the register is
        where_row.addWidget(self.where_label, 1)
        where_row.addWidget(self.disconnect_button)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("team_progress")
        self.progress.setRange(0, 0)  # busy: the number of rows is not known up front
        self.progress.hide()
        self.result = QLabel(self)
        self.result.setObjectName("team_result")
        self.result.setWordWrap(True)
        note = QLabel(self.tr("The password is kept in this PC's keyring (Windows Credential "
                              "Manager, macOS Keychain), never in the settings file."), self)
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("TLS mode:"), self.tls)
        form.addRow(self.tr("Root certificate:"), cert_row)
        layout = QVBoxLayout(self)
        layout.addLayout(where_row)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result, 1)
        self._fill()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _fill(self) -> None:
        """Where the register is now; the saved address's fields (never its password)."""
        try:
            now = team.where(self._paths)
            saved = team.saved_parts(self._paths)
        except (ShopDeskError, ValueError) as exc:  # a broken team.json: said, not raised
            self.where_label.setText(str(exc))
            return
        if now.mode == "local":
            self.where_label.setText(self.tr("This PC uses its local register:\n{path}")
                                     .format(path=now.where))
        else:
            self.where_label.setText(self.tr(
                "This PC uses the team register on {where} as user {user} (TLS mode "
                "{tls}).").format(where=now.where, user=now.user, tls=now.tls_mode))
            self.host.setText(saved.get("host", ""))
            self.port.setValue(int(saved.get("port") or team.DEFAULT_PORT))
            self.database.setText(saved.get("dbname", ""))
            self.user.setText(saved.get("user", ""))
            mode = self.tls.findData(saved.get("sslmode") or "prefer")
            self.tls.setCurrentIndex(max(mode, 0))
            self.root_cert.setText(saved.get("sslrootcert", ""))
            # Only what is true: a team without passwords (trust, pgpass) has none stored.
            self.password.setPlaceholderText(
                self.tr("kept in the keyring") if team.password_saved(self._paths)
                else self.tr("none saved on this PC"))
        self.disconnect_button.setEnabled(now.mode == "team")

    def _browse_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Root certificate"), suggested_open_folder(),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"))
        if path:
            self.root_cert.setText(path)

    def url(self) -> str:
        """The address from the fields (ShopDeskError naming what is missing)."""
        return team.build_url(self.host.text(), self.database.text(), self.user.text(),
                              port=self.port.value(), password=self.password.text(),
                              tls_mode=self.tls.currentData(), root_cert=self.root_cert.text())

    def busy(self) -> bool:
        """A set-up is still running (its result may still be on its way)."""
        return self._task is not None and not self._task.is_done()

    # --- the three commands -------------------------------------------------------------
    def create_team_register(self) -> None:
        url = self._checked_url()
        if url is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Team mode"),
            self.tr("Create the team register on {where} and copy this PC's register into "
                    "it? The local file is kept as it is, as a backup. This can take minutes "
                    "for a large register.").format(where=team.describe_url(url)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes or not self.save_other_pages():
            return
        paths, clock = self._paths, self._clock
        self._start(lambda: team.init(paths, clock, url, self._step.emit), self._inited)

    def connect_pc(self) -> None:
        url = self._checked_url()
        if url is None or not self.save_other_pages():
            return
        paths = self._paths
        self._start(lambda: team.connect(paths, url), self._connected)

    def disconnect_pc(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Team mode"),
            self.tr("Use this PC's local register again? It holds what it held before the "
                    "team register was set up; the team register stays on the server for "
                    "the others."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes or not self.save_other_pages():
            return
        team.disconnect(self._paths)
        self._done(self.tr("This PC uses its local register again:\n{path}")
                   .format(path=self._paths.database))

    def _checked_url(self) -> str | None:
        try:
            return self.url()
        except ShopDeskError as exc:
            self._failed(exc)
            return None

    # --- running and reporting ----------------------------------------------------------
    def _start(self, work: Any, done: Any) -> None:
        self.result.setText(self.tr("Connecting to the server…"))
        self.progress.show()
        for widget in (self.init_button, self.connect_button, self.disconnect_button):
            widget.setEnabled(False)
        task = self._task = Task(lambda _progress, _cancelled: work(), "team_setup")
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.ended.connect(self._ended)
        QThreadPool.globalInstance().start(QRunnable.create(task.execute))

    def _show_step(self, table: str, rows: int) -> None:
        self.result.setText(self.tr("Copying {table}: {rows} rows…")
                            .format(table=table, rows=f"{rows:,}"))

    def _ended(self) -> None:
        self._task = None
        self.progress.hide()
        self.init_button.setEnabled(True)
        self.connect_button.setEnabled(True)
        self.disconnect_button.setEnabled(team.where(self._paths).mode == "team")

    def _failed(self, exc: object) -> None:
        text = exc.message(self._lang) if isinstance(exc, ShopDeskError) else str(exc)
        self.result.setText(text)
        self.setup_ended.emit(False)

    def _inited(self, report: team.InitReport) -> None:
        counts = ", ".join(f"{table} {rows:,}" for table, rows in report.copied.items() if rows)
        self._done(self.tr(
            "The team register was created on {where}: {total} rows copied, every table "
            "counted and checksummed ({counts}); {files} evidence files uploaded. The local "
            "file is kept as it was.").format(
                where=report.where, total=f"{sum(report.copied.values()):,}",
                counts=counts or self.tr("the register was empty"), files=report.evidence_files))

    def _connected(self, status: team.TeamStatus) -> None:
        tls = self.tr("encrypted (TLS)") if status.encrypted else self.tr("not encrypted")
        text = self.tr("This PC now uses the team register on {where} ({cases} cases, "
                       "{tls}).").format(where=status.where, cases=status.cases, tls=tls)
        left = status.local_only_warning(self._lang)  # work done here while not connected
        self._done(text + ("\n\n" + left if left else ""))

    def _done(self, text: str) -> None:
        """This PC uses another register now: say what happened; the window reopens."""
        self.result.setText(text)
        self.password.clear()
        self.switched = True
        QMessageBox.information(self, self.tr("Team mode"),
                                text + "\n\n" + self.tr("The window now reopens on it."))
        self.setup_ended.emit(True)
