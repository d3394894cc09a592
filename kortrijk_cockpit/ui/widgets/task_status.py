"""Status-bar widget: what runs in the background, how far along, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from kortrijk_cockpit.ui.tasks import TaskRunner


class TaskStatus(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._current: int | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton()
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Cancel the running task"))
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        runner.task_started.connect(self._started)
        runner.task_progress.connect(self._progress)
        runner.task_finished.connect(self._finished)
        self.hide()

    def _started(self, task_id: int, label: str) -> None:
        self._current = task_id
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the work reports a total
        self.show()

    def _progress(self, task_id: int, done: int, total: int, message: str) -> None:
        if task_id != self._current:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if message:
            self.label.setText(f"{self._runner.label(task_id)}: {message}")

    def _finished(self, _task_id: int) -> None:
        if self._runner.active_count == 0:
            self._current = None
            self.hide()

    def _cancel(self) -> None:
        if self._current is not None:
            self._runner.cancel(self._current)
