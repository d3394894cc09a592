"""Connection to the director's mailbox: address, account, test, save.

The password goes to the OS keyring only (Windows Credential Manager); the
rest of the profile to the settings file. "Verbinding testen" runs on the task
runner and says in Dutch which step failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.connection import ConnectionCheck
    from kortrijk_cockpit.exchange.ews import EwsSettings


class ConnectionDialog(QDialog):
    saved = Signal(object, str)  # EwsSettings, password (kept in memory by the receiver)
    checked = Signal(object)  # ConnectionCheck

    def __init__(self, settings: Settings, runner: TaskRunner, *,
                 save_settings: Callable[[Settings], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._runner = runner
        self._save_settings = save_settings
        self.setWindowTitle(self.tr("Connection with Exchange"))
        self.resize(640, 360)

        self.endpoint = QLineEdit(settings.exchange_endpoint)
        self.endpoint.setPlaceholderText("https://mail.kortrijk.be/EWS/Exchange.asmx")
        self.mailbox = QLineEdit(settings.exchange_mailbox)
        self.mailbox.setPlaceholderText("algemeen.directeur@kortrijk.be")
        self.username = QLineEdit(settings.exchange_username)
        self.username.setPlaceholderText(self.tr("DOMAIN\\user or user@kortrijk.be"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.auth = QComboBox()
        self.auth.addItem(self.tr("Windows sign-in (NTLM)"), "ntlm")
        self.auth.addItem(self.tr("Basic"), "basic")
        self.auth.setCurrentIndex(max(0, self.auth.findData(settings.exchange_auth)))
        self.ca_bundle = QLineEdit(settings.exchange_ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("Optional: the organisation's CA certificate"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)

        self.show_private = QCheckBox(self.tr("Show private items (only if the director gave "
                                              "you the right to view them)"))
        self.show_private.setChecked(settings.show_private_items)

        form = QFormLayout()
        form.addRow(self.tr("EWS address"), self.endpoint)
        form.addRow(self.tr("Director's mailbox"), self.mailbox)
        form.addRow(self.tr("Your user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sign-in method"), self.auth)
        form.addRow(self.tr("CA certificate"), ca_row)
        form.addRow("", self.show_private)

        self.feedback = QLabel("")
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("emptyText")
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer)"))
        if path:
            self.ca_bundle.setText(path)

    def ews_settings(self) -> EwsSettings:
        from kortrijk_cockpit.exchange.ews import EwsSettings

        return EwsSettings(endpoint=self.endpoint.text().strip(),
                           mailbox=self.mailbox.text().strip(),
                           username=self.username.text().strip(),
                           auth=str(self.auth.currentData()),
                           ca_bundle=self.ca_bundle.text().strip())

    def _missing(self) -> str:
        if not (self.endpoint.text().strip() and self.mailbox.text().strip()
                and self.username.text().strip() and self.password.text()):
            return self.tr("Fill in the address, the director's mailbox, your user name and "
                           "your password.")
        return ""

    def test_connection(self) -> None:
        missing = self._missing()
        if missing:
            self.feedback.setText(missing)
            return
        from kortrijk_cockpit.exchange.connection import check_connection

        settings, password = self.ews_settings(), self.password.text()
        self.test_button.setEnabled(False)
        self.feedback.setText(self.tr("Testing the connection…"))
        self._runner.run(self.tr("Testing the connection"),
                         lambda _ctx: check_connection(settings, password),
                         on_success=self._tested, on_failure=self._test_failed)

    def _tested(self, check: ConnectionCheck) -> None:
        self.test_button.setEnabled(True)
        self.feedback.setText(("✔ " if check.ok else "✘ ") + check.message)
        self.checked.emit(check)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.feedback.setText("✘ " + getattr(exc, "user_message", str(exc)))

    def save(self) -> None:
        missing = self._missing()
        if missing:
            self.feedback.setText(missing)
            return
        from kortrijk_cockpit.errors import UserFacingError
        from kortrijk_cockpit.exchange import auth

        ews = self.ews_settings()
        try:
            auth.store_password(ews.username, ews.endpoint, self.password.text())
        except UserFacingError as exc:
            self.feedback.setText("✘ " + exc.user_message)
            return
        self._settings.exchange_endpoint = ews.endpoint
        self._settings.exchange_mailbox = ews.mailbox
        self._settings.exchange_username = ews.username
        self._settings.exchange_auth = ews.auth
        self._settings.exchange_ca_bundle = ews.ca_bundle
        self._settings.show_private_items = self.show_private.isChecked()
        self._save_settings(self._settings)
        self.saved.emit(ews, self.password.text())
        self.password.clear()
        self.accept()
