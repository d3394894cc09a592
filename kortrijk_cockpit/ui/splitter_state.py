"""A splitter's sizes, kept in the window's state file between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter


def save_splitter(state: QSettings, group: str, splitter: QSplitter) -> None:
    state.beginGroup(group)
    state.setValue("splitter", splitter.saveState())
    state.endGroup()


def restore_splitter(state: QSettings, group: str, splitter: QSplitter) -> bool:
    """Whether sizes were kept from an earlier run (else the caller sets its defaults)."""
    state.beginGroup(group)
    saved = state.value("splitter")
    state.endGroup()
    return isinstance(saved, QByteArray) and not saved.isEmpty() \
        and splitter.restoreState(saved)
