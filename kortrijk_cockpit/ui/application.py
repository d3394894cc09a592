"""The QApplication: names, style sheet, icon and translations."""

from __future__ import annotations

import logging
import sys
from collections import deque
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
    """Qt's own warnings go to the log file, not to the user's console.

    A fatal message (Qt aborts right after it, e.g. no platform plugin could be
    loaded) also goes to stderr, with the platform warnings just before it that
    name the cause (a missing libxcb-* package): otherwise the user only sees "Aborted".
    """
    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    platform_warnings: deque[str] = deque(maxlen=5)

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)
        if kind == QtMsgType.QtWarningMsg and (context.category or "").startswith("qt.qpa"):
            platform_warnings.append(message)
        if kind == QtMsgType.QtFatalMsg:
            lines = [f"{APP_ID}: Qt: {line}" for line in [*platform_warnings, message]]
            lines.append(f"{APP_ID}: het venster kon niet worden geopend. Op Linux: installeer "
                         "de systeempakketten met 'bash .ci/system_packages' (README, "
                         "Quick start).")
            print("\n".join(lines), file=sys.stderr, flush=True)

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
