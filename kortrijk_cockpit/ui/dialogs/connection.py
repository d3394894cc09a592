"""Connection to the director's mailbox: protocol, address, account, test, save.

First the choice: Microsoft 365 (Graph) or Exchange on-premises (EWS). Graph
asks the director's address, the tenant and the app, then a sign-in: in the
browser, or with a code entered on another device when the browser is locked
down. Under EWS, on-premises: user name and password; the password goes to the OS keyring only
(Windows Credential Manager). Microsoft 365: "Aanmelden" opens the browser for
the organisation's sign-in; MSAL's tokens go to the keyring only. The rest of
the profile goes to the settings file (exchange/profile.py does the saving).
"Verbinding testen" runs on the task runner and says in Dutch which step failed.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
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
from kortrijk_cockpit.exchange.graph.settings import GRAPH_ENDPOINT, GRAPH_SCOPES, GraphSettings
from kortrijk_cockpit.exchange.m365 import (
    EWS_SCOPES,
    M365_ENDPOINT,
    DeviceCode,
    M365Session,
    SignInCancelled,
    authority_for,
    tenant_of,
)
from kortrijk_cockpit.task_context import TaskContext
from kortrijk_cockpit.ui.tasks import TaskRunner

_T = TypeVar("_T")

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.connection import ConnectionCheck
    from kortrijk_cockpit.exchange.ews import EwsSettings, Secret


class ConnectionDialog(QDialog):
    saved = Signal(object, object)  # EwsSettings | GraphSettings, Secret (kept in memory)
    checked = Signal(object)  # ConnectionCheck
    signed_in = Signal(str)  # the Microsoft 365 account, "" when the sign-in failed

    def __init__(self, settings: Settings, runner: TaskRunner, *,
                 save_settings: Callable[[Settings], None],
                 in_use: EwsSettings | GraphSettings | None = None,
                 open_browser: Callable[[str], bool] = webbrowser.open,
                 parent: QWidget | None = None) -> None:
        """`in_use`: the connection syncing now, shown instead of the saved one
        (they differ in --demo, whose sandbox connection is never saved)."""
        super().__init__(parent)
        self._settings = settings
        if isinstance(in_use, GraphSettings):
            settings = replace(
                settings, exchange_backend="graph", exchange_mailbox=in_use.mailbox,
                exchange_username=in_use.username, exchange_ca_bundle=in_use.ca_bundle,
                exchange_authority=in_use.authority, exchange_client_id=in_use.client_id,
                graph_endpoint="" if in_use.endpoint == GRAPH_ENDPOINT else in_use.endpoint)
        elif in_use is not None:
            settings = replace(
                settings, exchange_backend="ews", exchange_endpoint=in_use.endpoint, exchange_mailbox=in_use.mailbox,
                exchange_username=in_use.username, exchange_auth=in_use.auth,
                exchange_ca_bundle=in_use.ca_bundle, exchange_authority=in_use.authority,
                exchange_client_id=in_use.client_id)
        self._runner = runner
        self._save_settings = save_settings
        self._open_browser = open_browser
        self._session: M365Session | None = None
        self._sign_in_task: int | None = None
        self._graph_endpoint = settings.graph_endpoint or GRAPH_ENDPOINT
        # --demo --graph: the sandbox's own token, no Microsoft 365 sign-in to show.
        self._sandbox_token = isinstance(in_use, GraphSettings) and not in_use.authority
        self.setWindowTitle(self.tr("Connection with Exchange"))
        self.resize(680, 460)

        self.protocol = QComboBox()
        self.protocol.addItem(self.tr("Microsoft 365 (Graph)"), "graph")
        self.protocol.addItem(self.tr("Exchange on-premises (EWS)"), "ews")
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(settings.exchange_backend)))
        self.protocol_note = QLabel(self.tr(
            "A mailbox in Microsoft 365 is reached through Graph. Microsoft 365 over EWS only "
            "works while the city's tenant allows this app, and at the latest until 1 April "
            "2027. Exchange on-premises keeps EWS."))
        self.protocol_note.setWordWrap(True)
        self.protocol_note.setObjectName("emptyText")

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
        self.code_button = QPushButton(self.tr("Sign in with &code…"))
        self.code_button.setToolTip(self.tr("For a browser that cannot finish the sign-in: "
                                            "enter a code on any device."))
        self.code_button.clicked.connect(self.sign_in_with_code)
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.account = QLabel("")
        self._sign_in_row = sign_in_row = QHBoxLayout()
        sign_in_row.addWidget(self.account, 1)
        sign_in_row.addWidget(self.sign_in_button)
        sign_in_row.addWidget(self.code_button)
        sign_in_row.addWidget(self.sign_out_button)

        # The device code: what to type where, until signed in or cancelled.
        self.code_panel = QWidget()
        self.code_text = QLabel("")
        self.code_text.setWordWrap(True)
        self.code_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.copy_code_button = QPushButton(self.tr("Co&py code"))
        self.copy_code_button.clicked.connect(self._copy_code)
        self.cancel_code_button = QPushButton(self.tr("Cancel"))
        self.cancel_code_button.clicked.connect(self._cancel_sign_in)
        code_row = QHBoxLayout(self.code_panel)
        code_row.setContentsMargins(0, 0, 0, 0)
        code_row.addWidget(self.code_text, 1)
        code_row.addWidget(self.copy_code_button)
        code_row.addWidget(self.cancel_code_button)
        self.code_panel.hide()
        self._device_code: DeviceCode | None = None
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
        form.addRow(self.tr("Mailbox in"), self.protocol)
        form.addRow("", self.protocol_note)
        form.addRow(self.tr("Sign-in method"), self.auth)
        form.addRow(self.tr("EWS address"), self.endpoint)
        form.addRow(self.tr("Director's mailbox"), self.mailbox)
        form.addRow(self.tr("Your user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Tenant"), self.tenant)
        form.addRow(self.tr("Application ID"), self.client_id)
        form.addRow(self.tr("Account"), sign_in_row)
        form.addRow("", self.code_panel)
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
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        for field in (self.tenant, self.client_id, self.ca_bundle):
            field.textEdited.connect(self._profile_edited)
        if self.uses_m365:
            self._session = self._new_session()
        self._method_changed()

    @property
    def uses_graph(self) -> bool:
        return self.protocol.currentData() == "graph"

    @property
    def uses_m365(self) -> bool:
        return self.uses_graph or self.auth.currentData() == "oauth2"

    def _protocol_changed(self) -> None:
        if self._sign_in_task is not None:
            self._runner.cancel(self._sign_in_task)
        self._profile_edited()  # Graph and EWS each keep their own sign-in
        self._method_changed()

    def _method_changed(self) -> None:
        m365, graph = self.uses_m365, self.uses_graph
        self.form.setRowVisible(self.auth, not graph)
        self.form.setRowVisible(self.endpoint, not graph)
        for field in (self.username, self.password):
            self.form.setRowVisible(field, not m365)
        for field in (self.tenant, self.client_id):
            self.form.setRowVisible(field, m365)
        self.form.setRowVisible(self._sign_in_row, m365)
        self.code_button.setVisible(graph)
        self.endpoint.setPlaceholderText(
            M365_ENDPOINT if m365 else self.tr("Empty: found automatically (autodiscover)"))
        self.feedback.setText("")  # a hint or test result of the other method no longer applies
        self._show_account()

    # -- Microsoft 365 -----------------------------------------------------------
    def _new_session(self) -> M365Session:
        return M365Session(authority_for(self.tenant.text()), self.client_id.text().strip(),
                           ca_bundle=self.ca_bundle.text().strip(),
                           scopes=GRAPH_SCOPES if self.uses_graph else EWS_SCOPES)

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
        signing_in = self._sign_in_task is not None
        # While signing in, the session is busy (and its lock held): ask it nothing.
        name = "" if signing_in else self._account_name()
        if signing_in and self._device_code is not None:
            self.account.setText(self.tr("Waiting for the code to be entered…"))
        elif signing_in:
            self.account.setText(self.tr("Sign in in the browser window that opened…"))
        elif name:
            self.account.setText(self.tr("Signed in as %1").replace("%1", name))
        elif self._sandbox_token:
            self.account.setText(self.tr("Demo sandbox: signed in with its own token"))
        else:
            self.account.setText(self.tr("Not signed in"))
        self.sign_in_button.setText(self.tr("Cancel sign-in") if signing_in
                                    else self.tr("&Sign in…"))
        self.sign_out_button.setVisible(bool(name) and not signing_in)
        self.code_button.setEnabled(not signing_in)
        self.code_panel.setVisible(signing_in and self._device_code is not None)

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

    def sign_in_with_code(self) -> None:
        """Device code: ask for a code, show it with the address, wait until it was entered."""
        if self._sign_in_task is not None:
            return
        if not (self.tenant.text().strip() and self.client_id.text().strip()):
            self.feedback.setText(self.tr("Fill in the tenant and the application ID."))
            return
        session = self._session = self._new_session()
        self.feedback.setText("")
        self._sign_in_task = self._runner.run(
            self.tr("Signing in to Microsoft 365"),
            lambda ctx: _unless_cancelled(ctx, session.start_device_sign_in()),
            owner=self, on_success=self._show_code, on_failure=self._sign_in_failed)
        self._show_account()

    def _show_code(self, code: DeviceCode) -> None:
        session = self._session
        assert session is not None
        self._device_code = code
        self.code_text.setText(self.tr("Open %1 on any device and enter the code %2.")
                               .replace("%1", code.verification_uri)
                               .replace("%2", code.user_code))
        self._sign_in_task = self._runner.run(
            self.tr("Signing in to Microsoft 365"),
            lambda ctx: _unless_cancelled(ctx, session.finish_device_sign_in(
                code, cancelled=lambda: ctx.cancelled)),
            owner=self, on_success=self._signed_in, on_failure=self._sign_in_failed)
        self._show_account()
        self.copy_code_button.setFocus()

    def _copy_code(self) -> None:
        if self._device_code is not None:
            QGuiApplication.clipboard().setText(self._device_code.user_code)

    def _cancel_sign_in(self) -> None:
        if self._sign_in_task is not None:
            self._runner.cancel(self._sign_in_task)

    def _signed_in(self, username: str) -> None:
        self._device_code = None
        self._sign_in_task = None
        self.username.setText(username)
        self._show_account()
        self.signed_in.emit(username)

    def _sign_in_failed(self, exc: BaseException) -> None:
        self._device_code = None
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

    def profile(self) -> EwsSettings | GraphSettings:
        """The profile as filled in, for the chosen protocol."""
        if not self.uses_graph:
            return self.ews_settings()
        return GraphSettings(mailbox=self.mailbox.text().strip(), username=self._account_name(),
                             endpoint=self._graph_endpoint,
                             authority=authority_for(self.tenant.text()),
                             client_id=self.client_id.text().strip(),
                             ca_bundle=self.ca_bundle.text().strip())

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

        settings, secret = self.profile(), self._secret()
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
        if check.endpoint and not self.endpoint.text().strip() and not self.uses_graph:
            self.endpoint.setText(check.endpoint)  # found by autodiscover: keep it
        self.feedback.setText(("✔ " if check.ok else "✘ ") + check.message)
        self.checked.emit(check)
        if then_save and (self.uses_graph or self.endpoint.text().strip()):
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
        ews = self.profile()
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


def _unless_cancelled(ctx: TaskContext, result: _T) -> _T:
    """A result that arrived after Cancel is a failure: the dialog's callbacks must run
    (a cancelled task calls none), so it leaves its waiting state."""
    if ctx.cancelled:
        raise SignInCancelled("De aanmelding bij Microsoft 365 werd afgebroken.")
    return result
