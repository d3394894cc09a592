"""Connection to the director's mailbox: address, account, test, save.

On-premises: user name and password; the password goes to the OS keyring only
(Windows Credential Manager). Microsoft 365: "Aanmelden" opens the browser for
the organisation's sign-in; MSAL's tokens go to the keyring only. The rest of
the profile goes to the settings file (exchange/profile.py does the saving).
"Verbinding testen" runs on the task runner and says in Dutch which step failed.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from dataclasses import replace
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
from kortrijk_cockpit.exchange.m365 import M365_ENDPOINT, M365Session, authority_for, tenant_of
from kortrijk_cockpit.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.connection import ConnectionCheck
    from kortrijk_cockpit.exchange.ews import EwsSettings, Secret


class ConnectionDialog(QDialog):
    saved = Signal(object, object)  # EwsSettings, Secret (kept in memory by the receiver)
    checked = Signal(object)  # ConnectionCheck
    signed_in = Signal(str)  # the Microsoft 365 account, "" when the sign-in failed

    def __init__(self, settings: Settings, runner: TaskRunner, *,
                 save_settings: Callable[[Settings], None],
                 in_use: EwsSettings | None = None,
                 open_browser: Callable[[str], bool] = webbrowser.open,
                 parent: QWidget | None = None) -> None:
        """`in_use`: the connection syncing now, shown instead of the saved one
        (they differ in --demo, whose sandbox connection is never saved)."""
        super().__init__(parent)
        self._settings = settings
        if in_use is not None:
            settings = replace(
                settings, exchange_endpoint=in_use.endpoint, exchange_mailbox=in_use.mailbox,
                exchange_username=in_use.username, exchange_auth=in_use.auth,
                exchange_ca_bundle=in_use.ca_bundle, exchange_authority=in_use.authority,
                exchange_client_id=in_use.client_id)
        self._runner = runner
        self._save_settings = save_settings
        self._open_browser = open_browser
        self._session: M365Session | None = None
        self._sign_in_task: int | None = None
        self.setWindowTitle(self.tr("Connection with Exchange"))
        self.resize(680, 420)

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
        self.auth.addItem(self.tr("Microsoft 365 (sign in with the browser)"), "oauth2")
        self.auth.setCurrentIndex(max(0, self.auth.findData(settings.exchange_auth)))

        self.tenant = QLineEdit(tenant_of(settings.exchange_authority))
        self.tenant.setPlaceholderText("kortrijk.be")
        self.client_id = QLineEdit(settings.exchange_client_id)
        self.client_id.setPlaceholderText(self.tr("Application ID from the IT department"))
        self.sign_in_button = QPushButton(self.tr("&Sign in…"))
        self.sign_in_button.clicked.connect(self._sign_in_clicked)
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.account = QLabel("")
        self._sign_in_row = sign_in_row = QHBoxLayout()
        sign_in_row.addWidget(self.account, 1)
        sign_in_row.addWidget(self.sign_in_button)
        sign_in_row.addWidget(self.sign_out_button)
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

        self.form = form = QFormLayout()
        form.addRow(self.tr("Sign-in method"), self.auth)
        form.addRow(self.tr("EWS address"), self.endpoint)
        form.addRow(self.tr("Director's mailbox"), self.mailbox)
        form.addRow(self.tr("Your user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Tenant"), self.tenant)
        form.addRow(self.tr("Application ID"), self.client_id)
        form.addRow(self.tr("Account"), sign_in_row)
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

        self.auth.currentIndexChanged.connect(self._method_changed)
        for field in (self.tenant, self.client_id, self.ca_bundle):
            field.textEdited.connect(self._profile_edited)
        if settings.exchange_auth == "oauth2":
            self._session = self._new_session()
        self._method_changed()

    @property
    def uses_m365(self) -> bool:
        return self.auth.currentData() == "oauth2"

    def _method_changed(self) -> None:
        m365 = self.uses_m365
        for field in (self.username, self.password):
            self.form.setRowVisible(field, not m365)
        for field in (self.tenant, self.client_id):
            self.form.setRowVisible(field, m365)
        self.form.setRowVisible(self._sign_in_row, m365)
        self.endpoint.setPlaceholderText(
            M365_ENDPOINT if m365 else self.tr("Empty: found automatically (autodiscover)"))
        self.feedback.setText("")  # a hint or test result of the other method no longer applies
        self._show_account()

    # -- Microsoft 365 -----------------------------------------------------------
    def _new_session(self) -> M365Session:
        return M365Session(authority_for(self.tenant.text()), self.client_id.text().strip(),
                           ca_bundle=self.ca_bundle.text().strip())

    def _profile_edited(self) -> None:
        """Another tenant or app has its own sign-in (or none yet) in the keyring."""
        if self._sign_in_task is None:
            filled = self.tenant.text().strip() and self.client_id.text().strip()
            self._session = self._new_session() if filled else None
            self._show_account()

    def _account_name(self) -> str:
        from kortrijk_cockpit.errors import UserFacingError

        try:
            return self._session.username() if self._session is not None else ""
        except UserFacingError:
            return ""

    def _show_account(self) -> None:
        name = self._account_name()
        signing_in = self._sign_in_task is not None
        if signing_in:
            self.account.setText(self.tr("Sign in in the browser window that opened…"))
        elif name:
            self.account.setText(self.tr("Signed in as %1").replace("%1", name))
        else:
            self.account.setText(self.tr("Not signed in"))
        self.sign_in_button.setText(self.tr("Cancel sign-in") if signing_in
                                    else self.tr("&Sign in…"))
        self.sign_out_button.setVisible(bool(name) and not signing_in)

    def _sign_in_clicked(self) -> None:
        if self._sign_in_task is not None:
            self._runner.cancel(self._sign_in_task)
            return
        if not (self.tenant.text().strip() and self.client_id.text().strip()):
            self.feedback.setText(self.tr("Fill in the tenant and the application ID."))
            return
        session = self._session = self._new_session()
        hint, open_browser = self.username.text().strip(), self._open_browser
        self.feedback.setText("")
        self._sign_in_task = self._runner.run(
            self.tr("Signing in to Microsoft 365"),
            lambda ctx: session.sign_in(login_hint=hint, open_browser=open_browser,
                                        cancelled=lambda: ctx.cancelled),
            owner=self, on_success=self._signed_in, on_failure=self._sign_in_failed)
        self._show_account()

    def _signed_in(self, username: str) -> None:
        self._sign_in_task = None
        self.username.setText(username)
        self._show_account()
        self.signed_in.emit(username)

    def _sign_in_failed(self, exc: BaseException) -> None:
        self._sign_in_task = None
        self._show_account()
        self.feedback.setText("✘ " + getattr(exc, "user_message", str(exc)))
        self.signed_in.emit("")

    def sign_out(self) -> None:
        if self._session is not None:
            self._session.sign_out()
        self._show_account()

    def reject(self) -> None:
        if self._sign_in_task is not None:
            self._runner.cancel(self._sign_in_task)
        super().reject()

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer)"))
        if path:
            self.ca_bundle.setText(path)

    def ews_settings(self) -> EwsSettings:
        from kortrijk_cockpit.exchange.ews import EwsSettings

        m365 = self.uses_m365
        endpoint = self.endpoint.text().strip()
        return EwsSettings(endpoint=endpoint or (M365_ENDPOINT if m365 else ""),
                           mailbox=self.mailbox.text().strip(),
                           username=(self._account_name() if m365
                                     else self.username.text().strip()),
                           auth=str(self.auth.currentData()),
                           ca_bundle=self.ca_bundle.text().strip(),
                           authority=authority_for(self.tenant.text()) if m365 else "",
                           client_id=self.client_id.text().strip() if m365 else "")

    def _secret(self) -> Secret:
        return self._session if self.uses_m365 and self._session else self.password.text()

    def _missing(self) -> str:
        if self.uses_m365:
            if not (self.mailbox.text().strip() and self.tenant.text().strip()
                    and self.client_id.text().strip()):
                return self.tr("Fill in the director's mailbox, the tenant and the "
                               "application ID.")
            if not self._account_name():
                return self.tr("Sign in to Microsoft 365 first.")
            return ""
        if not (self.mailbox.text().strip() and self.username.text().strip()
                and self.password.text()):
            return self.tr("Fill in the director's mailbox, your user name and your password.")
        return ""

    def test_connection(self, *, then_save: bool = False) -> None:
        missing = self._missing()
        if missing:
            self.feedback.setText(missing)
            return
        from kortrijk_cockpit.exchange.connection import check_connection

        settings, secret = self.ews_settings(), self._secret()
        self.test_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.feedback.setText(self.tr("Looking for the server (autodiscover)…")
                              if not settings.endpoint else self.tr("Testing the connection…"))
        self._runner.run(self.tr("Testing the connection"),
                         lambda _ctx: check_connection(settings, secret), owner=self,
                         on_success=lambda check: self._tested(check, then_save),
                         on_failure=self._test_failed)

    def _tested(self, check: ConnectionCheck, then_save: bool = False) -> None:
        self.test_button.setEnabled(True)
        self.save_button.setEnabled(True)
        if check.endpoint and not self.endpoint.text().strip():
            self.endpoint.setText(check.endpoint)  # found by autodiscover: keep it
        self.feedback.setText(("✔ " if check.ok else "✘ ") + check.message)
        self.checked.emit(check)
        if then_save and self.endpoint.text().strip():
            self.save()

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.feedback.setText("✘ " + getattr(exc, "user_message", str(exc)))

    def save(self) -> None:
        missing = self._missing()
        if missing:
            self.feedback.setText(missing)
            return
        ews = self.ews_settings()
        if not ews.endpoint:
            self.test_connection(then_save=True)  # find the address first, then save
            return
        from kortrijk_cockpit.errors import UserFacingError
        from kortrijk_cockpit.exchange.profile import save_profile

        try:
            save_profile(self._settings, ews, password=self.password.text(),
                         show_private=self.show_private.isChecked(),
                         persist=self._save_settings)
        except UserFacingError as exc:
            self.feedback.setText("✘ " + exc.user_message)
            return
        self.saved.emit(ews, self._secret())
        self.password.clear()
        self.accept()
