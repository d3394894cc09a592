"""The QApplication: names, style sheet, icon and translations."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit import APP_ID, APP_NAME, __version__
from kortrijk_cockpit.config import resources_dir

log = logging.getLogger(__name__)

LOCALE = QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Stad Kortrijk")
    app.setDesktopFileName(APP_ID)
    QLocale.setDefault(LOCALE)
    icon = resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resources_dir() / "styles" / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    install_translators(app, "nl")
    return app


def route_qt_messages_to_log() -> None:
    """Qt's own warnings go to the log file, not to the user's console."""
    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our Dutch strings and Qt's own (buttons, standard dialogs)."""
    translators: list[QTranslator] = []
    for previous in getattr(app, "_cockpit_translators", []):
        app.removeTranslator(previous)
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"kortrijk_cockpit_{language}.qm")):
        translators.append(ours)
    else:
        log.warning("no translation for %s", language)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    app._cockpit_translators = translators  # type: ignore[attr-defined]
    return translators
